using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Data;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Networks.Memberships;

/// <summary>One membership: its facts and what it led to (its activities, their status and latest result); the coordinator links activities.</summary>
public sealed class DetailsModel(MembershipService memberships, OmvarldDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public MembershipDto Membership { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public List<(Guid Id, string Title)> Linkable { get; private set; } = [];
    [BindProperty] public Guid? ActivityId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLinkAsync(Guid id, CancellationToken ct)
    {
        var save = await memberships.LinkAsync(id, ActivityId, ct);
        return await After(save, id, "Networks_LinkedFlash", ct);
    }

    public async Task<IActionResult> OnPostUnlinkAsync(Guid id, Guid activityId, CancellationToken ct)
    {
        var save = await memberships.UnlinkAsync(id, activityId, ct);
        return await After(save, id, "Networks_UnlinkedFlash", ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var save = await memberships.DeleteAsync(id, ct);
        switch (save.Outcome)
        {
            case NetworkOutcome.Saved:
                TempData["Flash"] = l["Memberships_DeletedFlash"].Value;
                return Redirect("/medlemskap");
            case NetworkOutcome.Forbidden: return Forbid();
            default: return NotFound();
        }
    }

    private async Task<IActionResult> After(NetworkSave save, Guid id, string flash, CancellationToken ct)
    {
        switch (save.Outcome)
        {
            case NetworkOutcome.Saved:
                TempData["Flash"] = l[flash].Value;
                return Redirect($"/medlemskap/{id}#activities-heading");
            case NetworkOutcome.Forbidden: return Forbid();
            case NetworkOutcome.NotFound: return NotFound();
        }
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.AddModelError(nameof(ActivityId), l.Message(save.Error));
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await memberships.GetAsync(id, ct) is not { } m) return false;
        Membership = m;
        CanEdit = await memberships.MayEditAsync(ct);
        if (CanEdit)
        {
            var linked = m.Activities.Select(a => a.Id).ToHashSet();
            Linkable = (await NetworkReads.LinkableActivitiesAsync(db, ct)).Where(a => !linked.Contains(a.Id)).ToList();
        }
        return true;
    }
}
