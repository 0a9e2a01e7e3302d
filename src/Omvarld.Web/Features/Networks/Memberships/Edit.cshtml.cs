using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Data;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Networks.Memberships;

/// <summary>Registers a membership (<c>/medlemskap/ny</c>) or changes one (<c>/medlemskap/{id}/andra</c>): the coordinator's.</summary>
public sealed class EditModel(MembershipService memberships, OmvarldDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public MembershipForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public string? Name { get; private set; }
    public List<UserChoice> Users { get; private set; } = [];
    /// <summary>When someone else saved first: the membership as it is now.</summary>
    public MembershipDto? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (!await memberships.MayEditAsync(ct)) return Forbid();
        if (id is { } existing)
        {
            if (await memberships.GetAsync(existing, ct) is not { } m) return NotFound();
            (Id, Name, Input) = (m.Id, m.Name, MembershipForm.From(m));
        }
        Users = await NetworkReads.UsersAsync(db, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (!await memberships.MayEditAsync(ct)) return Forbid();
        if (id is { } existing)
        {
            if (await memberships.GetAsync(existing, ct) is not { } m) return NotFound();
            (Id, Name) = (m.Id, m.Name);
        }
        Users = await NetworkReads.UsersAsync(db, ct);
        if (!ModelState.IsValid) return Page();
        var (request, parsed) = Input.ToRequest();
        if (request is null)
        {
            ModelState.AddModelError("Input.FeeSek", l.Message(parsed));
            return Page();
        }
        var save = id is { } i ? await memberships.UpdateAsync(i, request, ct) : await memberships.CreateAsync(request, ct);
        switch (save.Outcome)
        {
            case NetworkOutcome.Saved:
                TempData["Flash"] = l["Common_SavedFlash"].Value;
                return Redirect($"/medlemskap/{save.Id}");
            case NetworkOutcome.Forbidden: return Forbid();
            case NetworkOutcome.NotFound: return NotFound();
            case NetworkOutcome.Conflict:
                Conflict = await memberships.GetAsync(id!.Value, ct);
                ModelState.AddModelError(string.Empty, l["Concurrency_Conflict"]);
                // The next save overwrites knowingly: the form keeps what was typed, with the version now stored.
                ModelState.Remove("Input.Version");
                Input.Version = Conflict?.Version;
                return Page();
            default:
                ModelState.AddModelError(save.Error.Field is { } f ? "Input." + f : string.Empty, l.Message(save.Error));
                return Page();
        }
    }
}
