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

    // ---- R11 answered once: the demand of the governing policy version ----

    private static Omvarld.Domain.Policies.Checks.CheckDefinition Check(bool yearly, bool atCompletion, int? month = null, int? days = null)
    {
        var parameters = new Dictionary<string, object> { ["yearly"] = yearly, ["atCompletion"] = atCompletion };
        if (month is { } m) parameters["yearlyDueMonth"] = m;
        if (days is { } d) parameters["finalDueDays"] = d;
        return new(Omvarld.Domain.Policies.Checks.CheckKind.ResultsReported, parameters, "Ansvarar för ... årlig uppföljning och sammanställning.");
    }

    private static readonly ResultsFacts EndedMarch2025 = new(ActivityStatus.Completed, new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 12), [], false);

    [Fact]
    public void YearlyOnly_TheLastYearIsAYearlyReport_NeverAFinalOne()
    {
        // Upplands-Bro 2020: yearly, not at completion. The activity of issue 15 (ran 10-12 March 2025, nothing reported).
        var owed = ResultsDue.For(EndedMarch2025, new DateOnly(2026, 11, 23), ResultsDemand.Of(Check(true, false)));

        Assert.Equal([new OwedReport(2025, new DateOnly(2026, 2, 28), ReportDueState.Overdue)], owed);
    }

    [Fact]
    public void R11Default_WhereTheVersionIsSilent_YearlyAndFinal()
    {
        var owed = ResultsDue.For(EndedMarch2025, new DateOnly(2026, 11, 23), ResultsDemand.R11Default);

        Assert.Equal([new OwedReport(null, new DateOnly(2025, 5, 11), ReportDueState.Overdue)], owed);
        Assert.True(ResultsDemand.R11Default.IsR11Default);
        Assert.False(ResultsDemand.Of(Check(true, false)).IsR11Default);
    }

    [Fact]
    public void TheChecksDueParameters_MoveTheDates()
    {
        var demand = ResultsDemand.Of(Check(true, true, month: 3, days: 30));

        Assert.Equal(new DateOnly(2026, 3, 31), demand.Rules.YearlyDue(2025));
        Assert.Equal([new OwedReport(null, new DateOnly(2025, 4, 11), ReportDueState.Overdue)], ResultsDue.For(EndedMarch2025, new DateOnly(2025, 6, 1), demand));
    }

    [Fact]
    public void Tally_CountsWhatTheRuleOwes_AsTheDueListDoes()
    {
        var today = new DateOnly(2026, 11, 23);
        Assert.Equal(new ResultsTally(0, 1, 0, 0), ResultsDue.Tally(EndedMarch2025, 2025, today, ResultsDemand.Of(Check(true, false))));
        Assert.Equal(new ResultsTally(0, 0, 0, 1), ResultsDue.Tally(EndedMarch2025, 2025, today, ResultsDemand.R11Default));
        // Reported years count as reported; once the final report is written nothing is missing.
        var reported = EndedMarch2025 with { ReportedYears = [2025] };
        Assert.Equal(new ResultsTally(1, 0, 0, 0), ResultsDue.Tally(reported, 2025, today, ResultsDemand.Of(Check(true, false))));
        var final = EndedMarch2025 with { Status = ActivityStatus.ResultsReported, HasFinalReport = true };
        Assert.Equal(new ResultsTally(0, 0, 1, 0), ResultsDue.Tally(final, 2025, today, ResultsDemand.R11Default));
        // A year before the start counts nothing.
        Assert.Equal(default, ResultsDue.Tally(EndedMarch2025, 2024, today, ResultsDemand.R11Default));
    }

    [Fact]
    public void Demand_IsTheGoverningVersionsCheck_OrR11sWhenItHasNone()
    {
        var check = Check(true, false);
        Assert.Equal(ResultsDemand.Of(check), ResultsDemand.Of(check));
        Assert.Same(ResultsDemand.R11Default, ResultsDemand.Of((Omvarld.Domain.Policies.PolicyDefinition?)null));
        Assert.Throws<ArgumentException>(() => ResultsDemand.Of(new Omvarld.Domain.Policies.Checks.CheckDefinition(
            Omvarld.Domain.Policies.Checks.CheckKind.ChildPerspective, new Dictionary<string, object>(), "x")));
    }
}
