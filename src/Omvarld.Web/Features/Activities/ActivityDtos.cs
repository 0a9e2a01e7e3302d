using Omvarld.Domain.Activities;
using Omvarld.Domain.Activities.Checks;
using Omvarld.Domain.Partners;

namespace Omvarld.Web.Features.Activities;

/// <summary>What the activity form and <c>PUT/POST /api/v1/activities</c> send: the activity's own fields, goals, SDGs and partners.</summary>
/// <param name="Version">The row version the caller read; required when changing (optimistic concurrency).</param>
public sealed record ActivityInput(
    string? Title,
    string? Description,
    ActivityKind? Kind,
    Guid? OwnerUnitId,
    Guid? ResponsibleUserId,
    DateOnly? Start,
    DateOnly? End,
    string? Purpose,
    string? ExpectedResults,
    string? Motivation,
    string? ChildPerspective,
    string? CaseNumber,
    bool AimedAtEnablingInternationalWork,
    IReadOnlyList<GoalServed>? Goals,
    IReadOnlyList<string>? Sdgs,
    IReadOnlyList<PartnerRoleInput>? Partners,
    int? Version = null);

public sealed record PartnerRoleInput(Guid PartnerId, PartnerRole Role);

/// <summary>A workflow step: the row version read and the step's comment (required to reject).</summary>
public sealed record TransitionInput(ActivityAction? Action, int? Version, string? Comment = null, DateOnly? On = null);

public sealed record ResultInput(int? Year, string? Text, int? Version);

public sealed record FundingLineInput(FundingSource? Source, Guid? OwnUnitId, string? ProgrammeCode, string? FunderName, FunderKind? FunderKind,
    decimal? Amount, Currency? Currency, decimal? ExchangeRate, FundingStatus? Status, DateOnly? StatusOn, string? Note, int? Version);

public sealed record TripLineInput(string? Travellers, int? TravellerCount, string? City, string? CountryCode, DateOnly? DepartOn, DateOnly? ReturnOn,
    decimal? CostSek, string? Purpose, int? Version);

public sealed record GoalDto(string Code, string Name, string How, bool InPolicy);
public sealed record SdgDto(int Goal, string? Target, string Title);
public sealed record ActivityPartnerDto(Guid PartnerId, string Name, PartnerType Type, string? City, string CountryCode, string CountryName, PartnerRole Role, bool IsInternational);
public sealed record FundingLineDto(Guid Id, FundingSource Source, Guid? OwnUnitId, string? SourceName, FunderKind? FunderKind, decimal Amount, Currency Currency,
    decimal? ExchangeRate, decimal AmountSek, FundingStatus Status, DateOnly? AppliedOn, DateOnly? DecidedOn, DateOnly? PaidOn, string? Note);
public sealed record TripDto(Guid Id, string Travellers, int TravellerCount, string City, string CountryCode, string CountryName, DateOnly DepartOn, DateOnly ReturnOn, decimal? CostSek, string? Purpose);
public sealed record ResultDto(Guid Id, int? Year, bool IsFinal, string Text, DateTimeOffset ReportedAt);
public sealed record LinkDto(Guid Id, string Url, string? Title);
public sealed record AttachmentDto(Guid Id, Guid FileId, string FileName, long SizeBytes, DateTimeOffset UploadedAt);
public sealed record CommentDto(Guid Id, string Author, DateTimeOffset At, string Text);
public sealed record PolicyRefDto(Guid VersionId, string Label);

/// <summary>A finding of a policy check (R7, R11), worded in Swedish, with the clause and version that demand it.</summary>
public sealed record FindingDto(string Check, FindingSeverity Severity, string Message, string PolicyVersionKey, string PolicyVersionLabel, string Clause, string? Field);

