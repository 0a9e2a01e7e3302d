using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Organisation;
using Omvarld.Domain.Plans;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.ActionPlans;

/// <summary>R12: a unit's editor starts the year's plan as an empty draft; items are added on the plan's page.</summary>
public sealed class CreateModel(ActionPlanService plans, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    public List<UnitNode> Units { get; private set; } = [];
    [BindProperty] public Guid? UnitId { get; set; }
    [BindProperty] public int? Year { get; set; }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.IsCoordinator && scope.EditableUnits.Count == 0) return false;
        var tree = await me.GetUnitTreeAsync(ct);
        Units = tree.All.Where(u => !u.IsClosed && ActionPlan.PlanningKinds.Contains(u.Kind) && scope.CanEditFor(u.Id)).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        Year ??= plans.Today.Year;
        if (Units.Count == 1) UnitId = Units[0].Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        var saved = await plans.CreateAsync(new ActionPlanInput(UnitId, Year, []), ct);
        switch (saved.Outcome)
        {
            case PlanOutcome.Saved:
                TempData["Flash"] = l["ActionPlanPages_CreatedFlash"].Value;
                return Redirect($"/handlingsplaner/{saved.Id}");
            case PlanOutcome.Forbidden: return Forbid();
        }
        ModelState.AddModelError(saved.Error.Field is "Year" ? nameof(Year) : nameof(UnitId), l.Message(saved.Error));
        return Page();
    }
}
