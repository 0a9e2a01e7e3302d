using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Policies;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Policies;

/// <summary>One policy version: its metadata, decisions, goals with their clauses, the partner precondition and the checks it demands.
/// The coordinator and KS's secretariat record revision and extension decisions here (R3).</summary>
public sealed class VersionModel(PolicyService policies, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    public VersionDetails Details { get; private set; } = null!;
    public bool CanRecordDecisions { get; private set; }
    public int RowVersion { get; private set; }

    [BindProperty] public DecisionForm Input { get; set; } = new();

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
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDecisionAsync(Guid id)
    {
        var scope = await me.GetScopeAsync();
        if (!(scope.IsCoordinator || scope.IsKsSecretariat)) return Forbid();
        if (ModelState.IsValid)
        {
            var i = Input;
            var outcome = await policies.RecordDecisionAsync(id, new DecisionInput(i.Kind, i.Body, i.Date, i.ProposedBy, i.CaseNumber, i.MinuteParagraph, i.ValidUntil, i.Text, i.Version));
            if (outcome is null) return NotFound();
            var (result, _) = outcome.Value;
            if (result.IsOk)
            {
                TempData["Flash"] = l["Decision_RecordedFlash"].Value;
                return Redirect($"/styrdokument/versioner/{id}");
            }
            ModelState.AddModelError(result.Field is null ? string.Empty : "Input." + result.Field, l[result.Error!]);
        }
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var details = await policies.GetVersionAsync(id);
        if (details is null) return false;
        Details = details;
        RowVersion = details.RowVersion;
        var scope = await me.GetScopeAsync();
        CanRecordDecisions = scope.IsCoordinator || scope.IsKsSecretariat;
        return true;
    }
}
