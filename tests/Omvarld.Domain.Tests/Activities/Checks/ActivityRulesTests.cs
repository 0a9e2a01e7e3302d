using Omvarld.Domain.Activities;
using Omvarld.Domain.Activities.Checks;
using Omvarld.Domain.Policies;
using Omvarld.Domain.Policies.Checks;
using static Omvarld.Domain.Tests.Activities.ActivityTestData;

namespace Omvarld.Domain.Tests.Activities.Checks;

public class ActivityRulesTests
{
    private static readonly DateOnly Today = new(2024, 3, 10);

    private static IReadOnlyList<Finding> Evaluate(Activity activity, PolicyDefinition policy) =>
        ActivityRules.Evaluate(new ActivityCheckContext(activity, policy, Today));

    private static void AssertCites(Finding finding, PolicyDefinition policy, CheckKind kind)
    {
        Assert.Equal(kind, finding.Check);
        // A goal-linkage clause that only leads in to the list of goals is quoted with the list (GoalLinkageRule.FullClause).
        if (kind == CheckKind.GoalLinkage) Assert.StartsWith(policy.CheckOf(kind).Clause, finding.Clause);
        else Assert.Equal(policy.CheckOf(kind).Clause, finding.Clause);
        Assert.Equal((policy.Key, policy.Version.Label), (finding.PolicyVersionKey, finding.PolicyVersionLabel));
    }

    [Fact]
    public void Registry_EveryCheckKindHasARuleOrIsSkippedOnPurpose_NeverBoth()
    {
        foreach (var kind in Enum.GetValues<CheckKind>())
        {
            var rule = ActivityRules.For(kind);
            Assert.True(rule is not null ^ ActivityRules.NotActivityChecks.Contains(kind), kind.ToString());
            if (rule is not null) Assert.Equal(kind, rule.Kind);
        }
        Assert.Equal([CheckKind.YearlyActionPlan, CheckKind.ContactPersonPerOffice], ActivityRules.NotActivityChecks.Order());
    }

    // ---- GoalLinkage ---------------------------------------------------------------------------------------------

    [Fact]
    public void GoalLinkage_NoGoalUnder2023_BlocksCitingTheClause()
    {
        var activity = NewActivity(Details(kind: ActivityKind.StudyVisitOrExchange, goals: []));

        var finding = Assert.Single(Evaluate(activity, SeedPolicies.Boras2023));

        AssertCites(finding, SeedPolicies.Boras2023, CheckKind.GoalLinkage);
        // Quoted whole: "Internationella samarbeten ska bidra till följande:" and the goals it lists, each verbatim.
        Assert.Equal(SeedPolicies.Boras2023GoalLinkageClause + "\n" + string.Join("\n", SeedPolicies.Boras2023.Version.Goals.Select(g => "• " + g.Clause.Trim())),
            finding.Clause);
        Assert.Contains("• Kunskapsutbyten, vilket innebär", finding.Clause);
        Assert.Equal((FindingSeverity.Blocking, "Finding_GoalLinkageTooFew", "Goals"), (finding.Severity, finding.MessageKey, finding.Field));
        Assert.Equal(new object[] { 1, 0 }, finding.Args);
    }

    [Fact]
    public void GoalLinkage_OneGoalUnder2016_Passes()
    {
        var activity = NewActivity(Details(kind: ActivityKind.StudyVisitOrExchange, goals: [new GoalServed("PROFILERING", "Visar Borås textila profil.")]), SeedPolicies.Boras2016);
        Assert.Empty(Evaluate(activity, SeedPolicies.Boras2016));
    }

    [Fact]
    public void GoalLinkage_GoalsOfAnotherVersionDoNotCount()
    {
        // Registered under Upplands-Bro's goals, evaluated under a version that has none of them.
        var activity = NewActivity(Details(kind: ActivityKind.StudyVisitOrExchange, goals: [new GoalServed("KUNSKAPSUTBYTE", "Lär av andra.")]), SeedPolicies.UpplandsBro2020);
        var finding = Assert.Single(Evaluate(activity, SeedPolicies.Boras2016));
        Assert.Equal("Finding_GoalLinkageTooFew", finding.MessageKey);
    }

