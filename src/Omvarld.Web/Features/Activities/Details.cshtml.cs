using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Activities.Checks;
using Omvarld.Domain.Countries;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Files;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Features.Precondition;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Activities;

/// <summary>
/// One activity: its facts, and beside them the findings of the policy version in force at its start, each with the
/// clause that demands it (R7, R11). The workflow steps the caller may take, and the forms that add funding, trips,
/// results, links, files and comments, each a handler of this page; a failed form opens again with its own errors.
/// </summary>
public sealed class DetailsModel(ActivityService activities, PolicyService policies, FileService files, ReferenceData reference, CurrentUser me,
    TimeProvider clock, IStringLocalizer<SharedResource> l, PreconditionService precondition, OmvarldDbContext db,
    Omvarld.Web.Features.Priorities.PriorityService priorities, Omvarld.Web.Features.Openness.PublicationService publication) : PageModel
{
    /// <summary>R20: whether the activity is on the open pages; the coordinator publishes or unpublishes it here.</summary>
    public Omvarld.Web.Features.Openness.PublicationDto? Publication { get; private set; }
    public string? MunicipalitySlug { get; private set; }

    public async Task<IActionResult> OnPostPublicationAsync(Guid id, bool publish, int? version)
    {
        var save = await publication.SetAsync(id, publish, version);
        switch (save.Outcome)
        {
            case Omvarld.Web.Features.Openness.PublicationOutcome.NotFound: return NotFound();
            case Omvarld.Web.Features.Openness.PublicationOutcome.Forbidden: return Forbid();
            case Omvarld.Web.Features.Openness.PublicationOutcome.Saved:
                TempData["Flash"] = l[publish ? "Openness_PublishedFlash" : "Openness_UnpublishedFlash"].Value;
                return Redirect($"/aktiviteter/{id}#publication-heading");
            case Omvarld.Web.Features.Openness.PublicationOutcome.Conflict:
                ModelState.AddModelError(string.Empty, l["Activities_ConflictReloaded"]);
                break;
            default:
                ModelState.AddModelError(string.Empty, l.Message(save.Error));
                break;
        }
        return await FailedAsync(id, "publication");
    }

    public ActivityDto Activity { get; private set; } = null!;
    /// <summary>KS's priorities of the activity's years (R17): those it is linked to, and those it could be.</summary>
    public List<Omvarld.Web.Features.Priorities.PriorityDto> Priorities { get; private set; } = [];
    public bool CanLinkPriorities { get; private set; }

    public async Task<IActionResult> OnPostPriorityAsync(Guid id, Guid? priorityId, bool unlink = false)
    {
        if (priorityId is not { } pid) return Redirect($"/aktiviteter/{id}#priorities-heading");
        var save = unlink ? await priorities.UnlinkAsync(pid, id) : await priorities.LinkAsync(pid, id);
        if (save.Outcome == Omvarld.Web.Features.ActionPlans.PlanOutcome.Forbidden) return Forbid();
        if (save.Outcome == Omvarld.Web.Features.ActionPlans.PlanOutcome.NotFound) return NotFound();
        TempData["Flash"] = save.Outcome == Omvarld.Web.Features.ActionPlans.PlanOutcome.Saved ? l["Activities_PriorityFlash"].Value : l.Message(save.Error);
        return Redirect($"/aktiviteter/{id}#priorities-heading");
    }
    /// <summary>The governing document's title for the findings' source, e.g. "Internationell policy".</summary>
    public string? PolicyTitle { get; private set; }
    public bool CanEditFor { get; private set; }
    /// <summary>Issue 19: the coordinator may record why an activity with no policy version in force may be approved.</summary>
    public bool CanRecordGapReason { get; private set; }
    [BindProperty] public GapReasonForm GapReason { get; set; } = new();

    public sealed class GapReasonForm
    {
        [Display(Name = "GapReason_Title")] public string? Reason { get; set; }
        public int? Version { get; set; }
    }

    public async Task<IActionResult> OnPostGapReasonAsync(Guid id)
    {
        OnlyErrorsOf("GapReason.");
        if (!ModelState.IsValid) return await FailedAsync(id, "gap-reason");
        if (!(await me.GetScopeAsync()).IsCoordinator) return Forbid();
        var result = await activities.RecordGapReasonAsync(id, new GapReasonInput(GapReason.Reason, GapReason.Version));
        return await OutcomeAsync(id, result, "gap-reason", "GapReason.", _ => "Reason", l["GapReason_SavedFlash"].Value);
    }
    public bool CanAddLinks { get; private set; }
    public List<SelectListItem> Units { get; private set; } = [];
    public IReadOnlyList<FundingProgramme> Programmes => reference.EuProgrammes;
    public IReadOnlyList<Country> Countries => reference.Countries;
    public List<int> ReportYears { get; private set; } = [];
    public string MaxFileSize => files.MaxSizeText;
    /// <summary>Which form the errors belong to: the page opens that one.</summary>
    public string? FailedForm { get; private set; }
    /// <summary>R9: KS's exceptions for this activity's partners.</summary>
    public List<ExceptionDto> Exceptions { get; private set; } = [];
    /// <summary>For the KS secretariat: the partners that block the approval for want of an exception in force (R9).</summary>
    public List<ActivityPartnerDto> PartnersNeedingException { get; private set; } = [];

    [BindProperty] public TransitionForm Transition { get; set; } = new();
    [BindProperty] public FundingForm Funding { get; set; } = new();
    [BindProperty] public TripForm Trip { get; set; } = new();
    [BindProperty] public ResultForm Result { get; set; } = new();
    [BindProperty] public LinkForm Link { get; set; } = new();
    [BindProperty] public CommentForm Comment { get; set; } = new();

    public sealed class TransitionForm
    {
        [Display(Name = "Field_TransitionAction")] public ActivityAction? Action { get; set; }
        public int? Version { get; set; }
        [Display(Name = "Field_Comment")] public string? Comment { get; set; }
        [Display(Name = "Field_On")] public DateOnly? On { get; set; }
    }

    public sealed class FundingForm
    {
        [Display(Name = "Field_FundingSource")] public FundingSource? Source { get; set; }
        [Display(Name = "Field_OwnUnitId")] public Guid? OwnUnitId { get; set; }
        [Display(Name = "Field_ProgrammeCode")] public string? ProgrammeCode { get; set; }
        [Display(Name = "Field_FunderName")] public string? FunderName { get; set; }
        [Display(Name = "Field_FunderKind")] public FunderKind? FunderKind { get; set; }
        [Display(Name = "Field_Amount")] public decimal? Amount { get; set; }
        [Display(Name = "Field_Currency")] public Currency? Currency { get; set; }
        [Display(Name = "Field_ExchangeRate")] public decimal? ExchangeRate { get; set; }
        [Display(Name = "Field_FundingStatus")] public FundingStatus? Status { get; set; }
        [Display(Name = "Field_StatusOn")] public DateOnly? StatusOn { get; set; }
        [Display(Name = "Field_Note")] public string? Note { get; set; }
        public int? Version { get; set; }
    }

    public sealed class TripForm
    {
        [Display(Name = "Field_Travellers")] public string? Travellers { get; set; }
        [Display(Name = "Field_TravellerCount")] public int? TravellerCount { get; set; }
        [Display(Name = "Field_City")] public string? City { get; set; }
        [Display(Name = "Field_CountryCode")] public string? CountryCode { get; set; }
        [Display(Name = "Field_DepartOn")] public DateOnly? DepartOn { get; set; }
        [Display(Name = "Field_ReturnOn")] public DateOnly? ReturnOn { get; set; }
        [Display(Name = "Field_CostSek")] public decimal? CostSek { get; set; }
        [Display(Name = "Field_TripPurpose")] public string? Purpose { get; set; }
        public int? Version { get; set; }
    }

    public sealed class ResultForm
    {
        [Display(Name = "Field_ResultYear")] public int? Year { get; set; }
        [Display(Name = "Field_ResultText")] public string? Text { get; set; }
        public int? Version { get; set; }
    }

    public sealed class LinkForm
    {
        [Display(Name = "Field_Url")] public string? Url { get; set; }
        [Display(Name = "Field_LinkTitle")] public string? Title { get; set; }
        public int? Version { get; set; }
    }

    public sealed class CommentForm
    {
        [Display(Name = "Field_Comment")] public string? Text { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTransitionAsync(Guid id)
    {
        OnlyErrorsOf("Transition.");
        if (!ModelState.IsValid) return await FailedAsync(id, "transition");
        var t = Transition;
        var result = await activities.TransitionAsync(id, new TransitionInput(t.Action, t.Version, t.Comment, t.On));
        // Each message on the field of the step's own form (the summary links to it); a field the step has no box for
        // (what submission requires, shown among the findings) stays a message of the step as a whole.
        return await OutcomeAsync(id, result, "transition", "Transition.", field => field switch
        {
            "RejectionComment" => "Comment",
            "Comment" => t.Action == ActivityAction.Reject ? "Comment" : "Comment_" + t.Action,
            "ActualStart" or "ActualEnd" or "On" => "On",
            _ => "",
        }, l["ActivityStepDone_" + t.Action].Value);
    }

    public async Task<IActionResult> OnPostFundingAsync(Guid id)
    {
        OnlyErrorsOf("Funding.");
        if (!ModelState.IsValid) return await FailedAsync(id, "funding");
        var f = Funding;
        var result = await activities.AddFundingAsync(id, new FundingLineInput(f.Source, f.OwnUnitId, f.ProgrammeCode, f.FunderName, f.FunderKind, f.Amount,
            f.Currency, f.ExchangeRate, f.Status, f.StatusOn, f.Note, f.Version));
        return await OutcomeAsync(id, result, "funding", "Funding.", field => field, l["Activities_FundingAddedFlash"].Value);
    }

    public async Task<IActionResult> OnPostRemoveFundingAsync(Guid id, Guid lineId, int? version) =>
        await OutcomeAsync(id, await activities.RemoveFundingAsync(id, lineId, version), "funding", "Funding.", _ => "", l["Activities_FundingRemovedFlash"].Value);

    public async Task<IActionResult> OnPostFundingStatusAsync(Guid id, Guid lineId, FundingStatus? status, DateOnly? statusOn, int? version) =>
        await OutcomeAsync(id, await activities.ChangeFundingStatusAsync(id, lineId, status, statusOn, version), "funding", "Funding.", _ => "",
            l["Activities_FundingStatusFlash"].Value);

    public async Task<IActionResult> OnPostRemoveLinkAsync(Guid id, Guid linkId, int? version) =>
        await OutcomeAsync(id, await activities.RemoveLinkAsync(id, linkId, version), "link", "Link.", _ => "", l["Activities_LinkRemovedFlash"].Value);

    public async Task<IActionResult> OnPostRemoveAttachmentAsync(Guid id, Guid attachmentId, int? version) =>
        await OutcomeAsync(id, await activities.RemoveAttachmentAsync(id, attachmentId, version), "file", "Upload.", _ => "", l["Files_RemovedFlash"].Value);

    public async Task<IActionResult> OnPostTripAsync(Guid id)
    {
        OnlyErrorsOf("Trip.");
        if (!ModelState.IsValid) return await FailedAsync(id, "trip");
        var t = Trip;
        var result = await activities.AddTripAsync(id, new TripLineInput(t.Travellers, t.TravellerCount, t.City, t.CountryCode, t.DepartOn, t.ReturnOn, t.CostSek,
            t.Purpose, t.Version));
        return await OutcomeAsync(id, result, "trip", "Trip.", field => field, l["Activities_TripAddedFlash"].Value);
    }

    public async Task<IActionResult> OnPostRemoveTripAsync(Guid id, Guid tripId, int? version) =>
        await OutcomeAsync(id, await activities.RemoveTripAsync(id, tripId, version), "trip", "Trip.", _ => "", l["Activities_TripRemovedFlash"].Value);

    public async Task<IActionResult> OnPostResultAsync(Guid id)
    {
        OnlyErrorsOf("Result.");
        if (!ModelState.IsValid) return await FailedAsync(id, "result");
        var result = await activities.ReportResultsAsync(id, new ResultInput(Result.Year, Result.Text, Result.Version));
        return await OutcomeAsync(id, result, "result", "Result.", field => field, l["Activities_ResultFlash"].Value);
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid id)
    {
        OnlyErrorsOf("Link.");
        if (!ModelState.IsValid) return await FailedAsync(id, "link");
        var result = await activities.AddLinkAsync(id, Link.Url, Link.Title, Link.Version);
        return await OutcomeAsync(id, result, "link", "Link.", field => field, l["Activities_LinkAddedFlash"].Value);
    }

    public async Task<IActionResult> OnPostCommentAsync(Guid id)
    {
        OnlyErrorsOf("Comment.");
        if (!ModelState.IsValid) return await FailedAsync(id, "comment");
        var result = await activities.AddCommentAsync(id, Comment.Text);
        return await OutcomeAsync(id, result, "comment", "Comment.", _ => "Text", l["Activities_CommentAddedFlash"].Value);
    }

    public async Task<IActionResult> OnPostAttachAsync(Guid id, IFormFile? upload)
    {
        ModelState.Clear();
        await using var stream = upload?.OpenReadStream();
        var result = await activities.AttachAsync(id, upload?.FileName, stream);
        return await OutcomeAsync(id, result, "file", "", _ => "upload", l["Files_UploadedFlash", upload?.FileName ?? ""].Value);
    }

    /// <summary>Saved: back to the page with a flash. Refused: the page again with the Swedish message on the posted form's field.</summary>
    private async Task<IActionResult> OutcomeAsync(Guid id, ActivitySave result, string form, string prefix, Func<string, string> field, string flash)
    {
        switch (result.Outcome)
        {
            case ActivityOutcome.Saved:
                TempData["Flash"] = flash;
                return Redirect($"/aktiviteter/{id}");
            case ActivityOutcome.NotFound:
                return NotFound();
            case ActivityOutcome.Forbidden:
                return Forbid();
            case ActivityOutcome.Conflict:
                ModelState.AddModelError(string.Empty, l["Activities_ConflictReloaded"]);
                break;
            default:
                var key = result.Error.Field is { } f && field(f) is { Length: > 0 } mapped ? prefix + mapped : string.Empty;
                ModelState.AddModelError(key, l.Message(result.Error));
                break;
        }
        return await FailedAsync(id, form);
    }

    private async Task<IActionResult> FailedAsync(Guid id, string form)
    {
        FailedForm = form;
        return await LoadAsync(id) ? Page() : NotFound();
    }

    /// <summary>
    /// Keeps the validation of the posted form only. A form's model binds the other forms' models too, and one whose
    /// fields were not posted falls back to the empty prefix.
    /// </summary>
    private void OnlyErrorsOf(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
    }

    private static readonly string PartnerPreconditionCode = Domain.Policies.PolicyCodes.CheckKinds.Code(Domain.Policies.Checks.CheckKind.PartnerPrecondition);

    /// <summary>The partners whose standing is not met (or unclear) and that no exception in force today covers: what the rule blocks on.</summary>
    private async Task<List<ActivityPartnerDto>> PartnersNeedingExceptionAsync(ActivityDto dto)
    {
        var activity = await db.Activities.AsNoTracking().Include(a => a.Partners).FirstOrDefaultAsync(a => a.Id == dto.Id);
        if (activity is null || await policies.ActivityPolicyOnAsync(activity.PlannedStart) is not { } policy) return [];
        if (await precondition.StandingsAsync(activity, policy) is not { } standings) return [];
        var today = precondition.Today;
        return dto.Partners.Where(p => standings.TryGetValue(p.PartnerId, out var s) && s.Outcome != AssessmentOutcome.Met
            && !s.Exceptions.Any(e => e.Covers(dto.Id, p.PartnerId) && e.IsValidOn(today))).ToList();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var activity = await activities.GetAsync(id);
        if (activity is null) return false;
        Activity = activity;
        var scope = await me.GetScopeAsync();
        Exceptions = await precondition.ExceptionsAsync(activityId: id);
        Priorities = await priorities.ListAsync(activity.Start.Year, Math.Max(activity.Start.Year, (activity.End ?? activity.Start).Year));
        CanLinkPriorities = scope.CanEditFor(activity.OwnerUnitId) || scope.IsKsSecretariat;
        if (scope.CanRecordPreconditionExceptions && activity.Findings.Any(f => f.Severity == FindingSeverity.Blocking && f.Check == PartnerPreconditionCode))
            PartnersNeedingException = await PartnersNeedingExceptionAsync(activity);
        CanEditFor = scope.CanEditFor(activity.OwnerUnitId);
        CanRecordGapReason = scope.IsCoordinator && (activity.NeedsGapReason || activity.GapReason is not null)
            && activity.Status is ActivityStatus.Draft or ActivityStatus.Submitted or ActivityStatus.Rejected;
        GapReason.Reason ??= activity.GapReason;
        Publication = await publication.GetAsync(id);
        if (Publication is { IsPublished: true })
            MunicipalitySlug = await db.Municipalities.AsNoTracking().Where(m => m.Id == db.CurrentMunicipalityId).Select(m => m.Slug).FirstOrDefaultAsync();
        CanAddLinks = CanEditFor && ActivityWorkflow.CanEditLinks(activity.Status);
        if (activity.Policy is { } p && await policies.ActivityPolicyOnAsync(activity.Start) is { } policy && policy.VersionId == p.VersionId)
            PolicyTitle = policy.Definition.Document.Title;
        if (activity.CanEditFunding)
        {
            var tree = await me.GetUnitTreeAsync();
            Units = tree.DepthFirst().Where(r => !r.Node.IsClosed || r.Node.Id == Funding.OwnUnitId)
                .Select(r => new SelectListItem(new string('\u00A0', r.Depth * 3) + r.Node.Name, r.Node.Id.ToString())).ToList();
            Funding.OwnUnitId ??= activity.OwnerUnitId;
        }
        if (activity.CanReportYearly)
        {
            var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
            var first = (activity.ActualStart ?? activity.Start).Year;
            var last = Math.Max(first, (activity.ActualEnd ?? activity.End ?? today).Year);
            ReportYears = Enumerable.Range(first, Math.Max(0, Math.Min(last, today.Year) - first + 1)).ToList();
        }
        return true;
    }
}
