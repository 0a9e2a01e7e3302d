using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Access;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Common;
using Omvarld.Domain.FollowUp;
using Omvarld.Domain.Organisation;
using Omvarld.Domain.Plans;
using Omvarld.Domain.Policies.Checks;
using Omvarld.Web.Data;
using Omvarld.Web.Features.ActionPlans;
using Omvarld.Web.Features.Activities.Results;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Features.Shared;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.FollowUp;

/// <param name="Questions">Null: the default questions (with the child perspective where the policy in force demands it).</param>
/// <param name="UnitIds">Units beyond the committees and companies that get a section too.</param>
public sealed record OpenRoundInput(int? Year, DateOnly? Deadline, IReadOnlyList<string?>? Questions, IReadOnlyList<Guid>? UnitIds);
/// <summary>The coordinator's changes to an open round: a new deadline and/or the summary for KS (null: unchanged).</summary>
public sealed record RoundInput(DateOnly? Deadline, string? Summary, int? Version);
public sealed record AnswersInput(IReadOnlyList<string?>? Answers, int? Version);
public sealed record SectionVersionInput(int? Version);
/// <summary>A unit's own deadline; null: back to the round's.</summary>
public sealed record SectionDeadlineInput(DateOnly? Deadline, int? Version);

public sealed record RoundListItemDto(Guid Id, int Year, FollowUpRoundStatus Status, DateOnly OpenedOn, DateOnly Deadline, int Sections, int Ready, int Late);

public sealed record SectionProgressDto(Guid Id, Guid UnitId, string UnitName, UnitKind UnitKind, FollowUpSectionStatus Status, FollowUpProgress Progress,
    DateOnly Deadline, bool OwnDeadline, DateTimeOffset? UpdatedAt, DateTimeOffset? ReadyAt, string? ReadyBy, int Version);

public sealed record ProgressCountsDto(int NotStarted, int InProgress, int Ready, int Late);

public sealed record RoundDto(Guid Id, int Year, FollowUpRoundStatus Status, DateOnly OpenedOn, string? OpenedBy, DateOnly Deadline, IReadOnlyList<string> Questions,
    string? Summary, DateTimeOffset? ClosedAt, string? ClosedBy, ProgressCountsDto Counts, IReadOnlyList<SectionProgressDto> Sections, bool CanManage, int Version);

public sealed record AnswerDto(int Position, string Question, string Answer);

public sealed record FactActivityDto(Guid Id, string Title, ActivityStatus Status, DateOnly Start, DateOnly? End);
public sealed record FactResultDueDto(Guid ActivityId, string Title, int? Year, DateOnly DueDate, ReportDueState State);
public sealed record FactExceptionDto(Guid ActivityId, string ActivityTitle, string PartnerName, DateOnly DecidedOn, DateOnly ValidUntil, string CaseNumber);
public sealed record FactPlanItemDto(int Position, string What, ItemOutcome? Outcome, string? LedTo);
public sealed record FactPlanDto(Guid Id, ActionPlanStatus Status, string? OverallEvaluation, IReadOnlyList<FactPlanItemDto> Items);

/// <summary>
/// What the register says of a unit (with its sub-units) in the round's year, shown read-only beside the answers:
/// activities running in the year, results reported for it and still owed, funding in SEK, KS's exceptions in force
/// in the year, and the unit's action plan with its evaluation.
/// </summary>
public sealed record SectionFactsDto(IReadOnlyList<FactActivityDto> Activities, IReadOnlyList<FactActivityDto> ResultsReported,
    IReadOnlyList<FactResultDueDto> ResultsMissing, decimal OwnFundingSek, decimal ExternalFundingSek, IReadOnlyList<FactExceptionDto> Exceptions, FactPlanDto? Plan);

public sealed record SectionDto(Guid Id, Guid RoundId, int Year, Guid UnitId, string UnitName, FollowUpSectionStatus Status, FollowUpProgress Progress,
    DateOnly Deadline, bool OwnDeadline, DateOnly RoundDeadline, FollowUpRoundStatus RoundStatus, IReadOnlyList<AnswerDto> Answers, DateTimeOffset? UpdatedAt, string? UpdatedBy,
    DateTimeOffset? ReadyAt, string? ReadyBy, bool CanEdit, bool CanMarkReady, bool CanReopen, bool CanSetDeadline, SectionFactsDto Facts, int Version);

