using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Policies;

/// <summary>
/// The coordinator edits a draft version as its policy file: the whole text is read on save, every error listed by
/// line and field, and nothing stored until it reads. An adopted version is immutable and answers with a message.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Coordinator)]
[RequestSizeLimit(PoliciesApi.MaxImportBytes + 64 * 1024)]
public sealed class EditDraftModel(PolicyService policies, IStringLocalizer<SharedResource> l) : PageModel
{
    public VersionDetails Details { get; private set; } = null!;
    public IReadOnlyList<PolicyFileError> Errors { get; private set; } = [];

    [BindProperty, Required(ErrorMessage = "Validation_Required"), MaxLength(PoliciesApi.MaxImportBytes, ErrorMessage = "Validation_MaxLength"), Display(Name = "Draft_Source")]
    public string? Source { get; set; }

    [BindProperty] public int? RowVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Details.IsDraft) return Page();
        Source = (await policies.GetSourceAsync(id))!.Value.Source;
        RowVersion = Details.RowVersion;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Details.IsDraft) return NotDraft(id);
        if (!ModelState.IsValid) return Page();
        var update = await policies.UpdateDraftAsync(id, Source!, RowVersion);
        switch (update.Outcome)
        {
            case DraftOutcome.NotFound: return NotFound();
            case DraftOutcome.NotDraft: return NotDraft(id);
            case DraftOutcome.Conflict:
                ModelState.AddModelError(nameof(Source), l["Concurrency_Conflict"]);
                return Page();
            case DraftOutcome.Invalid:
                Errors = update.Errors;
                ModelState.AddModelError(nameof(Source), l["Import_HasErrors", update.Errors.Count]);
                return Page();
            default:
                TempData["Flash"] = l["Draft_SavedFlash"].Value;
                return Redirect($"/styrdokument/versioner/{id}");
        }
    }

    private IActionResult NotDraft(Guid id)
    {
        TempData["Flash"] = l["Draft_NotDraft"].Value;
        return Redirect($"/styrdokument/versioner/{id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var details = await policies.GetVersionAsync(id);
        if (details is null) return false;
        Details = details;
        return true;
    }
}
