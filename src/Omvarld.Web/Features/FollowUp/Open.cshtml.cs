using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Organisation;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.FollowUp;

/// <summary>Issue 15: the coordinator opens the year's follow-up: deadline, questions (one a line), and units beyond the committees and companies.</summary>
public sealed class OpenModel(FollowUpService followUp, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    public List<(Guid Id, string Name, UnitKind Kind, bool Default)> Units { get; private set; } = [];
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }
    [BindProperty] public string? Questions { get; set; }
    [BindProperty] public List<Guid> ExtraUnits { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int? ar, CancellationToken ct)
    {
        if (!(await me.GetScopeAsync(ct)).IsCoordinator) return Forbid();
        Units = await followUp.UnitChoicesAsync(ct);
        Year = ar ?? followUp.Today.Year - 1;
        Deadline = followUp.Today.AddMonths(2);
        Questions = string.Join("\n", await followUp.DefaultQuestionsAsync(Year.Value, ct));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!(await me.GetScopeAsync(ct)).IsCoordinator) return Forbid();
        // One question a line; an empty line between two questions is an empty question, refused by the round.
        var questions = (Questions ?? "").Replace("\r\n", "\n").Trim('\n', ' ').Split('\n').ToList();
        var saved = await followUp.OpenAsync(new OpenRoundInput(Year, Deadline, Questions is null ? [] : questions, ExtraUnits), ct);
        switch (saved.Outcome)
        {
            case FollowUpOutcome.Saved:
                TempData["Flash"] = l["FollowUpPages_OpenedFlash"].Value;
                return Redirect($"/uppfoljning/{saved.Id}");
            case FollowUpOutcome.Forbidden: return Forbid();
        }
        var field = saved.Error.Field switch { "Year" => nameof(Year), "Deadline" => nameof(Deadline), "Questions" => nameof(Questions), _ => nameof(ExtraUnits) };
        ModelState.AddModelError(field, l.Message(saved.Error));
        Units = await followUp.UnitChoicesAsync(ct);
        return Page();
    }
}
