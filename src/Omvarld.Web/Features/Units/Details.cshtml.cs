using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Organisation;
using Omvarld.Web.Features.Activities;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Units;

public sealed class DetailsModel(UnitService units, AuditQueries audit, CurrentUser me, ActivityQueries activities, PolicyService policies, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>R10: what the unit and its sub-units take or took part in; at most <see cref="MaxActivities"/>, the list page has all.</summary>
    public List<UnitActivityDto> Activities { get; private set; } = [];
    public const int MaxActivities = 50;
    /// <summary>Goal names of the policy in force today; a goal of an older version shows by its code.</summary>
    public Dictionary<string, string> GoalNames { get; private set; } = [];

    public Unit Unit { get; private set; } = null!;
    public UnitTree Tree { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public Page<AuditDto> History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "historik")] int page = 1)
    {
        var unit = await units.FindAsync(id);
        if (unit is null) return NotFound();
        Unit = unit;
        Tree = await units.TreeAsync();
        CanManage = (await me.GetScopeAsync()).CanManageOrganisation;
        History = await audit.ListAsync(nameof(Omvarld.Domain.Organisation.Unit), id, page, 20);
        Activities = await activities.UnitWorkAsync(id, MaxActivities);
        if (Activities.Count > 0 && await policies.ActivityPolicyOnAsync(DateOnly.FromDateTime(clock.GetLocalNow().DateTime)) is { } policy)
            GoalNames = policy.Definition.Version.Goals.ToDictionary(g => g.Code, g => g.Name);
        return Page();
    }

    public Task<IActionResult> OnPostCloseAsync(Guid id, int version) =>
        ChangeAsync(id, () => units.CloseAsync(id, version, null), "Units_ClosedFlash");

    public Task<IActionResult> OnPostReopenAsync(Guid id, int version) =>
        ChangeAsync(id, () => units.ReopenAsync(id, version), "Units_ReopenedFlash");

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Task<SaveResult>> change, string flash)
    {
        if (!(await me.GetScopeAsync()).CanManageOrganisation) return Forbid();
        var result = await change();
        if (result.Outcome == SaveOutcome.NotFound) return NotFound();
        TempData["Flash"] = result.Outcome switch
        {
            SaveOutcome.Saved => l[flash].Value,
            SaveOutcome.Conflict => l["Concurrency_Conflict"].Value,
            _ => l[result.Error.Error!].Value,
        };
        return Redirect($"/enheter/{id}");
    }
}
