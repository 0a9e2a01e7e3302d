using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Activities.Checks;
using Omvarld.Domain.Countries;
using Omvarld.Domain.Plans;
using Omvarld.Domain.Policies;
using Omvarld.Domain.Policies.Checks;
using Omvarld.Web.Data;
using Omvarld.Web.Features.ActionPlans;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Features.Precondition;
using Omvarld.Web.Features.Shared;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.DecisionQueue;

/// <summary>What a line of KS's decision queue is about; the groups are shown in this order.</summary>
public enum DecisionKind
{
    /// <summary>A submitted activity blocked by the partner precondition: KS must decide on an exception (R8, R9).</summary>
    ExceptionNeeded = 1,
    /// <summary>An exception in force that ends within <see cref="DecisionQueueService.ExceptionWarningDays"/> days while the activity runs on.</summary>
    ExceptionEnding = 2,
    /// <summary>An exception that has ended while the (approved or ongoing) activity runs: the partner blocks again.</summary>
    ExceptionExpired = 3,
    /// <summary>A governing document whose latest version has run out or soon will (R3).</summary>
    PolicyRevision = 4,
    /// <summary>KS's yearly priorities (R17) not set for the year.</summary>
    PrioritiesMissing = 5,
    /// <summary>Committees' and companies' action plans due or missing where the policy demands them (R12).</summary>
    ActionPlanMissing = 6,
    /// <summary>Adopted action plans whose evaluation is due or missing where the policy demands it (R12).</summary>
    EvaluationMissing = 7,
}

/// <summary>The one step that settles a line: a link to the page or form, with what is known filled in.</summary>
public sealed record DecisionAction(string Label, string Url);

/// <summary>
/// One line of the queue. <see cref="Count"/> is 1 for a line about one activity or document, the number of units for a
/// grouped line (<see cref="Units"/>). Fields that do not apply to the kind are null.
/// </summary>
public sealed record DecisionLine(
    DecisionKind Kind,
    string Text,
    DecisionAction Action,
    int Count = 1,
    Guid? ActivityId = null,
    string? ActivityTitle = null,
    string? UnitName = null,
    Guid? PartnerId = null,
    string? PartnerName = null,
    string? CountryAlpha2 = null,
    string? CountryName = null,
    AssessmentOutcome? Assessment = null,
    string? AskedBy = null,
    DateOnly? Since = null,
    DateOnly? DueOn = null,
    bool IsLate = false,
    Guid? ExceptionId = null,
    Guid? PolicyVersionId = null,
    int? Year = null,
    IReadOnlyList<string>? Units = null,
    string? Clause = null,
    string? ClauseSource = null);

public sealed record DecisionGroup(DecisionKind Kind, string Title, int Count, IReadOnlyList<DecisionLine> Lines);

/// <summary>KS's decision queue: what waits for a decision of KS (or its secretariat), grouped by kind, with counts.</summary>
public sealed record DecisionQueueDto(DateOnly Today, int Total, IReadOnlyList<DecisionGroup> Groups)
{
    public int CountOf(DecisionKind kind) => Groups.FirstOrDefault(g => g.Kind == kind)?.Count ?? 0;
}

/// <summary>An editor's submitted activity that waits for KS, and why (the start page and the activity page say so).</summary>
public sealed record WaitingForKsDto(Guid ActivityId, string Title, DateOnly? Since, IReadOnlyList<DecisionLine> Reasons);

