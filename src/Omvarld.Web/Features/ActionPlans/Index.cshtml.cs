using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.ActionPlans;

/// <summary>R12: every committee and company with its plan's status for a year and the year before, what is due or late, and every plan kept.</summary>
public sealed class IndexModel(ActionPlanService plans, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The municipality's due dates (the coordinator changes them here): when plans and evaluations are due.</summary>
    public DueSettingsDto Settings { get; private set; } = null!;
    public bool CanSetDueDates { get; private set; }
    [BindProperty] public DueForm Due { get; set; } = new();

    public sealed class DueForm
    {
        [Required(ErrorMessage = "Validation_Required"), Range(1, 12, ErrorMessage = "ActionPlanPages_MonthInvalid"), Display(Name = "ActionPlanPages_PlanDueMonth")] public int? PlanDueMonth { get; set; }
        [Required(ErrorMessage = "Validation_Required"), Range(1, 31, ErrorMessage = "ActionPlanPages_DayInvalid"), Display(Name = "ActionPlanPages_PlanDueDay")] public int? PlanDueDay { get; set; }
        [Required(ErrorMessage = "Validation_Required"), Range(1, 12, ErrorMessage = "ActionPlanPages_MonthInvalid"), Display(Name = "ActionPlanPages_EvaluationDueMonth")] public int? EvaluationDueMonth { get; set; }
        [Required(ErrorMessage = "Validation_Required"), Range(1, 31, ErrorMessage = "ActionPlanPages_DayInvalid"), Display(Name = "ActionPlanPages_EvaluationDueDay")] public int? EvaluationDueDay { get; set; }
        [Required(ErrorMessage = "Validation_Required"), Range(0, 120, ErrorMessage = "ActionPlanPages_DueSoonInvalid"), Display(Name = "ActionPlanPages_DueSoonDays")] public int? DueSoonDays { get; set; }
        public int? Version { get; set; }
    }

    public async Task<IActionResult> OnPostDueAsync(int? ar, CancellationToken ct)
    {
        if (!(await me.GetScopeAsync(ct)).IsCoordinator) return Forbid();
        if (ModelState.IsValid)
        {
            var d = Due;
            var save = await plans.SetSettingsAsync(new DueSettingsInput(d.PlanDueMonth, d.PlanDueDay, d.EvaluationDueMonth, d.EvaluationDueDay, d.DueSoonDays, d.Version), ct);
            switch (save.Outcome)
            {
                case PlanOutcome.Saved:
                    TempData["Flash"] = l["Common_SavedFlash"].Value;
                    return Redirect("/handlingsplaner" + (ar is { } y ? $"?ar={y}" : ""));
                case PlanOutcome.Conflict: ModelState.AddModelError(string.Empty, l["Concurrency_Conflict"]); break;
                case PlanOutcome.Forbidden: return Forbid();
                default: ModelState.AddModelError(save.Error.Field is { } f ? "Due." + f : string.Empty, l.Message(save.Error)); break;
            }
        }
        await OnGetAsync(ar, ct);
        return Page();
    }

    public int Year { get; private set; }
    public List<PlanStatusDto> Rows { get; private set; } = [];
    public List<ActionPlanSummaryDto> Plans { get; private set; } = [];
    public PlanRequirementDto? Requirement { get; private set; }
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(int? ar, CancellationToken ct)
    {
        Year = ar is >= Domain.Activities.Activity.FirstYear and < Domain.Activities.Activity.LastYear ? ar.Value : plans.Today.Year;
        Rows = await plans.StatusAsync(Year, null, ct);
        Requirement = Rows.Select(r => r.Requirement).FirstOrDefault(r => r is not null);
        Plans = await plans.ListAsync(null, null, null, ct);
        var scope = await me.GetScopeAsync(ct);
        CanCreate = scope.IsCoordinator || scope.EditableUnits.Count > 0;
        CanSetDueDates = scope.IsCoordinator;
        Settings = await plans.SettingsAsync(ct);
        if (Due.Version is null)
            Due = new DueForm { PlanDueMonth = Settings.PlanDueMonth, PlanDueDay = Settings.PlanDueDay, EvaluationDueMonth = Settings.EvaluationDueMonth,
                EvaluationDueDay = Settings.EvaluationDueDay, DueSoonDays = Settings.DueSoonDays, Version = Settings.Version };
    }
}
