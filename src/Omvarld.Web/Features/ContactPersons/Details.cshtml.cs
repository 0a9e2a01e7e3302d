using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.ContactPersons;

/// <summary>One appointment with its competence-development log: those who may log add and remove entries; those who may appoint end the period.</summary>
public sealed class DetailsModel(ContactPersonService contacts, IStringLocalizer<SharedResource> l) : PageModel
{
    public ContactPersonDto Contact { get; private set; } = null!;
    public List<CompetenceEntryDto> Entries { get; private set; } = [];
    public List<(Guid Id, string Title)> Activities { get; private set; } = [];
    [BindProperty] public CompetenceFormInput Entry { get; set; } = new();
    [BindProperty] public DateOnly? EndOn { get; set; }
    [BindProperty] public int? Version { get; set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await contacts.GetAsync(id, ct) is not { } c) return false;
        Contact = c;
        Entries = await contacts.EntriesAsync(id, ct);
        if (c.CanLog) Activities = await contacts.ActivitiesAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Entry.Date = contacts.Today;
        EndOn = Contact.To ?? contacts.Today;
        Version = Contact.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostEntryAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Contact.CanLog) return Forbid();
        ModelState.Remove(nameof(EndOn));
        ModelState.Remove(nameof(Version));
        if (!ModelState.IsValid) return Page();
        var saved = await contacts.AddEntryAsync(id, Entry.ToInput(), ct);
        switch (saved.Outcome)
        {
            case ContactOutcome.Saved:
                TempData["Flash"] = l["ContactPersons_EntryAddedFlash"].Value;
                return Redirect($"/kontaktpersoner/{id}#log-heading");
            case ContactOutcome.Forbidden: return Forbid();
            case ContactOutcome.NotFound: return NotFound();
        }
        ModelState.AddModelError("Entry." + (saved.Error.Field ?? "Description"), l.Message(saved.Error));
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteEntryAsync(Guid id, Guid entryId, CancellationToken ct)
    {
        var saved = await contacts.DeleteEntryAsync(id, entryId, ct);
        return saved.Outcome switch
        {
            ContactOutcome.Forbidden => Forbid(),
            ContactOutcome.NotFound => NotFound(),
            _ => RedirectWithFlash(id, "ContactPersons_EntryDeletedFlash", "#log-heading"),
        };
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Contact.CanEdit) return Forbid();
        if (!ModelState.IsValid) return Page();
        var saved = await contacts.EndAsync(id, new EndContactInput(EndOn, Version), ct);
        switch (saved.Outcome)
        {
            case ContactOutcome.Saved: return RedirectWithFlash(id, "ContactPersons_EndedFlash", "");
            case ContactOutcome.Forbidden: return Forbid();
            case ContactOutcome.NotFound: return NotFound();
            case ContactOutcome.Conflict:
                ModelState.AddModelError(nameof(EndOn), l["Concurrency_Conflict"]);
                Version = Contact.Version;
                return Page();
        }
        ModelState.AddModelError(nameof(EndOn), l.Message(saved.Error));
        return Page();
    }

    private IActionResult RedirectWithFlash(Guid id, string key, string anchor)
    {
        TempData["Flash"] = l[key].Value;
        return Redirect($"/kontaktpersoner/{id}{anchor}");
    }
}
