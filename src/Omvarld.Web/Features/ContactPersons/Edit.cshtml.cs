using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.ContactPersons;

/// <summary>Changes an appointment's people and period (the unit stays); a stale version is refused with the appointment as it is now.</summary>
public sealed class EditModel(ContactPersonService contacts, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public ContactFormInput Input { get; set; } = new();
    public ContactPersonDto Contact { get; private set; } = null!;
    public List<PersonRef> Users { get; private set; } = [];
    public ContactPersonDto? Conflict { get; private set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await contacts.GetAsync(id, ct) is not { } c) return false;
        Contact = c;
        Users = await contacts.UsersAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Contact.CanEdit) return Forbid();
        Input = ContactFormInput.Of(Contact);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Contact.CanEdit) return Forbid();
        ModelState.Remove("Input.Version");
        if (!ModelState.IsValid) return Page();
        var saved = await contacts.UpdateAsync(id, Input.ToInput() with { UnitId = Contact.UnitId }, ct);
        switch (saved.Outcome)
        {
            case ContactOutcome.Saved:
                TempData["Flash"] = l["Common_SavedFlash"].Value;
                return Redirect($"/kontaktpersoner/{id}");
            case ContactOutcome.Forbidden: return Forbid();
            case ContactOutcome.NotFound: return NotFound();
            case ContactOutcome.Conflict:
                Conflict = Contact;
                Input.Version = Contact.Version;
                ModelState.AddModelError(string.Empty, l["Concurrency_Conflict"]);
                return Page();
        }
        ModelState.AddModelError("Input." + (saved.Error.Field ?? "UserId"), l.Message(saved.Error));
        return Page();
    }
}