public sealed record ActivityDto(
    Guid Id,
    string Title,
    string? Description,
    ActivityKind Kind,
    ActivityStatus Status,
    Guid OwnerUnitId,
    string OwnerUnitName,
    Guid ResponsibleUserId,
    string? ResponsibleName,
    DateOnly Start,
    DateOnly? End,
    DateOnly? ActualStart,
    DateOnly? ActualEnd,
    string? Purpose,
    string? ExpectedResults,
    string? Motivation,
    string? ChildPerspective,
    string? CaseNumber,
    bool AimedAtEnablingInternationalWork,
    string? RejectionComment,
    IReadOnlyList<GoalDto> Goals,
    IReadOnlyList<SdgDto> Sdgs,
    IReadOnlyList<ActivityPartnerDto> Partners,
    IReadOnlyList<FundingLineDto> Funding,
    FundingSummary FundingSummary,
    /// <summary>Null for a caller who may not see who travels (personal data: the unit's editors and approvers, the coordinator and KS).</summary>
    IReadOnlyList<TripDto>? Trips,
    IReadOnlyList<ResultDto> Results,
    IReadOnlyList<LinkDto> Links,
    IReadOnlyList<AttachmentDto> Attachments,
    IReadOnlyList<CommentDto> Comments,
    ActivityClassification Classification,
    /// <summary>The policy version in force at the start (R2, R7), whose checks apply; null when none is in force.</summary>
    PolicyRefDto? Policy,
    /// <summary>The version the approval was made under (R2).</summary>
    PolicyRefDto? ApprovedUnder,
    DateTimeOffset? ApprovedAt,
    IReadOnlyList<FindingDto> Findings,
    /// <summary>The workflow steps this caller may take now.</summary>
    IReadOnlyList<ActivityAction> Actions,
    bool CanEdit,
    bool CanEditFunding,
    /// <summary>A line's status may still move after the end (money is often paid after the final report).</summary>
    bool CanChangeFundingStatus,
    bool CanEditTrips,
    bool CanReportYearly,
    int Version)
{
    /// <summary>Issue 19: the coordinator's reason for approving it although no policy version is in force at its start.</summary>
    public string? GapReason { get; init; }
    /// <summary>No policy version is in force at its start (a gap under the default rule, none adopted yet, an overlap): approval needs <see cref="GapReason"/>.</summary>
    public bool NeedsGapReason { get; init; }

    /// <summary>The findings that stop approval (R7): while one stands, <see cref="ActivityAction.Approve"/> is not offered.</summary>
    public IReadOnlyList<FindingDto> Blocking => Findings.Where(f => f.Severity == FindingSeverity.Blocking).ToList();

    /// <summary>
    /// Submitted and blocked by the partner precondition (R8, R9): it waits for KS's exception decision, and is in KS's
    /// decision queue (<c>/ks/beslut</c>).
    /// </summary>
    public bool WaitsForKs => Status == ActivityStatus.Submitted && Blocking.Any(f => f.Check == PreconditionCheckCode);

    private static readonly string PreconditionCheckCode = Domain.Policies.PolicyCodes.CheckKinds.Code(Domain.Policies.Checks.CheckKind.PartnerPrecondition);
}

public sealed record ActivityListItem(Guid Id, string Title, ActivityKind Kind, ActivityStatus Status, Guid OwnerUnitId, string OwnerUnitName,
    DateOnly Start, DateOnly? End, IReadOnlyList<string> Countries)
{
    /// <summary>KS's exceptions from the partner precondition for this activity (R9), as "body date § (case) partner, valid until".</summary>
    public IReadOnlyList<string> Exceptions { get; init; } = [];
}

/// <summary>The list's filters (R10); every one optional.</summary>
public sealed record ActivityFilter(
    Guid? Unit = null,
    ActivityKind? Kind = null,
    ActivityStatus? Status = null,
    string? Country = null,
    string? Goal = null,
    int? Sdg = null,
    int? Year = null,
    string? Funding = null,
    ActivityClass? Classification = null,
    string? Q = null,
    ActivitySort Sort = ActivitySort.StartDesc)
{
    /// <summary>R20: true for the activities on the open pages, false for the others; null for both.</summary>
    public bool? Published { get; init; }
}

/// <summary>R6's derived classes, as a filter.</summary>
public enum ActivityClass { International = 1, EuropeanProject = 2, EuProject = 3 }

public enum ActivitySort { StartDesc = 0, StartAsc = 1, Title = 2, Status = 3, Unit = 4 }

/// <summary>R21: the coordinator's pipeline: external amounts by status, and projects with no external funding sought.</summary>
public sealed record FundingPipelineDto(decimal PlannedSek, decimal AppliedSek, decimal GrantedSek, decimal RejectedSek, decimal PaidSek, decimal OwnSek,
    IReadOnlyList<PipelineProgrammeDto> ByProgramme, IReadOnlyList<ActivityListItem> ProjectsWithoutExternalFunding);

public sealed record PipelineProgrammeDto(string Source, decimal AppliedSek, decimal GrantedSek, decimal RejectedSek, decimal PaidSek);

/// <summary>R10 on a unit's page: one activity of the unit or its sub-units, with what it aimed at and what it led to.</summary>
public sealed record UnitActivityDto(Guid Id, string Title, ActivityKind Kind, ActivityStatus Status, Guid OwnerUnitId, string OwnerUnitName,
    DateOnly Start, DateOnly? End, string? Purpose, IReadOnlyList<string> GoalCodes, string? LatestResult);

/// <summary>The coordinator's reason for approving an activity with no policy version in force (issue 19); <c>Version</c> is the activity's row version.</summary>
public sealed record GapReasonInput(string? Reason, int? Version);
