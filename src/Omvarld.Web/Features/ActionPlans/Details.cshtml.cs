using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Plans;
using Omvarld.Web.Features.Priorities;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.ActionPlans;

/// <summary>
/// R12: one plan — read by every member; while a draft its editors add and remove items and record its adoption; once
/// adopted they evaluate it; once evaluated it is read-only and can be revised into next year's draft.
/// </summary>
public sealed class DetailsModel(ActionPlanService plans, PriorityService priorities, PolicyService policies, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    public ActionPlanDto Plan { get; private set; } = null!;
    public List<(string Code, string Name)> Goals { get; private set; } = [];
    public List<PriorityDto> Priorities { get; private set; } = [];
    public bool CanRevise { get; private set; }

    [BindProperty] public ItemForm Item { get; set; } = new();
    [BindProperty] public AdoptForm Adoption { get; set; } = new();
    [BindProperty] public EvaluationForm Evaluation { get; set; } = new();

    public sealed class ItemForm
    {
        public string? What { get; set; }
        public string? Why { get; set; }
        public string? GoalCode { get; set; }
        public Guid? PriorityId { get; set; }
        public string? Who { get; set; }
        public string? When { get; set; }
        public decimal? BudgetSek { get; set; }
        public string? Indicator { get; set; }
        public string? Target { get; set; }
    }

    public sealed class AdoptForm
    {
        public DateOnly? AdoptedOn { get; set; }
        public string? AdoptedBy { get; set; }
        public string? MinuteParagraph { get; set; }
    }

    public sealed class EvaluationForm
    {
        public List<ItemEvaluationForm> Items { get; set; } = [];
        public string? Overall { get; set; }
    }

    public sealed class ItemEvaluationForm
    {
        public Guid ItemId { get; set; }
        public ItemOutcome? Outcome { get; set; }
        public string? LedTo { get; set; }
        public string? IndicatorOutcome { get; set; }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await plans.GetAsync(id, ct) is not { } plan) return false;
        Plan = plan;
        CanRevise = plan.Status == ActionPlanStatus.Evaluated && plan.RevisedIntoPlanId is null && (await me.GetScopeAsync(ct)).CanEditFor(plan.UnitId);
        Goals = (await policies.ForYearAsync(plan.Year, ct))?.Definition.Version.Goals.Select(g => (g.Code, g.Name)).ToList() ?? [];
        Priorities = await priorities.ListAsync(plan.Year, ct);
        if (Evaluation.Items.Count == 0) Evaluation.Items = plan.Items.Select(i => new ItemEvaluationForm { ItemId = i.Id }).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAddItemAsync(Guid id, int version, CancellationToken ct) => Act(id, () => plans.AddItemAsync(id,
        new ActionPlanItemInput(Item.What, Item.Why, Item.GoalCode, Item.PriorityId, Item.Who, Item.When, Item.BudgetSek, Item.Indicator, Item.Target), version, ct),
        "ActionPlanPages_ItemAddedFlash", "#items-heading", ct);

    public Task<IActionResult> OnPostRemoveItemAsync(Guid id, Guid itemId, int version, CancellationToken ct) =>
        Act(id, () => plans.RemoveItemAsync(id, itemId, version, ct), "ActionPlanPages_ItemRemovedFlash", "#items-heading", ct);

    public Task<IActionResult> OnPostAdoptAsync(Guid id, int version, CancellationToken ct) =>
        Act(id, () => plans.AdoptAsync(id, new AdoptInput(Adoption.AdoptedOn, Adoption.AdoptedBy, Adoption.MinuteParagraph, version), ct), "ActionPlanPages_AdoptedFlash", "", ct);

    public Task<IActionResult> OnPostEvaluateAsync(Guid id, int version, CancellationToken ct) =>
        Act(id, () => plans.EvaluateAsync(id, new EvaluateInput(Evaluation.Items.Select(i => new ItemEvaluationInput(i.ItemId, i.Outcome, i.LedTo, i.IndicatorOutcome)).ToList(),
            Evaluation.Overall, version), ct), "ActionPlanPages_EvaluatedFlash", "", ct);

    public async Task<IActionResult> OnPostReviseAsync(Guid id, int version, CancellationToken ct)
    {
        var saved = await plans.ReviseAsync(id, version, ct);
        if (saved.Outcome == PlanOutcome.Saved)
        {
            TempData["Flash"] = l["ActionPlanPages_RevisedFlash"].Value;
            return Redirect($"/handlingsplaner/{saved.Id}");
        }
        return await Failed(id, saved, ct);
    }

    private async Task<IActionResult> Act(Guid id, Func<Task<PlanSave>> work, string flash, string anchor, CancellationToken ct)
    {
        var saved = await work();
        if (saved.Outcome != PlanOutcome.Saved) return await Failed(id, saved, ct);
        TempData["Flash"] = l[flash].Value;
        return Redirect($"/handlingsplaner/{id}{anchor}");
    }

    private async Task<IActionResult> Failed(Guid id, PlanSave saved, CancellationToken ct)
    {
        switch (saved.Outcome)
        {
            case PlanOutcome.Forbidden: return Forbid();
            case PlanOutcome.NotFound: return NotFound();
            case PlanOutcome.Conflict: ModelState.AddModelError(string.Empty, l["ActionPlan_Conflict"]); break;
            default: ModelState.AddModelError(string.Empty, l.Message(saved.Error)); break;
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }
}
