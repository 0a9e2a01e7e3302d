using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Organisation;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.ContactPersons;

/// <summary>Names a unit's contact person: the coordinator for any unit, a unit editor for their own units.</summary>
public sealed class CreateModel(ContactPersonService contacts, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public ContactFormInput Input { get; set; } = new();
    public List<UnitNode> Units { get; private set; } = [];
    public List<PersonRef> Users { get; private set; } = [];
    /// <summary>The units that need one and have none today, to mark in the choice list.</summary>
    public HashSet<Guid> Missing { get; private set; } = [];

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.IsCoordinator && scope.EditableUnits.Count == 0) return false;
        Units = (await me.GetUnitTreeAsync(ct)).DepthFirst().Select(n => n.Node).Where(n => !n.IsClosed && scope.CanEditFor(n.Id)).ToList();
        Users = await contacts.UsersAsync(ct);
        Missing = (await contacts.GapsAsync(ct)).Units.Select(g => g.UnitId).ToHashSet();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid? enhet, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        Input.UnitId = enhet is { } u && Units.Any(x => x.Id == u) ? u : Units.Count == 1 ? Units[0].Id : null;
        Input.From = contacts.Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        if (!ModelState.IsValid) return Page();
        var saved = await contacts.CreateAsync(Input.ToInput(), ct);
        switch (saved.Outcome)
        {
            case ContactOutcome.Saved:
                TempData["Flash"] = l["ContactPersons_CreatedFlash"].Value;
                return Redirect($"/kontaktpersoner/{saved.Id}");
            case ContactOutcome.Forbidden: return Forbid();
        }
        ModelState.AddModelError("Input." + (saved.Error.Field ?? "UnitId"), l.Message(saved.Error));
        return Page();
    }
}
