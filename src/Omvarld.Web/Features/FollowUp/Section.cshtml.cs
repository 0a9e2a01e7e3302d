using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.FollowUp;

/// <summary>
/// Issue 15: one unit's section — the round's questions with the unit's answers, the register's facts beside them.
/// The unit's editors write; its approver marks it ready or reopens it. When someone saved first, the page keeps what
/// this writer wrote and shows the stored answers where they differ, with the new version, so a second save is deliberate.
/// </summary>
public sealed class SectionModel(FollowUpService followUp, IStringLocalizer<SharedResource> l) : PageModel
{
    public SectionDto Section { get; private set; } = null!;
    [BindProperty] public List<string?> Answers { get; set; } = [];
    [BindProperty] public int Version { get; set; }
    /// <summary>After a conflict: the stored answers of the questions (1-based) that differ from what was sent.</summary>
    public Dictionary<int, string> Stored { get; private set; } = [];

    private async Task<bool> LoadAsync(Guid id, bool keepForm, CancellationToken ct)
    {
        if (await followUp.GetSectionAsync(id, ct) is not { } section) return false;
        Section = section;
        if (!keepForm)
        {
            Answers = section.Answers.Select(a => (string?)a.Answer).ToList();
            Version = section.Version;
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, false, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        var saved = await followUp.SaveAnswersAsync(id, new AnswersInput(Answers, Version), ct);
        if (saved.Outcome == FollowUpOutcome.Saved) return Done(id, "FollowUpPages_SavedFlash");
        if (saved.Outcome == FollowUpOutcome.Conflict && saved.Changed is { } changed && saved.CurrentAnswers is { } current)
        {
            foreach (var q in changed) Stored[q] = current[q - 1];
            Version = saved.CurrentVersion ?? Version;
            ModelState.Clear();
        }
        return await Failed(id, saved, keepForm: true, ct);
    }

    public async Task<IActionResult> OnPostReadyAsync(Guid id, int? version, CancellationToken ct)
    {
        var saved = await followUp.MarkReadyAsync(id, version, ct);
        return saved.Outcome == FollowUpOutcome.Saved ? Done(id, "FollowUpPages_ReadyFlash") : await Failed(id, saved, keepForm: false, ct);
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid id, int? version, CancellationToken ct)
    {
        var saved = await followUp.ReopenAsync(id, version, ct);
        return saved.Outcome == FollowUpOutcome.Saved ? Done(id, "FollowUpPages_ReopenedFlash") : await Failed(id, saved, keepForm: false, ct);
    }

    public async Task<IActionResult> OnPostDeadlineAsync(Guid id, int? version, DateOnly? ownDeadline, CancellationToken ct)
    {
        var saved = await followUp.SetDeadlineAsync(id, ownDeadline, version, ct);
        return saved.Outcome == FollowUpOutcome.Saved ? Done(id, "FollowUpPages_DeadlineSavedFlash") : await Failed(id, saved, keepForm: false, ct, "ownDeadline");
    }

    private RedirectResult Done(Guid id, string flash)
    {
        TempData["Flash"] = l[flash].Value;
        return Redirect($"/uppfoljning/avsnitt/{id}");
    }

    private async Task<IActionResult> Failed(Guid id, FollowUpSave saved, bool keepForm, CancellationToken ct, string? field = null)
    {
        switch (saved.Outcome)
        {
            case FollowUpOutcome.Forbidden: return Forbid();
            case FollowUpOutcome.NotFound: return NotFound();
            case FollowUpOutcome.Invalid:
                var key = saved.Error.Field == "Answers" && saved.Error.Args is [int position, ..] ? $"Answers[{position - 1}]" : field ?? "";
                ModelState.AddModelError(key, l.Message(saved.Error));
                break;
            default: ModelState.AddModelError(string.Empty, saved.Detail ?? l["FollowUp_RoundConflict"]); break;
        }
        return await LoadAsync(id, keepForm, ct) ? Page() : NotFound();
    }
}
