using Microsoft.AspNetCore.Mvc.RazorPages;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.ActionPlans;

/// <summary>R12: every committee and company with its plan's status for a year and the year before, what is due or late, and every plan kept.</summary>
public sealed class IndexModel(ActionPlanService plans, CurrentUser me) : PageModel
{
    public int Year { get; private set; }
    public List<PlanStatusDto> Rows { get; private set; } = [];
    public List<ActionPlanSummaryDto> Plans { get; private set; } = [];
    public PlanRequirementDto? Requirement { get; private set; }
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(int? ar, CancellationToken ct)
    {
        Year = ar is >= Domain.Activities.Activity.FirstYear and < Domain.Activities.Activity.LastYear ? ar.Value : plans.Today.Year;
        Rows = await plans.StatusAsync(Year, null, ct);
        Requirement = Rows.Select(r => r.Requirement).FirstOrDefault(r => r is not null);
        Plans = await plans.ListAsync(null, null, null, ct);
        var scope = await me.GetScopeAsync(ct);
        CanCreate = scope.IsCoordinator || scope.EditableUnits.Count > 0;
    }
}
