using Omvarld.Domain.Access;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Common;
using Omvarld.Domain.Organisation;

namespace Omvarld.Domain.Plans;

public enum ActionPlanStatus
{
    /// <summary>Being written by the unit.</summary>
    Draft = 1,
    /// <summary>Adopted by the committee or the company's board; its items no longer change.</summary>
    Adopted = 2,
    /// <summary>Evaluated after the year: read-only for good, the history of the unit's work.</summary>
    Evaluated = 3,
}

/// <summary>How far an item of the plan got, as the evaluation says.</summary>
public enum ItemOutcome { Done = 1, Partly = 2, NotDone = 3 }

/// <summary>One row of the plan: what, why (goal and priority), who, when, budget, indicator and target, the activities that carry it.</summary>
public sealed record ActionPlanItemInput(string? What, string? Why, string? GoalCode, Guid? PriorityId, string? Who, string? When, decimal? BudgetSek,
    string? Indicator, string? Target, IReadOnlyList<Guid>? ActivityIds = null);

/// <summary>What an item may point at, loaded by the caller for the plan's year and unit.</summary>
/// <param name="GoalCodes">The goals of the policy version in force in the plan's year.</param>
/// <param name="GoalRequired">True when that version demands goal linkage (<see cref="Policies.Checks.CheckKind.GoalLinkage"/>).</param>
/// <param name="PriorityIds">KS's priorities of the plan's year.</param>
/// <param name="ActivityIds">The activities of the municipality the items may name.</param>
public sealed record ActionPlanReferences(IReadOnlySet<string> GoalCodes, bool GoalRequired, IReadOnlySet<Guid> PriorityIds, IReadOnlySet<Guid> ActivityIds);

public sealed record ItemEvaluationInput(Guid ItemId, ItemOutcome? Outcome, string? LedTo, string? IndicatorOutcome);

/// <summary>
/// R12, UPPLANDSBRO-2020 ("Arbetet skall beskrivas i en utvärderingsbar handlingsplan som utvärderas och revideras
/// årligen"): a committee's or company's yearly action plan (<i>handlingsplan</i>). Draft → adopted by the unit →
/// evaluated after the year (per item and overall) → revised: next year's plan is made from it, and this one stays
/// readable, unchanged, as the unit's history.
/// </summary>
public sealed class ActionPlan : ITenantOwned, IAudited, IVersioned
{
    public const int MaxItems = 100;
    public const int BodyMaxLength = 100;
    public const int MinuteParagraphMaxLength = 20;
    public const int OverallEvaluationMaxLength = 8000;
    public static readonly IReadOnlySet<UnitKind> PlanningKinds = new HashSet<UnitKind> { UnitKind.Committee, UnitKind.Company };

    private readonly List<ActionPlanItem> _items = [];

