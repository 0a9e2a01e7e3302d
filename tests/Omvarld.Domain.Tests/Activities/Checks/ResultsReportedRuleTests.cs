using Omvarld.Domain.Activities;
using Omvarld.Domain.Activities.Checks;
using Omvarld.Domain.Policies;
using Omvarld.Domain.Policies.Checks;
using static Omvarld.Domain.Tests.Activities.ActivityTestData;

namespace Omvarld.Domain.Tests.Activities.Checks;

/// <summary>
/// R11 with the default due rules: a year's report by the end of February of the next year, the final report 60 days
/// after the end, "due soon" 30 days ahead. The activity starts on 2024-04-01.
/// </summary>
public class ResultsReportedRuleTests
{
    private static readonly PolicyDefinition Boras2009Results = SeedPolicies.Boras2009.With(SeedPolicies.Boras2009.CheckOf(CheckKind.ResultsReported));
    private static readonly PolicyDefinition UpplandsBroResults = SeedPolicies.UpplandsBro2020.With(SeedPolicies.UpplandsBro2020.CheckOf(CheckKind.ResultsReported));

    private static IReadOnlyList<Finding> Evaluate(Activity activity, PolicyDefinition policy, string today, ResultsDueRules? rules = null) =>
        new ResultsReportedRule().Evaluate(policy.Version.Checks.Single(), new ActivityCheckContext(activity, policy, DateOnly.Parse(today), rules ?? ResultsDueRules.Default)).ToList();

    private static Activity Ongoing() => InStatus(ActivityStatus.Ongoing);

    private static Activity CompletedOn(string end, params int[] yearsReported)
    {
        var activity = Ongoing();
        foreach (var year in yearsReported) Ok(activity.ReportYearlyResults(year, $"Resultat {year}.", Editor, new DateTimeOffset(year, 12, 20, 12, 0, 0, TimeSpan.Zero)));
        Ok(activity.Complete(Editor, Now, DateOnly.Parse(end)));
        return activity;
    }

    [Fact]
    public void NotStarted_NothingIsDue()
    {
        Assert.Empty(Evaluate(InStatus(ActivityStatus.Approved), Boras2009Results, "2027-01-01"));
        Assert.Empty(Evaluate(InStatus(ActivityStatus.Draft), UpplandsBroResults, "2027-01-01"));
    }

    [Fact]
    public void Ongoing_TheFirstYearsReport_IsDueSoonFromThirtyDaysBeforeTheEndOfFebruary()
    {
        Assert.Empty(Evaluate(Ongoing(), UpplandsBroResults, "2025-01-28"));   // 31 days ahead

        var finding = Assert.Single(Evaluate(Ongoing(), UpplandsBroResults, "2025-01-29"));

        Assert.Equal((FindingSeverity.Info, "Finding_YearlyResultsDueSoon", "Results"), (finding.Severity, finding.MessageKey, finding.Field));
        Assert.Equal(new object[] { 2024, new DateOnly(2025, 2, 28) }, finding.Args);
        Assert.Equal(SeedPolicies.UpplandsBroResultsClause, finding.Clause);
        Assert.Equal(("UPPLANDSBRO-2020", "2020"), (finding.PolicyVersionKey, finding.PolicyVersionLabel));
    }

    [Fact]
    public void Ongoing_OnTheDueDay_IsStillDueSoonAndTheDayAfterOverdue()
    {
        Assert.Equal(FindingSeverity.Info, Assert.Single(Evaluate(Ongoing(), UpplandsBroResults, "2025-02-28")).Severity);

        var overdue = Assert.Single(Evaluate(Ongoing(), UpplandsBroResults, "2025-03-01"));

        Assert.Equal((FindingSeverity.Warning, "Finding_YearlyResultsOverdue"), (overdue.Severity, overdue.MessageKey));
        Assert.Equal(new object[] { 2024, new DateOnly(2025, 2, 28) }, overdue.Args);
    }

    [Fact]
    public void Ongoing_AReportForTheYear_AnswersIt()
    {
        var activity = Ongoing();
        Ok(activity.ReportYearlyResults(2024, "Två workshoppar.", Editor, new DateTimeOffset(2025, 2, 20, 9, 0, 0, TimeSpan.Zero)));
        Assert.Empty(Evaluate(activity, UpplandsBroResults, "2025-06-01"));
    }

    [Fact]
    public void Ongoing_SeveralYearsMissing_EachIsFlagged()
    {
        var findings = Evaluate(Ongoing(), Boras2009Results, "2026-02-10");
        Assert.Equal([(2024, FindingSeverity.Warning), (2025, FindingSeverity.Info)], findings.Select(f => ((int)f.Args[0], f.Severity)));
    }

