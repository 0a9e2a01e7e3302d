using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Data;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Iati;

/// <summary>
/// <c>/iati</c>: the IATI settings (the coordinator's), the activities the file includes, those it leaves out and why,
/// and the file to download. The coordinator and KS read it.
/// </summary>
public sealed class IndexModel(IatiService iati, CurrentUser me, OmvarldDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public IatiSettingsDto Settings { get; private set; } = null!;
    public IatiReportDto Report { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public string? PublicPath { get; private set; }

    [BindProperty] public SettingsForm Form { get; set; } = new();

    public sealed class SettingsForm
    {
        [Display(Name = "Iati_Identifier")] public string? OrganisationIdentifier { get; set; }
        [Display(Name = "Iati_Name")] public string? ReportingOrgName { get; set; }
        [Display(Name = "Iati_OrgType")] public string? ReportingOrgType { get; set; }
        [Display(Name = "Iati_Language")] public string? DefaultLanguage { get; set; }
        public int Version { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Form = new SettingsForm
        {
            OrganisationIdentifier = Settings.OrganisationIdentifier, ReportingOrgName = Settings.ReportingOrgName,
            ReportingOrgType = Settings.ReportingOrgType, DefaultLanguage = Settings.DefaultLanguage, Version = Settings.Version,
        };
    }

    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken ct)
    {
        if (!(await me.GetScopeAsync(ct)).IsCoordinator) return Forbid();
        var f = Form;
        var save = await iati.SetSettingsAsync(new IatiSettingsInput(f.OrganisationIdentifier, f.ReportingOrgName, f.ReportingOrgType, f.DefaultLanguage, f.Version), ct);
        switch (save.Outcome)
        {
            case IatiOutcome.Saved:
                TempData["Flash"] = l["Common_SavedFlash"].Value;
                return RedirectToPage();
            case IatiOutcome.Conflict: ModelState.AddModelError(string.Empty, l["Iati_Conflict"]); break;
            case IatiOutcome.Forbidden: return Forbid();
            default: ModelState.AddModelError(save.Error.Field is { } field ? "Form." + field : string.Empty, l.Message(save.Error)); break;
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The coordinator's choice on an activity's page: include it in the file, or leave it out.</summary>
    public async Task<IActionResult> OnPostChooseAsync(Guid id, bool include, CancellationToken ct)
    {
        var save = await iati.ChooseAsync(id, include, ct);
        switch (save.Outcome)
        {
            case IatiOutcome.Saved:
                TempData["Flash"] = l[include ? "Iati_ChosenFlash" : "Iati_UnchosenFlash"].Value;
                return Redirect($"/aktiviteter/{id:D}");
            case IatiOutcome.NotFound: return NotFound();
            case IatiOutcome.Forbidden: return Forbid();
            default:
                TempData["Flash"] = l["Iati_Conflict"].Value;
                return Redirect($"/aktiviteter/{id:D}");
        }
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct) =>
        File(IatiService.Serialize((await iati.ExportAsync(publishedOnly: false, ct)).Document), IatiApi.XmlContentType, "iati-activities.xml");

    private async Task LoadAsync(CancellationToken ct)
    {
        Settings = await iati.SettingsAsync(ct);
        Report = await iati.ReportAsync(ct);
        CanEdit = (await me.GetScopeAsync(ct)).IsCoordinator;
        var slug = await db.Municipalities.AsNoTracking().Where(m => m.Id == me.MunicipalityId).Select(m => m.Slug).FirstOrDefaultAsync(ct);
        PublicPath = slug is null ? null : $"/api/v1/public/{slug}/iati.xml";
    }
}
