using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Policies;
using Omvarld.Domain.Policies.Reading;
using Omvarld.Web.Data;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Policies.Reading;

/// <summary>
/// Issue 18.3: the coordinator uploads (or pastes) an adopted policy document, reviews the reader's proposal beside
/// the source text — keeping, editing or leaving out each item, adding what the reader missed — and saves the result
/// as a draft version. The proposal travels in the form (the web tier keeps nothing between requests); the saved draft
/// is a policy file imported like any other (<see cref="PolicyService.ImportAsync"/>), so a draft it is: a file
/// without decisions is never adopted.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Coordinator)]
[RequestSizeLimit(PolicyDocumentText.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = PolicyDocumentText.MaxBytes + 1024 * 1024)]
public sealed class ReviewModel(PolicyService policies, OmvarldDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public IFormFile? Document { get; set; }
    [BindProperty] public string? Pasted { get; set; }
    // Validated by Validate(), field by field in Swedish; the binder's implicit checks would speak of hidden fields in English.
    [BindProperty, ValidateNever] public ReviewForm Form { get; set; } = new();

    /// <summary>True once there is a proposal to review (the form is shown beside the text).</summary>
    public bool Reviewing { get; private set; }
    public IReadOnlyList<PolicyFileError> Errors { get; private set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostReadAsync(CancellationToken ct)
    {
        ModelState.Clear();
        DocumentText document;
        var field = nameof(Document);
        if (Document is { Length: > 0 } file)
        {
            if (file.Length > PolicyDocumentText.MaxBytes) return ReadError(field, "PolicyRead_TooLarge");
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            document = PolicyDocumentText.Read(buffer.ToArray());
        }
        else if (!string.IsNullOrWhiteSpace(Pasted))
        {
            field = nameof(Pasted);
            document = PolicyDocumentText.Text(Pasted);
        }
        else return ReadError(field, "ReaderReview_NothingGiven");
        if (document.ErrorKey is { } key) return ReadError(field, key);
        var proposal = PolicyReader.Read(TextNormaliser.Normalise(document.Pages!));
        if (!proposal.HoldsPolicy) return ReadError(field, "PolicyRead_NoPolicy");
        Form = ReviewForm.From(proposal);
        Reviewing = true;
        return Page();
    }

    /// <summary>Adds the passage written (or selected) in the add field as a goal or a clause, and shows the review again.</summary>
    public IActionResult OnPostAdd()
    {
        Reviewing = true;
        if (!KnownText()) return Page();
        if (!AddNew(required: true)) return Page();
        // The rendered form shows the model, not the posted values, now that an item has been added.
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        Reviewing = true;
        if (!KnownText()) return Page();
        if (!AddNew(required: false)) return Page();
        Validate();
        if (!ModelState.IsValid) return Page();
        var municipality = await db.Municipalities.Where(m => m.Id == db.CurrentMunicipalityId).Select(m => m.Name).FirstAsync(ct);
        var yaml = Form.ToDraft(municipality, l["ReaderReview_ClauseWhy"]).Yaml();
        var result = await policies.ImportAsync(yaml, ct);
        if (result.Version is null)
        {
            Errors = result.Errors;
            ModelState.AddModelError("", l["ReaderReview_FileErrors", result.Errors.Count]);
            return Page();
        }
        TempData["Flash"] = l["ReaderReview_SavedFlash", result.Version.Label].Value;
        return Redirect($"/styrdokument/versioner/{result.Version.Id}");
    }

    private IActionResult ReadError(string field, string key)
    {
        ModelState.AddModelError(field, l[key]);
        return Page();
    }

    /// <summary>A review form always carries the document's text; without it there is nothing to review (a form posted by hand).</summary>
    private bool KnownText()
    {
        if (!string.IsNullOrWhiteSpace(Form.Text)) return true;
        Reviewing = false;
        ModelState.Clear();
        ModelState.AddModelError(nameof(Document), l["ReaderReview_NothingGiven"]);
        return false;
    }

    private bool AddNew(bool required)
    {
        var text = ReviewForm.Clean(Form.NewText);
        if (text is null)
        {
            if (required) ModelState.AddModelError("Form.NewText", l["Validation_Required", l["ReaderReview_NewText"]]);
            return !required;
        }
        var name = ReviewForm.Clean(Form.NewName);
        if (Form.NewAs == DemandItem.AsGoal && name is null)
        {
            ModelState.AddModelError("Form.NewName", l["ReaderReview_GoalNameRequired"]);
            return false;
        }
        var (start, length) = Form.Locate(text);
        if (Form.NewAs == DemandItem.AsGoal)
            Form.Goals.Add(new GoalItem { Code = PolicyReader.Code(name!), Name = name, Clause = text, Start = start, Length = length });
        else
            Form.Demands.Add(new DemandItem { Use = DemandItem.AsClause, Text = text, Name = name, Start = start, Length = length });
        Form.NewText = Form.NewName = null;
        return true;
    }

    /// <summary>What a draft policy file needs, said per field before the file is written.</summary>
    private void Validate()
    {
        if (ReviewForm.Clean(Form.Label) is not { } label) ModelState.AddModelError("Form.Label", l["Validation_Required", l["ReaderReview_Label"]]);
        else if (label.Length > 50) ModelState.AddModelError("Form.Label", l["Draft_LabelTooLong"]);
        for (var i = 0; i < Form.Fields.Count; i++)
        {
            var f = Form.Fields[i];
            var key = $"Form.Fields[{i}].Value";
            var value = f.Keep ? ReviewForm.Clean(f.Value) : null;
            if (value is null)
            {
                if (ReviewForm.Required.Contains(f.Name)) ModelState.AddModelError(key, l["ReaderReview_FieldRequired", l["ReaderReview_Field_" + f.Name]]);
                continue;
            }
            if (f.Name == "kind" && PolicyCodes.DocumentKinds.Parse(value) is null)
                ModelState.AddModelError(key, l["ReaderReview_KindInvalid", string.Join(", ", PolicyCodes.DocumentKinds.Codes)]);
            if (f.Name == "validUntil" && Validity.Parse(value) is null) ModelState.AddModelError(key, l["ReaderReview_ValidUntilInvalid"]);
        }
        for (var i = 0; i < Form.Goals.Count; i++)
        {
            var g = Form.Goals[i];
            if (!g.Keep) continue;
            if (ReviewForm.Clean(g.Name) is null) ModelState.AddModelError($"Form.Goals[{i}].Name", l["ReaderReview_GoalNameRequired"]);
            if (ReviewForm.Clean(g.Clause) is null) ModelState.AddModelError($"Form.Goals[{i}].Clause", l["ReaderReview_ClauseRequired"]);
        }
        for (var i = 0; i < Form.Demands.Count; i++)
        {
            var d = Form.Demands[i];
            if (d.Use == DemandItem.AsGoal && ReviewForm.Clean(d.Name) is null) ModelState.AddModelError($"Form.Demands[{i}].Name", l["ReaderReview_GoalNameRequired"]);
            if (d.Use != DemandItem.Omit && ReviewForm.Clean(d.Text) is null) ModelState.AddModelError($"Form.Demands[{i}].Text", l["ReaderReview_ClauseRequired"]);
        }
        if (!Form.Goals.Any(g => g.Keep) && !Form.Demands.Any(d => d.Use == DemandItem.AsGoal))
            ModelState.AddModelError("", l["ReaderReview_NoGoals"]);
        if (Form.Precondition is { Present: true, Keep: true } pc && ReviewForm.Clean(pc.Clause) is null)
            ModelState.AddModelError("Form.Precondition.Clause", l["ReaderReview_ClauseRequired"]);
        for (var i = 0; i < Form.Checks.Count; i++)
            if (Form.Checks[i].Keep && ReviewForm.Clean(Form.Checks[i].Clause) is null)
                ModelState.AddModelError($"Form.Checks[{i}].Clause", l["ReaderReview_ClauseRequired"]);
        if (Form.SdgNumbers() is null) ModelState.AddModelError("Form.Sdgs.Numbers", l["ReaderReview_SdgsInvalid"]);
    }
}
