using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace Omvarld.Web.Tests.Infrastructure;

/// <summary>
/// The one place the test suites take "now" from (the web and the browser tests; the browser project links this file).
/// The app under test runs on a <see cref="FakeTimeProvider"/> that starts at <see cref="Start"/>, never on the wall
/// clock, so no test turns red on a date nobody chose. <c>OMVARLD_TEST_NOW=2031-06-15</c> (a day, read as 09:00 UTC,
/// or an ISO 8601 instant) runs a whole suite on another day: <c>OMVARLD_TEST_NOW=2031-06-15 ./test.sh</c>.
/// </summary>
public static class TestClock
{
    public const string Variable = "OMVARLD_TEST_NOW";

    /// <summary>
    /// The default instant: a Monday morning in late 2026. The demo data has fixed dates (activities from 2024 to 2028,
    /// Borås' policy of 2023 in force to the end of 2027), so on this day it shows what the demo is meant to show:
    /// ongoing work, results due, the policy's revision coming up.
    /// </summary>
    public static readonly DateTimeOffset Default = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Each reading moves the fake clock on by this much, so that what happens later is stamped later, as on a real clock.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromTicks(10); // 1 µs: PostgreSQL's timestamp precision

    /// <summary>The municipalities' time zone: "today" is the day in Sweden, whatever the machine's zone.</summary>
    public static readonly TimeZoneInfo Zone = FindStockholm();

    /// <summary>Where every test clock starts: <see cref="Default"/>, or <c>OMVARLD_TEST_NOW</c>.</summary>
    public static DateTimeOffset Start { get; } = Parse(Environment.GetEnvironmentVariable(Variable));

    /// <summary>A new fake clock at <paramref name="start"/> (default <see cref="Start"/>) in <see cref="Zone"/>.</summary>
    public static FakeTimeProvider Create(DateTimeOffset? start = null)
    {
        var clock = new FakeTimeProvider(start ?? Start) { AutoAdvanceAmount = Tick };
        clock.SetLocalTimeZone(Zone);
        return clock;
    }

    /// <summary>The day it is by <paramref name="clock"/> in Sweden, as the app computes "today".</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public static DateTimeOffset Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Default;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        if (DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return instant.ToUniversalTime();
        throw new InvalidOperationException($"{Variable}='{value}' is neither a day (yyyy-MM-dd) nor an ISO 8601 instant.");
    }

    private static TimeZoneInfo FindStockholm()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }
}
