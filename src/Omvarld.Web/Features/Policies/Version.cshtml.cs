using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Countries;
using Omvarld.Domain.Policies;
using Omvarld.Web.Features.Files;
using Omvarld.Web.Features.Precondition;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Policies;

/// <summary>One policy version: its metadata, decisions, goals with their clauses, the partner precondition and the checks it demands.
/// The coordinator and KS's secretariat record revision and extension decisions here (R3).</summary>
public sealed class VersionModel(PolicyService policies, FileService files, CurrentUser me, IStringLocalizer<SharedResource> l,
    PreconditionService precondition) : PageModel
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
    [BindProperty] public CriteriaForm Criteria { get; set; } = new();

    /// <summary>R8: the criteria this version's precondition is judged by, whether they are the documented defaults, and the setting's version.</summary>
    public (PreconditionCriteria Criteria, bool IsDefault, int Version) CriteriaInUse { get; private set; }

    /// <summary>The coordinator's levels for the precondition; the numbers as typed (decimal comma or point).</summary>
    public sealed class CriteriaForm
    {
        public Regime? MinimumRegime { get; set; }
        public string? MinimumVDemRuleOfLaw { get; set; }
        public string? MinimumWgiRuleOfLawPercentile { get; set; }
        public string? WgiPercentileMargin { get; set; }
        public string? MinimumCivilLiberties { get; set; }
        public string? MaxDataAgeYears { get; set; }
        public int? Version { get; set; }

        public static CriteriaForm From(PreconditionCriteria c, int version) => new()
        {
            MinimumRegime = c.MinimumRegime, MinimumVDemRuleOfLaw = Text(c.MinimumVDemRuleOfLaw), MinimumWgiRuleOfLawPercentile = Text(c.MinimumWgiRuleOfLawPercentile),
            WgiPercentileMargin = Text(c.WgiPercentileMargin), MinimumCivilLiberties = Text(c.MinimumCivilLiberties),
            MaxDataAgeYears = c.MaxDataAgeYears.ToString(CultureInfo.InvariantCulture), Version = version,
        };

        public static string Text(decimal d) => d.ToString("0.###", CultureInfo.GetCultureInfo("sv-SE"));
    }
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

    /// <summary>The revision form is opened with its kind chosen (KS's decision queue links here with <c>?beslut=revidering</c>).</summary>
    public bool OpenDecision { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? beslut)
    {
        if (beslut == "revidering")
        {
            Input.Kind = DecisionKind.Revised;
            OpenDecision = true;
        }
        return await LoadAsync(id) ? Page() : NotFound();
    }

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

    /// <summary>R8: the coordinator sets the levels of this version's precondition; a save by someone else meanwhile is a conflict.</summary>
    public async Task<IActionResult> OnPostCriteriaAsync(Guid id)
    {
        if (!(await me.GetScopeAsync()).IsCoordinator) return Forbid();
        ModelState.Clear();
        var c = Criteria;
        decimal? Number(string? text, string field)
        {
            var cleaned = text?.Trim().Replace(" ", "").Replace('\u2212', '-').Replace(',', '.');
            if (decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)) return d;
            ModelState.AddModelError("Criteria." + field, l["PreconditionPages_NumberInvalid", l["PreconditionCriteria_" + field].Value]);
            return null;
        }
        if (c.MinimumRegime is null) ModelState.AddModelError("Criteria.MinimumRegime", l["Criteria_MinimumRegimeInvalid"]);
        var rule = Number(c.MinimumVDemRuleOfLaw, nameof(c.MinimumVDemRuleOfLaw));
        var wgi = Number(c.MinimumWgiRuleOfLawPercentile, nameof(c.MinimumWgiRuleOfLawPercentile));
        var margin = Number(c.WgiPercentileMargin, nameof(c.WgiPercentileMargin));
        var civil = Number(c.MinimumCivilLiberties, nameof(c.MinimumCivilLiberties));
        var age = Number(c.MaxDataAgeYears, nameof(c.MaxDataAgeYears));
        if (age is { } a && a != decimal.Truncate(a))
            ModelState.AddModelError("Criteria.MaxDataAgeYears", l["PreconditionPages_WholeYears"]);
        if (ModelState.IsValid)
        {
            var criteria = new PreconditionCriteria
            {
                MinimumRegime = c.MinimumRegime!.Value, MinimumVDemRuleOfLaw = rule!.Value, MinimumWgiRuleOfLawPercentile = wgi!.Value,
                WgiPercentileMargin = margin!.Value, MinimumCivilLiberties = civil!.Value, MaxDataAgeYears = (int)Math.Clamp(age!.Value, int.MinValue, int.MaxValue),
            };
            // Every problem at once, each on its field.
            foreach (var error in criteria.Validate()) ModelState.AddModelError("Criteria." + error.Field, l.Message(error));
            if (ModelState.IsValid)
            {
                var saved = await precondition.SetCriteriaAsync(id, criteria, c.Version);
                switch (saved.Outcome)
                {
                    case PreconditionOutcome.Saved:
                        TempData["Flash"] = l["PreconditionPages_CriteriaSavedFlash"].Value;
                        return Redirect($"/styrdokument/versioner/{id}#criteria-heading");
                    case PreconditionOutcome.Forbidden:
                        return Forbid();
                    case PreconditionOutcome.NotFound:
                        return NotFound();
                    case PreconditionOutcome.Conflict:
                        ModelState.AddModelError(string.Empty, l["PreconditionPages_CriteriaConflict"]);
                        break;
                    default:
                        ModelState.AddModelError(saved.Error.Field is { } f ? "Criteria." + f : string.Empty, l.Message(saved.Error));
                        break;
                }
            }
        }
        FailedForm = "criteria";
        if (!await LoadAsync(id)) return NotFound();
        // After a conflict the form shows what is stored now, with the new version: the coordinator decides again.
        if (ModelState[string.Empty] is { Errors.Count: > 0 }) Criteria = CriteriaForm.From(CriteriaInUse.Criteria, CriteriaInUse.Version);
        return Page();
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
        if (details.Content.Version.Precondition is not null)
        {
            CriteriaInUse = await precondition.CriteriaAsync(id);
            if (FailedForm != "criteria") Criteria = CriteriaForm.From(CriteriaInUse.Criteria, CriteriaInUse.Version);
        }
        if (details.IsDraft && Input.Kind is null) Input.Kind = DecisionKind.Adopted;
        return true;
    }
}
