using Omvarld.Domain.Access;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Activities.Checks;
using Omvarld.Domain.Policies.Checks;
using Omvarld.Domain.Tests.Activities;
using static Omvarld.Domain.Tests.Activities.ActivityTestData;

namespace Omvarld.Domain.Tests.Policies;

/// <summary>Issue 19 in the domain: approval in a gap on the coordinator's reason, whom a version covers, R21's one definition of a project.</summary>
public class PolicyBasisDomainTests
{
    private static readonly AccessScope CoordinatorScope = new(false, [(Role.Coordinator, null)], Omvarld.Domain.Organisation.UnitTree.From([Culture, OtherUnit]));

    [Fact]
    public void Approve_UnderNoVersion_RefusedWithoutTheCoordinatorsReason_AllowedWithIt()
    {
        var activity = InStatus(ActivityStatus.Submitted);
        Assert.Equal("Activity_PolicyVersionRequired", activity.Approve(Approver, CultureApprover, Guid.Empty, [], Now).Result.Error);

        Assert.Equal("Activity_GapReasonNotAllowed", activity.RecordGapReason(CultureApprover, "Beslutat före glappet.").Error);
        Assert.True(activity.RecordGapReason(CoordinatorScope, "  Beslutat före glappet. ").IsOk);
        Assert.Equal("Beslutat före glappet.", activity.GapReason);

        var (_, result) = activity.Approve(Approver, CultureApprover, Guid.Empty, [], Now);
        Assert.True(result.IsOk);
        Assert.Null(activity.ApprovedPolicyVersionId);
        Assert.Equal("Activity_GapReasonLocked", activity.RecordGapReason(CoordinatorScope, "Ändrad.").Error);
    }

    [Fact]
    public void Covers_CompaniesOnlyWhereTheVersionSaysBolag()
    {
        Assert.False(SeedPolicies.Boras2023.Version.Covers(isCompany: true));
        Assert.False(SeedPolicies.Boras2016.Version.Covers(isCompany: true));
        Assert.True(SeedPolicies.Boras2009.Version.Covers(isCompany: true));
        Assert.True(SeedPolicies.UpplandsBro2020.Version.Covers(isCompany: true));
        Assert.True(SeedPolicies.Boras2023.Version.Covers(isCompany: false));
    }

    [Fact]
    public void Evaluate_ACompanysActivityUnderAVersionNotCoveringCompanies_FindsNothing()
    {
        var activity = InStatus(ActivityStatus.Draft);
        var judged = ActivityRules.Evaluate(new ActivityCheckContext(activity, SeedPolicies.Boras2023, DateOnly.FromDateTime(Now.Date)));
        Assert.NotEmpty(judged);
        var notCovered = ActivityRules.Evaluate(new ActivityCheckContext(activity, SeedPolicies.Boras2023, DateOnly.FromDateTime(Now.Date)) { OwnerIsCompany = true });
        Assert.Empty(notCovered);
    }

    [Fact]
    public void IsProject_TransnationalOrServingProjektsamverkan_OneDefinition()
    {
        Assert.True(ExternalFundingSoughtRule.IsProject(ActivityKind.TransnationalProject, [], null));
        Assert.True(ExternalFundingSoughtRule.IsProject(ActivityKind.StudyVisitOrExchange, ["PROJEKTSAMVERKAN"], SeedPolicies.Boras2023));
        Assert.False(ExternalFundingSoughtRule.IsProject(ActivityKind.StudyVisitOrExchange, ["PROJEKTSAMVERKAN"], SeedPolicies.Boras2016));
        Assert.False(ExternalFundingSoughtRule.IsProject(ActivityKind.StudyVisitOrExchange, ["KUNSKAPSUTBYTEN"], SeedPolicies.Boras2023));
    }

    [Fact]
    public void Boras2002_HasNoRules_AndItsTextIsUnknown()
    {
        Assert.False(SeedPolicies.Boras2002.TextKnown);
        Assert.Empty(SeedPolicies.Boras2002.Version.Goals);
        Assert.Empty(SeedPolicies.Boras2002.Version.Checks);
        Assert.Equal(new DateOnly(2002, 2, 19), SeedPolicies.Boras2002.Version.AdoptedOn);
        Assert.Equal(new DateOnly(2009, 8, 20), SeedPolicies.Boras2009.Version.AdoptedOn);
    }

    [Fact]
    public void UpplandsBro2020_RepresentsItsOtherClauses_AndHasNoGoalLinkage()
    {
        var v = SeedPolicies.UpplandsBro2020.Version;
        Assert.DoesNotContain(v.Checks, c => c.Kind == CheckKind.GoalLinkage);
        Assert.Equal(["OPPENHET_OCH_DIALOG", "INTEGRERAS_I_VERKSAMHETERNA", "KS_KOMPETENS", "KONTAKTPERSONER_KOMPETENSUTVECKLING"],
            v.Clauses.Select(c => c.Code));
        Assert.All(v.Clauses, c => Assert.False(string.IsNullOrWhiteSpace(c.Why)));
        // 4.3's economic responsibility is a duty on each project's approval, so it is a check, not a reported clause.
        Assert.Equal("blocking", Assert.Single(v.Checks, c => c.Kind == CheckKind.ProjectBudgetOwner).Text("severity"));
    }

    [Fact]
    public void Priority_CarriesKsDecisionReference_AllOrNone()
    {
        var ks = new AccessScope(false, [(Role.KsSecretariat, null)], Omvarld.Domain.Organisation.UnitTree.From([Culture]));
        var goals = new HashSet<string> { "VERKSAMHETSUTVECKLING" };
        var (partial, refused) = Omvarld.Domain.Plans.Priority.Create(Municipality,
            new Omvarld.Domain.Plans.PriorityInput(2025, "Erasmus", null, [], [], new DateOnly(2024, 12, 2), "§ 12", null), goals, ks);
        Assert.Null(partial);
        Assert.Equal("Priority_DecisionIncomplete", refused.Error);

        var (priority, ok) = Omvarld.Domain.Plans.Priority.Create(Municipality,
            new Omvarld.Domain.Plans.PriorityInput(2025, "Erasmus", null, [], [], new DateOnly(2024, 12, 2), "§ 12", "KS 2024-00123"), goals, ks);
        Assert.True(ok.IsOk);
        Assert.Equal((new DateOnly(2024, 12, 2), "§ 12", "KS 2024-00123"), (priority!.DecidedOn, priority.MinuteParagraph, priority.CaseNumber));
    }
}
