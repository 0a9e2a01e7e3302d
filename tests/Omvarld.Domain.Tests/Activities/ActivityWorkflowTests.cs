using Omvarld.Domain.Access;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Activities.Checks;
using Omvarld.Domain.Organisation;
using Omvarld.Domain.Policies.Checks;
using static Omvarld.Domain.Tests.Activities.ActivityTestData;

namespace Omvarld.Domain.Tests.Activities;

public class ActivityWorkflowTests
{
    /// <summary>Every allowed step, written out independently of <see cref="ActivityWorkflow"/>'s table.</summary>
    private static readonly (ActivityStatus From, ActivityAction Action, ActivityStatus To)[] Allowed =
    [
        (ActivityStatus.Draft, ActivityAction.Submit, ActivityStatus.Submitted),
        (ActivityStatus.Draft, ActivityAction.Withdraw, ActivityStatus.Withdrawn),
        (ActivityStatus.Submitted, ActivityAction.Approve, ActivityStatus.Approved),
        (ActivityStatus.Submitted, ActivityAction.Reject, ActivityStatus.Rejected),
        (ActivityStatus.Submitted, ActivityAction.Withdraw, ActivityStatus.Withdrawn),
        (ActivityStatus.Rejected, ActivityAction.Submit, ActivityStatus.Submitted),
        (ActivityStatus.Rejected, ActivityAction.Withdraw, ActivityStatus.Withdrawn),
        (ActivityStatus.Approved, ActivityAction.Start, ActivityStatus.Ongoing),
        (ActivityStatus.Approved, ActivityAction.Withdraw, ActivityStatus.Withdrawn),
        (ActivityStatus.Ongoing, ActivityAction.Complete, ActivityStatus.Completed),
        (ActivityStatus.Completed, ActivityAction.ReportFinalResults, ActivityStatus.ResultsReported),
    ];

    public static TheoryData<ActivityStatus, ActivityAction> EveryStep()
    {
        var data = new TheoryData<ActivityStatus, ActivityAction>();
        foreach (var status in Enum.GetValues<ActivityStatus>())
            foreach (var action in Enum.GetValues<ActivityAction>())
                data.Add(status, action);
        return data;
    }

