using Omvarld.Domain.Access;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Common;
using Omvarld.Domain.Organisation;

namespace Omvarld.Domain.FollowUp;

public enum FollowUpRoundStatus
{
    /// <summary>Sent to the units: they write, mark ready and reopen.</summary>
    Open = 1,
    /// <summary>Closed by the coordinator: every section is read-only, the compiled report goes to KS.</summary>
    Closed = 2,
}

public enum FollowUpSectionStatus
{
    NotStarted = 1,
    InProgress = 2,
    /// <summary>Marked ready by the unit's approver; read-only until reopened.</summary>
    Ready = 3,
}

/// <summary>What the coordinator sees per unit: the section's status, or <see cref="Late"/> when the deadline has passed and it is not ready.</summary>
public enum FollowUpProgress { NotStarted = 1, InProgress = 2, Ready = 3, Late = 4 }

/// <summary>What opening a round asks for; <see cref="Questions"/> null means the caller's defaults were not applied.</summary>
public sealed record FollowUpRoundInput(int Year, DateOnly Deadline, IReadOnlyList<string?> Questions);

/// <summary>
/// The yearly follow-up round (<i>uppföljning</i>, issue 15): "Kommunstyrelsen följer årligen upp …" (BORAS-2023),
/// UPPLANDSBRO-2020 4.2–4.3, BORAS-2009's appendix. The coordinator opens the round for a year: every committee and
/// company (and the units the coordinator adds) gets a <see cref="FollowUpSection"/> with the round's questions and a
/// deadline. The units write and mark their sections ready; the coordinator writes the summary and closes the round,
/// after which nothing of it changes. One round per municipality and year.
/// </summary>
public sealed class FollowUpRound : ITenantOwned, IAudited, IVersioned
{
    public const int MaxQuestions = 12;
    public const int QuestionMaxLength = 500;
    public const int SummaryMaxLength = 20000;
    /// <summary>The units every round covers (the policies' "nämnder och bolag").</summary>
    public static readonly IReadOnlySet<UnitKind> DefaultUnitKinds = new HashSet<UnitKind> { UnitKind.Committee, UnitKind.Company };

