using System.Globalization;
using System.Text;

namespace Omvarld.Web.Features.Calendar;

/// <summary>One all-day deadline. <see cref="Uid"/> is stable, so that a calendar app updates the event rather than adding it again.</summary>
public sealed record CalendarEvent(string Uid, DateOnly Date, string Summary, string Description, string? Url);

/// <summary>
/// RFC 5545 text written by hand: CRLF line ends, lines folded at 75 octets (never inside a UTF-8 character), TEXT values
/// escaped (backslash, semicolon, comma, newline), all-day events as DATE values with an exclusive DTEND, and a display
/// alarm a week before.
/// </summary>
public static class ICalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string UidDomain = "omvarld";
    public const int AlarmDaysBefore = 7;

    public static string Write(string calendarName, IEnumerable<CalendarEvent> events, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        void Line(string text) => Fold(sb, text);
        var stamp = now.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Omvarld//Kalender//SV");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(calendarName));
        foreach (var e in events)
        {
            Line("BEGIN:VEVENT");
            Line($"UID:{e.Uid}@{UidDomain}");
            Line("DTSTAMP:" + stamp);
            Line("DTSTART;VALUE=DATE:" + Date(e.Date));
            Line("DTEND;VALUE=DATE:" + Date(e.Date.AddDays(1)));
            Line("SUMMARY:" + Escape(e.Summary));
            Line("DESCRIPTION:" + Escape(e.Url is null ? e.Description : e.Description + "\n" + e.Url));
            if (e.Url is not null) Line("URL:" + e.Url);
            Line("TRANSP:TRANSPARENT");
            Line("BEGIN:VALARM");
            Line("ACTION:DISPLAY");
            Line("DESCRIPTION:" + Escape(e.Summary));
            Line($"TRIGGER:-P{AlarmDaysBefore}D");
            Line("END:VALARM");
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return sb.ToString();
    }

    public static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>TEXT escaping (RFC 5545 3.3.11).</summary>
    public static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\n", StringComparison.Ordinal)
        .Replace("\r", "\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Writes <paramref name="line"/> as content lines of at most 75 octets, continuation lines starting with a space (RFC 5545 3.1).</summary>
    public static void Fold(StringBuilder sb, string line)
    {
        var limit = 75;
        var octets = 0;
        var i = 0;
        while (i < line.Length)
        {
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 1; // the leading space counts
                limit = 75;
            }
            sb.Append(line, i, length);
            octets += size;
            i += length;
        }
        sb.Append("\r\n");
    }
}
