using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Units;

[Authorize(Policy = AuthorizationPolicies.Coordinator)]
public sealed class EditModel(UnitService units, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public UnitFormInput Input { get; set; } = new();
    public UnitFieldsView Fields { get; private set; } = null!;
    public string UnitName { get; private set; } = "";
    /// <summary>When someone else saved first: what the unit looks like now.</summary>
    public UnitDto? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var unit = await units.FindAsync(id);
        if (unit is null) return NotFound();
        Input = new() { Name = unit.Name, Kind = unit.Kind, ParentId = unit.ParentId, ReportsToCommitteeId = unit.ReportsToCommitteeId, Version = unit.Version };
        UnitName = unit.Name;
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var existing = await units.FindAsync(id);
        if (existing is null) return NotFound();
        UnitName = existing.Name;
        ModelState.Remove("Input.Kind");
        if (ModelState.IsValid)
        {
            var result = await units.UpdateAsync(id, Input.ToInput());
            switch (result.Outcome)
            {
                case SaveOutcome.Saved:
                    TempData["Flash"] = l["Common_SavedFlash"].Value;
                    return Redirect($"/enheter/{id}");
                case SaveOutcome.NotFound:
                    return NotFound();
                case SaveOutcome.Conflict:
                    Conflict = result.Current;
                    ModelState.AddModelError(string.Empty, l["Concurrency_Conflict"]);
                    Input.Version = result.Current!.Version;
                    break;
                default:
                    ModelState.AddModelError("Input." + (result.Error.Field ?? "Name"), l[result.Error.Error!]);
                    break;
            }
        }
        await LoadAsync(id);
        return Page();
    }

    private async Task LoadAsync(Guid id)
    {
        var tree = await units.TreeAsync();
        Fields = new(Input, false, UnitOptions.Parents(tree, id), UnitOptions.Committees(tree));
        ViewData["Tree"] = tree;
    }
}