    private FollowUpRound() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public FollowUpRoundStatus Status { get; private set; }
    public DateOnly OpenedOn { get; private set; }
    public Guid OpenedByUserId { get; private set; }
    public DateOnly Deadline { get; private set; }
    /// <summary>The questions every section answers, in order; fixed once the round is open so that every answer keeps its question.</summary>
    public string[] Questions { get; private set; } = [];
    /// <summary>The coordinator's summary for KS, written while the round is open.</summary>
    public string? Summary { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public Guid? ClosedByUserId { get; private set; }
    public int Version { get; set; }

    public bool IsClosed => Status == FollowUpRoundStatus.Closed;

    /// <summary>
    /// Opens the round for <see cref="FollowUpRoundInput.Year"/> on <paramref name="today"/> with one section per unit of
    /// <paramref name="units"/> (the caller picks them: the open committees and companies plus chosen units). Only the
    /// coordinator opens a round. The caller also checks that the municipality has no round for the year yet.
    /// </summary>
    public static (FollowUpRound? Round, IReadOnlyList<FollowUpSection> Sections, Result Result) Open(Guid municipalityId, FollowUpRoundInput input,
        IReadOnlyCollection<Unit> units, AccessScope by, Guid byUserId, DateOnly today)
    {
        if (!by.IsCoordinator) return (null, [], Result.Fail("FollowUp_NotCoordinator"));
        if (input.Year is < Activity.FirstYear or > Activity.LastYear)
            return (null, [], Result.Fail("FollowUp_YearInvalid", nameof(Year), Activity.FirstYear, Activity.LastYear));
        if (input.Deadline < today) return (null, [], Result.Fail("FollowUp_DeadlineBeforeOpening", nameof(Deadline)));
        var (questions, check) = CleanQuestions(input.Questions);
        if (!check.IsOk) return (null, [], check);
        if (units.Count == 0) return (null, [], Result.Fail("FollowUp_NoUnits", "Units"));
        foreach (var unit in units)
        {
            if (unit.MunicipalityId != municipalityId) return (null, [], Result.Fail("FollowUp_UnitInvalid", "Units"));
            if (unit.IsClosed) return (null, [], Result.Fail("FollowUp_UnitClosed", "Units", unit.Name));
        }
        var round = new FollowUpRound
        {
            MunicipalityId = municipalityId, Id = Guid.CreateVersion7(), Year = input.Year, Status = FollowUpRoundStatus.Open, OpenedOn = today,
            OpenedByUserId = byUserId, Deadline = input.Deadline, Questions = questions,
        };
        var sections = units.DistinctBy(u => u.Id).Select(u => FollowUpSection.Create(round, u.Id)).ToList();
        return (round, sections, Result.Ok);
    }

    private static (string[] Questions, Result Result) CleanQuestions(IReadOnlyList<string?> input)
    {
        if (input.Count == 0) return ([], Result.Fail("FollowUp_QuestionsRequired", nameof(Questions)));
        if (input.Count > MaxQuestions) return ([], Result.Fail("FollowUp_TooManyQuestions", nameof(Questions), MaxQuestions));
        var clean = new string[input.Count];
        for (var i = 0; i < input.Count; i++)
        {
            var q = Text.Clean(input[i]);
            if (q is null) return ([], Result.Fail("FollowUp_QuestionEmpty", nameof(Questions), i + 1));
            if (q.Length > QuestionMaxLength) return ([], Result.Fail("FollowUp_QuestionTooLong", nameof(Questions), i + 1, QuestionMaxLength));
            clean[i] = q;
        }
        return (clean, Result.Ok);
    }

    /// <summary>Moves the deadline (the units asked for more time): never before the opening day, only while the round is open.</summary>
    public Result MoveDeadline(DateOnly deadline, AccessScope by)
    {
        if (!by.IsCoordinator) return Result.Fail("FollowUp_NotCoordinator");
        if (IsClosed) return Result.Fail("FollowUp_RoundClosed");
        if (deadline < OpenedOn) return Result.Fail("FollowUp_DeadlineBeforeOpening", nameof(Deadline));
        Deadline = deadline;
        return Result.Ok;
    }

    /// <summary>The coordinator's summary for KS; empty clears it.</summary>
    public Result WriteSummary(string? summary, AccessScope by)
    {
        if (!by.IsCoordinator) return Result.Fail("FollowUp_NotCoordinator");
        if (IsClosed) return Result.Fail("FollowUp_RoundClosed");
        var text = Text.CleanBlock(summary);
        if (text is { Length: > SummaryMaxLength }) return Result.Fail("FollowUp_SummaryTooLong", nameof(Summary), SummaryMaxLength);
        Summary = text;
        return Result.Ok;
    }

    /// <summary>
    /// Closes the round: from now on no section and not the summary changes. Sections that are not ready stay as they are
    /// (the report says who did not answer); the coordinator decides when KS gets the report, not the last unit.
    /// </summary>
    public Result Close(AccessScope by, Guid byUserId, DateTimeOffset at)
    {
        if (!by.IsCoordinator) return Result.Fail("FollowUp_NotCoordinator");
        if (IsClosed) return Result.Fail("FollowUp_RoundClosed");
        Status = FollowUpRoundStatus.Closed;
        ClosedAt = at;
        ClosedByUserId = byUserId;
        return Result.Ok;
    }

    /// <summary>A section's deadline: its own where the coordinator set one, else the round's.</summary>
    public DateOnly DeadlineFor(DateOnly? sectionDeadline) => sectionDeadline ?? Deadline;

    /// <summary>Where a section stands on <paramref name="today"/>: its status, or late once its deadline has passed and it is not ready.</summary>
    public FollowUpProgress ProgressOf(FollowUpSectionStatus status, DateOnly? sectionDeadline, DateOnly today) =>
        status == FollowUpSectionStatus.Ready ? FollowUpProgress.Ready
        : today > DeadlineFor(sectionDeadline) ? FollowUpProgress.Late
        : status == FollowUpSectionStatus.InProgress ? FollowUpProgress.InProgress
        : FollowUpProgress.NotStarted;
}

/// <summary>
/// One unit's part of a <see cref="FollowUpRound"/>: its answers to the round's questions. The unit's editors (for the
/// unit or a unit above it) write; its approvers mark it ready and may reopen it while the round is open. A section of
/// its own, with its own version, so that units write at the same time without conflicting with each other.
/// </summary>
public sealed class FollowUpSection : ITenantOwned, IAudited, IVersioned
{
    public const int AnswerMaxLength = 8000;

    private FollowUpSection() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    /// <summary>The round's year, kept on the section so that a year's sections are found without the round.</summary>
    public int Year { get; private set; }
    public Guid UnitId { get; private set; }
    /// <summary>The unit's own deadline, set by the coordinator (more time, or earlier where its board meets earlier); null: the round's.</summary>
    public DateOnly? Deadline { get; private set; }
    public FollowUpSectionStatus Status { get; private set; }
    /// <summary>One answer per question of the round, in the same order; "" where not answered.</summary>
    public string[] Answers { get; private set; } = [];
    public DateTimeOffset? UpdatedAt { get; private set; }
    public Guid? UpdatedByUserId { get; private set; }
    public DateTimeOffset? ReadyAt { get; private set; }
    public Guid? ReadyByUserId { get; private set; }
    public int Version { get; set; }

