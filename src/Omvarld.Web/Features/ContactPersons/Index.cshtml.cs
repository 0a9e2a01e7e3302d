using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Organisation;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.ContactPersons;

/// <summary>
/// R15: every unit that needs a contact person with today's and the next one, the units without one (citing the policy
/// clause where one demands them), the coordinator's letter to all and choice of units, the export, and every
/// appointment, paged and filtered.
/// </summary>
public sealed class IndexModel(ContactPersonService contacts, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 50;
    public ContactOverviewDto Overview { get; private set; } = null!;
    public Page<ContactPersonDto> List { get; private set; } = null!;
    public ContactStatus? Status { get; private set; }
    public string? Q { get; private set; }
    public bool IsCoordinator { get; private set; }
    public bool CanAppoint { get; private set; }
    public List<(Guid UnitId, string Name)> Chosen { get; private set; } = [];
    /// <summary>Open units the coordinator may still choose: not of a kind that needs one anyway, not chosen yet.</summary>
    public List<UnitNode> Choosable { get; private set; } = [];
    [BindProperty] public Guid? ChooseUnitId { get; set; }

    /// <summary>The <c>mailto:</c> link with every current contact person in BCC.</summary>
    public string MailTo => "mailto:?bcc=" + string.Join(",", Overview.CurrentAddresses.Select(Uri.EscapeDataString));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Status = Enum.TryParse<ContactStatus>(Request.Query["status"].FirstOrDefault(), true, out var s) && Enum.IsDefined(s) ? s : null;
        Q = Request.Query["q"].FirstOrDefault() is { Length: > 0 } q ? q.Trim()[..Math.Min(q.Trim().Length, 200)] : null;
        var page = int.TryParse(Request.Query["sida"].FirstOrDefault(), out var p) && p >= 1 ? p : 1;
        List = await contacts.ListAsync(null, Status, Q, page, PageSize, ct);
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Overview = await contacts.OverviewAsync(ct);
        var scope = await me.GetScopeAsync(ct);
        IsCoordinator = scope.IsCoordinator;
        CanAppoint = scope.IsCoordinator || scope.EditableUnits.Count > 0;
        if (IsCoordinator)
        {
            Chosen = await contacts.ChosenAsync(ct);
            var kinds = ContactPersonService.Kinds(Overview.Requirement);
            var chosen = Chosen.Select(c => c.UnitId).ToHashSet();
            Choosable = (await me.GetUnitTreeAsync(ct)).DepthFirst().Select(n => n.Node)
                .Where(n => !n.IsClosed && !kinds.Contains(n.Kind) && !chosen.Contains(n.Id)).ToList();
        }
    }

    public async Task<IActionResult> OnPostChooseAsync(CancellationToken ct) =>
        await ChooseAsync(ChooseUnitId, true, ct);

    public async Task<IActionResult> OnPostUnchooseAsync(Guid unitId, CancellationToken ct) =>
        await ChooseAsync(unitId, false, ct);

    private async Task<IActionResult> ChooseAsync(Guid? unitId, bool chosen, CancellationToken ct)
    {
        if (unitId is not { } id)
        {
            ModelState.AddModelError(nameof(ChooseUnitId), l["ContactPerson_UnitUnknown"]);
            List = await contacts.ListAsync(null, null, null, 1, PageSize, ct);
            await LoadAsync(ct);
            return Page();
        }
        var saved = await contacts.SetChosenAsync(id, chosen, ct);
        switch (saved.Outcome)
        {
            case ContactOutcome.Forbidden: return Forbid();
            case ContactOutcome.NotFound: return NotFound();
            case ContactOutcome.Saved:
                TempData["Flash"] = l[chosen ? "ContactPersons_ChosenFlash" : "ContactPersons_UnchosenFlash"].Value;
                return Redirect("/kontaktpersoner#valda");
        }
        ModelState.AddModelError(nameof(ChooseUnitId), l.Message(saved.Error));
        List = await contacts.ListAsync(null, null, null, 1, PageSize, ct);
        await LoadAsync(ct);
        return Page();
    }
}
