using Omvarld.Domain.Access;
using Omvarld.Domain.Organisation;
using Omvarld.Domain.Plans;

namespace Omvarld.Domain.Tests.Plans;

public class ActionPlanTests
{
    private static readonly Guid Municipality = Guid.NewGuid();
    private static readonly Unit Committee = Unit.Create(Municipality, "Utbildningsnämnden", UnitKind.Committee, null).Value!;
    private static readonly Unit Office = Unit.Create(Municipality, "Utbildningskontoret", UnitKind.Office, Committee).Value!;
    private static readonly Unit OtherCommittee = Unit.Create(Municipality, "Socialnämnden", UnitKind.Committee, null).Value!;
    private static readonly UnitTree Tree = new([
        new(Committee.Id, null, Committee.Name, UnitKind.Committee, false), new(Office.Id, Committee.Id, Office.Name, UnitKind.Office, false),
        new(OtherCommittee.Id, null, OtherCommittee.Name, UnitKind.Committee, false)]);
    private static readonly AccessScope Editor = new(false, [(Role.UnitEditor, Committee.Id)], Tree);
    private static readonly AccessScope OtherEditor = new(false, [(Role.UnitEditor, OtherCommittee.Id)], Tree);
    private static readonly AccessScope Reader = new(false, [(Role.Reader, null)], Tree);
    private static readonly Guid Priority = Guid.NewGuid();
    private static readonly Guid ActivityId = Guid.NewGuid();
    private static readonly ActionPlanReferences Refs = new(new HashSet<string> { "KUNSKAPSUTBYTE", "OMVARLDSBEVAKNING" }, false,
        new HashSet<Guid> { Priority }, new HashSet<Guid> { ActivityId });
    private static readonly DateOnly Today = new(2025, 2, 10);
    private static readonly DateTimeOffset At = new(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(1));

    private static ActionPlanItemInput Item(string what = "Studiebesök i Tallinn om digitala läromedel", string? goal = "KUNSKAPSUTBYTE", Guid? priority = null) =>
        new(what, "Lärare lär av Estlands skolor.", goal, priority ?? Priority, "Utbildningskontoret", "Våren", 45000m, "Antal deltagande lärare", "10", [ActivityId]);

    private static ActionPlan Draft(AccessScope? by = null) =>
        ActionPlan.Create(Municipality, Committee, 2025, [Item(), Item("Nätverksträffar inom Eurocities", "OMVARLDSBEVAKNING")], Refs, by ?? Editor).Value!;

    private static ActionPlan Adopted()
    {
        var plan = Draft();
        Assert.True(plan.Adopt(new DateOnly(2025, 1, 28), "Utbildningsnämnden", "§ 12", Editor, Today).IsOk);
        return plan;
    }

    private static List<ItemEvaluationInput> AllDone(ActionPlan plan) =>
        plan.Items.Select(i => new ItemEvaluationInput(i.Id, ItemOutcome.Done, "Två nya arbetssätt.", "12 lärare")).ToList();

    [Fact]
    public void Create_Committee_DraftWithItemsInOrder()
    {
        var plan = Draft();
        Assert.Equal((ActionPlanStatus.Draft, 2025, Committee.Id), (plan.Status, plan.Year, plan.UnitId));
        Assert.Equal([1, 2], plan.Items.Select(i => i.Position));
        Assert.Equal((45000m, "KUNSKAPSUTBYTE", Priority), (plan.Items[0].BudgetSek, plan.Items[0].GoalCode, plan.Items[0].PriorityId));
    }

    [Fact]
    public void Create_Office_Refused()
    {
        var scope = new AccessScope(false, [(Role.Coordinator, null)], Tree);
        var (plan, result) = ActionPlan.Create(Municipality, Office, 2025, [Item()], Refs, scope);
        Assert.Null(plan);
        Assert.Equal("ActionPlan_UnitKindInvalid", result.Error);
    }

    [Fact]
    public void Create_ClosedUnit_Refused()
    {
        var closed = Unit.Create(Municipality, "Gamla nämnden", UnitKind.Committee, null).Value!;
        closed.Close(new DateOnly(2024, 12, 31), new UnitTree([new(closed.Id, null, closed.Name, UnitKind.Committee, false)]));
        var (_, result) = ActionPlan.Create(Municipality, closed, 2025, [Item()], Refs, new AccessScope(false, [(Role.Coordinator, null)], Tree));
        Assert.Equal("ActionPlan_UnitClosed", result.Error);
    }

    [Fact]
    public void Create_EditorOfAnotherCommitteeOrReader_Refused()
    {
        Assert.Equal("ActionPlan_NotAllowed", ActionPlan.Create(Municipality, Committee, 2025, [Item()], Refs, OtherEditor).Result.Error);
        Assert.Equal("ActionPlan_NotAllowed", ActionPlan.Create(Municipality, Committee, 2025, [Item()], Refs, Reader).Result.Error);
    }

    [Fact]
    public void Create_ItemWithoutGoal_WhenPolicyRequiresGoalLinkage_RefusedNamingTheItem()
    {
        var (plan, result) = ActionPlan.Create(Municipality, Committee, 2025, [Item(), Item(goal: null)], Refs with { GoalRequired = true }, Editor);
        Assert.Null(plan);
        Assert.Equal("ActionPlan_ItemGoalRequired", result.Error);
        Assert.Equal([2], result.Args!);
    }

