using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Plans;
using Omvarld.Web.Features.ActionPlans;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Priorities;

/// <summary>R17: KS's overall priorities for the international area, year by year; KS's secretariat (and the coordinator) records them here.</summary>
public sealed class IndexModel(PriorityService priorities, PolicyService policies, ReferenceData reference, CurrentUser me, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public int Year { get; private set; }
    public List<PriorityDto> Priorities { get; private set; } = [];
    public List<(string Code, string Name)> Goals { get; private set; } = [];
    public IReadOnlyList<(int Goal, string Title)> Sdgs { get; private set; } = [];
    public bool CanRecord { get; private set; }

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public List<string> GoalCodes { get; set; } = [];
    [BindProperty] public List<int> SdgGoals { get; set; } = [];
    // Issue 19: KS's decision that set the priority. The date is read here (yyyy-MM-dd, as a date field posts it) so that
    // a malformed one gets a Swedish message, not the binder's.
    [BindProperty] public string? DecidedOn { get; set; }
    [BindProperty] public string? MinuteParagraph { get; set; }
    [BindProperty] public string? CaseNumber { get; set; }

    private async Task LoadAsync(int? ar, CancellationToken ct)
    {
        Year = ar is >= Domain.Activities.Activity.FirstYear and <= Domain.Activities.Activity.LastYear ? ar.Value : clock.GetLocalNow().Year;
        Priorities = await priorities.ListAsync(null, ct);
        Goals = (await policies.ForYearAsync(Year, ct))?.Definition.Version.Goals.Select(g => (g.Code, g.Name)).ToList() ?? [];
        Sdgs = Enumerable.Range(1, 17).Select(g => (g, reference.Sdg(g)?.TitleSv ?? "")).ToList();
        CanRecord = (await me.GetScopeAsync(ct)).CanSetPriorities;
    }

    public async Task OnGetAsync(int? ar, CancellationToken ct) => await LoadAsync(ar, ct);

    public async Task<IActionResult> OnPostAsync(int? ar, CancellationToken ct)
    {
        await LoadAsync(ar, ct);
        if (!CanRecord) return Forbid();
        DateOnly? decidedOn = null;
        if (!string.IsNullOrWhiteSpace(DecidedOn))
        {
            if (!DateOnly.TryParseExact(DecidedOn.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            {
                ModelState.AddModelError(nameof(DecidedOn), l["PriorityPages_DecidedOnInvalid"]);
                return Page();
            }
            decidedOn = day;
        }
        var saved = await priorities.CreateAsync(new PriorityInput(Year, Title, Text, GoalCodes, SdgGoals, decidedOn, MinuteParagraph, CaseNumber), ct);
        if (saved.Outcome == PlanOutcome.Saved)
        {
            TempData["Flash"] = l["PriorityPages_CreatedFlash"].Value;
            return Redirect($"/prioriteringar?ar={Year}");
        }
        if (saved.Outcome == PlanOutcome.Forbidden) return Forbid();
        ModelState.AddModelError(saved.Error.Field is { } f ? f : string.Empty, l.Message(saved.Error));
        return Page();
    }
}
