using Omvarld.Domain.Activities;
using Omvarld.Domain.Activities.Checks;

namespace Omvarld.Domain.Tests.Activities;

/// <summary>R11's owed reports from the facts a list query loads, with the default due rules.</summary>
public class ResultsDueTests
{
    private static readonly ResultsDueRules Rules = ResultsDueRules.Default;

    private static IReadOnlyList<OwedReport> For(ActivityStatus status, string start, string? end, string today, int[]? years = null, bool final = false) =>
        ResultsDue.For(new ResultsFacts(status, DateOnly.Parse(start), end is null ? null : DateOnly.Parse(end), years ?? [], final), DateOnly.Parse(today), Rules);

    [Fact]
    public void Ongoing_FromLastYearWithoutReport_IsOverdueAfterFebruary()
    {
        var owed = Assert.Single(For(ActivityStatus.Ongoing, "2024-03-01", null, "2025-03-15", [2025]));

        Assert.Equal(new OwedReport(2024, new DateOnly(2025, 2, 28), ReportDueState.Overdue), owed);
    }

    [Fact]
    public void Ongoing_PastYearInJanuary_IsDue_ThenDueSoon_AndTheCurrentYearIsNotListed()
    {
        Assert.Equal([new OwedReport(2025, new DateOnly(2026, 2, 28), ReportDueState.Due)], For(ActivityStatus.Ongoing, "2025-05-01", null, "2026-01-10"));
        Assert.Equal(ReportDueState.DueSoon, Assert.Single(For(ActivityStatus.Ongoing, "2025-05-01", null, "2026-01-29")).State);
        Assert.Empty(For(ActivityStatus.Ongoing, "2026-01-05", null, "2026-11-23"));
    }

    [Fact]
    public void Completed_OwesTheFinalReportAndEarlierYears_NotTheLastYear()
    {
        var owed = For(ActivityStatus.Completed, "2024-04-01", "2025-10-31", "2025-11-10");

        Assert.Equal([new OwedReport(2024, new DateOnly(2025, 2, 28), ReportDueState.Overdue), new OwedReport(null, new DateOnly(2025, 12, 30), ReportDueState.Due)], owed);
        Assert.Equal("final", owed[1].Key);
        Assert.Equal(ReportDueState.DueSoon, For(ActivityStatus.Completed, "2025-04-01", "2025-10-31", "2025-12-01").Single().State);
        Assert.Equal(ReportDueState.Overdue, For(ActivityStatus.Completed, "2025-04-01", "2025-10-31", "2025-12-31").Single().State);
    }

    [Fact]
    public void FinalReportWritten_OrNotStarted_NothingIsOwed()
    {
        Assert.Empty(For(ActivityStatus.Completed, "2024-04-01", "2025-10-31", "2026-11-23", final: true));
        Assert.Empty(ResultsDue.For(new ResultsFacts(ActivityStatus.Approved, null, null, [], false), new DateOnly(2026, 11, 23), Rules));
    }

    [Fact]
    public void StateOf_TheDueDayIsDueSoon_TheDayAfterOverdue()
    {
        var due = new DateOnly(2026, 2, 28);
        Assert.Equal(ReportDueState.Due, ResultsDue.StateOf(due, due.AddDays(-31), Rules));
        Assert.Equal(ReportDueState.DueSoon, ResultsDue.StateOf(due, due.AddDays(-30), Rules));
        Assert.Equal(ReportDueState.DueSoon, ResultsDue.StateOf(due, due, Rules));
        Assert.Equal(ReportDueState.Overdue, ResultsDue.StateOf(due, due.AddDays(1), Rules));
    }
}
