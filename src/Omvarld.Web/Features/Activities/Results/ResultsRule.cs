using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Activities;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Policies;

namespace Omvarld.Web.Features.Activities.Results;

/// <summary>An activity as R11's rule sees it: its facts and the demand of the policy version it answers to.</summary>
public sealed record ResultsSubject(Guid ActivityId, string Title, Guid OwnerUnitId, Guid ResponsibleUserId, ResultsFacts Facts, ResultsDemand Demand)
{
    public IReadOnlyList<OwedReport> OwedOn(DateOnly today) => ResultsDue.For(Facts, today, Demand);
}

/// <summary>
/// R11 answered once: what an activity owes and when is <see cref="ResultsDue"/> under the <see cref="ResultsDemand"/> of
/// the policy version in force at the activity's start (R7), the version the activity's findings are evaluated under.
/// The finding, the due list (page, API, start page), the reminders, the calendar feed, the compilation and the yearly
/// follow-up round all ask here (or the domain rule with the same demand), so they cannot disagree. Set based: the
/// candidate activities in one query, their reported years in one more, the policy versions in at most two.
/// </summary>
public sealed class ResultsRule(OmvarldDbContext db, PolicyService policies)
{
    /// <summary>The demand an activity starting on a date answers to, in the current municipality.</summary>
    public async Task<Func<DateOnly, ResultsDemand>> DemandsAsync(CancellationToken ct = default)
    {
        var policyOn = await policies.ActivityPoliciesAsync(ct);
        var byVersion = new Dictionary<Guid, ResultsDemand>();
        return plannedStart => policyOn(plannedStart) is { } policy
            ? byVersion.TryGetValue(policy.VersionId, out var known) ? known : byVersion[policy.VersionId] = ResultsDemand.Of(policy.Definition)
            : ResultsDemand.R11Default;
    }

    /// <summary>
    /// The activities among <paramref name="activities"/> that can owe reports (ongoing or completed, started), with their
    /// facts and demand. <paramref name="activities"/> is the caller's filter (units, responsible person); the tenant
    /// filter applies.
    /// </summary>
    public async Task<List<ResultsSubject>> SubjectsAsync(IQueryable<Activity> activities, CancellationToken ct = default)
    {
        var candidates = activities.Where(a => (a.Status == ActivityStatus.Ongoing || a.Status == ActivityStatus.Completed) && a.ActualStart != null);
        var rows = await candidates.AsNoTracking()
            .Select(a => new { a.Id, a.Title, a.OwnerUnitId, a.ResponsibleUserId, a.Status, a.PlannedStart, a.ActualStart, a.ActualEnd }).ToListAsync(ct);
        if (rows.Count == 0) return [];
        // An uncorrelated "ActivityId IN (SELECT Id …)": one read of the results' (MunicipalityId, ActivityId) index.
        var ids = candidates.Select(a => a.Id);
        var reported = (await db.ResultReports.AsNoTracking().Where(r => ids.Contains(r.ActivityId))
                .Select(r => new { r.ActivityId, r.Year }).ToListAsync(ct))
            .ToLookup(r => r.ActivityId);
        var demandOn = await DemandsAsync(ct);
        return rows.Select(a =>
        {
            var reports = reported[a.Id];
            var facts = new ResultsFacts(a.Status, a.ActualStart, a.ActualEnd,
                reports.Where(r => r.Year is not null).Select(r => r.Year!.Value).ToHashSet(), reports.Any(r => r.Year is null));
            return new ResultsSubject(a.Id, a.Title, a.OwnerUnitId, a.ResponsibleUserId, facts, demandOn(a.PlannedStart));
        }).ToList();
    }

    /// <summary>
    /// The reports owed in the current municipality, optionally only by activities of <paramref name="units"/>, the
    /// earliest due first.
    /// </summary>
    public async Task<List<OwedByActivity>> OwedAsync(IReadOnlyCollection<Guid>? units, DateOnly today, CancellationToken ct = default)
    {
        var candidates = db.Activities.AsQueryable();
        if (units is not null) candidates = candidates.Where(a => units.Contains(a.OwnerUnitId));
        return (await SubjectsAsync(candidates, ct))
            .SelectMany(s => s.OwedOn(today).Select(r => new OwedByActivity(s.ActivityId, s.Title, s.OwnerUnitId, s.ResponsibleUserId, r)))
            .OrderBy(o => o.Report.DueDate).ThenBy(o => o.Title, StringComparer.CurrentCulture).ThenBy(o => o.ActivityId).ToList();
    }
}