/// <summary>
/// Issue 15: KS's decision queue (<c>/ks/beslut</c>, <c>GET /api/v1/decision-queue</c>, the start page of the KS secretariat
/// and the coordinator). Each kind of line comes from the rule that owns it, so the queue says what the rest of the app
/// says: the partner precondition's verdicts (<see cref="PartnerPreconditionRule.Verdicts"/>, as the activity's findings),
/// the revision watch (R3), the priorities (R17) and the action plans' flags (R12, where the policy demands plans).
/// Set based: the activities with their partners in one query, partners, judgements and exceptions in one each, the
/// countries assessed once per policy version, the submitters' names in one; no query per line.
/// </summary>
public sealed class DecisionQueueService(OmvarldDbContext db, CurrentUser me, PolicyService policies, PreconditionService precondition,
    ActionPlanService actionPlans, IConfiguration configuration, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>How many days ahead an exception's end is a line (as the start page's exception watch).</summary>
    public const int ExceptionWarningDays = 60;

    /// <summary>From this day of the year, next year's priorities not yet set are a line (the autumn's budget work).</summary>
    public static readonly (int Month, int Day) NextYearPrioritiesFrom = (9, 1);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The whole queue; null for anyone but the coordinator and KS's secretariat.</summary>
    public async Task<DecisionQueueDto?> QueueAsync(CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.IsCoordinator && !scope.IsKsSecretariat) return null;
        var today = Today;
        var lines = new List<DecisionLine>();
        lines.AddRange(await PreconditionLinesAsync(null, today, ct));
        lines.AddRange(await RevisionLinesAsync(ct));
        lines.AddRange(await PriorityLinesAsync(today, ct));
        lines.AddRange(await PlanLinesAsync(today, ct));
        var groups = lines.GroupBy(x => x.Kind).OrderBy(g => g.Key)
            .Select(g => new DecisionGroup(g.Key, l["DecisionQueue_Group_" + g.Key], g.Sum(x => x.Count), g.ToList())).ToList();
        return new DecisionQueueDto(today, groups.Sum(g => g.Count), groups);
    }

    /// <summary>
    /// The submitted activities of the units the caller edits (or that the caller submitted) that wait for KS's exception,
    /// with the reasons; empty for anyone else.
    /// </summary>
    public async Task<List<WaitingForKsDto>> WaitingForMeAsync(CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (scope.EditableUnits.Count == 0 || me.Id is not { } userId) return [];
        var units = scope.EditableUnits.ToList();
        var lines = await PreconditionLinesAsync(a => a.Status == ActivityStatus.Submitted && (units.Contains(a.OwnerUnitId) || a.SubmittedByUserId == userId), Today, ct);
        return lines.Where(x => x.Kind == DecisionKind.ExceptionNeeded).GroupBy(x => x.ActivityId!.Value)
            .Select(g => new WaitingForKsDto(g.Key, g.First().ActivityTitle!, g.First().Since, g.ToList())).ToList();
    }

    /// <summary>
    /// Issue 16.4: of these activities (a page of a list), the submitted ones that wait for KS's exception, each with why
    /// (one reason per partner), for the list's state column.
    /// </summary>
    public async Task<Dictionary<Guid, List<string>>> WaitingForKsAsync(IReadOnlyCollection<Guid> activityIds, CancellationToken ct = default)
    {
        if (activityIds.Count == 0) return [];
        var ids = activityIds.ToList();
        var lines = await PreconditionLinesAsync(a => a.Status == ActivityStatus.Submitted && ids.Contains(a.Id), Today, ct);
        return lines.Where(x => x.Kind == DecisionKind.ExceptionNeeded).GroupBy(x => x.ActivityId!.Value)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Text).ToList());
    }

    // ---- the partner precondition (R8, R9) ----

    private async Task<List<DecisionLine>> PreconditionLinesAsync(System.Linq.Expressions.Expression<Func<Activity, bool>>? filter, DateOnly today, CancellationToken ct)
    {
        // Submitted ones may wait for an exception; approved and ongoing ones may have one ending or ended.
        var q = db.Activities.AsNoTracking().Include(a => a.Partners)
            .Where(a => (a.Status == ActivityStatus.Submitted || a.Status == ActivityStatus.Approved || a.Status == ActivityStatus.Ongoing) && a.Partners.Any());
        if (filter is not null) q = q.Where(filter);
        var activities = await q.AsSplitQuery().ToListAsync(ct);
        if (activities.Count == 0) return [];
        var policyOn = await policies.ActivityPoliciesAsync(ct);
        var governed = activities.Select(a => (Activity: a, Policy: policyOn(a.PlannedStart))).Where(x => x.Policy is not null)
            .Select(x => (x.Activity, Policy: x.Policy!)).ToList();
        var standings = await precondition.StandingsAsync(governed, ct);
        var tree = await me.GetUnitTreeAsync(ct);
        var submitters = activities.Where(a => a.SubmittedByUserId is not null).Select(a => a.SubmittedByUserId!.Value).Distinct().ToList();
        var names = submitters.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => submitters.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var horizon = today.AddDays(ExceptionWarningDays);

        var lines = new List<DecisionLine>();
        foreach (var (activity, policy) in governed)
        {
            if (!standings.TryGetValue(activity.Id, out var partnerStandings)) continue;
            var check = policy.Definition.Version.Checks.FirstOrDefault(c => c.Kind == CheckKind.PartnerPrecondition);
            if (check is null) continue;
            var ctx = new ActivityCheckContext(activity, policy.Definition, today) { PartnerStandings = partnerStandings };
            var unit = tree.Contains(activity.OwnerUnitId) ? tree[activity.OwnerUnitId].Name : "–";
            var source = l["DecisionQueue_ClauseSource", policy.Label].Value;
            var record = $"/undantag/ny?aktivitet={activity.Id:D}";
            foreach (var v in PartnerPreconditionRule.Verdicts(ctx))
            {
                var s = v.Standing;
                var action = new DecisionAction(l["DecisionQueue_RecordException"], $"{record}&partner={v.PartnerId:D}");
                DecisionLine Line(DecisionKind kind, string text, DateOnly? dueOn = null, Guid? exceptionId = null) => new(kind, text, action,
                    ActivityId: activity.Id, ActivityTitle: activity.Title, UnitName: unit, PartnerId: v.PartnerId, PartnerName: s.PartnerName,
                    CountryAlpha2: s.CountryAlpha2, CountryName: s.CountryName, Assessment: s.Outcome,
                    AskedBy: activity.SubmittedByUserId is { } by ? names.GetValueOrDefault(by) : null,
                    Since: activity.SubmittedAt is { } at ? DateOnly.FromDateTime(at.ToLocalTime().DateTime) : null,
                    DueOn: dueOn, IsLate: dueOn < today, ExceptionId: exceptionId, Clause: check.Clause, ClauseSource: source);

                if (activity.Status == ActivityStatus.Submitted && v.Blocks)
                    lines.Add(Line(DecisionKind.ExceptionNeeded, v.Expired is { } old
                        ? l["DecisionQueue_ExceptionNeededAgain", s.PartnerName, s.CountryName, l["AssessmentOutcome_" + s.Outcome], Format.Date(old.ValidUntil)]
                        : l["DecisionQueue_ExceptionNeeded", s.PartnerName, s.CountryName, l["AssessmentOutcome_" + s.Outcome]], v.Expired?.ValidUntil, v.Expired?.Id));
                else if (activity.Status != ActivityStatus.Submitted && v.Blocks && v.Expired is { } expired)
                    lines.Add(Line(DecisionKind.ExceptionExpired,
                        l["DecisionQueue_ExceptionExpired", s.PartnerName, s.CountryName, Format.Date(expired.ValidUntil)], expired.ValidUntil, expired.Id));
                else if (v is { Valid: { } valid, EndsEarly: true } && valid.ValidUntil <= horizon)
                    lines.Add(Line(DecisionKind.ExceptionEnding,
                        l["DecisionQueue_ExceptionEnding", s.PartnerName, s.CountryName, Format.Date(valid.ValidUntil)], valid.ValidUntil, valid.Id));
            }
        }
        return lines.OrderBy(x => x.Kind).ThenBy(x => x.Kind == DecisionKind.ExceptionNeeded ? x.Since : x.DueOn)
            .ThenBy(x => x.ActivityTitle, StringComparer.CurrentCulture).ToList();
    }

    // ---- governing documents (R3) ----

    private async Task<List<DecisionLine>> RevisionLinesAsync(CancellationToken ct)
    {
        var warningMonths = Math.Clamp(configuration.GetValue("Policies:RevisionWarningMonths", 6), 0, 60);
        return (await policies.RevisionWatchAsync(warningMonths, ct)).Select(r => new DecisionLine(DecisionKind.PolicyRevision,
                r.State == RevisionState.Overdue
                    ? l["DecisionQueue_RevisionOverdue", r.DocumentTitle, r.Label, Format.Date(r.LastDay)]
                    : l["DecisionQueue_RevisionDue", r.DocumentTitle, r.Label, Format.Date(r.LastDay)],
                new DecisionAction(l["DecisionQueue_OpenRevision"], $"/styrdokument/versioner/{r.VersionId:D}?beslut=revidering#decision-form"),
                DueOn: r.LastDay, IsLate: r.State == RevisionState.Overdue, PolicyVersionId: r.VersionId))
            .ToList();
    }

    // ---- KS's priorities (R17) ----

    private async Task<List<DecisionLine>> PriorityLinesAsync(DateOnly today, CancellationToken ct)
    {
        var years = new List<int> { today.Year };
        if ((today.Month, today.Day).CompareTo(NextYearPrioritiesFrom) >= 0) years.Add(today.Year + 1);
        var set = await db.Priorities.AsNoTracking().Where(p => years.Contains(p.Year)).Select(p => p.Year).Distinct().ToListAsync(ct);
        return years.Except(set).Select(y => new DecisionLine(DecisionKind.PrioritiesMissing, l["DecisionQueue_PrioritiesMissing", y],
            new DecisionAction(l["DecisionQueue_SetPriorities", y], $"/prioriteringar?ar={y}#new-heading"), Year: y, IsLate: y == today.Year)).ToList();
    }

    // ---- action plans and evaluations (R12) ----

    private async Task<List<DecisionLine>> PlanLinesAsync(DateOnly today, CancellationToken ct)
    {
        // This year's status covers last year's evaluations and this year's plans: one line per kind and year, the units counted.
        var rows = await actionPlans.StatusAsync(today.Year, null, ct);
        return rows.SelectMany(r => r.Flags.Select(f => (Row: r, Flag: f)))
            .GroupBy(x => (Kind: x.Flag.Kind is ActionPlanFlagKind.EvaluationDue or ActionPlanFlagKind.EvaluationLate
                ? DecisionKind.EvaluationMissing : DecisionKind.ActionPlanMissing, x.Flag.Year, x.Flag.Kind))
            .OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Year).ThenBy(g => g.Key.Item3)
            .Select(g =>
            {
                var first = g.First();
                var units = g.Select(x => x.Row.UnitName).Distinct().ToList();
                var requirement = first.Row.Requirement!;
                return new DecisionLine(g.Key.Kind, l["DecisionQueue_Plan_" + g.Key.Item3, units.Count, g.Key.Year, Format.Date(first.Flag.DueOn)],
                    new DecisionAction(l["DecisionQueue_OpenPlans", g.Key.Year], $"/handlingsplaner?ar={g.Key.Year}"), units.Count,
                    DueOn: first.Flag.DueOn, IsLate: first.Flag.IsLate, Year: g.Key.Year, Units: units, Clause: requirement.Clause,
                    ClauseSource: l["DecisionQueue_ClauseSource", requirement.PolicyLabel].Value);
            }).ToList();
    }
}
