using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Activities;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Precondition;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Networks.TwinTowns;

/// <summary>
/// One twin town: its facts and contacts (members only), the agreement, the partner precondition's assessment of its
/// country with the policy clause (R8, as for any partner), the yearly notes and the activities done with it.
/// The coordinator writes notes, links activities and attaches the agreement; judgements are made on the country page.
/// </summary>
public sealed class DetailsModel(TwinTownService towns, PreconditionService precondition, ReferenceData reference, OmvarldDbContext db,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public TwinTownDto Town { get; private set; } = null!;
    public CountryAssessmentView? Assessment { get; private set; }
    public TwinTownAssessmentDto? Verdict { get; private set; }
    public bool CanEdit { get; private set; }
    public List<(Guid Id, string Title)> Linkable { get; private set; } = [];
    public int ThisYear => towns.Today.Year;

    [BindProperty] public Guid? ActivityId { get; set; }
    [BindProperty] public NoteForm Note { get; set; } = new();

    public sealed class NoteForm
    {
        public int? Year { get; set; }
        public string? Text { get; set; }
        public int? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var existing = Town.Notes.FirstOrDefault(n => n.Year == ThisYear);
        Note = new NoteForm { Year = ThisYear, Text = existing?.Text, Version = existing?.Version };
        return Page();
    }

    /// <summary>The agreement, as a download (never inline).</summary>
    public async Task<IActionResult> OnGetAgreementAsync(Guid id, CancellationToken ct) =>
        await towns.AgreementAsync(id, ct) is { } f ? File(f.Bytes, f.File.ContentType, f.File.FileName) : NotFound();

    public async Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken ct)
    {
        if (Note.Year is not { } year || year is < Activity.FirstYear or > Activity.LastYear)
            return await Failed(id, "Note.Year", l["TwinTownNote_YearInvalid", Activity.FirstYear, Activity.LastYear].Value, ct);
        var save = await towns.WriteNoteAsync(id, year, new TwinTownNoteRequest(Note.Text, Note.Version), ct);
        return save.Outcome switch
        {
            NetworkOutcome.Saved => Done(id, "TwinTowns_NoteSavedFlash", "notes-heading"),
            NetworkOutcome.Forbidden => Forbid(),
            NetworkOutcome.NotFound => NotFound(),
            NetworkOutcome.Conflict => await Failed(id, string.Empty, l["TwinTowns_NoteConflict"].Value, ct, conflict: true),
            _ => await Failed(id, "Note." + save.Error.Field, l.Message(save.Error), ct),
        };
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid id, CancellationToken ct)
    {
        var save = await towns.LinkAsync(id, ActivityId, ct);
        return save.Outcome switch
        {
            NetworkOutcome.Saved => Done(id, "Networks_LinkedFlash", "activities-heading"),
            NetworkOutcome.Forbidden => Forbid(),
            NetworkOutcome.NotFound => NotFound(),
            _ => await Failed(id, nameof(ActivityId), l.Message(save.Error), ct),
        };
    }

    public async Task<IActionResult> OnPostUnlinkAsync(Guid id, Guid activityId, CancellationToken ct)
    {
        var save = await towns.UnlinkAsync(id, activityId, ct);
        return save.Outcome switch
        {
            NetworkOutcome.Saved => Done(id, "Networks_UnlinkedFlash", "activities-heading"),
            NetworkOutcome.Forbidden => Forbid(),
            _ => NotFound(),
        };
    }

    public async Task<IActionResult> OnPostAgreementAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        await using var stream = file?.OpenReadStream();
        var (save, _) = await towns.AddAgreementAsync(id, file?.FileName, stream, ct);
        return save.Outcome switch
        {
            NetworkOutcome.Saved => Done(id, "TwinTowns_AgreementSavedFlash", "agreement-heading"),
            NetworkOutcome.Forbidden => Forbid(),
            NetworkOutcome.NotFound => NotFound(),
            _ => await Failed(id, "file", l.Message(save.Error), ct),
        };
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var save = await towns.DeleteAsync(id, ct);
        switch (save.Outcome)
        {
            case NetworkOutcome.Saved:
                TempData["Flash"] = l["TwinTowns_DeletedFlash"].Value;
                return Redirect("/vanorter");
            case NetworkOutcome.Forbidden: return Forbid();
            default: return NotFound();
        }
    }

    private RedirectResult Done(Guid id, string flash, string anchor)
    {
        TempData["Flash"] = l[flash].Value;
        return Redirect($"/vanorter/{id}#{anchor}");
    }

    /// <summary>The page again with the error; on a conflict the typed note stays, with the version now stored, so a second save overwrites knowingly.</summary>
    private async Task<IActionResult> Failed(Guid id, string field, string message, CancellationToken ct, bool conflict = false)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (conflict) Note.Version = Town.Notes.FirstOrDefault(n => n.Year == Note.Year)?.Version;
        ModelState.AddModelError(field, message);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await towns.GetAsync(id, ct) is not { } town) return false;
        Town = town;
        CanEdit = await towns.MayEditAsync(ct);
        if (CanEdit)
        {
            var linked = town.Activities.Select(a => a.Id).ToHashSet();
            Linkable = (await NetworkReads.LinkableActivitiesAsync(db, ct)).Where(a => !linked.Contains(a.Id)).ToList();
        }
        if (reference.Country(town.CountryCode) is { } country && await towns.AssessAsync(town, ct) is { } assessed)
        {
            var (result, policy, verdict) = assessed;
            Verdict = verdict;
            var isDefault = policy is null || (await precondition.CriteriaAsync(policy.VersionId, ct)).IsDefault;
            var judgements = await precondition.JudgementsAsync(country.Alpha2, ct);
            var exceptions = await precondition.ExceptionsAsync(alpha2: country.Alpha2, ct: ct);
            Assessment = new CountryAssessmentView(country, result, policy is null ? null : $"{policy.Definition.Document.Title} {policy.Label}", isDefault,
                result.Override is { } o ? judgements.FirstOrDefault(j => j.Id == o.Id) : null, judgements, exceptions, CanJudge: false, new JudgementForm(), FormFailed: false);
        }
        return true;
    }
}