    [Fact]
    public void GoalLinkage_MinimumOfTwo_CountsDistinctGoals()
    {
        var policy = SeedPolicies.Boras2023.With(SeedPolicies.Check(CheckKind.GoalLinkage, SeedPolicies.Boras2023GoalLinkageClause, ("minimumGoals", 2)));
        var one = NewActivity(Details(kind: ActivityKind.StudyVisitOrExchange));
        var two = NewActivity(Details(kind: ActivityKind.StudyVisitOrExchange, goals: [new GoalServed("PROFILERING", "a"), new GoalServed("VANORTER", "b")]));
        Assert.Equal(new object[] { 2, 1 }, Assert.Single(Evaluate(one, policy)).Args);
        Assert.Empty(Evaluate(two, policy));
    }

    // ---- MotivationWhenNoGoal (2009) -----------------------------------------------------------------------------

    [Fact]
    public void Motivation_NoPurposeServedAndNoMotivation_BlocksUnder2009()
    {
        var activity = NewActivity(Details(kind: ActivityKind.ConferenceOrTraining, goals: []), SeedPolicies.Boras2009);

        var finding = Assert.Single(Evaluate(activity, SeedPolicies.Boras2009));

        AssertCites(finding, SeedPolicies.Boras2009, CheckKind.MotivationWhenNoGoal);
        Assert.Equal(SeedPolicies.Boras2009MotivationClause, finding.Clause);
        Assert.Equal((FindingSeverity.Blocking, "Finding_MotivationMissing", "Motivation"), (finding.Severity, finding.MessageKey, finding.Field));
    }

    [Fact]
    public void Motivation_WrittenOrAPurposeServed_Passes()
    {
        var motivated = NewActivity(Details(kind: ActivityKind.ConferenceOrTraining, goals: [], motivation: "Konferensen ger personalen kunskap om cirkulär textil."), SeedPolicies.Boras2009);
        var linked = NewActivity(Details(kind: ActivityKind.ConferenceOrTraining, goals: [new GoalServed("PROFILERA_BORAS", "Borås presenterar sig.")]), SeedPolicies.Boras2009);
        Assert.Empty(Evaluate(motivated, SeedPolicies.Boras2009));
        Assert.Empty(Evaluate(linked, SeedPolicies.Boras2009));
    }

    // ---- ProjectCooperationParties (2023) ------------------------------------------------------------------------

    private static Activity Cooperation() =>
        NewActivity(Details(kind: ActivityKind.StudyVisitOrExchange, goals: [new GoalServed("PROJEKTSAMVERKAN", "Ett gemensamt projekt.")]));

    [Fact]
    public void ProjectCooperation_MunicipalityAlone_Blocks()
    {
        var activity = Cooperation();
        activity.AddFunding(Eu(10_000, FundingStatus.Planned));

        var finding = Assert.Single(Evaluate(activity, SeedPolicies.Boras2023));

        AssertCites(finding, SeedPolicies.Boras2023, CheckKind.ProjectCooperationParties);
        Assert.Equal(SeedPolicies.Boras2023PartiesClause, finding.Clause);
        Assert.Equal((FindingSeverity.Blocking, "Finding_ProjectCooperationTooFewParties", "Partners"), (finding.Severity, finding.MessageKey, finding.Field));
        Assert.Equal(new object[] { 2, 1 }, finding.Args);
    }

    [Fact]
    public void ProjectCooperation_OneSwedishPartner_MakesTwoParties()
    {
        var activity = Cooperation();
        activity.AddFunding(Eu(10_000, FundingStatus.Planned));
        Ok(activity.AddPartner(Partner("Högskolan i Borås", "SE", Omvarld.Domain.Partners.PartnerType.University), PartnerRole.Partner));
        Assert.Empty(Evaluate(activity, SeedPolicies.Boras2023));
    }

    [Fact]
    public void ProjectCooperation_MinimumOfThree_NeedsTwoPartners()
    {
        var policy = SeedPolicies.Boras2023.With(SeedPolicies.Check(CheckKind.ProjectCooperationParties, SeedPolicies.Boras2023PartiesClause, ("goalCode", "PROJEKTSAMVERKAN"), ("minimumParties", 3)));
        var activity = Cooperation();
        Ok(activity.AddPartner(Partner("Åbo stad", "FI"), PartnerRole.Lead));
        Assert.Equal(new object[] { 3, 2 }, Assert.Single(Evaluate(activity, policy)).Args);
        Ok(activity.AddPartner(Partner("Kaunas", "LT"), PartnerRole.Partner));
        Assert.Empty(Evaluate(activity, policy));
    }

