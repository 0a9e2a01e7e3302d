using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Common;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Activities;

/// <summary>
/// R10: finding activities. Every filter is a WHERE on indexed columns (the municipality first), the page is one
/// query, the partner countries of the page one more; nothing is loaded per row.
/// </summary>
public sealed class ActivityQueries(OmvarldDbContext db, CurrentUser me, Omvarld.Web.Features.Policies.PolicyService policies, ListTotals totals)
{
    public const int MaxPageSize = 200;
    /// <summary>An export holds at most this many rows; a larger list is narrowed with filters first.</summary>
    public const int MaxExportRows = 20_000;

    private static readonly FundingStatus[] Sought = [FundingStatus.Applied, FundingStatus.Granted, FundingStatus.Paid];

    public async Task<Page<ActivityListItem>> ListAsync(ActivityFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        var q = await FilterAsync(filter, ct);
        var rows = await Rows(Sort(q, filter.Sort).PageOf(page, pageSize)).ToListAsync(ct);
        // A page that is not full is the last one (or the first and only one): the total follows from it, and the
        // filter is not run a second time to count (issue 17). An empty page past the end still counts, once per state of
        // the municipality's data (ListTotals): paging through a list does not count it again for every page.
        var total = rows.Count < pageSize && (rows.Count > 0 || page == 1) ? (page - 1) * pageSize + rows.Count
            : await totals.CountAsync(db, "activities", filter with { Sort = ActivitySort.StartDesc }, q, ct);
        var items = await ItemsAsync(rows, ct);
        // Sorted by start, a page hands on the cursor after its last row: a script goes on with after= from there.
        var next = rows.Count == pageSize && page * (long)pageSize < total && IsStartSort(filter.Sort)
            ? new ActivityCursor(filter.Sort == ActivitySort.StartAsc, rows[^1].PlannedStart, rows[^1].Id).Encode()
            : null;
        return new Page<ActivityListItem>(items, page, pageSize, total) { Next = next };
    }

    public static bool IsStartSort(ActivitySort sort) => sort is ActivitySort.StartDesc or ActivitySort.StartAsc;

    /// <summary>
    /// Issue 17: the rows after <paramref name="after"/> (keyset paging): no OFFSET and no count, so the thousandth page
    /// costs what the first does. Only the sorts by start (a total order with the id); the cursor's direction must be the sort's.
    /// </summary>
    public async Task<Slice<ActivityListItem>> ListAfterAsync(ActivityFilter filter, ActivityCursor? after, int pageSize, CancellationToken ct = default)
    {
        var q = await FilterAsync(filter, ct);
        if (after is { } cursor) q = cursor.Filter(q);
        var rows = await Rows(Sort(q, filter.Sort).Take(pageSize + 1)).ToListAsync(ct);
        var more = rows.Count > pageSize;
        if (more) rows.RemoveAt(pageSize);
        var items = await ItemsAsync(rows, ct);
        var next = more ? new ActivityCursor(filter.Sort == ActivitySort.StartAsc, rows[^1].PlannedStart, rows[^1].Id).Encode() : null;
        return new Slice<ActivityListItem>(items, pageSize, next);
    }

    /// <summary>The whole filtered list, for export (XLSX, CSV); null when it is longer than <see cref="MaxExportRows"/>.</summary>
    public async Task<List<ActivityListItem>?> AllAsync(ActivityFilter filter, CancellationToken ct = default)
    {
        var q = await FilterAsync(filter, ct);
        if (await q.CountAsync(ct) > MaxExportRows) return null;
        var rows = await Rows(Sort(q, filter.Sort)).ToListAsync(ct);
        return await ItemsAsync(rows, ct);
    }

    /// <summary>A list row as read: the owner unit's name read with it, so that a page does not load the unit tree (issue 17).</summary>
    private sealed record Row(Guid Id, string Title, ActivityKind Kind, ActivityStatus Status, Guid OwnerUnitId, string? UnitName, DateOnly PlannedStart, DateOnly? PlannedEnd);

    private IQueryable<Row> Rows(IQueryable<Activity> q) => q.Select(a => new Row(a.Id, a.Title, a.Kind, a.Status, a.OwnerUnitId,
        db.Units.Where(u => u.Id == a.OwnerUnitId).Select(u => u.Name).FirstOrDefault(), a.PlannedStart, a.PlannedEnd));