    private ActionPlan() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid UnitId { get; private set; }
    public int Year { get; private set; }
    public ActionPlanStatus Status { get; private set; }
    /// <summary>The day the committee or board adopted the plan.</summary>
    public DateOnly? AdoptedOn { get; private set; }
    /// <summary>The adopting body as the minutes name it; null: the unit itself.</summary>
    public string? AdoptedBy { get; private set; }
    /// <summary>The minutes' paragraph (<i>§</i>), when given.</summary>
    public string? MinuteParagraph { get; private set; }
    public string? OverallEvaluation { get; private set; }
    public DateTimeOffset? EvaluatedAt { get; private set; }
    public Guid? EvaluatedByUserId { get; private set; }
    /// <summary>The evaluated plan of the year before that this one was revised from.</summary>
    public Guid? RevisedFromPlanId { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<ActionPlanItem> Items => _items;
    public bool IsReadOnly => Status == ActionPlanStatus.Evaluated;

    public static (ActionPlan? Value, Result Result) Create(Guid municipalityId, Unit unit, int year, IReadOnlyList<ActionPlanItemInput> items,
        ActionPlanReferences references, AccessScope by)
    {
        var check = CanPlanFor(municipalityId, unit, year, by);
        if (!check.IsOk) return (null, check);
        var plan = new ActionPlan { MunicipalityId = municipalityId, Id = Guid.CreateVersion7(), UnitId = unit.Id, Year = year, Status = ActionPlanStatus.Draft };
        var result = plan.ReplaceItems(items, references);
        return result.IsOk ? (plan, result) : (null, result);
    }

    /// <summary>Only committees and companies keep plans (004: "Nämnder och bolag"), never a closed unit; the unit's editors write them.</summary>
    private static Result CanPlanFor(Guid municipalityId, Unit unit, int year, AccessScope by)
    {
        if (unit.MunicipalityId != municipalityId) return Result.Fail("ActionPlan_UnitInvalid", nameof(UnitId));
        if (!by.CanEditFor(unit.Id)) return Result.Fail("ActionPlan_NotAllowed");
        if (!PlanningKinds.Contains(unit.Kind)) return Result.Fail("ActionPlan_UnitKindInvalid", nameof(UnitId), unit.Name);
        if (unit.IsClosed) return Result.Fail("ActionPlan_UnitClosed", nameof(UnitId), unit.Name);
        if (year is < Activity.FirstYear or > Activity.LastYear) return Result.Fail("ActionPlan_YearInvalid", nameof(Year), Activity.FirstYear, Activity.LastYear);
        return Result.Ok;
    }

    /// <summary>Replaces every item, or none; only while the plan is a draft.</summary>
    public Result UpdateItems(IReadOnlyList<ActionPlanItemInput> items, ActionPlanReferences references, AccessScope by)
    {
        if (!by.CanEditFor(UnitId)) return Result.Fail("ActionPlan_NotAllowed");
        if (Status != ActionPlanStatus.Draft) return Result.Fail("ActionPlan_NotEditable");
        return ReplaceItems(items, references);
    }

    public (ActionPlanItem? Value, Result Result) AddItem(ActionPlanItemInput input, ActionPlanReferences references, AccessScope by)
    {
        if (!by.CanEditFor(UnitId)) return (null, Result.Fail("ActionPlan_NotAllowed"));
        if (Status != ActionPlanStatus.Draft) return (null, Result.Fail("ActionPlan_NotEditable"));
        if (_items.Count >= MaxItems) return (null, Result.Fail("ActionPlan_TooManyItems", "Items", MaxItems));
        var (item, result) = ActionPlanItem.Create(this, _items.Count + 1, input, references);
        if (item is not null) _items.Add(item);
        return (item, result);
    }

    public Result RemoveItem(Guid itemId, AccessScope by)
    {
        if (!by.CanEditFor(UnitId)) return Result.Fail("ActionPlan_NotAllowed");
        if (Status != ActionPlanStatus.Draft) return Result.Fail("ActionPlan_NotEditable");
        if (_items.RemoveAll(i => i.Id == itemId) == 0) return Result.Fail("ActionPlan_ItemNotFound");
        var position = 1;
        foreach (var item in _items.OrderBy(i => i.Position)) item.MoveTo(position++);
        return Result.Ok;
    }

    private Result ReplaceItems(IReadOnlyList<ActionPlanItemInput> inputs, ActionPlanReferences references)
    {
        if (inputs.Count > MaxItems) return Result.Fail("ActionPlan_TooManyItems", "Items", MaxItems);
        var items = new List<ActionPlanItem>();
        foreach (var input in inputs)
        {
            var (item, result) = ActionPlanItem.Create(this, items.Count + 1, input, references);
            if (!result.IsOk) return result;
            items.Add(item!);
        }
        _items.Clear();
        _items.AddRange(items);
        return Result.Ok;
    }

    /// <summary>The committee or the company's board has adopted the plan; day and § as the minutes give them, both optional.</summary>
    /// <param name="goalRequired">The policy in force for the year demands goal linkage: every item must name a goal by now
    /// (a draft revised from last year's plan may carry items whose goal the new policy no longer has).</param>
    public Result Adopt(DateOnly? adoptedOn, string? adoptedBy, string? minuteParagraph, AccessScope by, DateOnly today, bool goalRequired = false)
    {
        if (!by.CanEditFor(UnitId)) return Result.Fail("ActionPlan_NotAllowed");
        if (Status != ActionPlanStatus.Draft) return Result.Fail("ActionPlan_AlreadyAdopted");
        if (_items.Count == 0) return Result.Fail("ActionPlan_NoItems", "Items");
        if (goalRequired && _items.FirstOrDefault(i => i.GoalCode is null) is { } withoutGoal)
            return Result.Fail("ActionPlan_ItemGoalRequired", "Items", withoutGoal.Position);
        var day = adoptedOn ?? today;
        if (day.Year is < Activity.FirstYear or > Activity.LastYear) return Result.Fail("ActionPlan_DateOutOfRange", nameof(AdoptedOn), Activity.FirstYear, Activity.LastYear);
        if (day > today) return Result.Fail("ActionPlan_AdoptedInFuture", nameof(AdoptedOn));
        var body = Common.Text.Clean(adoptedBy);
        if (body is { Length: > BodyMaxLength }) return Result.Fail("ActionPlan_BodyTooLong", nameof(AdoptedBy), BodyMaxLength);
        var paragraph = Common.Text.Clean(minuteParagraph);
        if (paragraph is { Length: > MinuteParagraphMaxLength }) return Result.Fail("ActionPlan_ParagraphTooLong", nameof(MinuteParagraph), MinuteParagraphMaxLength);
        AdoptedOn = day;
        AdoptedBy = body;
        MinuteParagraph = paragraph;
        Status = ActionPlanStatus.Adopted;
        return Result.Ok;
    }

    /// <summary>
    /// The year's evaluation: every item done, partly done or not done with what it led to and the indicator's outcome,
    /// and an overall evaluation. Only an adopted plan can be evaluated; after that the plan is read-only.
    /// </summary>
    public Result Evaluate(IReadOnlyList<ItemEvaluationInput> evaluations, string? overall, AccessScope by, Guid byUserId, DateTimeOffset at)
    {
        if (!by.CanEditFor(UnitId)) return Result.Fail("ActionPlan_NotAllowed");
        if (Status == ActionPlanStatus.Draft) return Result.Fail("ActionPlan_EvaluateNotAdopted");
        if (Status == ActionPlanStatus.Evaluated) return Result.Fail("ActionPlan_ReadOnly");
        var text = Common.Text.CleanBlock(overall);
        if (text is null) return Result.Fail("ActionPlan_OverallRequired", nameof(OverallEvaluation));
        if (text.Length > OverallEvaluationMaxLength) return Result.Fail("ActionPlan_OverallTooLong", nameof(OverallEvaluation), OverallEvaluationMaxLength);
        var checkedItems = new List<(ActionPlanItem Item, ItemOutcome Outcome, string? LedTo, string? Indicator)>();
        foreach (var item in _items.OrderBy(i => i.Position))
        {
            var input = evaluations.FirstOrDefault(e => e.ItemId == item.Id);
            if (input?.Outcome is not { } outcome || !Enum.IsDefined(outcome)) return Result.Fail("ActionPlan_ItemOutcomeRequired", "Items", item.Position);
            var ledTo = Common.Text.CleanBlock(input.LedTo);
            if (ledTo is { Length: > ActionPlanItem.LedToMaxLength }) return Result.Fail("ActionPlan_LedToTooLong", "Items", item.Position, ActionPlanItem.LedToMaxLength);
            var indicator = Common.Text.CleanBlock(input.IndicatorOutcome);
            if (indicator is { Length: > ActionPlanItem.IndicatorMaxLength })
                return Result.Fail("ActionPlan_IndicatorOutcomeTooLong", "Items", item.Position, ActionPlanItem.IndicatorMaxLength);
            checkedItems.Add((item, outcome, ledTo, indicator));
        }
        if (evaluations.Any(e => _items.All(i => i.Id != e.ItemId))) return Result.Fail("ActionPlan_ItemNotFound", "Items");
        foreach (var (item, outcome, ledTo, indicator) in checkedItems) item.Evaluate(outcome, ledTo, indicator);
        OverallEvaluation = text;
        EvaluatedAt = at;
        EvaluatedByUserId = byUserId;
        Status = ActionPlanStatus.Evaluated;
        return Result.Ok;
    }

    /// <summary>
    /// "Revideras årligen": next year's draft, made from this evaluated plan — its items copied without their evaluation.
    /// The priority link is dropped (priorities are KS's per year); the goal must still be one of next year's policy.
    /// </summary>
    public (ActionPlan? Value, Result Result) Revise(Unit unit, ActionPlanReferences nextYear, AccessScope by)
    {
        if (!by.CanEditFor(UnitId)) return (null, Result.Fail("ActionPlan_NotAllowed"));
        if (Status != ActionPlanStatus.Evaluated) return (null, Result.Fail("ActionPlan_ReviseNotEvaluated"));
        if (unit.Id != UnitId) return (null, Result.Fail("ActionPlan_UnitInvalid", nameof(UnitId)));
        var items = _items.OrderBy(i => i.Position).Select(i => new ActionPlanItemInput(i.What, i.Why,
            i.GoalCode is { } code && nextYear.GoalCodes.Contains(code) ? code : null, null, i.Who, i.When, i.BudgetSek, i.Indicator, i.Target,
            i.ActivityIds.Where(nextYear.ActivityIds.Contains).ToList())).ToList();
        var (next, result) = Create(MunicipalityId, unit, Year + 1, items, nextYear with { GoalRequired = false }, by);
        if (next is null) return (null, result);
        next.RevisedFromPlanId = Id;
        return (next, Result.Ok);
    }
}

/// <summary>One item (<i>åtgärd</i>) of an action plan, with its evaluation once the plan is evaluated.</summary>
public sealed class ActionPlanItem : ITenantOwned, IAudited
{
    public const int WhatMaxLength = 1000;
    public const int WhyMaxLength = 2000;
    public const int WhoMaxLength = 200;
    public const int WhenMaxLength = 200;
    public const int IndicatorMaxLength = 1000;
    public const int TargetMaxLength = 1000;
    public const int LedToMaxLength = 4000;
    public const decimal MaxBudget = 1_000_000_000m;

