using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Networks.TwinTowns;

/// <summary>Registers a twin town (<c>/vanorter/ny</c>) or changes one (<c>/vanorter/{id}/andra</c>): the coordinator's.</summary>
public sealed class EditModel(TwinTownService towns, ReferenceData reference, OmvarldDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public TwinTownForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public string? Name { get; private set; }
    public List<UserChoice> Users { get; private set; } = [];
    public IReadOnlyList<Country> Countries => reference.Countries;
    public TwinTownDto? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (!await towns.MayEditAsync(ct)) return Forbid();
        if (id is { } existing)
        {
            if (await towns.GetAsync(existing, ct) is not { } t) return NotFound();
            (Id, Name, Input) = (t.Id, t.City, TwinTownForm.From(t));
        }
        Users = await NetworkReads.UsersAsync(db, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (!await towns.MayEditAsync(ct)) return Forbid();
        if (id is { } existing)
        {
            if (await towns.GetAsync(existing, ct) is not { } t) return NotFound();
            (Id, Name) = (t.Id, t.City);
        }
        Users = await NetworkReads.UsersAsync(db, ct);
        if (!ModelState.IsValid) return Page();
        var request = Input.ToRequest();
        var save = id is { } i ? await towns.UpdateAsync(i, request, ct) : await towns.CreateAsync(request, ct);
        switch (save.Outcome)
        {
            case NetworkOutcome.Saved:
                TempData["Flash"] = l["Common_SavedFlash"].Value;
                return Redirect($"/vanorter/{save.Id}");
            case NetworkOutcome.Forbidden: return Forbid();
            case NetworkOutcome.NotFound: return NotFound();
            case NetworkOutcome.Conflict:
                Conflict = await towns.GetAsync(id!.Value, ct);
                ModelState.AddModelError(string.Empty, l["Concurrency_Conflict"]);
                Input.Version = Conflict?.Version;
                return Page();
            default:
                ModelState.AddModelError(save.Error.Field is { } f ? "Input." + f : string.Empty, l.Message(save.Error));
                return Page();
        }
    }
}