    private async Task<List<ActivityListItem>> ItemsAsync(List<Row> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var countries = (await db.ActivityPartners.AsNoTracking().Where(p => ids.Contains(p.ActivityId))
                .Join(db.Partners, ap => ap.PartnerId, p => p.Id, (ap, p) => new { ap.ActivityId, p.CountryCode }).Distinct().ToListAsync(ct))
            .GroupBy(x => x.ActivityId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.CountryCode).Order().ToList());
        // R9: exceptions appear in every list and export.
        var exceptions = (await db.PreconditionExceptions.AsNoTracking().Where(e => ids.Contains(e.ActivityId))
                .Join(db.Partners, e => e.PartnerId, p => p.Id, (e, p) => new { e.ActivityId, e.Body, e.DecidedOn, e.MinuteParagraph, e.CaseNumber, e.ValidUntil, p.Name })
                .ToListAsync(ct))
            .GroupBy(e => e.ActivityId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.OrderBy(e => e.DecidedOn)
                .Select(e => $"{e.Body} {e.DecidedOn:yyyy-MM-dd} {Omvarld.Web.Features.Shared.Format.Paragraph(e.MinuteParagraph)} ({e.CaseNumber}): {e.Name}, t.o.m. {e.ValidUntil:yyyy-MM-dd}").ToList());
        return rows.Select(r => new ActivityListItem(r.Id, r.Title, r.Kind, r.Status, r.OwnerUnitId, r.UnitName ?? "–", r.PlannedStart, r.PlannedEnd,
            countries.GetValueOrDefault(r.Id) ?? []) { Exceptions = exceptions.GetValueOrDefault(r.Id) ?? [] }).ToList();
    }

    private static IQueryable<Activity> Sort(IQueryable<Activity> q, ActivitySort sort) => sort switch
    {
        ActivitySort.StartAsc => q.OrderBy(a => a.PlannedStart).ThenBy(a => a.Id),
        ActivitySort.Title => q.OrderBy(a => a.Title).ThenBy(a => a.Id),
        ActivitySort.Status => q.OrderBy(a => a.Status).ThenByDescending(a => a.PlannedStart).ThenBy(a => a.Id),
        ActivitySort.Unit => q.OrderBy(a => a.OwnerUnitId).ThenByDescending(a => a.PlannedStart).ThenBy(a => a.Id),
        _ => q.OrderByDescending(a => a.PlannedStart).ThenBy(a => a.Id),
    };

    private async Task<IQueryable<Activity>> FilterAsync(ActivityFilter f, CancellationToken ct)
    {
        var q = db.Activities.AsNoTracking();
        if (f.Unit is { } unit)
        {
            // The unit and its sub-units (R10, R14): a committee answers for its administrations' work too.
            var tree = await me.GetUnitTreeAsync(ct);
            var units = tree.Contains(unit) ? tree.SelfAndDescendants(unit).ToList() : [unit];
            q = q.Where(a => units.Contains(a.OwnerUnitId));
        }
        if (f.Kind is { } kind) q = q.Where(a => a.Kind == kind);
        if (f.Status is { } status) q = q.Where(a => a.Status == status);
        // Filters on children are uncorrelated "Id IN (SELECT ActivityId …)" sets: each is read once through its
        // (MunicipalityId, …, ActivityId) index, where a correlated EXISTS per activity made SQLite scan (benchmarks/).
        if (!string.IsNullOrWhiteSpace(f.Country))
        {
            var country = f.Country.Trim().ToUpperInvariant();
            var viaPartner = PartneredWhere(p => p.CountryCode == country);
            var viaTrip = db.Trips.Where(t => t.CountryCode == country).Select(t => t.ActivityId);
            q = q.Where(a => viaPartner.Contains(a.Id) || viaTrip.Contains(a.Id));
        }
        if (!string.IsNullOrWhiteSpace(f.Goal))
        {
            var withGoal = db.ActivityGoals.Where(g => g.GoalCode == f.Goal).Select(g => g.ActivityId);
            q = q.Where(a => withGoal.Contains(a.Id));
        }
        if (f.Sdg is { } sdg)
        {
            var withSdg = db.ActivitySdgs.Where(s => s.Goal == sdg).Select(s => s.ActivityId);
            q = q.Where(a => withSdg.Contains(a.Id));
        }
        if (f.Year is { } year)
        {
            // Active some day of the year: started by its end, not ended before its start.
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            q = q.Where(a => a.PlannedStart <= last && (a.PlannedEnd == null || a.PlannedEnd >= first));
        }
        if (f.Published is { } published)
        {
            // R20: on the open pages means published and approved or further (Activity.IsPublished).
            var publishable = Activity.PublishableStatuses.ToList();
            q = published ? q.Where(a => a.PublishedAt != null && publishable.Contains(a.Status)) : q.Where(a => a.PublishedAt == null || !publishable.Contains(a.Status));
        }
        if (!string.IsNullOrWhiteSpace(f.Funding))
        {
            // "own", "eu", "other", "none" (no external line), or an EU programme's code.
            var external = db.FundingLines.Where(l => l.Source != FundingSource.OwnBudget).Select(l => l.ActivityId);
            q = f.Funding switch
            {
                "own" => q.Where(a => db.FundingLines.Where(l => l.Source == FundingSource.OwnBudget).Select(l => l.ActivityId).Contains(a.Id)),
                "eu" => q.Where(a => db.FundingLines.Where(l => l.Source == FundingSource.EuProgramme).Select(l => l.ActivityId).Contains(a.Id)),
                "other" => q.Where(a => db.FundingLines.Where(l => l.Source == FundingSource.OtherFunder).Select(l => l.ActivityId).Contains(a.Id)),
                "none" => q.Where(a => !external.Contains(a.Id)),
                var code => q.Where(a => db.FundingLines.Where(l => l.ProgrammeCode == code).Select(l => l.ActivityId).Contains(a.Id)),
            };
        }
        var abroad = PartneredWhere(p => p.CountryCode != CountryCodes.Sweden);
        switch (f.Classification)
        {
            // R6, as ActivityClassification derives it: a partner abroad or aimed at enabling such work.
            case ActivityClass.International:
                q = q.Where(a => a.AimedAtEnablingInternationalWork || abroad.Contains(a.Id));
                break;
            // EU co-finances it: an EU programme line applied for, granted or paid.
            case ActivityClass.EuProject:
                var euFunded = db.FundingLines.Where(l => l.Source == FundingSource.EuProgramme && Sought.Contains(l.Status)).Select(l => l.ActivityId);
                q = q.Where(a => euFunded.Contains(a.Id));
                break;
            // A partner abroad and funded mainly by funds and programmes. The share is money arithmetic over the lines,
            // done in memory over the candidates (a partner abroad and an external line), then narrowed to their ids.
            case ActivityClass.EuropeanProject:
                var externallyFunded = db.FundingLines.Where(l => l.Source != FundingSource.OwnBudget).Select(l => l.ActivityId);
                var candidates = await q.Where(a => abroad.Contains(a.Id) && externallyFunded.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
                var lines = await db.FundingLines.AsNoTracking().Where(l => candidates.Contains(l.ActivityId)).ToListAsync(ct);
                var european = lines.GroupBy(l => l.ActivityId).Where(g => FundingSummary.Of(g) is { TotalSek: > 0 } s && s.ExternalSek * 2 > s.TotalSek)
                    .Select(g => g.Key).ToList();
                q = q.Where(a => european.Contains(a.Id));
                break;
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim().ToLower();
            q = q.Where(a => a.Title.ToLower().Contains(text) || (a.Description != null && a.Description.ToLower().Contains(text))
                || (a.CaseNumber != null && a.CaseNumber.ToLower().Contains(text)));
        }
        return q;
    }

    /// <summary>The ids of activities with a partner matching <paramref name="partner"/>, as a subquery.</summary>
    private IQueryable<Guid> PartneredWhere(System.Linq.Expressions.Expression<Func<Domain.Partners.PartnerOrganisation, bool>> partner)
    {
        var partners = db.Partners.Where(partner).Select(p => p.Id);
        return db.ActivityPartners.Where(ap => partners.Contains(ap.PartnerId)).Select(ap => ap.ActivityId);
    }

    /// <summary>
    /// R10 for a unit's page: the exchanges, projects and networks the unit and its sub-units take or took part in (not
    /// drafts, not withdrawn), newest first, with purpose, goal codes and the latest result text. Three queries in all:
    /// the activities, their goals, their results.
    /// </summary>
    public async Task<List<UnitActivityDto>> UnitWorkAsync(Guid unitId, int max = 100, CancellationToken ct = default)
    {
        var tree = await me.GetUnitTreeAsync(ct);
        var units = tree.Contains(unitId) ? tree.SelfAndDescendants(unitId).ToList() : [unitId];
        var rows = await db.Activities.AsNoTracking()
            .Where(a => units.Contains(a.OwnerUnitId) && a.Status != ActivityStatus.Draft && a.Status != ActivityStatus.Withdrawn)
            .OrderByDescending(a => a.PlannedStart).ThenBy(a => a.Id).Take(max)
            .Select(a => new { a.Id, a.Title, a.Kind, a.Status, a.OwnerUnitId, a.PlannedStart, a.PlannedEnd, a.Purpose }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var goals = (await db.ActivityGoals.AsNoTracking().Where(g => ids.Contains(g.ActivityId)).Select(g => new { g.ActivityId, g.GoalCode }).ToListAsync(ct))
            .GroupBy(g => g.ActivityId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.GoalCode).Order().ToList());
        // The latest report per activity, the final one before any yearly one; a few per activity (one a year and a final one).
        var results = (await db.ResultReports.AsNoTracking().Where(r => ids.Contains(r.ActivityId)).Select(r => new { r.ActivityId, r.Text, r.Year }).ToListAsync(ct))
            .GroupBy(r => r.ActivityId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Year ?? int.MaxValue).First().Text);
        return rows.Select(r => new UnitActivityDto(r.Id, r.Title, r.Kind, r.Status, r.OwnerUnitId, tree.Contains(r.OwnerUnitId) ? tree[r.OwnerUnitId].Name : "–",
            r.PlannedStart, r.PlannedEnd, r.Purpose, goals.GetValueOrDefault(r.Id) ?? [], results.GetValueOrDefault(r.Id))).ToList();
    }

    /// <summary>
    /// R21: the coordinator's funding pipeline for activities active in <paramref name="year"/> (all when null): amounts
    /// by status in SEK, by programme, and the projects that have sought no external funding at all.
    /// </summary>
    public async Task<FundingPipelineDto> PipelineAsync(int? year, CancellationToken ct = default)
    {
        var activities = await FilterAsync(new ActivityFilter(Year: year), ct);
        var ids = activities.Select(a => a.Id);
        // Money is summed in memory: SQLite keeps decimals as text. One query for the lines, one for the projects.
        var lines = await db.FundingLines.AsNoTracking().Where(l => ids.Contains(l.ActivityId)).ToListAsync(ct);
        decimal Sum(IEnumerable<FundingLine> ls, FundingStatus s) => ls.Where(l => l.Status == s).Sum(l => l.AmountSek);
        var external = lines.Where(l => l.Source != FundingSource.OwnBudget).ToList();
        var byProgramme = external.GroupBy(l => l.Source == FundingSource.EuProgramme ? l.ProgrammeCode ?? "EU" : l.FunderName ?? "–")
            .Select(g => new PipelineProgrammeDto(g.Key, Sum(g, FundingStatus.Applied), Sum(g, FundingStatus.Granted), Sum(g, FundingStatus.Rejected), Sum(g, FundingStatus.Paid)))
            .OrderByDescending(p => p.GrantedSek + p.AppliedSek + p.PaidSek).ToList();
        // R21's one definition of a project (ExternalFundingSoughtRule.IsProject): transnational, or serving the goal of
        // the version's project-cooperation check. The goal depends on the version at each start, so it is judged in memory.
        var candidates = await activities.Where(a => a.Status != ActivityStatus.Withdrawn && a.Status != ActivityStatus.Rejected
                && !db.FundingLines.Where(l => l.Source != FundingSource.OwnBudget).Select(l => l.ActivityId).Contains(a.Id))
            .OrderByDescending(a => a.PlannedStart)
            .Select(a => new
            {
                Row = new Row(a.Id, a.Title, a.Kind, a.Status, a.OwnerUnitId, db.Units.Where(u => u.Id == a.OwnerUnitId).Select(u => u.Name).FirstOrDefault(), a.PlannedStart, a.PlannedEnd),
                Goals = a.Goals.Select(g => g.GoalCode).ToList(),
            })
            .ToListAsync(ct);
        var policyOn = await policies.ActivityPoliciesAsync(ct);
        var rows = candidates.Where(a => Omvarld.Domain.Activities.Checks.ExternalFundingSoughtRule.IsProject(a.Row.Kind, a.Goals, policyOn(a.Row.PlannedStart)?.Definition))
            .Select(a => a.Row).Take(MaxPageSize).ToList();
        return new FundingPipelineDto(Sum(external, FundingStatus.Planned), Sum(external, FundingStatus.Applied), Sum(external, FundingStatus.Granted),
            Sum(external, FundingStatus.Rejected), Sum(external, FundingStatus.Paid),
            lines.Where(l => l.Source == FundingSource.OwnBudget && l.Status != FundingStatus.Rejected).Sum(l => l.AmountSek), byProgramme,
            await ItemsAsync(rows, ct));
    }
}
