using Microsoft.Extensions.DependencyInjection;
using Omvarld.Web.Tests.Features.Calendar;
using Omvarld.Web.Tests.Features.Policies;
using Omvarld.Web.Tests.Features.Precondition;
using Omvarld.Web.Tests.Features.Reminders;

namespace Omvarld.Web.Tests.Infrastructure;

/// <summary>
/// The app on SQLite with its clock <see cref="Years"/> years after the suite's (<see cref="TestClock.Start"/>), over the
/// same demo data, whose dates are fixed: the scenarios that turn on "today" run again on it and must come out the same.
/// A whole-suite run on another day is <c>OMVARLD_TEST_NOW=2031-06-15 ./test.sh</c>; this is the part of it that runs
/// in every build.
/// </summary>
public sealed class SqliteAppYearsLater : SqliteApp
{
    public const int Years = 5;

    protected override DateTimeOffset ClockStart => TestClock.Start.AddYears(Years);
}

// The date-sensitive scenarios, unchanged, on the moved clock: KS's exceptions in force and run out (the precondition
// gate), the calendar feed's window and a policy's end, results due, and the revision watch on the start page.
public sealed class PreconditionGateTests_YearsLater(SqliteAppYearsLater app) : PreconditionGateTests(app), IClassFixture<SqliteAppYearsLater>;
public sealed class CalendarFeedTests_YearsLater(SqliteAppYearsLater app) : CalendarFeedTests(app), IClassFixture<SqliteAppYearsLater>;
public sealed class ResultsDueTests_YearsLater(SqliteAppYearsLater app) : ResultsDueTests(app), IClassFixture<SqliteAppYearsLater>;
public sealed class RevisionWatchPageTests_YearsLater(SqliteAppYearsLater app) : RevisionWatchPageTests(app), IClassFixture<SqliteAppYearsLater>;

/// <summary>That the moved fixture is moved: the app's registered clock is the fixture's, years after the suite's.</summary>
public sealed class MovedClockTests(SqliteAppYearsLater app) : IClassFixture<SqliteAppYearsLater>
{
    [Fact]
    public async Task TheAppAsksTheMovedClock_ForToday()
    {
        Assert.Same(app.Clock, app.Services.GetRequiredService<TimeProvider>());
        Assert.Equal(TestClock.Today(TestClock.Create()).AddYears(SqliteAppYearsLater.Years), app.Today);
        // What the app stamps, as its API reports it: the API token the client was given was created on the moved day.
        var tokens = await (await app.ApiClientAsync(OmvarldApp.Email("samordnare"))).GetAsync("/api/v1/me/tokens");
        Assert.Contains($"\"createdAt\":\"{app.Clock.GetUtcNow():yyyy-MM-dd}T", await tokens.Content.ReadAsStringAsync());
    }
}
