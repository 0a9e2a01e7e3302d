using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Countries;
using Omvarld.Web.Features.Activities;
using Omvarld.Web.Features.Files;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Precondition;

/// <summary>
/// R9: the KS secretariat records KS's exception for one activity and one of its partners, as the minutes give it, with
/// the decision document when there is one. Every missing field is named at once; nothing is stored unless all hold.
/// </summary>
public sealed class RecordModel(PreconditionService precondition, ActivityService activities, FileService files, CurrentUser me,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public ActivityDto? Activity { get; private set; }
    public string MaxFileSize => files.MaxSizeText;

    [BindProperty] public ExceptionForm Input { get; set; } = new();

    public sealed class ExceptionForm
    {
        public string? Body { get; set; } = PreconditionException.DefaultBody;
        public DateOnly? DecidedOn { get; set; }
        public string? MinuteParagraph { get; set; }
        public string? CaseNumber { get; set; }
        public string? DecisionText { get; set; }
        public DateOnly? ValidUntil { get; set; }
        public Guid? PartnerId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? aktivitet, Guid? partner, CancellationToken ct)
    {
        if (!(await me.GetScopeAsync(ct)).CanRecordPreconditionExceptions) return Forbid();
        if (aktivitet is { } id)
        {
            Activity = await activities.GetAsync(id, ct);
            if (Activity is null) return NotFound();
            if (partner is { } p && Activity.Partners.Any(x => x.PartnerId == p)) Input.PartnerId = p;
            else if (Activity.Partners.Count == 1) Input.PartnerId = Activity.Partners[0].PartnerId;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? aktivitet, IFormFile? upload, CancellationToken ct)
    {
        if (!(await me.GetScopeAsync(ct)).CanRecordPreconditionExceptions) return Forbid();
        if (aktivitet is not { } activityId || (Activity = await activities.GetAsync(activityId, ct)) is null) return NotFound();
        var i = Input;
        // The domain names the first problem; the form names every missing field at once (in the form's order).
        Require(i.DecidedOn is not null, nameof(i.DecidedOn), "Exception_DateRequired");
        Require(!string.IsNullOrWhiteSpace(i.MinuteParagraph), nameof(i.MinuteParagraph), "Exception_ParagraphRequired");
        Require(!string.IsNullOrWhiteSpace(i.CaseNumber), nameof(i.CaseNumber), "Exception_CaseNumberRequired");
        Require(i.ValidUntil is not null, nameof(i.ValidUntil), "Exception_ValidUntilRequired");
        Require(i.PartnerId is not null, nameof(i.PartnerId), "Exception_PartnerRequired");
        Require(!string.IsNullOrWhiteSpace(i.DecisionText), nameof(i.DecisionText), "Exception_TextRequired");
        if (!ModelState.IsValid) return Page();

        await using var stream = upload?.OpenReadStream();
        var saved = await precondition.RecordExceptionAsync(new ExceptionInput(i.Body, i.DecidedOn, i.MinuteParagraph, i.CaseNumber, i.DecisionText, activityId,
            i.PartnerId, i.ValidUntil), upload?.FileName, stream, ct);
        switch (saved.Outcome)
        {
            case PreconditionOutcome.Saved:
                var partnerName = Activity.Partners.FirstOrDefault(p => p.PartnerId == i.PartnerId)?.Name ?? "";
                TempData["Flash"] = l["PreconditionPages_RecordedFlash", partnerName].Value;
                return Redirect($"/aktiviteter/{activityId}#activity-exceptions-heading");
            case PreconditionOutcome.Forbidden:
                return Forbid();
            case PreconditionOutcome.NotFound:
                return NotFound();
        }
        var field = saved.Error.Field switch
        {
            "File" => "upload",
            "ActivityId" or null => string.Empty,
            { } f => "Input." + f,
        };
        ModelState.AddModelError(field, l.Message(saved.Error));
        return Page();
    }

    private void Require(bool ok, string field, string key)
    {
        if (!ok) ModelState.AddModelError("Input." + field, l[key]);
    }
}