    public bool IsReady => Status == FollowUpSectionStatus.Ready;

    internal static FollowUpSection Create(FollowUpRound round, Guid unitId) => new()
    {
        MunicipalityId = round.MunicipalityId, Id = Guid.CreateVersion7(), RoundId = round.Id, Year = round.Year, UnitId = unitId,
        Status = FollowUpSectionStatus.NotStarted, Answers = round.Questions.Select(_ => "").ToArray(),
    };

    /// <summary>
    /// Saves the unit's answers, one per question of the round (missing ones empty). Refused while the section is ready
    /// (<c>FollowUp_SectionReady</c>: reopen it first) and once the round is closed.
    /// </summary>
    public Result Write(FollowUpRound round, IReadOnlyList<string?> answers, AccessScope by, Guid byUserId, DateTimeOffset at)
    {
        var check = Belongs(round);
        if (!check.IsOk) return check;
        if (!by.CanEditFor(UnitId)) return Result.Fail("FollowUp_NotEditor");
        if (round.IsClosed) return Result.Fail("FollowUp_RoundClosed");
        if (IsReady) return Result.Fail("FollowUp_SectionReady");
        if (answers.Count > round.Questions.Length) return Result.Fail("FollowUp_TooManyAnswers", nameof(Answers), round.Questions.Length);
        var clean = new string[round.Questions.Length];
        for (var i = 0; i < clean.Length; i++)
        {
            var text = i < answers.Count ? Text.CleanBlock(answers[i]) : null;
            if (text is { Length: > AnswerMaxLength }) return Result.Fail("FollowUp_AnswerTooLong", nameof(Answers), i + 1, AnswerMaxLength);
            clean[i] = text ?? "";
        }
        Answers = clean;
        Status = clean.Any(a => a.Length > 0) ? FollowUpSectionStatus.InProgress : FollowUpSectionStatus.NotStarted;
        UpdatedAt = at;
        UpdatedByUserId = byUserId;
        return Result.Ok;
    }

    /// <summary>The unit's approver marks the account ready for the coordinator: every question answered, the round still open.</summary>
    public Result MarkReady(FollowUpRound round, AccessScope by, Guid byUserId, DateTimeOffset at)
    {
        var check = Belongs(round);
        if (!check.IsOk) return check;
        if (!by.CanApproveFor(UnitId)) return Result.Fail("FollowUp_NotApprover");
        if (round.IsClosed) return Result.Fail("FollowUp_RoundClosed");
        if (IsReady) return Result.Fail("FollowUp_SectionReady");
        var missing = Array.FindIndex(Answers, a => a.Length == 0);
        if (missing >= 0) return Result.Fail("FollowUp_AnswerMissing", nameof(Answers), missing + 1);
        Status = FollowUpSectionStatus.Ready;
        ReadyAt = at;
        ReadyByUserId = byUserId;
        return Result.Ok;
    }

    /// <summary>
    /// Reopens a ready section for changes, until the round is closed: the unit's approver (they marked it), or the
    /// coordinator sending it back for completion.
    /// </summary>
    public Result Reopen(FollowUpRound round, AccessScope by)
    {
        var check = Belongs(round);
        if (!check.IsOk) return check;
        if (!by.CanApproveFor(UnitId) && !by.IsCoordinator) return Result.Fail("FollowUp_NotApprover");
        if (round.IsClosed) return Result.Fail("FollowUp_RoundClosed");
        if (!IsReady) return Result.Fail("FollowUp_SectionNotReady");
        Status = Answers.Any(a => a.Length > 0) ? FollowUpSectionStatus.InProgress : FollowUpSectionStatus.NotStarted;
        ReadyAt = null;
        ReadyByUserId = null;
        return Result.Ok;
    }

    /// <summary>The coordinator sets this unit's own deadline (null: back to the round's); never before the round was opened.</summary>
    public Result SetDeadline(FollowUpRound round, DateOnly? deadline, AccessScope by)
    {
        var check = Belongs(round);
        if (!check.IsOk) return check;
        if (!by.IsCoordinator) return Result.Fail("FollowUp_NotCoordinator");
        if (round.IsClosed) return Result.Fail("FollowUp_RoundClosed");
        if (deadline is { } d && d < round.OpenedOn) return Result.Fail("FollowUp_DeadlineBeforeOpening", nameof(Deadline));
        Deadline = deadline == round.Deadline ? null : deadline;
        return Result.Ok;
    }

    public FollowUpProgress ProgressOn(FollowUpRound round, DateOnly today) => round.ProgressOf(Status, Deadline, today);

    private Result Belongs(FollowUpRound round) =>
        round.Id == RoundId && round.MunicipalityId == MunicipalityId ? Result.Ok : Result.Fail("FollowUp_SectionNotInRound");
}
