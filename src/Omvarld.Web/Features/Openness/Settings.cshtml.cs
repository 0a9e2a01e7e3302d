using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Data;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Openness;

/// <summary>R20: the coordinator chooses the open data's licence and its public contact mailbox; the link to the open pages.</summary>
[Authorize(Policy = AuthorizationPolicies.Coordinator)]
public sealed class SettingsModel(PublicationService publication, OmvarldDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public OpenDataSettingsDto Current { get; private set; } = null!;
    public string Slug { get; private set; } = "";
    public int PublishedCount { get; private set; }

    [BindProperty] public SettingsForm Input { get; set; } = new();

    public sealed class SettingsForm
    {
        [Display(Name = "Field_OpenDataLicence")] public OpenDataLicence? Licence { get; set; }
        [Display(Name = "Field_OpenDataContactEmail")] public string? ContactEmail { get; set; }
        public int? Version { get; set; }
    }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = new SettingsForm { Licence = Current.Licence, ContactEmail = Current.ContactEmail, Version = Current.Version };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var save = await publication.SetSettingsAsync(new OpenDataSettingsInput(Input.Licence, Input.ContactEmail, Input.Version));
            switch (save.Outcome)
            {
                case PublicationOutcome.Saved:
                    TempData["Flash"] = l["OpenData_SettingsSaved"].Value;
                    return Redirect("/oppenhet/installningar");
                case PublicationOutcome.Forbidden: return Forbid();
                case PublicationOutcome.Conflict: ModelState.AddModelError(string.Empty, l["OpenData_Conflict"]); break;
                default:
                    ModelState.AddModelError(save.Error.Field is { } f ? "Input." + f : string.Empty, l.Message(save.Error));
                    break;
            }
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Current = await publication.SettingsAsync();
        var id = db.CurrentMunicipalityId;
        Slug = await db.Municipalities.AsNoTracking().Where(m => m.Id == id).Select(m => m.Slug).FirstOrDefaultAsync() ?? "";
        PublishedCount = await db.Activities.CountAsync(a => a.PublishedAt != null);
    }
}