    private static (ActivityTransition? Value, Omvarld.Domain.Common.Result Result) Do(Activity a, ActivityAction action) => action switch
    {
        ActivityAction.Submit => a.Submit(Editor, Now),
        ActivityAction.Approve => a.Approve(Approver, CultureApprover, PolicyVersionId, [], Now),
        ActivityAction.Reject => a.Reject(Approver, CultureApprover, "Komplettera budgeten.", Now),
        ActivityAction.Withdraw => a.Withdraw(Editor, Now),
        ActivityAction.Start => a.Start(Editor, Now),
        ActivityAction.Complete => a.Complete(Editor, Now, new DateOnly(2026, 3, 31)),
        ActivityAction.ReportFinalResults => a.ReportFinalResults("Det ledde till en utställning.", Editor, Now),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    [Theory]
    [MemberData(nameof(EveryStep))]
    public void Step_FromEveryStatus_IsAllowedExactlyWhereTheWorkflowSays(ActivityStatus from, ActivityAction action)
    {
        var activity = InStatus(from);
        var expected = Allowed.Where(s => s.From == from && s.Action == action).Select(s => (ActivityStatus?)s.To).SingleOrDefault();

        var (transition, result) = Do(activity, action);

        if (expected is { } to)
        {
            Assert.True(result.IsOk, result.Error);
            Assert.Equal(to, activity.Status);
            Assert.Equal(new ActivityTransition(activity.Id, action, from, to, transition!.ByUserId, Now, transition.Comment), transition);
        }
        else
        {
            Assert.Equal("Activity_TransitionInvalid", result.Error);
            Assert.Null(transition);
            Assert.Equal(from, activity.Status);
        }
    }

    [Fact]
    public void ActionsFrom_GivesTheUiItsButtons()
    {
        Assert.Equal([ActivityAction.Submit, ActivityAction.Withdraw], ActivityWorkflow.ActionsFrom(ActivityStatus.Draft));
        Assert.Equal([ActivityAction.Approve, ActivityAction.Reject, ActivityAction.Withdraw], ActivityWorkflow.ActionsFrom(ActivityStatus.Submitted));
        Assert.Equal([ActivityAction.Complete], ActivityWorkflow.ActionsFrom(ActivityStatus.Ongoing));
        Assert.Empty(ActivityWorkflow.ActionsFrom(ActivityStatus.ResultsReported));
        Assert.Empty(ActivityWorkflow.ActionsFrom(ActivityStatus.Withdrawn));
    }

    [Fact]
    public void Submit_WithoutPurpose_IsRefusedAndStaysADraft()
    {
        var activity = NewActivity(Details() with { Purpose = " " });
        var (_, result) = activity.Submit(Editor, Now);
        Assert.Equal(("Activity_PurposeRequired", "Purpose"), (result.Error, result.Field));
        Assert.Equal(ActivityStatus.Draft, activity.Status);
    }

    [Fact]
    public void Submit_WithoutDescriptionOrExpectedResults_IsRefused()
    {
        Assert.Equal("Activity_DescriptionRequired", NewActivity(Details(description: null)).Submit(Editor, Now).Result.Error);
        Assert.Equal("Activity_ExpectedResultsRequired", NewActivity(Details() with { ExpectedResults = null }).Submit(Editor, Now).Result.Error);
    }

    [Fact]
    public void Submit_RecordsWhoAndWhen()
    {
        var activity = InStatus(ActivityStatus.Submitted);
        Assert.Equal((Editor, Now), (activity.SubmittedByUserId, activity.SubmittedAt));
    }

    [Fact]
    public void Approve_RecordsApproverTimeAndPolicyVersion()
    {
        var activity = InStatus(ActivityStatus.Submitted);
        var warning = new Finding(CheckKind.ExternalFundingSought, FindingSeverity.Warning, "Finding_ExternalFundingNotSought", [], "BORAS-2023", "2023", SeedPolicies.Boras2023FundingClause);

        var (transition, result) = activity.Approve(Approver, CultureApprover, PolicyVersionId, [warning], Now, "Bra ansökan.");

        Ok(result);
        Assert.Equal(ActivityStatus.Approved, activity.Status);
        Assert.Equal((Approver, Now, PolicyVersionId), (activity.ApprovedByUserId, activity.ApprovedAt, activity.ApprovedPolicyVersionId));
        Assert.Equal((Approver, "Bra ansökan."), (transition!.ByUserId, transition.Comment));
    }

    [Fact]
    public void Approve_WithABlockingFinding_IsRefusedAndNothingIsRecorded()
    {
        var activity = InStatus(ActivityStatus.Submitted);
        var blocking = new Finding(CheckKind.GoalLinkage, FindingSeverity.Blocking, "Finding_GoalLinkageTooFew", [1, 0], "BORAS-2023", "2023", SeedPolicies.Boras2023GoalLinkageClause);

        var (transition, result) = activity.Approve(Approver, CultureApprover, PolicyVersionId, [blocking], Now);

        Assert.Equal("Activity_BlockingFindings", result.Error);
        Assert.Null(transition);
        Assert.Equal(ActivityStatus.Submitted, activity.Status);
        Assert.Null(activity.ApprovedPolicyVersionId);
        Assert.Null(activity.ApprovedByUserId);
    }

    [Fact]
    public void Approve_UnderBoras2023_WithoutGoal_IsRefusedUntilAGoalIsGiven()
    {
        var activity = NewActivity(Details(kind: ActivityKind.StudyVisitOrExchange, goals: []));
        Ok(activity.Submit(Editor, Now));
        var findings = ActivityRules.Evaluate(new ActivityCheckContext(activity, SeedPolicies.Boras2023, new DateOnly(2024, 3, 10)));
        Assert.Equal("Activity_BlockingFindings", activity.Approve(Approver, CultureApprover, PolicyVersionId, findings, Now).Result.Error);

        Ok(activity.Reject(Approver, CultureApprover, "Ange vilket mål i policyn aktiviteten bidrar till.", Now));
        Ok(activity.Update(Details(kind: ActivityKind.StudyVisitOrExchange, goals: [new GoalServed("KUNSKAPSUTBYTEN", "Studiebesök hos ett museum i Åbo.")]), Refs()));
        Ok(activity.Submit(Editor, Now));
        findings = ActivityRules.Evaluate(new ActivityCheckContext(activity, SeedPolicies.Boras2023, new DateOnly(2024, 3, 10)));

        Ok(activity.Approve(Approver, CultureApprover, PolicyVersionId, findings, Now));
        Assert.Equal(PolicyVersionId, activity.ApprovedPolicyVersionId);
    }

    [Fact]
    public void ApproveAndReject_ByAnApproverOfAnotherUnitOrAnEditor_AreRefused()
    {
        var tree = UnitTree.From([Culture, OtherUnit]);
        var otherApprover = new AccessScope(false, [(Role.UnitApprover, OtherUnit.Id)], tree);
        var editor = new AccessScope(false, [(Role.UnitEditor, Culture.Id), (Role.Coordinator, null)], tree);
        var activity = InStatus(ActivityStatus.Submitted);

        foreach (var scope in new[] { otherApprover, editor })
        {
            Assert.Equal("Activity_ApproverNotAllowed", activity.Approve(Approver, scope, PolicyVersionId, [], Now).Result.Error);
            Assert.Equal("Activity_ApproverNotAllowed", activity.Reject(Approver, scope, "Nej.", Now).Result.Error);
        }
        Assert.Equal(ActivityStatus.Submitted, activity.Status);
    }

    [Fact]
    public void Approve_ByTheApproverOfTheCommitteeAboveTheUnit_IsAllowed()
    {
        var (committee, _) = Unit.Create(Municipality, "Kulturnämnden", UnitKind.Committee, null);
        var (museum, _) = Unit.Create(Municipality, "Textilmuseet", UnitKind.Office, committee);
        var committeeApprover = new AccessScope(false, [(Role.UnitApprover, committee!.Id)], UnitTree.From([committee, museum!]));
        var (activity, _) = Activity.Create(Municipality, Details() with { OwnerUnitId = museum!.Id }, ActivityReferences.For(museum, SeedPolicies.Boras2023));
        Ok(activity!.Submit(Editor, Now));

        Ok(activity.Approve(Approver, committeeApprover, PolicyVersionId, [], Now));
        Assert.Equal(ActivityStatus.Approved, activity.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Reject_WithoutAComment_IsRefused(string? comment)
    {
        var activity = InStatus(ActivityStatus.Submitted);
        var (_, result) = activity.Reject(Approver, CultureApprover, comment, Now);
        Assert.Equal("Activity_RejectionCommentRequired", result.Error);
        Assert.Equal(ActivityStatus.Submitted, activity.Status);
    }

    [Fact]
    public void Reject_KeepsTheCommentUntilTheActivityIsSubmittedAgain()
    {
        var activity = InStatus(ActivityStatus.Submitted);
        var (transition, _) = activity.Reject(Approver, CultureApprover, "Beskriv barnperspektivet.", Now);
        Assert.Equal("Beskriv barnperspektivet.", transition!.Comment);
        Assert.Equal("Beskriv barnperspektivet.", activity.RejectionComment);

        Ok(activity.Submit(Editor, Now.AddDays(2)));

        Assert.Null(activity.RejectionComment);
        Assert.Equal(Now.AddDays(2), activity.SubmittedAt);
    }

    [Fact]
    public void Start_WithoutADate_StartsOnThePlannedDay()
    {
        var activity = InStatus(ActivityStatus.Approved);
        Ok(activity.Start(Editor, Now));
        Assert.Equal(activity.PlannedStart, activity.ActualStart);
    }

    [Fact]
    public void Complete_WithoutADate_EndsOnTheDayOfTheStep()
    {
        var activity = InStatus(ActivityStatus.Ongoing);
        Ok(activity.Complete(Editor, new DateTimeOffset(2025, 11, 30, 23, 30, 0, TimeSpan.FromHours(1))));
        Assert.Equal(new DateOnly(2025, 11, 30), activity.ActualEnd);
    }

    [Fact]
    public void Complete_BeforeTheActualStart_IsRefused()
    {
        var activity = InStatus(ActivityStatus.Ongoing);
        var (_, result) = activity.Complete(Editor, Now, new DateOnly(2024, 3, 31));
        Assert.Equal(("Activity_EndBeforeStart", "ActualEnd"), (result.Error, result.Field));
        Assert.Equal(ActivityStatus.Ongoing, activity.Status);
    }

    [Fact]
    public void ReportFinalResults_WithoutText_IsRefused()
    {
        var activity = InStatus(ActivityStatus.Completed);
        Assert.Equal("Results_TextRequired", activity.ReportFinalResults("", Editor, Now).Result.Error);
        Assert.Equal(ActivityStatus.Completed, activity.Status);
    }

    [Fact]
    public void ReportFinalResults_StoresTheFinalReport()
    {
        var activity = InStatus(ActivityStatus.ResultsReported);
        var report = Assert.Single(activity.Results);
        Assert.True(report.IsFinal);
        Assert.Equal(("Utställningen visades i tre länder.", Editor), (report.Text, report.ReportedByUserId));
    }

    [Fact]
    public void ReportYearlyResults_WhileOngoing_IsStoredAndASecondReportForTheYearRevisesIt()
    {
        var activity = InStatus(ActivityStatus.Ongoing);
        var inJanuary = new DateTimeOffset(2025, 1, 20, 10, 0, 0, TimeSpan.FromHours(1));

        Ok(activity.ReportYearlyResults(2024, "Två workshoppar.", Editor, inJanuary));
        Ok(activity.ReportYearlyResults(2024, "Två workshoppar och en studieresa.", Approver, inJanuary.AddDays(3)));

        var report = Assert.Single(activity.Results);
        Assert.Equal((2024, "Två workshoppar och en studieresa.", Approver), (report.Year, report.Text, report.ReportedByUserId));
        Assert.Equal(ActivityStatus.Ongoing, activity.Status);
    }

    [Theory]
    [InlineData(2023)]   // before the actual start (2024-04-01)
    [InlineData(2026)]   // after the year of the report's own date
    public void ReportYearlyResults_ForAYearTheActivityDidNotRun_IsRefused(int year)
    {
        var activity = InStatus(ActivityStatus.Ongoing);
        var (error, field, _) = activity.ReportYearlyResults(year, "Text.", Editor, new DateTimeOffset(2025, 1, 20, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(("Results_YearInvalid", "Year"), (error, field));
        Assert.Empty(activity.Results);
    }

    [Theory]
    [InlineData(ActivityStatus.Approved, false)]
    [InlineData(ActivityStatus.Ongoing, true)]
    [InlineData(ActivityStatus.Completed, true)]
    [InlineData(ActivityStatus.ResultsReported, false)]
    public void ReportYearlyResults_WhileRunningOrForTheLastYearAfterTheEnd(ActivityStatus status, bool allowed)
    {
        var activity = InStatus(status);
        var result = activity.ReportYearlyResults(2024, "Två workshoppar.", Editor, new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(allowed, result.IsOk);
    }
}