    [Fact]
    public void Create_ItemWithoutGoal_WhenNotRequired_Accepted() =>
        Assert.True(ActionPlan.Create(Municipality, Committee, 2025, [Item(goal: null)], Refs, Editor).Result.IsOk);

    [Fact]
    public void Create_UnknownGoalOrPriority_Refused()
    {
        Assert.Equal("ActionPlan_ItemGoalUnknown", ActionPlan.Create(Municipality, Committee, 2025, [Item(goal: "PÅHITTAT")], Refs, Editor).Result.Error);
        Assert.Equal("ActionPlan_ItemPriorityUnknown", ActionPlan.Create(Municipality, Committee, 2025, [Item(priority: Guid.NewGuid())], Refs, Editor).Result.Error);
    }

    [Fact]
    public void Adopt_EmptyPlan_Refused()
    {
        var plan = ActionPlan.Create(Municipality, Committee, 2025, [], Refs, Editor).Value!;
        Assert.Equal("ActionPlan_NoItems", plan.Adopt(null, null, null, Editor, Today).Error);
    }

    [Fact]
    public void Adopt_ItemWithoutGoal_RefusedWhenThePolicyDemandsGoals()
    {
        var plan = ActionPlan.Create(Municipality, Committee, 2025, [Item(), Item("Nätverksmöte", goal: null)], Refs, Editor).Value!;
        var refused = plan.Adopt(null, null, null, Editor, Today, goalRequired: true);
        Assert.Equal(("ActionPlan_ItemGoalRequired", "Items"), (refused.Error, refused.Field));
        Assert.Equal(ActionPlanStatus.Draft, plan.Status);
        Assert.True(plan.Adopt(null, null, null, Editor, Today, goalRequired: false).IsOk);
    }

    [Fact]
    public void Adopt_WithoutDate_TodayAndNoParagraph()
    {
        var plan = Draft();
        Assert.True(plan.Adopt(null, null, null, Editor, Today).IsOk);
        Assert.Equal((ActionPlanStatus.Adopted, Today, null), (plan.Status, plan.AdoptedOn, plan.MinuteParagraph));
    }

    [Fact]
    public void Adopted_ItemsNoLongerChange() =>
        Assert.Equal("ActionPlan_NotEditable", Adopted().UpdateItems([Item()], Refs, Editor).Error);

    [Fact]
    public void Evaluate_Draft_RefusedAsNeverAdopted()
    {
        var plan = Draft();
        Assert.Equal("ActionPlan_EvaluateNotAdopted", plan.Evaluate(AllDone(plan), "Bra år.", Editor, Guid.NewGuid(), At).Error);
        Assert.Equal(ActionPlanStatus.Draft, plan.Status);
    }

    [Fact]
    public void Evaluate_ItemWithoutOutcome_RefusedAndNothingChanged()
    {
        var plan = Adopted();
        var evaluations = AllDone(plan);
        evaluations[1] = evaluations[1] with { Outcome = null };
        var result = plan.Evaluate(evaluations, "Bra år.", Editor, Guid.NewGuid(), At);
        Assert.Equal("ActionPlan_ItemOutcomeRequired", result.Error);
        Assert.Null(plan.Items[0].Outcome);
        Assert.Equal(ActionPlanStatus.Adopted, plan.Status);
    }

    [Fact]
    public void Evaluate_Adopted_ReadOnlyAfterwards()
    {
        var plan = Adopted();
        var evaluations = AllDone(plan);
        evaluations[1] = evaluations[1] with { Outcome = ItemOutcome.Partly };
        Assert.True(plan.Evaluate(evaluations, "Ett bra år med nya kontakter.", Editor, Guid.NewGuid(), At).IsOk);
        Assert.Equal((ActionPlanStatus.Evaluated, ItemOutcome.Partly), (plan.Status, plan.Items[1].Outcome));
        Assert.True(plan.IsReadOnly);
        Assert.Equal("ActionPlan_ReadOnly", plan.Evaluate(evaluations, "Igen.", Editor, Guid.NewGuid(), At).Error);
        Assert.Equal("ActionPlan_NotEditable", plan.AddItem(Item(), Refs, Editor).Result.Error);
    }

    [Fact]
    public void Revise_Evaluated_NextYearsDraftWithItemsCopiedNotEvaluated()
    {
        var plan = Adopted();
        plan.Evaluate(AllDone(plan), "Bra år.", Editor, Guid.NewGuid(), At);
        var (next, result) = plan.Revise(Committee, Refs with { GoalCodes = new HashSet<string> { "KUNSKAPSUTBYTE" } }, Editor);
        Assert.True(result.IsOk, result.Error);
        Assert.Equal((2026, ActionPlanStatus.Draft, plan.Id), (next!.Year, next.Status, next.RevisedFromPlanId));
        Assert.Equal(plan.Items.Select(i => i.What), next.Items.Select(i => i.What));
        Assert.All(next.Items, i => Assert.Null(i.Outcome));
        Assert.All(next.Items, i => Assert.Null(i.PriorityId));
        Assert.Equal(["KUNSKAPSUTBYTE", null], next.Items.Select(i => i.GoalCode));
        Assert.Equal(ActionPlanStatus.Evaluated, plan.Status);
    }

    [Fact]
    public void Revise_NotEvaluated_Refused() =>
        Assert.Equal("ActionPlan_ReviseNotEvaluated", Adopted().Revise(Committee, Refs, Editor).Result.Error);
}