/// <summary>A section the signed-in user owes (the start page): their unit's, not ready, in an open round.</summary>
public sealed record OwedSectionDto(Guid Id, int Year, string UnitName, FollowUpProgress Progress, DateOnly Deadline, bool CanEdit, bool CanMarkReady);

/// <summary>For the compiled report: one unit's account, its state and its progress today (late: not ready after its deadline).</summary>
public sealed record UnitAccountDto(Guid UnitId, string UnitName, UnitKind UnitKind, FollowUpSectionStatus Status, IReadOnlyList<AnswerDto> Answers,
    string? ReadyBy, DateTimeOffset? ReadyAt, FollowUpProgress Progress, DateOnly Deadline);

/// <summary>For the compiled report (issue 15): a municipality's follow-up of a year, the coordinator's summary and every unit's account.</summary>
public sealed record FollowUpReportDto(Guid RoundId, int Year, FollowUpRoundStatus Status, DateOnly Deadline, DateTimeOffset? ClosedAt, string? Summary,
    IReadOnlyList<string> Questions, IReadOnlyList<UnitAccountDto> Units);

public enum FollowUpOutcome { Saved, NotFound, Forbidden, Conflict, Invalid, Locked }

/// <param name="Detail">For <see cref="FollowUpOutcome.Locked"/> and <see cref="FollowUpOutcome.Conflict"/>: the Swedish message.</param>
/// <param name="Changed">On a conflict: the questions (1-based) whose stored answer differs from what the caller sent.</param>
/// <param name="CurrentAnswers">On a conflict: the answers as stored now.</param>
public sealed record FollowUpSave(FollowUpOutcome Outcome, Guid? Id = null, Result Error = default, string? Detail = null, IReadOnlyList<int>? Changed = null,
    IReadOnlyList<string>? CurrentAnswers = null, int? CurrentVersion = null, string? ReadyBy = null, DateTimeOffset? ReadyAt = null)
{
    public static readonly FollowUpSave NotFound = new(FollowUpOutcome.NotFound);
    public static readonly FollowUpSave Forbidden = new(FollowUpOutcome.Forbidden);
    public static FollowUpSave Invalid(Result error) => new(FollowUpOutcome.Invalid, Error: error);
}