    [Fact]
    public void ProjectCooperation_ActivityNotServingTheGoal_IsNotAsked()
    {
        var activity = NewActivity(Details(kind: ActivityKind.StudyVisitOrExchange));
        Assert.DoesNotContain(Evaluate(activity, SeedPolicies.Boras2023), f => f.Check == CheckKind.ProjectCooperationParties);
    }

    // ---- ExternalFundingSought -----------------------------------------------------------------------------------

    [Fact]
    public void ExternalFunding_ProjectWithOwnBudgetOnly_WarnsUnder2023()
    {
        var activity = NewActivity();   // a transnational project
        activity.AddFunding(Own(100_000));

        var finding = Assert.Single(Evaluate(activity, SeedPolicies.Boras2023));

        AssertCites(finding, SeedPolicies.Boras2023, CheckKind.ExternalFundingSought);
        Assert.Equal(SeedPolicies.Boras2023FundingClause, finding.Clause);
        Assert.Equal((FindingSeverity.Warning, "Finding_ExternalFundingNotSought", "Funding"), (finding.Severity, finding.MessageKey, finding.Field));
    }

    [Fact]
    public void ExternalFunding_Under2009_IsOnlyInfo()
    {
        var activity = NewActivity(Details(goals: [new GoalServed("PROFILERA_BORAS", "Visar Borås.")]), SeedPolicies.Boras2009);
        var finding = Assert.Single(Evaluate(activity, SeedPolicies.Boras2009));
        Assert.Equal((CheckKind.ExternalFundingSought, FindingSeverity.Info, SeedPolicies.Boras2009FundingClause), (finding.Check, finding.Severity, finding.Clause));
    }

    [Fact]
    public void ExternalFunding_SeverityParameterBlocking_Blocks()
    {
        var policy = SeedPolicies.Boras2023.With(SeedPolicies.Check(CheckKind.ExternalFundingSought, "Extern finansiering ska sökas.", ("severity", "blocking")));
        var finding = Assert.Single(Evaluate(NewActivity(), policy));
        Assert.Equal((FindingSeverity.Blocking, "Extern finansiering ska sökas."), (finding.Severity, finding.Clause));
    }

    [Theory]
    [InlineData(FundingStatus.Planned)]
    [InlineData(FundingStatus.Applied)]
    [InlineData(FundingStatus.Rejected)]
    public void ExternalFunding_AnExternalLineInAnyStatus_CountsAsSought(FundingStatus status)
    {
        var activity = NewActivity();
        activity.AddFunding(Eu(50_000, status));
        Assert.Empty(Evaluate(activity, SeedPolicies.Boras2023));
    }

    [Fact]
    public void ExternalFunding_ConferenceNotServingProjectCooperation_IsNotAsked() =>
        Assert.Empty(Evaluate(NewActivity(Details(kind: ActivityKind.ConferenceOrTraining)), SeedPolicies.Boras2023));

    [Fact]
    public void ExternalFunding_ExchangeServingProjectCooperation_IsAskedLikeAProject()
    {
        var activity = Cooperation();
        Ok(activity.AddPartner(Partner("Åbo stad", "FI"), PartnerRole.Lead));
        var finding = Assert.Single(Evaluate(activity, SeedPolicies.Boras2023));
        Assert.Equal(CheckKind.ExternalFundingSought, finding.Check);
    }

    // ---- ProjectBudgetOwner (Upplands-Bro 2020 section 4.3) ---------------------------------------------------------

    private static Activity UpplandsBroProject() =>
        NewActivity(Details(goals: [new GoalServed("VERKSAMHETSUTVECKLING", "Nya arbetssätt i omsorgen.")], childPerspective: "Berör inte barn."),
            SeedPolicies.UpplandsBro2020);

