using System.Globalization;

namespace Omvarld.Web.Features.Shared;

/// <summary>Dates, times and numbers as a Swedish reader expects them (sv-SE, Swedish time).</summary>
public static class Format
{
    private static readonly CultureInfo Sv = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly TimeZoneInfo Stockholm = FindStockholm();

    public static string Date(DateTime utc) => Local(utc).ToString("d MMM yyyy", Sv);
    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", Sv);
    public static string DateTime(DateTime utc) => Local(utc).ToString("d MMM yyyy HH:mm", Sv);
    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Number(decimal n) => n.ToString("N0", Sv);
    public static string DateTime(DateTimeOffset at) => DateTime(at.UtcDateTime);

    /// <summary>
    /// Issue 16.6: a minute's paragraph as "§ 87", whatever was typed ("87", "§87", "§ 87", "§§ 87"): the sign written
    /// once, by the app. Empty stays empty.
    /// </summary>
    public static string Paragraph(string? typed)
    {
        var bare = (typed ?? "").Trim().TrimStart('§', ' ', '\u00A0').Trim();
        return bare.Length == 0 ? "" : "§ " + bare;
    }

    /// <summary>A file size as Swedes write it: 512 kB, 1,4 MB, 20 MB.</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{Math.Ceiling(bytes / 1024.0).ToString("N0", Sv)} kB",
        _ => $"{(bytes / (1024.0 * 1024)).ToString(bytes % (1024 * 1024) == 0 ? "N0" : "N1", Sv)} MB",
    };

    private static System.DateTime Local(System.DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Stockholm);

    private static TimeZoneInfo FindStockholm()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }
}