    [Fact]
    public void YearlyDue_InALeapYear_IsTheTwentyNinth()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), ResultsDueRules.Default.YearlyDue(2023));
        Assert.Equal(new DateOnly(2025, 2, 28), ResultsDueRules.Default.YearlyDue(2024));
    }

    [Fact]
    public void DueRules_AreTheMunicipalitysToSet()
    {
        var rules = new ResultsDueRules(yearlyDueMonth: 3, finalDueDays: 30, dueSoonDays: 10);
        Assert.Empty(Evaluate(Ongoing(), UpplandsBroResults, "2025-03-01", rules));   // due 2025-03-31, 30 days ahead
        Assert.Equal(new object[] { 2024, new DateOnly(2025, 3, 31) }, Assert.Single(Evaluate(Ongoing(), UpplandsBroResults, "2025-03-21", rules)).Args);
        Assert.Equal(new DateOnly(2026, 4, 30), rules.FinalDue(new DateOnly(2026, 3, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResultsDueRules(yearlyDueMonth: 13));
    }

    [Fact]
    public void Completed_TheFinalReportIsDueSixtyDaysAfterTheEnd()
    {
        var activity = CompletedOn("2026-03-31", 2024, 2025);

        var due = Assert.Single(Evaluate(activity, Boras2009Results, "2026-04-02"));
        var overdue = Assert.Single(Evaluate(activity, Boras2009Results, "2026-05-31"));

        Assert.Equal((FindingSeverity.Info, "Finding_FinalResultsDue"), (due.Severity, due.MessageKey));
        Assert.Equal(new object[] { new DateOnly(2026, 5, 30) }, due.Args);
        Assert.Equal((FindingSeverity.Warning, "Finding_FinalResultsOverdue"), (overdue.Severity, overdue.MessageKey));
        Assert.Equal(SeedPolicies.Boras2009ResultsClause, overdue.Clause);
    }

    [Fact]
    public void Completed_WithAFinalReportDemanded_TheLastYearIsLeftToTheFinalReport()
    {
        // Ended in 2026 without the 2025 report: 2025 is overdue, 2026 is covered by the final report.
        var findings = Evaluate(CompletedOn("2026-03-31", 2024), Boras2009Results, "2026-04-02");
        Assert.Equal(["Finding_YearlyResultsOverdue", "Finding_FinalResultsDue"], findings.Select(f => f.MessageKey));
        Assert.Equal(2025, findings[0].Args[0]);
    }

    [Fact]
    public void Completed_UnderUpplandsBro_OnlyTheYearlyReportsAreAskedForIncludingTheLastYear()
    {
        var activity = CompletedOn("2026-03-31", 2024, 2025);
        Assert.Empty(Evaluate(activity, UpplandsBroResults, "2026-06-01"));
        var finding = Assert.Single(Evaluate(activity, UpplandsBroResults, "2027-03-01"));
        Assert.Equal(("Finding_YearlyResultsOverdue", 2026), (finding.MessageKey, finding.Args[0]));
    }

    [Fact]
    public void FinalReportWritten_NothingIsDueAnyMore()
    {
        var activity = CompletedOn("2026-03-31");
        Ok(activity.ReportFinalResults("Utställningen visades i tre länder.", Editor, Now));
        Assert.Empty(Evaluate(activity, Boras2009Results, "2027-06-01"));
        Assert.Empty(Evaluate(activity, UpplandsBroResults, "2027-06-01"));
    }

    [Fact]
    public void EveryFinding_CitesTheChecksClause()
    {
        var findings = Evaluate(CompletedOn("2026-03-31"), Boras2009Results, "2026-12-01");
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal((CheckKind.ResultsReported, SeedPolicies.Boras2009ResultsClause), (f.Check, f.Clause)));
    }

    [Fact]
    public void VersionSilentOnResults_R11sOwnDemand_IsAFindingWithoutAClause()
    {
        // Borås 2023 has no results-reported check; R11 (yearly and at completion) still holds, as the due list says.
        var silent = SeedPolicies.Boras2023;
        Assert.DoesNotContain(silent.Version.Checks, c => c.Kind == CheckKind.ResultsReported);
        var activity = CompletedOn("2025-10-31", 2024);

        var finding = Assert.Single(ActivityRules.Evaluate(new ActivityCheckContext(activity, silent, DateOnly.Parse("2026-01-15"))),
            f => f.Check == CheckKind.ResultsReported);

        Assert.Equal(("Finding_FinalResultsOverdue", ""), (finding.MessageKey, finding.Clause));
        Assert.DoesNotContain(ActivityRules.Evaluate(new ActivityCheckContext(activity, Boras2009Results, DateOnly.Parse("2026-01-15"))),
            f => f.Clause.Length == 0);
    }
}
