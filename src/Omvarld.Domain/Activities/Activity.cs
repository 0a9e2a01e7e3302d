using Omvarld.Domain.Access;
using Omvarld.Domain.Activities.Checks;
using Omvarld.Domain.Common;
using Omvarld.Domain.Partners;

namespace Omvarld.Domain.Activities;

/// <summary>
/// An international activity (<i>internationell aktivitet</i>, R4): a project, network, conference, study visit,
/// twin-town cooperation or aid effort of one unit, with its partners, goals, SDGs, funding, trips and results.
/// It guards its own workflow (<see cref="ActivityWorkflow"/>); what it is (international, European project, EU project)
/// is derived by <see cref="ActivityClassification"/>, never stored.
/// </summary>
public sealed class Activity : ITenantOwned, IAudited, IVersioned
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 8000;
    public const int PurposeMaxLength = 4000;
    public const int ExpectedResultsMaxLength = 4000;
    public const int MotivationMaxLength = 4000;
    public const int ChildPerspectiveMaxLength = 4000;
    public const int CaseNumberMaxLength = 50;
    public const int GoalHowMaxLength = 2000;
    public const int RejectionCommentMaxLength = 4000;
    /// <summary>Dates outside these years are typing errors (the oldest seed policy was adopted in 2002).</summary>
    public const int FirstYear = 1990, LastYear = 2100;

    private readonly List<ActivityGoal> _goals = [];
    private readonly List<ActivitySdg> _sdgs = [];
    private readonly List<ActivityPartner> _partners = [];
    private readonly List<FundingLine> _funding = [];
    private readonly List<Trip> _trips = [];
    private readonly List<ActivityLink> _links = [];
    private readonly List<ActivityAttachment> _attachments = [];
    private readonly List<ActivityComment> _comments = [];
    private readonly List<ResultReport> _results = [];

    private Activity() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public ActivityKind Kind { get; private set; }
    public Guid OwnerUnitId { get; private set; }
    public Guid ResponsibleUserId { get; private set; }
    /// <summary>The planned first day.</summary>
    public DateOnly PlannedStart { get; private set; }
    /// <summary>The planned last day; null when open-ended.</summary>
    public DateOnly? PlannedEnd { get; private set; }
    public string? Purpose { get; private set; }
    public string? ExpectedResults { get; private set; }
    public string? Motivation { get; private set; }
    public string? ChildPerspective { get; private set; }
    public string? CaseNumber { get; private set; }
    public bool AimedAtEnablingInternationalWork { get; private set; }
    public ActivityStatus Status { get; private set; }

    public Guid? SubmittedByUserId { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public Guid? ApprovedByUserId { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    /// <summary>R2: the policy version the approval was made under.</summary>
    public Guid? ApprovedPolicyVersionId { get; private set; }
    /// <summary>
    /// The coordinator's recorded reason for approving an activity that starts in a gap, when no version of the policy is
    /// in force and the municipality's rule asks for one (<see cref="Policies.PolicyGapRule.ReasonRequired"/>).
    /// </summary>
    public string? GapReason { get; private set; }
    /// <summary>The approver's reason for the latest rejection; cleared when the activity is submitted again.</summary>
    public string? RejectionComment { get; private set; }
    /// <summary>The day the activity actually started; set by <see cref="Start"/>.</summary>
    public DateOnly? ActualStart { get; private set; }
    /// <summary>The day the activity actually ended; set by <see cref="Complete"/>.</summary>
    public DateOnly? ActualEnd { get; private set; }
    /// <summary>When the coordinator published the activity on the municipality's open pages (R20); null when not published.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }
    public Guid? PublishedByUserId { get; private set; }
    /// <summary>The coordinator's choice to include an activity of another kind than aid in the IATI file.</summary>
    public bool IatiChosen { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<ActivityGoal> Goals => _goals;
    public IReadOnlyList<ActivitySdg> Sdgs => _sdgs;
    public IReadOnlyList<ActivityPartner> Partners => _partners;
    public IReadOnlyList<FundingLine> Funding => _funding;
    public IReadOnlyList<Trip> Trips => _trips;
    public IReadOnlyList<ActivityLink> Links => _links;
    public IReadOnlyList<ActivityAttachment> Attachments => _attachments;
    public IReadOnlyList<ActivityComment> Comments => _comments;
    public IReadOnlyList<ResultReport> Results => _results;

    // ---- Details ------------------------------------------------------------------------------------------------

    public static (Activity? Value, Result Result) Create(Guid municipalityId, ActivityDetails details, ActivityReferences references)
    {
        var activity = new Activity { MunicipalityId = municipalityId, Id = Guid.CreateVersion7(), Status = ActivityStatus.Draft };
        var result = activity.Apply(details, references);
        return result.IsOk ? (activity, result) : (null, result);
    }

    /// <summary>Changes every field, goal and SDG or none; only in a draft or after a rejection.</summary>
    public Result Update(ActivityDetails details, ActivityReferences references)
    {
        if (!ActivityWorkflow.CanEditDetails(Status)) return Result.Fail("Activity_NotEditable");
        return Apply(details, references);
    }

    private Result Apply(ActivityDetails d, ActivityReferences references)
    {
        var title = Text.Clean(d.Title);
        if (title is null) return Result.Fail("Activity_TitleRequired", nameof(Title));
        if (title.Length > TitleMaxLength) return Result.Fail("Activity_TitleTooLong", nameof(Title));
        if (!Enum.IsDefined(d.Kind)) return Result.Fail("Activity_KindInvalid", nameof(Kind));
        if (references.OwnerUnit is not { } unit || unit.Id != d.OwnerUnitId || unit.MunicipalityId != MunicipalityId || unit.IsClosed)
            return Result.Fail("Activity_UnitInvalid", nameof(OwnerUnitId));
        if (d.ResponsibleUserId == Guid.Empty) return Result.Fail("Activity_ResponsibleRequired", nameof(ResponsibleUserId));
        if (!InRange(d.Start)) return Result.Fail("Activity_DateOutOfRange", nameof(ActivityDetails.Start));
        if (d.End is { } end && !InRange(end)) return Result.Fail("Activity_DateOutOfRange", nameof(ActivityDetails.End));
        if (d.End < d.Start) return Result.Fail("Activity_EndBeforeStart", nameof(ActivityDetails.End));

        var (description, r1) = Block(d.Description, DescriptionMaxLength, nameof(Description));
        var (purpose, r2) = Block(d.Purpose, PurposeMaxLength, nameof(Purpose));
        var (expected, r3) = Block(d.ExpectedResults, ExpectedResultsMaxLength, nameof(ExpectedResults));
        var (motivation, r4) = Block(d.Motivation, MotivationMaxLength, nameof(Motivation));
        var (child, r5) = Block(d.ChildPerspective, ChildPerspectiveMaxLength, nameof(ChildPerspective));
        if (new[] { r1, r2, r3, r4, r5 }.FirstOrDefault(r => !r.IsOk) is { Error: not null } textError) return textError;
        var caseNumber = Text.Clean(d.CaseNumber);
        if (caseNumber is { Length: > CaseNumberMaxLength }) return Result.Fail("Activity_CaseNumberTooLong", nameof(CaseNumber));

        var goals = new List<(string Code, string How)>();
        foreach (var goal in d.Goals)
        {
            var code = goal.Code?.Trim();
            if (string.IsNullOrEmpty(code) || !references.GoalCodes.Contains(code)) return Result.Fail("Activity_GoalUnknown", nameof(Goals));
            if (goals.Any(g => g.Code == code)) return Result.Fail("Activity_GoalDuplicate", nameof(Goals));
            var how = Text.CleanBlock(goal.How);
            if (how is null) return Result.Fail("Activity_GoalHowRequired", nameof(Goals));
            if (how.Length > GoalHowMaxLength) return Result.Fail("Activity_GoalHowTooLong", nameof(Goals));
            goals.Add((code, how));
        }

        var sdgs = new List<Sdg>();
        foreach (var text in d.Sdgs)
        {
            if (Sdg.Parse(text) is not { } sdg) return Result.Fail("Activity_SdgInvalid", nameof(Sdgs));
            if (!sdgs.Contains(sdg)) sdgs.Add(sdg);
        }

        Title = title;
        Description = description;
        Kind = d.Kind;
        OwnerUnitId = d.OwnerUnitId;
        ResponsibleUserId = d.ResponsibleUserId;
        PlannedStart = d.Start;
        PlannedEnd = d.End;
        Purpose = purpose;
        ExpectedResults = expected;
        Motivation = motivation;
        ChildPerspective = child;
        CaseNumber = caseNumber;
        AimedAtEnablingInternationalWork = d.AimedAtEnablingInternationalWork;

        // Reconciled, not replaced, so that an unchanged goal keeps its row and the audit shows only real changes.
        _goals.RemoveAll(g => goals.All(n => n.Code != g.GoalCode));
        foreach (var (code, how) in goals)
        {
            if (_goals.FirstOrDefault(g => g.GoalCode == code) is { } existing) existing.Describe(how);
            else _goals.Add(new ActivityGoal(MunicipalityId, Id, code, how));
        }
        _sdgs.RemoveAll(s => !sdgs.Contains(s.ToSdg()));
        foreach (var sdg in sdgs.Where(s => _sdgs.All(e => e.ToSdg() != s)))
            _sdgs.Add(new ActivitySdg(MunicipalityId, Id, sdg));
        return Result.Ok;
    }

    private static bool InRange(DateOnly date) => date.Year is >= FirstYear and <= LastYear;

    private static (string? Value, Result Result) Block(string? text, int maxLength, string field)
    {
        var clean = Text.CleanBlock(text);
        return clean is { Length: var length } && length > maxLength
            ? (null, Result.Fail($"Activity_{field}TooLong", field))
            : (clean, Result.Ok);
    }

    // ---- Partners -----------------------------------------------------------------------------------------------

    public Result AddPartner(PartnerOrganisation partner, PartnerRole role)
    {
        if (!ActivityWorkflow.CanEditDetails(Status)) return Result.Fail("Activity_NotEditable");
        if (partner.MunicipalityId != MunicipalityId) return Result.Fail("Activity_PartnerNotFound", nameof(Partners));
        if (!Enum.IsDefined(role)) return Result.Fail("Activity_PartnerRoleInvalid", nameof(Partners));
        if (_partners.Any(p => p.PartnerId == partner.Id)) return Result.Fail("Activity_PartnerAlreadyAdded", nameof(Partners));
        _partners.Add(new ActivityPartner(MunicipalityId, Id, partner.Id, role));
        return Result.Ok;
    }

    public Result ChangePartnerRole(Guid partnerId, PartnerRole role)
    {
        if (!ActivityWorkflow.CanEditDetails(Status)) return Result.Fail("Activity_NotEditable");
        if (!Enum.IsDefined(role)) return Result.Fail("Activity_PartnerRoleInvalid", nameof(Partners));
        if (_partners.FirstOrDefault(p => p.PartnerId == partnerId) is not { } existing) return Result.Fail("Activity_PartnerNotFound", nameof(Partners));
        existing.ChangeRole(role);
        return Result.Ok;
    }

    public Result RemovePartner(Guid partnerId)
    {
        if (!ActivityWorkflow.CanEditDetails(Status)) return Result.Fail("Activity_NotEditable");
        return _partners.RemoveAll(p => p.PartnerId == partnerId) > 0 ? Result.Ok : Result.Fail("Activity_PartnerNotFound", nameof(Partners));
    }

    // ---- Funding (R21) ------------------------------------------------------------------------------------------

    public (FundingLine? Value, Result Result) AddFunding(FundingInput input, FundingReferences references)
    {
        if (!ActivityWorkflow.CanEditFunding(Status)) return (null, Result.Fail("Activity_NotEditable"));
        var (line, result) = FundingLine.Create(MunicipalityId, Id, input, references);
        if (line is not null) _funding.Add(line);
        return (line, result);
    }

    public Result UpdateFunding(Guid lineId, FundingInput input, FundingReferences references)
    {
        if (!ActivityWorkflow.CanEditFunding(Status)) return Result.Fail("Activity_NotEditable");
        return _funding.FirstOrDefault(l => l.Id == lineId) is { } line ? line.Apply(input, references) : Result.Fail("Funding_NotFound");
    }

    public Result ChangeFundingStatus(Guid lineId, FundingStatus status, DateOnly? on)
    {
        if (!ActivityWorkflow.CanChangeFundingStatus(Status)) return Result.Fail("Activity_NotEditable");
        return _funding.FirstOrDefault(l => l.Id == lineId) is { } line ? line.ChangeStatus(status, on) : Result.Fail("Funding_NotFound");
    }

    public Result RemoveFunding(Guid lineId)
    {
        if (!ActivityWorkflow.CanEditFunding(Status)) return Result.Fail("Activity_NotEditable");
        return _funding.RemoveAll(l => l.Id == lineId) > 0 ? Result.Ok : Result.Fail("Funding_NotFound");
    }

    // ---- Trips --------------------------------------------------------------------------------------------------

    /// <param name="countries">The alpha-2 codes the caller knows (countries.csv).</param>
    public (Trip? Value, Result Result) AddTrip(TripInput input, IReadOnlySet<string> countries)
    {
        if (!ActivityWorkflow.CanEditTrips(Status)) return (null, Result.Fail("Activity_NotEditable"));
        var (trip, result) = Trip.Create(MunicipalityId, Id, input, countries);
        if (trip is not null) _trips.Add(trip);
        return (trip, result);
    }

    public Result UpdateTrip(Guid tripId, TripInput input, IReadOnlySet<string> countries)
    {
        if (!ActivityWorkflow.CanEditTrips(Status)) return Result.Fail("Activity_NotEditable");
        return _trips.FirstOrDefault(t => t.Id == tripId) is { } trip ? trip.Apply(input, countries) : Result.Fail("Trip_NotFound");
    }

    public Result RemoveTrip(Guid tripId)
    {
        if (!ActivityWorkflow.CanEditTrips(Status)) return Result.Fail("Activity_NotEditable");
        return _trips.RemoveAll(t => t.Id == tripId) > 0 ? Result.Ok : Result.Fail("Trip_NotFound");
    }

    // ---- Links, attachments, comments ---------------------------------------------------------------------------

    public (ActivityLink? Value, Result Result) AddLink(string? url, string? title)
    {
        if (!ActivityWorkflow.CanEditLinks(Status)) return (null, Result.Fail("Activity_NotEditable"));
        var address = Text.WebAddress(url, ActivityLink.UrlMaxLength);
        if (address is null) return (null, Result.Fail("Link_UrlInvalid", nameof(ActivityLink.Url)));
        var cleanTitle = Text.Clean(title);
        if (cleanTitle is { Length: > ActivityLink.TitleMaxLength }) return (null, Result.Fail("Link_TitleTooLong", nameof(ActivityLink.Title)));
        var link = new ActivityLink(MunicipalityId, Id, address, cleanTitle);
        _links.Add(link);
        return (link, Result.Ok);
    }

    public Result RemoveLink(Guid linkId)
    {
        if (!ActivityWorkflow.CanEditLinks(Status)) return Result.Fail("Activity_NotEditable");
        return _links.RemoveAll(l => l.Id == linkId) > 0 ? Result.Ok : Result.Fail("Link_NotFound");
    }

    /// <summary>Records a file the web has stored under <paramref name="storageKey"/>; size and type limits are the web's.</summary>
    public (ActivityAttachment? Value, Result Result) AddAttachment(string? fileName, string? contentType, long sizeBytes, Guid storageKey, Guid byUserId, DateTimeOffset at)
    {
        if (!ActivityWorkflow.CanEditLinks(Status)) return (null, Result.Fail("Activity_NotEditable"));
        var name = Text.Clean(fileName);
        if (name is null) return (null, Result.Fail("Attachment_FileNameRequired", nameof(ActivityAttachment.FileName)));
        if (name.Length > ActivityAttachment.FileNameMaxLength) return (null, Result.Fail("Attachment_FileNameTooLong", nameof(ActivityAttachment.FileName)));
        var type = Text.Clean(contentType) ?? "application/octet-stream";
        if (type.Length > ActivityAttachment.ContentTypeMaxLength) return (null, Result.Fail("Attachment_ContentTypeInvalid", nameof(ActivityAttachment.ContentType)));
        if (sizeBytes <= 0) return (null, Result.Fail("Attachment_SizeInvalid", nameof(ActivityAttachment.SizeBytes)));
        var attachment = new ActivityAttachment(MunicipalityId, Id, name, type, sizeBytes, storageKey, byUserId, at);
        _attachments.Add(attachment);
        return (attachment, Result.Ok);
    }

    public Result RemoveAttachment(Guid attachmentId)
    {
        if (!ActivityWorkflow.CanEditLinks(Status)) return Result.Fail("Activity_NotEditable");
        return _attachments.RemoveAll(a => a.Id == attachmentId) > 0 ? Result.Ok : Result.Fail("Attachment_NotFound");
    }

    /// <summary>An internal comment, in any status: the conversation about an activity goes on after it ends.</summary>
    public (ActivityComment? Value, Result Result) AddComment(string? text, Guid byUserId, DateTimeOffset at)
    {
        var clean = Text.CleanBlock(text);
        if (clean is null) return (null, Result.Fail("Activity_CommentRequired", nameof(Comments)));
        if (clean.Length > ActivityComment.TextMaxLength) return (null, Result.Fail("Activity_CommentTooLong", nameof(Comments)));
        var comment = new ActivityComment(MunicipalityId, Id, byUserId, at, clean);
        _comments.Add(comment);
        return (comment, Result.Ok);
    }

    // ---- Openness (R20) -------------------------------------------------------------------------------------------

    /// <summary>The statuses an activity may be published in: approved by its unit, or further.</summary>
    public static readonly IReadOnlySet<ActivityStatus> PublishableStatuses =
        new HashSet<ActivityStatus> { ActivityStatus.Approved, ActivityStatus.Ongoing, ActivityStatus.Completed, ActivityStatus.ResultsReported };

    public bool IsPublished => PublishedAt is not null && PublishableStatuses.Contains(Status);

    /// <summary>IATI covers aid and development cooperation, and any other activity the coordinator chooses.</summary>
    public bool InIati => Kind == ActivityKind.AidOrDevelopmentCooperation || IatiChosen;

    /// <summary>The coordinator publishes an approved activity on the open pages; a draft, submitted or rejected one may not be.</summary>
    public Result Publish(AccessScope by, Guid byUserId, DateTimeOffset at)
    {
        if (!by.IsCoordinator) return Result.Fail("Activity_PublishNotAllowed");
        if (!PublishableStatuses.Contains(Status)) return Result.Fail("Activity_PublishNotApproved");
        if (PublishedAt is not null) return Result.Ok;
        PublishedAt = at;
        PublishedByUserId = byUserId;
        return Result.Ok;
    }

    public Result Unpublish(AccessScope by)
    {
        if (!by.IsCoordinator) return Result.Fail("Activity_PublishNotAllowed");
        PublishedAt = null;
        PublishedByUserId = null;
        return Result.Ok;
    }

    /// <summary>Includes (or leaves out) an activity of another kind than aid in the IATI file.</summary>
    public Result ChooseForIati(AccessScope by, bool include)
    {
        if (!by.IsCoordinator) return Result.Fail("Activity_PublishNotAllowed");
        IatiChosen = include;
        return Result.Ok;
    }

    // ---- Workflow -----------------------------------------------------------------------------------------------

    /// <summary>
    /// What a draft still lacks before it may be sent for approval (R4), in the form's order. <see cref="Submit"/> refuses
    /// on the first of these, and the findings beside the form show all of them: one source, so submission never fails
    /// on something the page did not show.
    /// </summary>
    public IReadOnlyList<Result> MissingForSubmission()
    {
        var missing = new List<Result>();
        if (Description is null) missing.Add(Result.Fail("Activity_DescriptionRequired", nameof(Description)));
        if (Purpose is null) missing.Add(Result.Fail("Activity_PurposeRequired", nameof(Purpose)));
        if (ExpectedResults is null) missing.Add(Result.Fail("Activity_ExpectedResultsRequired", nameof(ExpectedResults)));
        return missing;
    }

    /// <summary>Sends the activity for approval. Description, purpose and expected results must be written by then (R4).</summary>
    public (ActivityTransition? Value, Result Result) Submit(Guid byUserId, DateTimeOffset at)
    {
        if (!ActivityWorkflow.Allows(Status, ActivityAction.Submit)) return Refused();
        if (MissingForSubmission().FirstOrDefault() is { Error: not null } missing) return (null, missing);
        SubmittedByUserId = byUserId;
        SubmittedAt = at;
        RejectionComment = null;
        return Move(ActivityAction.Submit, byUserId, at, null);
    }

    /// <summary>
    /// The owning unit's approver approves (003: management answers for alignment with the policy). Refused while any of
    /// <paramref name="findings"/> — the checks of <paramref name="policyVersionId"/> evaluated by the caller — is blocking;
    /// records the version the approval was made under (R2).
    /// </summary>
    public (ActivityTransition? Value, Result Result) Approve(Guid approverUserId, AccessScope approver, Guid policyVersionId, IReadOnlyCollection<Finding> findings, DateTimeOffset at, string? comment = null)
    {
        if (!ActivityWorkflow.Allows(Status, ActivityAction.Approve)) return Refused();
        if (!approver.CanApproveFor(OwnerUnitId)) return (null, Result.Fail("Activity_ApproverNotAllowed"));
        // No version in force (a gap): approvable only on the coordinator's recorded reason, and then under no version.
        if (policyVersionId == Guid.Empty && GapReason is null) return (null, Result.Fail("Activity_PolicyVersionRequired"));
        if (ActivityRules.AnyBlocking(findings)) return (null, Result.Fail("Activity_BlockingFindings"));
        ApprovedByUserId = approverUserId;
        ApprovedAt = at;
        ApprovedPolicyVersionId = policyVersionId == Guid.Empty ? null : policyVersionId;
        return Move(ActivityAction.Approve, approverUserId, at, Text.CleanBlock(comment));
    }

    public const int GapReasonMaxLength = 2000;

    /// <summary>
    /// The coordinator records why an activity starting in a gap (no policy version in force) may be approved; an empty
    /// reason withdraws it. Only before approval: an approval stands on the reason it was given.
    /// </summary>
    public Result RecordGapReason(AccessScope by, string? reason)
    {
        if (!by.IsCoordinator) return Result.Fail("Activity_GapReasonNotAllowed");
        if (Status is not (ActivityStatus.Draft or ActivityStatus.Submitted or ActivityStatus.Rejected)) return Result.Fail("Activity_GapReasonLocked");
        var text = Text.CleanBlock(reason);
        if (text is { Length: > GapReasonMaxLength }) return Result.Fail("Activity_GapReasonTooLong", nameof(GapReason), GapReasonMaxLength);
        GapReason = text;
        return Result.Ok;
    }

    /// <summary>The owning unit's approver sends the activity back; the comment says what to change.</summary>
    public (ActivityTransition? Value, Result Result) Reject(Guid approverUserId, AccessScope approver, string? comment, DateTimeOffset at)
    {
        if (!ActivityWorkflow.Allows(Status, ActivityAction.Reject)) return Refused();
        if (!approver.CanApproveFor(OwnerUnitId)) return (null, Result.Fail("Activity_ApproverNotAllowed"));
        var clean = Text.CleanBlock(comment);
        if (clean is null) return (null, Result.Fail("Activity_RejectionCommentRequired", nameof(RejectionComment)));
        if (clean.Length > RejectionCommentMaxLength) return (null, Result.Fail("Activity_RejectionCommentTooLong", nameof(RejectionComment)));
        RejectionComment = clean;
        return Move(ActivityAction.Reject, approverUserId, at, clean);
    }

    public (ActivityTransition? Value, Result Result) Withdraw(Guid byUserId, DateTimeOffset at, string? comment = null)
    {
        if (!ActivityWorkflow.Allows(Status, ActivityAction.Withdraw)) return Refused();
        PublishedAt = null;
        PublishedByUserId = null;
        return Move(ActivityAction.Withdraw, byUserId, at, Text.CleanBlock(comment));
    }

    /// <summary>The approved activity begins; <paramref name="actualStart"/> defaults to the planned start.</summary>
    public (ActivityTransition? Value, Result Result) Start(Guid byUserId, DateTimeOffset at, DateOnly? actualStart = null)
    {
        if (!ActivityWorkflow.Allows(Status, ActivityAction.Start)) return Refused();
        var day = actualStart ?? PlannedStart;
        if (!InRange(day)) return (null, Result.Fail("Activity_DateOutOfRange", nameof(ActualStart)));
        ActualStart = day;
        return Move(ActivityAction.Start, byUserId, at, null);
    }

    /// <summary>
    /// The activity has ended, as planned or early; <paramref name="actualEnd"/> defaults to the day of <paramref name="at"/>.
    /// The final results report is due from then (<see cref="Checks.ResultsDueRules"/>).
    /// </summary>
    public (ActivityTransition? Value, Result Result) Complete(Guid byUserId, DateTimeOffset at, DateOnly? actualEnd = null)
    {
        if (!ActivityWorkflow.Allows(Status, ActivityAction.Complete)) return Refused();
        var day = actualEnd ?? DateOnly.FromDateTime(at.DateTime);
        if (!InRange(day)) return (null, Result.Fail("Activity_DateOutOfRange", nameof(ActualEnd)));
        if (day < ActualStart) return (null, Result.Fail("Activity_EndBeforeStart", nameof(ActualEnd)));
        ActualEnd = day;
        return Move(ActivityAction.Complete, byUserId, at, null);
    }

    /// <summary>The final report of what the activity led to (R10, R11); moves it to <see cref="ActivityStatus.ResultsReported"/>.</summary>
    public (ActivityTransition? Value, Result Result) ReportFinalResults(string? text, Guid byUserId, DateTimeOffset at)
    {
        if (!ActivityWorkflow.Allows(Status, ActivityAction.ReportFinalResults)) return Refused();
        var (clean, check) = ResultText(text);
        if (!check.IsOk) return (null, check);
        _results.Add(new ResultReport(MunicipalityId, Id, null, clean!, byUserId, at));
        return Move(ActivityAction.ReportFinalResults, byUserId, at, null);
    }

    /// <summary>
    /// The yearly report for <paramref name="year"/> (R11), while the activity runs or, for its last year, after it ended.
    /// The year lies between the actual start and the end (or today); reporting a year again revises its report.
    /// </summary>
    public Result ReportYearlyResults(int year, string? text, Guid byUserId, DateTimeOffset at)
    {
        if (!ActivityWorkflow.CanReportYearlyResults(Status)) return Result.Fail("Activity_TransitionInvalid");
        var lastYear = Math.Min(ActualEnd?.Year ?? int.MaxValue, at.Year);
        if (ActualStart is not { } started || year < started.Year || year > lastYear) return Result.Fail("Results_YearInvalid", nameof(ResultReport.Year));
        var (clean, check) = ResultText(text);
        if (!check.IsOk) return check;
        if (_results.FirstOrDefault(r => r.Year == year) is { } existing) existing.Revise(clean!, byUserId, at);
        else _results.Add(new ResultReport(MunicipalityId, Id, year, clean!, byUserId, at));
        return Result.Ok;
    }

    private static (string? Value, Result Result) ResultText(string? text)
    {
        var clean = Text.CleanBlock(text);
        if (clean is null) return (null, Result.Fail("Results_TextRequired", nameof(ResultReport.Text)));
        if (clean.Length > ResultReport.TextMaxLength) return (null, Result.Fail("Results_TextTooLong", nameof(ResultReport.Text)));
        return (clean, Result.Ok);
    }

    private static (ActivityTransition? Value, Result Result) Refused() => (null, Result.Fail("Activity_TransitionInvalid"));

    private (ActivityTransition? Value, Result Result) Move(ActivityAction action, Guid byUserId, DateTimeOffset at, string? comment)
    {
        var from = Status;
        Status = ActivityWorkflow.Next(from, action)!.Value;
        return (new ActivityTransition(Id, action, from, Status, byUserId, at, comment), Result.Ok);
    }
}
