using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.FollowUp;

/// <summary>
/// Issue 15: one round — every member sees the progress per unit; the coordinator reminds one unit or all, moves the
/// deadline, writes the summary for KS and closes the round.
/// </summary>
public sealed class RoundModel(FollowUpService followUp, IStringLocalizer<SharedResource> l) : PageModel
{
    public RoundDto Round { get; private set; } = null!;
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await followUp.GetRoundAsync(id, ct) is not { } round) return false;
        Round = round;
        if (!Request.HasFormContentType)
        {
            Summary = round.Summary;
            Deadline = round.Deadline;
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSummaryAsync(Guid id, int? version, CancellationToken ct) =>
        Act(id, () => followUp.UpdateRoundAsync(id, new RoundInput(null, Summary ?? "", version), ct), "FollowUpPages_SummarySavedFlash", nameof(Summary), ct);

    public Task<IActionResult> OnPostDeadlineAsync(Guid id, int? version, CancellationToken ct) =>
        Deadline is null
            ? Invalid(id, nameof(Deadline), l["FollowUp_DeadlineRequired"], ct)
            : Act(id, () => followUp.UpdateRoundAsync(id, new RoundInput(Deadline, null, version), ct), "FollowUpPages_DeadlineSavedFlash", nameof(Deadline), ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, int? version, CancellationToken ct) =>
        Act(id, () => followUp.CloseAsync(id, version, ct), "FollowUpPages_ClosedFlash", "", ct);

    public async Task<IActionResult> OnPostRemindAsync(Guid id, Guid? sectionId, CancellationToken ct)
    {
        var saved = await followUp.RemindAsync(id, sectionId, ct);
        if (saved.Outcome != FollowUpOutcome.Saved) return await Failed(id, saved, "", ct);
        TempData["Flash"] = saved.Detail;
        return Redirect($"/uppfoljning/{id}");
    }

    private async Task<IActionResult> Act(Guid id, Func<Task<FollowUpSave>> work, string flash, string field, CancellationToken ct)
    {
        var saved = await work();
        if (saved.Outcome != FollowUpOutcome.Saved) return await Failed(id, saved, field, ct);
        TempData["Flash"] = l[flash].Value;
        return Redirect($"/uppfoljning/{id}");
    }

    private async Task<IActionResult> Invalid(Guid id, string field, string message, CancellationToken ct)
    {
        ModelState.AddModelError(field, message);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> Failed(Guid id, FollowUpSave saved, string field, CancellationToken ct)
    {
        switch (saved.Outcome)
        {
            case FollowUpOutcome.Forbidden: return Forbid();
            case FollowUpOutcome.NotFound: return NotFound();
            case FollowUpOutcome.Invalid: ModelState.AddModelError(saved.Error.Field is null ? "" : field, l.Message(saved.Error)); break;
            default: ModelState.AddModelError(string.Empty, saved.Detail ?? l["FollowUp_RoundConflict"]); break;
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }
}