/// <summary>
/// Issue 15, the yearly follow-up round: the coordinator opens it for a year, every committee and company (and chosen
/// units) writes its section beside the register's facts, the approver marks it ready, the coordinator follows the
/// progress, reminds, writes the summary and closes the round. Who may do what is the domain's; here the rows are
/// loaded, saved with their versions, and the conflicts explained.
/// </summary>
public sealed class FollowUpService(OmvarldDbContext db, CurrentUser me, PolicyService policies, FollowUpReminderService reminders, TimeProvider clock,
    IStringLocalizer<SharedResource> l, Omvarld.Web.Features.Activities.Results.ResultsRule resultsRule)
{
    private static readonly StringComparer Sv = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), false);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    // ---- reading ----

    public async Task<List<RoundListItemDto>> ListAsync(CancellationToken ct = default)
    {
        var rounds = await db.FollowUpRounds.AsNoTracking().OrderByDescending(r => r.Year).ToListAsync(ct);
        var sections = await db.FollowUpSections.AsNoTracking().Select(s => new { s.RoundId, s.Status, s.Deadline }).ToListAsync(ct);
        var today = Today;
        return rounds.Select(r =>
        {
            var progress = sections.Where(s => s.RoundId == r.Id).Select(s => r.ProgressOf(s.Status, s.Deadline, today)).ToList();
            return new RoundListItemDto(r.Id, r.Year, r.Status, r.OpenedOn, r.Deadline, progress.Count,
                progress.Count(p => p == FollowUpProgress.Ready), progress.Count(p => p == FollowUpProgress.Late));
        }).ToList();
    }

    public async Task<RoundDto?> GetRoundAsync(Guid id, CancellationToken ct = default)
    {
        var round = await db.FollowUpRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return null;
        var sections = await db.FollowUpSections.AsNoTracking().Where(s => s.RoundId == id).ToListAsync(ct);
        var tree = await me.GetUnitTreeAsync(ct);
        var names = await NamesAsync(sections.Select(s => s.ReadyByUserId).Append(round.OpenedByUserId).Append(round.ClosedByUserId), ct);
        var today = Today;
        var rows = sections.Select(s => new SectionProgressDto(s.Id, s.UnitId, UnitName(tree, s.UnitId), tree.Contains(s.UnitId) ? tree[s.UnitId].Kind : UnitKind.Office,
                s.Status, s.ProgressOn(round, today), round.DeadlineFor(s.Deadline), s.Deadline is not null, s.UpdatedAt, s.ReadyAt, Name(names, s.ReadyByUserId), s.Version))
            .OrderBy(s => s.UnitName, Sv).ToList();
        var counts = new ProgressCountsDto(rows.Count(r => r.Progress == FollowUpProgress.NotStarted), rows.Count(r => r.Progress == FollowUpProgress.InProgress),
            rows.Count(r => r.Progress == FollowUpProgress.Ready), rows.Count(r => r.Progress == FollowUpProgress.Late));
        var scope = await me.GetScopeAsync(ct);
        return new RoundDto(round.Id, round.Year, round.Status, round.OpenedOn, Name(names, round.OpenedByUserId), round.Deadline, round.Questions, round.Summary,
            round.ClosedAt, Name(names, round.ClosedByUserId), counts, rows, scope.IsCoordinator && !round.IsClosed, round.Version);
    }

    public async Task<SectionDto?> GetSectionAsync(Guid id, CancellationToken ct = default)
    {
        var section = await db.FollowUpSections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (section is null) return null;
        var round = await db.FollowUpRounds.AsNoTracking().FirstAsync(r => r.Id == section.RoundId, ct);
        var tree = await me.GetUnitTreeAsync(ct);
        var scope = await me.GetScopeAsync(ct);
        var names = await NamesAsync([section.UpdatedByUserId, section.ReadyByUserId], ct);
        var open = !round.IsClosed;
        return new SectionDto(section.Id, round.Id, round.Year, section.UnitId, UnitName(tree, section.UnitId), section.Status, section.ProgressOn(round, Today),
            round.DeadlineFor(section.Deadline), section.Deadline is not null, round.Deadline, round.Status, Answers(round, section.Answers), section.UpdatedAt, Name(names, section.UpdatedByUserId), section.ReadyAt,
            Name(names, section.ReadyByUserId), open && !section.IsReady && scope.CanEditFor(section.UnitId),
            open && !section.IsReady && scope.CanApproveFor(section.UnitId), open && section.IsReady && (scope.CanApproveFor(section.UnitId) || scope.IsCoordinator),
            open && scope.IsCoordinator,
            await FactsAsync(section.UnitId, round.Year, tree, ct), section.Version);
    }

    /// <summary>The sections the caller owes: of the units they edit or approve for, not ready, in a round still open.</summary>
    public async Task<List<OwedSectionDto>> OwedAsync(CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        var units = scope.EditableUnits.Concat(scope.ApprovableUnits).ToHashSet();
        if (units.Count == 0) return [];
        var ids = units.ToList();
        var rows = await db.FollowUpSections.AsNoTracking()
            .Where(s => ids.Contains(s.UnitId) && s.Status != FollowUpSectionStatus.Ready)
            .Join(db.FollowUpRounds.AsNoTracking().Where(r => r.Status == FollowUpRoundStatus.Open), s => s.RoundId, r => r.Id, (s, r) => new { s.Id, s.UnitId, s.Status, s.Deadline, Round = r })
            .ToListAsync(ct);
        var tree = await me.GetUnitTreeAsync(ct);
        var today = Today;
        return rows.Select(r => new OwedSectionDto(r.Id, r.Round.Year, UnitName(tree, r.UnitId), r.Round.ProgressOf(r.Status, r.Deadline, today), r.Round.DeadlineFor(r.Deadline),
                scope.CanEditFor(r.UnitId), scope.CanApproveFor(r.UnitId)))
            .OrderBy(r => r.Deadline).ThenBy(r => r.UnitName, Sv).ToList();
    }

    /// <summary>
    /// For the compiled report: the round of <paramref name="year"/> of <paramref name="municipalityId"/> (null when there
    /// is none), the coordinator's summary and every unit's account with who marked it ready and when. The tenant filter
    /// stays on: another municipality than the caller's has no round here.
    /// </summary>
    public async Task<FollowUpReportDto?> ReportAsync(Guid municipalityId, int year, CancellationToken ct = default)
    {
        var round = await db.FollowUpRounds.AsNoTracking().FirstOrDefaultAsync(r => r.MunicipalityId == municipalityId && r.Year == year, ct);
        if (round is null) return null;
        var sections = await db.FollowUpSections.AsNoTracking().Where(s => s.RoundId == round.Id).ToListAsync(ct);
        var unitIds = sections.Select(s => s.UnitId).ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => new { u.Id, u.Name, u.Kind }).ToDictionaryAsync(u => u.Id, ct);
        var names = await NamesAsync(sections.Select(s => s.ReadyByUserId), ct);
        var today = Today;
        return new FollowUpReportDto(round.Id, round.Year, round.Status, round.Deadline, round.ClosedAt, round.Summary, round.Questions,
            sections.Select(s => new UnitAccountDto(s.UnitId, units.TryGetValue(s.UnitId, out var u) ? u.Name : "–", u?.Kind ?? UnitKind.Office, s.Status,
                Answers(round, s.Answers), Name(names, s.ReadyByUserId), s.ReadyAt, s.ProgressOn(round, today), round.DeadlineFor(s.Deadline)))
                .OrderBy(a => a.UnitName, Sv).ToList());
    }

    /// <summary>The questions a new round of <paramref name="year"/> starts with: the three, and the child perspective where the policy in force that year checks it.</summary>
    public async Task<List<string>> DefaultQuestionsAsync(int year, CancellationToken ct = default)
    {
        var questions = new List<string> { l["FollowUp_DefaultLedTo"], l["FollowUp_DefaultDidNotWork"], l["FollowUp_DefaultNextYear"] };
        var policy = await policies.ForYearAsync(year, ct);
        if (policy?.Definition.Version.Checks.Any(c => c.Kind == CheckKind.ChildPerspective) == true) questions.Add(l["FollowUp_DefaultChildPerspective"]);
        return questions;
    }

    /// <summary>The units a new round covers by default: every open committee and company.</summary>
    public async Task<List<(Guid Id, string Name, UnitKind Kind, bool Default)>> UnitChoicesAsync(CancellationToken ct = default)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.ClosedOn == null).Select(u => new { u.Id, u.Name, u.Kind }).ToListAsync(ct);
        return units.Select(u => (u.Id, u.Name, u.Kind, FollowUpRound.DefaultUnitKinds.Contains(u.Kind))).OrderBy(u => u.Name, Sv).ToList();
    }

    // ---- changing ----

    public async Task<FollowUpSave> OpenAsync(OpenRoundInput input, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.IsCoordinator) return FollowUpSave.Forbidden;
        if (input.Year is not { } year) return FollowUpSave.Invalid(Result.Fail("FollowUp_YearInvalid", "Year", Activity.FirstYear, Activity.LastYear));
        if (input.Deadline is not { } deadline) return FollowUpSave.Invalid(Result.Fail("FollowUp_DeadlineRequired", "Deadline"));
        var chosen = (input.UnitIds ?? []).Distinct().ToList();
        var units = await db.Units.Where(u => (u.ClosedOn == null && (u.Kind == UnitKind.Committee || u.Kind == UnitKind.Company)) || chosen.Contains(u.Id)).ToListAsync(ct);
        if (chosen.Any(c => units.All(u => u.Id != c))) return FollowUpSave.Invalid(Result.Fail("FollowUp_UnitInvalid", "Units"));
        var questions = input.Questions ?? await DefaultQuestionsAsync(year, ct);
        var (round, sections, result) = FollowUpRound.Open(db.CurrentMunicipalityId!.Value, new FollowUpRoundInput(year, deadline, questions), units, scope, me.Id!.Value, Today);
        if (!result.IsOk) return FollowUpSave.Invalid(result);
        if (await db.FollowUpRounds.AnyAsync(r => r.Year == year, ct)) return FollowUpSave.Invalid(Result.Fail("FollowUp_DuplicateYear", "Year", year));
        db.FollowUpRounds.Add(round!);
        db.FollowUpSections.AddRange(sections);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Two coordinators opening the same year at once: the unique index decides.
            db.ChangeTracker.Clear();
            return FollowUpSave.Invalid(Result.Fail("FollowUp_DuplicateYear", "Year", year));
        }
        return new(FollowUpOutcome.Saved, round!.Id);
    }

    public Task<FollowUpSave> UpdateRoundAsync(Guid id, RoundInput input, CancellationToken ct = default) =>
        ChangeRoundAsync(id, input.Version, (round, scope) =>
        {
            if (input.Deadline is { } deadline && deadline != round.Deadline && round.MoveDeadline(deadline, scope) is { IsOk: false } moved) return moved;
            return input.Summary is null ? Result.Ok : round.WriteSummary(input.Summary, scope);
        }, ct);

    public Task<FollowUpSave> CloseAsync(Guid id, int? version, CancellationToken ct = default) =>
        ChangeRoundAsync(id, version, (round, scope) => round.Close(scope, me.Id!.Value, clock.GetUtcNow()), ct);

    private async Task<FollowUpSave> ChangeRoundAsync(Guid id, int? version, Func<FollowUpRound, AccessScope, Result> change, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.IsCoordinator) return FollowUpSave.Forbidden;
        var round = await db.FollowUpRounds.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return FollowUpSave.NotFound;
        if (version is { } v && v != round.Version) return new(FollowUpOutcome.Conflict, id, Detail: l["FollowUp_RoundConflict"]);
        var result = change(round, scope);
        if (result.Error == "FollowUp_RoundClosed") return new(FollowUpOutcome.Conflict, id, Detail: l["FollowUp_RoundClosed"]);
        if (!result.IsOk) return FollowUpSave.Invalid(result);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return new(FollowUpOutcome.Conflict, id, Detail: l["FollowUp_RoundConflict"]); }
        return new(FollowUpOutcome.Saved, id);
    }

    /// <summary>
    /// Saves the unit's answers. A stale version is a conflict that names the questions whose stored answer differs from
    /// what was sent (and gives the stored answers), so that the second writer sees what the first one changed.
    /// </summary>
    public async Task<FollowUpSave> SaveAnswersAsync(Guid id, AnswersInput input, CancellationToken ct = default)
    {
        var answers = input.Answers ?? [];
        return await ChangeSectionAsync(id, input.Version, (section, round, scope) => section.Write(round, answers, scope, me.Id!.Value, clock.GetUtcNow()), answers, ct);
    }

    public Task<FollowUpSave> MarkReadyAsync(Guid id, int? version, CancellationToken ct = default) =>
        ChangeSectionAsync(id, version, (section, round, scope) => section.MarkReady(round, scope, me.Id!.Value, clock.GetUtcNow()), null, ct);

    /// <summary>The coordinator gives one unit its own deadline (null: the round's).</summary>
    public Task<FollowUpSave> SetDeadlineAsync(Guid id, DateOnly? deadline, int? version, CancellationToken ct = default) =>
        ChangeSectionAsync(id, version, (section, round, scope) => section.SetDeadline(round, deadline, scope), null, ct);

    public Task<FollowUpSave> ReopenAsync(Guid id, int? version, CancellationToken ct = default) =>
        ChangeSectionAsync(id, version, (section, round, scope) => section.Reopen(round, scope), null, ct);

    private async Task<FollowUpSave> ChangeSectionAsync(Guid id, int? version, Func<FollowUpSection, FollowUpRound, AccessScope, Result> change,
        IReadOnlyList<string?>? sent, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.IsCoordinator && scope.EditableUnits.Count == 0 && scope.ApprovableUnits.Count == 0) return FollowUpSave.Forbidden;
        var section = await db.FollowUpSections.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (section is null) return FollowUpSave.NotFound;
        if (!scope.IsCoordinator && !scope.CanEditFor(section.UnitId) && !scope.CanApproveFor(section.UnitId)) return FollowUpSave.Forbidden;
        var round = await db.FollowUpRounds.AsNoTracking().FirstAsync(r => r.Id == section.RoundId, ct);
        if (version is { } v && v != section.Version) return await ConflictAsync(section, round, sent, ct);
        var result = change(section, round, scope);
        switch (result.Error)
        {
            case null: break;
            case "FollowUp_SectionReady": return await LockedAsync(section, ct);
            case "FollowUp_RoundClosed": return new(FollowUpOutcome.Conflict, id, Detail: l["FollowUp_RoundClosed"]);
            case "FollowUp_NotEditor" or "FollowUp_NotApprover" or "FollowUp_NotCoordinator": return FollowUpSave.Forbidden;
            default: return FollowUpSave.Invalid(result);
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.FollowUpSections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
            return current is null ? FollowUpSave.NotFound : await ConflictAsync(current, round, sent, ct);
        }
        return new(FollowUpOutcome.Saved, id);
    }

    /// <summary>409 on a ready section: who marked it ready and when, and that it must be reopened first.</summary>
    private async Task<FollowUpSave> LockedAsync(FollowUpSection section, CancellationToken ct)
    {
        var names = await NamesAsync([section.ReadyByUserId], ct);
        var by = Name(names, section.ReadyByUserId) ?? "–";
        return new(FollowUpOutcome.Locked, section.Id, Detail: l["FollowUp_SectionReadyDetail", by, section.ReadyAt is { } at ? Format.DateTime(at) : "–"],
            ReadyBy: by, ReadyAt: section.ReadyAt, CurrentVersion: section.Version);
    }

    private async Task<FollowUpSave> ConflictAsync(FollowUpSection current, FollowUpRound round, IReadOnlyList<string?>? sent, CancellationToken ct)
    {
        var changed = new List<int>();
        if (sent is not null)
            for (var i = 0; i < current.Answers.Length; i++)
                if (current.Answers[i] != (i < sent.Count ? Text.CleanBlock(sent[i]) ?? "" : "")) changed.Add(i + 1);
        var names = await NamesAsync([current.UpdatedByUserId], ct);
        var by = Name(names, current.UpdatedByUserId) ?? "–";
        var at = current.UpdatedAt is { } u ? Format.DateTime(u) : "–";
        var detail = changed.Count > 0
            ? l["FollowUp_SectionConflictChanged", by, at, string.Join(", ", changed)]
            : l["FollowUp_SectionConflict", by, at];
        _ = round;
        return new(FollowUpOutcome.Conflict, current.Id, Detail: detail, Changed: changed, CurrentAnswers: current.Answers, CurrentVersion: current.Version);
    }

    /// <summary>
    /// The coordinator reminds one unit (<paramref name="sectionId"/>) or every unit whose section is not ready, by e-mail;
    /// <see cref="FollowUpSave.Detail"/> says how many mails went.
    /// </summary>
    public async Task<FollowUpSave> RemindAsync(Guid roundId, Guid? sectionId, CancellationToken ct = default)
    {
        if (!(await me.GetScopeAsync(ct)).IsCoordinator) return FollowUpSave.Forbidden;
        var round = await db.FollowUpRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return FollowUpSave.NotFound;
        if (sectionId is { } sid)
        {
            var section = await db.FollowUpSections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid && s.RoundId == roundId, ct);
            if (section is null) return FollowUpSave.NotFound;
            if (section.IsReady) return FollowUpSave.Invalid(Result.Fail("FollowUp_RemindReady", "SectionId"));
        }
        if (round.IsClosed) return new(FollowUpOutcome.Conflict, roundId, Detail: l["FollowUp_RoundClosed"]);
        if (!reminders.MailEnabled) return FollowUpSave.Invalid(Result.Fail("FollowUp_MailOff"));
        var run = await reminders.RemindAsync(round, sectionId, Today, ct);
        return new(FollowUpOutcome.Saved, roundId, Detail: l["FollowUp_RemindedFlash", run.MailsSent]);
    }

    // ---- facts from the register ----

    /// <summary>The register's facts of a unit and its sub-units in <paramref name="year"/>: a fixed handful of queries, whatever the number of activities.</summary>
    public async Task<SectionFactsDto> FactsAsync(Guid unitId, int year, UnitTree tree, CancellationToken ct = default)
    {
        var units = tree.SelfAndDescendants(unitId).ToList();
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        // The activities the unit ran in the year: started by its end, not ended before its beginning, and past the draft.
        var ofYear = db.Activities.AsNoTracking().Where(a => units.Contains(a.OwnerUnitId)
            && a.Status != ActivityStatus.Draft && a.Status != ActivityStatus.Rejected && a.Status != ActivityStatus.Withdrawn
            && (a.ActualStart ?? a.PlannedStart) <= last && ((a.ActualEnd ?? a.PlannedEnd) == null || (a.ActualEnd ?? a.PlannedEnd) >= first));
        var activities = await ofYear.Select(a => new FactActivityDto(a.Id, a.Title, a.Status, a.ActualStart ?? a.PlannedStart, a.ActualEnd ?? a.PlannedEnd))
            .ToListAsync(ct);
        activities = activities.OrderBy(a => a.Title, Sv).ToList();
        var ids = ofYear.Select(a => a.Id);
        var reportedIds = await db.ResultReports.AsNoTracking().Where(r => ids.Contains(r.ActivityId) && (r.Year == year || r.Year == null))
            .Select(r => r.ActivityId).Distinct().ToListAsync(ct);
        var reported = activities.Where(a => reportedIds.Contains(a.Id)).ToList();
        var titlesOf = activities.Select(a => a.Id).ToHashSet();
        // What is still owed for the year (the yearly report of the year, or a final report due in it), by R11's one rule.
        var missing = (await resultsRule.OwedAsync(units, Today, ct))
            .Where(o => titlesOf.Contains(o.ActivityId) && (o.Report.Year == year || o.Report.IsFinal))
            .Select(o => new FactResultDueDto(o.ActivityId, o.Title, o.Report.Year, o.Report.DueDate, o.Report.State)).ToList();
        var lines = await db.FundingLines.AsNoTracking().Where(f => ids.Contains(f.ActivityId)).ToListAsync(ct);
        var counted = lines.Where(f => f.CountsAsFunding).ToList();
        var exceptions = await db.PreconditionExceptions.AsNoTracking().Where(e => ids.Contains(e.ActivityId) && e.DecidedOn <= last && e.ValidUntil >= first)
            .Join(db.Partners.AsNoTracking(), e => e.PartnerId, p => p.Id, (e, p) => new { e.ActivityId, Partner = p.Name, e.DecidedOn, e.ValidUntil, e.CaseNumber })
            .ToListAsync(ct);
        var titles = activities.ToDictionary(a => a.Id, a => a.Title);
        var plan = await db.ActionPlans.AsNoTracking().Include(p => p.Items).FirstOrDefaultAsync(p => p.UnitId == unitId && p.Year == year, ct);
        return new SectionFactsDto(activities, reported, missing,
            counted.Where(f => !f.IsExternal).Sum(f => f.AmountSek), counted.Where(f => f.IsExternal).Sum(f => f.AmountSek),
            exceptions.Select(e => new FactExceptionDto(e.ActivityId, titles.GetValueOrDefault(e.ActivityId) ?? "–", e.Partner, e.DecidedOn, e.ValidUntil, e.CaseNumber))
                .OrderBy(e => e.DecidedOn).ToList(),
            plan is null ? null : new FactPlanDto(plan.Id, plan.Status, plan.OverallEvaluation,
                plan.Items.OrderBy(i => i.Position).Select(i => new FactPlanItemDto(i.Position, i.What, i.Outcome, i.LedTo)).ToList()));
    }

    // ---- helpers ----

    private static List<AnswerDto> Answers(FollowUpRound round, string[] answers) =>
        round.Questions.Select((q, i) => new AnswerDto(i + 1, q, i < answers.Length ? answers[i] : "")).ToList();

    private static string UnitName(UnitTree tree, Guid id) => tree.Contains(id) ? tree[id].Name : "–";

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        if (wanted.Count == 0) return [];
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    private static string? Name(Dictionary<Guid, string> names, Guid? id) => id is { } i ? names.GetValueOrDefault(i) : null;
}
