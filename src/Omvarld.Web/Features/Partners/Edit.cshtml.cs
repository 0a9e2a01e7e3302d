using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Partners;

/// <summary>Mends a directory entry; the coordinator may also remove one no activity names.</summary>
public sealed class EditModel(PartnerService partners, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public PartnerFormInput Input { get; set; } = new();
    public PartnerDto Partner { get; private set; } = null!;
    public bool CanDelete { get; private set; }
    /// <summary>When someone else saved first: the entry as it is now.</summary>
    public PartnerDto? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await partners.MayEditAsync()) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        Input = PartnerFormInput.From(Partner);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await partners.MayEditAsync()) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        ModelState.Remove("Input.Version");
        if (ModelState.IsValid)
        {
            var result = await partners.UpdateAsync(id, Input.ToInput());
            switch (result.Outcome)
            {
                case PartnerOutcome.Saved:
                    TempData["Flash"] = l["Common_SavedFlash"].Value;
                    return Redirect("/partner?q=" + Uri.EscapeDataString(result.Partner!.Name));
                case PartnerOutcome.NotFound:
                    return NotFound();
                case PartnerOutcome.Forbidden:
                    return Forbid();
                case PartnerOutcome.Conflict:
                    Conflict = result.Partner;
                    ModelState.AddModelError(string.Empty, l["Concurrency_Conflict"]);
                    Input.Version = result.Partner?.Version;
                    break;
                default:
                    ModelState.AddModelError(result.Error.Field is { } f ? "Input." + f : string.Empty, l.Message(result.Error));
                    break;
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        var result = await partners.DeleteAsync(id);
        switch (result.Outcome)
        {
            case PartnerOutcome.Saved:
                TempData["Flash"] = l["Partners_DeletedFlash"].Value;
                return Redirect("/partner");
            case PartnerOutcome.NotFound:
                return NotFound();
            case PartnerOutcome.Forbidden:
                return Forbid();
            default:
                if (!await LoadAsync(id)) return NotFound();
                ModelState.Clear();
                Input = PartnerFormInput.From(Partner);
                ModelState.AddModelError(string.Empty, l.Message(result.Error));
                return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var partner = await partners.GetAsync(id);
        if (partner is null) return false;
        Partner = partner;
        CanDelete = (await me.GetScopeAsync()).IsCoordinator;
        return true;
    }
}