    [Fact]
    public void ProjectBudgetOwner_ProjectWithOnlyExternalFunding_BlocksCitingSection43()
    {
        var activity = UpplandsBroProject();
        activity.AddFunding(Eu(40_000));

        var finding = Assert.Single(Evaluate(activity, SeedPolicies.UpplandsBro2020));

        AssertCites(finding, SeedPolicies.UpplandsBro2020, CheckKind.ProjectBudgetOwner);
        Assert.Equal("Nämnder och bolag har det ekonomiska ansvaret för deltagande i projekt.", finding.Clause);
        Assert.Equal((FindingSeverity.Blocking, "Finding_ProjectBudgetOwnerMissing", "Funding"), (finding.Severity, finding.MessageKey, finding.Field));
    }

    [Fact]
    public void ProjectBudgetOwner_OwnBudgetLineNamingThePayingUnit_Passes()
    {
        var activity = UpplandsBroProject();
        activity.AddFunding(Eu(40_000));
        activity.AddFunding(Own(150_000, FundingStatus.Planned));
        Assert.Empty(Evaluate(activity, SeedPolicies.UpplandsBro2020));
    }

    [Fact]
    public void ProjectBudgetOwner_ARejectedOwnBudgetLine_NamesNoOwner()
    {
        var activity = UpplandsBroProject();
        activity.AddFunding(Eu(40_000));
        activity.AddFunding(Own(150_000, FundingStatus.Rejected));
        Assert.Equal(CheckKind.ProjectBudgetOwner, Assert.Single(Evaluate(activity, SeedPolicies.UpplandsBro2020)).Check);
    }

    [Fact]
    public void ProjectBudgetOwner_IsAskedOfProjectsOnly_AndNotByBoras()
    {
        var visit = NewActivity(Details(kind: ActivityKind.StudyVisitOrExchange, goals: [new GoalServed("OMVARLDSBEVAKNING", "Lär av skolor i Finland.")], childPerspective: "Elever deltar."),
            SeedPolicies.UpplandsBro2020);
        Assert.Empty(Evaluate(visit, SeedPolicies.UpplandsBro2020));
        var borasProject = NewActivity();
        borasProject.AddFunding(Eu(50_000));
        Assert.DoesNotContain(Evaluate(borasProject, SeedPolicies.Boras2023), f => f.Check == CheckKind.ProjectBudgetOwner);
    }

    // ---- ChildPerspective (Upplands-Bro 2020) -------------------------------------------------------------------

    private static Activity UpplandsBro(string? childPerspective) =>
        NewActivity(Details(kind: ActivityKind.StudyVisitOrExchange, goals: [new GoalServed("OMVARLDSBEVAKNING", "Lär av skolor i Finland.")], childPerspective: childPerspective),
            SeedPolicies.UpplandsBro2020);

    [Fact]
    public void ChildPerspective_Missing_WarnsCitingSection5()
    {
        var finding = Assert.Single(Evaluate(UpplandsBro(null), SeedPolicies.UpplandsBro2020));
        AssertCites(finding, SeedPolicies.UpplandsBro2020, CheckKind.ChildPerspective);
        Assert.Equal(SeedPolicies.UpplandsBroChildClause, finding.Clause);
        Assert.Equal((FindingSeverity.Warning, "Finding_ChildPerspectiveMissing", "ChildPerspective"), (finding.Severity, finding.MessageKey, finding.Field));
    }

    [Fact]
    public void ChildPerspective_Described_Passes_AndUnitChecksAreNotEvaluatedOnActivities() =>
        Assert.Empty(Evaluate(UpplandsBro("Eleverna i årskurs 8 brevväxlar med en skola i Åbo."), SeedPolicies.UpplandsBro2020));

    [Fact]
    public void ChildPerspective_NotDemandedByBoras_IsNotAsked() =>
        Assert.DoesNotContain(Evaluate(NewActivity(Details(kind: ActivityKind.ConferenceOrTraining)), SeedPolicies.Boras2023), f => f.Check == CheckKind.ChildPerspective);

    [Fact]
    public void PartnerPrecondition_IsLeftToIssue6_EvenWithAPartnerFromAnywhere()
    {
        var activity = NewActivity(Details(kind: ActivityKind.ConferenceOrTraining));
        Ok(activity.AddPartner(Partner("Kisumu County", "KE"), PartnerRole.Host));
        Assert.Empty(Evaluate(activity, SeedPolicies.Boras2023));
    }
}
