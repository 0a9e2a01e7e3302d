using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Policies;
using Omvarld.Web.Features.Files;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Policies;

/// <summary>One policy version: its metadata, decisions, goals with their clauses, the partner precondition and the checks it demands.
/// The coordinator and KS's secretariat record revision and extension decisions here (R3).</summary>
public sealed class VersionModel(PolicyService policies, FileService files, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    public VersionDetails Details { get; private set; } = null!;
    public bool CanRecordDecisions { get; private set; }
    public bool CanEdit { get; private set; }
    public int RowVersion { get; private set; }
    /// <summary>The latest adopted version of the document, which an adoption may replace.</summary>
    public VersionSummaryDto? LatestAdopted { get; private set; }
    public string MaxFileSize => files.MaxSizeText;

    [BindProperty] public DecisionForm Input { get; set; } = new();
    [BindProperty] public DraftForm Draft { get; set; } = new();
    /// <summary>Which form the errors belong to: the page opens that one.</summary>
    public string? FailedForm { get; private set; }

    public sealed class DraftForm
    {
        [Required(ErrorMessage = "Validation_Required"), MaxLength(100, ErrorMessage = "Validation_MaxLength"), Display(Name = "Draft_Key")] public string? Key { get; set; }
        [Required(ErrorMessage = "Validation_Required"), MaxLength(50, ErrorMessage = "Validation_MaxLength"), Display(Name = "Draft_Label")] public string? Label { get; set; }
    }

    public sealed class DecisionForm
    {
        [Required(ErrorMessage = "Validation_Required"), Display(Name = "Field_DecisionKind")] public DecisionKind? Kind { get; set; }
        [Required(ErrorMessage = "Validation_Required"), MaxLength(150, ErrorMessage = "Validation_MaxLength"), Display(Name = "Field_Body")] public string? Body { get; set; }
        [Required(ErrorMessage = "Validation_Required"), Display(Name = "Field_Date")] public DateOnly? Date { get; set; }
        [MaxLength(150, ErrorMessage = "Validation_MaxLength"), Display(Name = "Field_ProposedBy")] public string? ProposedBy { get; set; }
        [Required(ErrorMessage = "Validation_Required"), MaxLength(50, ErrorMessage = "Validation_MaxLength"), Display(Name = "Field_CaseNumber")] public string? CaseNumber { get; set; }
        [MaxLength(20, ErrorMessage = "Validation_MaxLength"), Display(Name = "Field_MinuteParagraph")] public string? MinuteParagraph { get; set; }
        [MaxLength(20, ErrorMessage = "Validation_MaxLength"), Display(Name = "Field_ValidUntil")] public string? ValidUntil { get; set; }
        [MaxLength(4000, ErrorMessage = "Validation_MaxLength"), Display(Name = "Field_DecisionText")] public string? Text { get; set; }
        public int? Version { get; set; }
        public bool ReplacesInForce { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDecisionAsync(Guid id)
    {
        var scope = await me.GetScopeAsync();
        if (!(scope.IsCoordinator || scope.IsKsSecretariat)) return Forbid();
        OnlyErrorsOf("Input.");
        if (ModelState.IsValid)
        {
            var i = Input;
            var outcome = await policies.RecordDecisionAsync(id, new DecisionInput(i.Kind, i.Body, i.Date, i.ProposedBy, i.CaseNumber, i.MinuteParagraph,
                i.ValidUntil, i.Text, i.Version, i.ReplacesInForce));
            if (outcome is null) return NotFound();
            var (result, _) = outcome.Value;
            if (result.IsOk)
            {
                TempData["Flash"] = l[i.Kind == DecisionKind.Adopted ? "Adopt_AdoptedFlash" : "Decision_RecordedFlash"].Value;
                return Redirect($"/styrdokument/versioner/{id}");
            }
            ModelState.AddModelError(result.Field is null ? string.Empty : "Input." + result.Field, l.Message(result));
        }
        FailedForm = Input.Kind == DecisionKind.Adopted ? "adopt" : "decision";
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDraftAsync(Guid id)
    {
        if (!(await me.GetScopeAsync()).IsCoordinator) return Forbid();
        OnlyErrorsOf("Draft.");
        if (ModelState.IsValid)
        {
            var outcome = await policies.CreateDraftAsync(id, new DraftInput(Draft.Key, Draft.Label));
            if (outcome is null) return NotFound();
            var (draftId, result) = outcome.Value;
            if (result.IsOk)
            {
                TempData["Flash"] = l["Draft_CreatedFlash", Draft.Label!].Value;
                return Redirect($"/styrdokument/versioner/{draftId}/andra");
            }
            ModelState.AddModelError("Draft." + result.Field, l.Message(result));
        }
        FailedForm = "draft";
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostFileAsync(Guid id, IFormFile? upload)
    {
        if (!(await me.GetScopeAsync()).IsCoordinator) return Forbid();
        if (await policies.GetSourceAsync(id) is null) return NotFound();
        await using var stream = upload?.OpenReadStream();
        var (stored, result) = await files.AddAsync(PolicyService.FileOwner, id, upload?.FileName, stream, FileKinds.Documents);
        if (result.IsOk)
        {
            TempData["Flash"] = l["Files_UploadedFlash", stored!.FileName].Value;
            return Redirect($"/styrdokument/versioner/{id}#files-heading");
        }
        ModelState.Clear();
        ModelState.AddModelError("upload", l.Message(result));
        FailedForm = "file";
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRemoveFileAsync(Guid id, Guid fileId)
    {
        if (!(await me.GetScopeAsync()).IsCoordinator) return Forbid();
        if (!await files.RemoveAsync(PolicyService.FileOwner, fileId)) return NotFound();
        TempData["Flash"] = l["Files_RemovedFlash"].Value;
        return Redirect($"/styrdokument/versioner/{id}#files-heading");
    }

    /// <summary>
    /// Keeps the validation of the posted form only. A form's model binds the other form's model too, and one whose
    /// fields were not posted falls back to the empty prefix ("Body" instead of "Input.Body").
    /// </summary>
    private void OnlyErrorsOf(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var details = await policies.GetVersionAsync(id);
        if (details is null) return false;
        Details = details;
        RowVersion = details.RowVersion;
        var scope = await me.GetScopeAsync();
        CanRecordDecisions = scope.IsCoordinator || scope.IsKsSecretariat;
        CanEdit = scope.IsCoordinator;
        LatestAdopted = details.Document.Versions.Where(v => v.AdoptedOn is not null && v.Id != id).MaxBy(v => v.AdoptedOn);
        if (details.IsDraft && Input.Kind is null) Input.Kind = DecisionKind.Adopted;
        return true;
    }
}