    private ActionPlanItem() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public int Position { get; private set; }
    public string What { get; private set; } = "";
    public string? Why { get; private set; }
    /// <summary>The goal of the policy in force in the plan's year the item serves.</summary>
    public string? GoalCode { get; private set; }
    /// <summary>KS's priority of the plan's year the item serves (R17).</summary>
    public Guid? PriorityId { get; private set; }
    public string? Who { get; private set; }
    public string? When { get; private set; }
    public decimal? BudgetSek { get; private set; }
    public string? Indicator { get; private set; }
    public string? Target { get; private set; }
    /// <summary>The activities that carry the item out.</summary>
    public Guid[] ActivityIds { get; private set; } = [];
    public ItemOutcome? Outcome { get; private set; }
    public string? LedTo { get; private set; }
    public string? IndicatorOutcome { get; private set; }

    internal static (ActionPlanItem? Value, Result Result) Create(ActionPlan plan, int position, ActionPlanItemInput input, ActionPlanReferences references)
    {
        var what = Common.Text.CleanBlock(input.What);
        if (what is null) return (null, Result.Fail("ActionPlan_ItemWhatRequired", "Items", position));
        if (what.Length > WhatMaxLength) return (null, Result.Fail("ActionPlan_ItemTextTooLong", "Items", position));
        var why = Common.Text.CleanBlock(input.Why);
        var who = Common.Text.Clean(input.Who);
        var when = Common.Text.Clean(input.When);
        var indicator = Common.Text.CleanBlock(input.Indicator);
        var target = Common.Text.CleanBlock(input.Target);
        if (why is { Length: > WhyMaxLength } || who is { Length: > WhoMaxLength } || when is { Length: > WhenMaxLength }
            || indicator is { Length: > IndicatorMaxLength } || target is { Length: > TargetMaxLength })
            return (null, Result.Fail("ActionPlan_ItemTextTooLong", "Items", position));
        var goal = Common.Text.Clean(input.GoalCode);
        // R7 (BORAS-2016, -2023): where the policy demands goal linkage, every item names a goal of it.
        if (goal is null && references.GoalRequired) return (null, Result.Fail("ActionPlan_ItemGoalRequired", "Items", position));
        if (goal is not null && !references.GoalCodes.Contains(goal)) return (null, Result.Fail("ActionPlan_ItemGoalUnknown", "Items", position));
        if (input.PriorityId is { } priority && !references.PriorityIds.Contains(priority)) return (null, Result.Fail("ActionPlan_ItemPriorityUnknown", "Items", position));
        if (input.BudgetSek is < 0 or > MaxBudget) return (null, Result.Fail("ActionPlan_ItemBudgetInvalid", "Items", position));
        var activities = (input.ActivityIds ?? []).Distinct().ToArray();
        if (activities.Any(a => !references.ActivityIds.Contains(a))) return (null, Result.Fail("ActionPlan_ItemActivityUnknown", "Items", position));
        return (new ActionPlanItem
        {
            MunicipalityId = plan.MunicipalityId, Id = Guid.CreateVersion7(), PlanId = plan.Id, Position = position, What = what, Why = why,
            GoalCode = goal, PriorityId = input.PriorityId, Who = who, When = when, BudgetSek = input.BudgetSek, Indicator = indicator, Target = target,
            ActivityIds = activities,
        }, Result.Ok);
    }

    internal void MoveTo(int position) => Position = position;

    internal void Evaluate(ItemOutcome outcome, string? ledTo, string? indicatorOutcome)
    {
        Outcome = outcome;
        LedTo = ledTo;
        IndicatorOutcome = indicatorOutcome;
    }
}
