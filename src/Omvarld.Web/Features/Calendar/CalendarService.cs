using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Omvarld.Domain.Access;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Common;
using Omvarld.Domain.Organisation;
using Omvarld.Domain.Plans;
using Omvarld.Web.Data;
using Omvarld.Web.Features.ActionPlans;
using Omvarld.Web.Features.Activities.Results;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Features.Shared;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Calendar;

/// <param name="Active">Whether the user has a feed in use; its address cannot be shown again (only its hash is kept).</param>
public sealed record CalendarFeedDto(bool Active, DateTime? CreatedAt);

/// <summary>A new feed: its address, shown once.</summary>
public sealed record CreatedCalendarFeedDto(string Url, DateTime CreatedAt);

/// <summary>
/// Personal calendar feeds (RFC 5545) of the deadlines that concern a user, behind a secret, revocable token:
/// <list type="bullet">
/// <item>results due (R11), yearly and final, of the activities the user is responsible for or may edit (the coordinator: all);</item>
/// <item>action plans to adopt and evaluate (R12) for the committees and companies the user edits or approves for (the coordinator: all);</item>
/// <item>partner precondition exceptions that run out (R9), for the coordinator and KS;</item>
/// <item>policy versions that run out, and the day their revision should start (R3), for the coordinator and KS.</item>
/// </list>
/// From <see cref="PastDays"/> days back to <see cref="HorizonMonths"/> months ahead. A handful of set-based queries per
/// feed, whatever the number of rows.
/// </summary>
public sealed class CalendarService(OmvarldDbContext db, ActionPlanService plans, PolicyService policies, IOptions<AppOptions> app,
    IConfiguration configuration, IStringLocalizer<SharedResource> l, TimeProvider clock, ResultsRule results)
{
    public const int PastDays = 30;
    public const int HorizonMonths = 18;
    public const string FeedPath = "/kalender/";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    // ---- feeds ----

    public async Task<CalendarFeedDto> StatusAsync(Guid userId, CancellationToken ct = default)
    {
        var feed = await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == userId && f.RevokedAt == null)
            .OrderByDescending(f => f.CreatedAt).FirstOrDefaultAsync(ct);
        return new CalendarFeedDto(feed is not null, feed?.CreatedAt);
    }

    /// <summary>A new feed for the user, revoking the one in use; the token is returned once, as part of the address.</summary>
    public async Task<(CreatedCalendarFeedDto? Value, Result Result)> CreateAsync(Guid userId, Guid? municipalityId, string requestBase, CancellationToken ct = default)
    {
        if (municipalityId is not { } m || db.CurrentMunicipalityId != m) return (null, Result.Fail("Calendar_NoMunicipality"));
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var old in await db.CalendarFeeds.Where(f => f.UserId == userId && f.RevokedAt == null).ToListAsync(ct)) old.RevokedAt = now;
        var token = CalendarFeed.NewToken();
        db.CalendarFeeds.Add(new CalendarFeed { MunicipalityId = m, Id = Guid.CreateVersion7(), UserId = userId, TokenHash = CalendarFeed.HashOf(token), CreatedAt = now });
        await db.SaveChangesAsync(ct);
        return (new CreatedCalendarFeedDto(BaseUrl(requestBase) + FeedPath + token + ".ics", now), Result.Ok);
    }

    /// <summary>Revokes the user's feed: its address answers 404 from now on. False when there was none.</summary>
    public async Task<bool> RevokeAsync(Guid userId, CancellationToken ct = default)
    {
        var feeds = await db.CalendarFeeds.Where(f => f.UserId == userId && f.RevokedAt == null).ToListAsync(ct);
        if (feeds.Count == 0) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var f in feeds) f.RevokedAt = now;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The feed of <paramref name="token"/> as calendar text, or null (unknown, revoked, or its user deactivated or moved):
    /// the caller answers 404 alike. Makes the feed's municipality the tenant of this request.
    /// </summary>
    public async Task<string?> FeedAsync(string token, string requestBase, CancellationToken ct = default)
    {
        if (token.Length is < 20 or > 100 || !token.StartsWith(CalendarFeed.Prefix, StringComparison.Ordinal)) return null;
        var hash = CalendarFeed.HashOf(token);
        var feed = await db.CalendarFeeds.IgnoreQueryFilters().AsNoTracking().Where(f => f.TokenHash == hash && f.RevokedAt == null)
            .Select(f => new { f.MunicipalityId, f.UserId }).FirstOrDefaultAsync(ct);
        if (feed is null) return null;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == feed.UserId)
            .Select(u => new { u.IsActive, u.MunicipalityId, u.LockoutEnd }).FirstOrDefaultAsync(ct);
        if (user is null || !user.IsActive || user.MunicipalityId != feed.MunicipalityId) return null;
        db.Tenant.Use(feed.MunicipalityId);
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == feed.MunicipalityId).Select(m => m.Name).FirstAsync(ct);
        var events = await EventsAsync(feed.UserId, BaseUrl(requestBase), ct);
        return ICalendar.Write(l["Calendar_Name", municipality], events, clock.GetUtcNow());
    }

    private string BaseUrl(string requestBase) => (app.Value.ParsedBaseUrl?.ToString() ?? requestBase).TrimEnd('/');

    // ---- deadlines ----

    /// <summary>The deadlines that concern <paramref name="userId"/> in the current municipality, earliest first.</summary>
    public async Task<List<CalendarEvent>> EventsAsync(Guid userId, string baseUrl, CancellationToken ct = default)
    {
        var today = Today;
        var (from, to) = (today.AddDays(-PastDays), today.AddMonths(HorizonMonths));
        var scope = await ScopeOfAsync(userId, ct);
        var events = new List<CalendarEvent>();
        await AddResultsAsync(events, userId, scope, from, to, baseUrl, ct);
        await AddPlansAsync(events, scope, today, from, to, baseUrl, ct);
        if (scope.IsCoordinator || scope.IsKsSecretariat)
        {
            await AddExceptionsAsync(events, from, to, baseUrl, ct);
            await AddPoliciesAsync(events, from, to, baseUrl, ct);
        }
        return events.OrderBy(e => e.Date).ThenBy(e => e.Uid, StringComparer.Ordinal).ToList();
    }

    /// <summary>What the feed's owner may do, as <see cref="CurrentUser"/> would load it for a signed-in request.</summary>
    private async Task<AccessScope> ScopeOfAsync(Guid userId, CancellationToken ct)
    {
        var assignments = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == userId).Select(r => new { r.Role, r.UnitId }).ToListAsync(ct);
        UnitTree? tree = null;
        if (assignments.Any(a => a.Role.IsUnitScoped()))
            tree = new UnitTree(await db.Units.AsNoTracking().Select(u => new UnitNode(u.Id, u.ParentId, u.Name, u.Kind, u.ClosedOn != null)).ToListAsync(ct));
        return new AccessScope(false, assignments.Select(a => (a.Role, a.UnitId)), tree);
    }

    private async Task AddResultsAsync(List<CalendarEvent> events, Guid userId, AccessScope scope, DateOnly from, DateOnly to, string baseUrl, CancellationToken ct)
    {
        var candidates = db.Activities.AsQueryable();
        if (!scope.IsCoordinator)
        {
            var units = scope.EditableUnits.ToList();
            candidates = candidates.Where(a => a.ResponsibleUserId == userId || units.Contains(a.OwnerUnitId));
        }
        foreach (var a in await results.SubjectsAsync(candidates, ct))
        {
            // Seen from the horizon's end, every report owed until then is listed: the calendar shows the coming ones too.
            foreach (var owed in a.OwedOn(to).Where(o => o.DueDate >= from && o.DueDate <= to))
            {
                var summary = owed.Year is { } year ? l["Calendar_ResultsYearly", year, a.Title] : l["Calendar_ResultsFinal", a.Title];
                var description = owed.Year is { } y ? l["Calendar_ResultsYearlyText", y, a.Title, Format.Date(owed.DueDate)] : l["Calendar_ResultsFinalText", a.Title, Format.Date(owed.DueDate)];
                events.Add(new($"results-{a.ActivityId:D}-{owed.Key}", owed.DueDate, summary, description, $"{baseUrl}/aktiviteter/{a.ActivityId:D}"));
            }
        }
    }

    private async Task AddPlansAsync(List<CalendarEvent> events, AccessScope scope, DateOnly today, DateOnly from, DateOnly to, string baseUrl, CancellationToken ct)
    {
        IReadOnlySet<Guid>? units = null;
        if (!scope.IsCoordinator)
        {
            var mine = scope.EditableUnits.Concat(scope.ApprovableUnits).ToHashSet();
            if (mine.Count == 0) return;
            units = mine;
        }
        var rules = await plans.RulesAsync(ct);
        var rows = new Dictionary<(Guid, int), PlanStatusDto>();
        // This year's call covers last year and this; next year's adds next year.
        foreach (var year in new[] { today.Year, today.Year + 1 })
            foreach (var row in await plans.StatusAsync(year, units, ct))
                rows[(row.UnitId, row.Year)] = row;
        foreach (var row in rows.Values.Where(r => r.Requirement is not null))
        {
            var link = row.PlanId is { } id ? $"{baseUrl}/handlingsplaner/{id:D}" : $"{baseUrl}/handlingsplaner";
            if (row.Status is null or ActionPlanStatus.Draft && rules.PlanDue(row.Year) is var due && due >= from && due <= to)
                events.Add(new($"plan-{row.UnitId:D}-{row.Year}", due, l["Calendar_PlanDue", row.Year, row.UnitName],
                    l["Calendar_PlanDueText", row.Year, row.UnitName, Format.Date(due)], link));
            if (row.Status is ActionPlanStatus.Adopted && rules.EvaluationDue(row.Year) is var evaluation && evaluation >= from && evaluation <= to)
                events.Add(new($"evaluation-{row.UnitId:D}-{row.Year}", evaluation, l["Calendar_EvaluationDue", row.Year, row.UnitName],
                    l["Calendar_EvaluationDueText", row.Year, row.UnitName, Format.Date(evaluation)], link));
        }
    }

    private async Task AddExceptionsAsync(List<CalendarEvent> events, DateOnly from, DateOnly to, string baseUrl, CancellationToken ct)
    {
        var rows = await db.PreconditionExceptions.AsNoTracking().Where(e => e.ValidUntil >= from && e.ValidUntil <= to)
            .Join(db.Activities.AsNoTracking(), e => e.ActivityId, a => a.Id, (e, a) => new { e.Id, e.ValidUntil, e.PartnerId, a.Title })
            .Join(db.Partners.AsNoTracking(), x => x.PartnerId, p => p.Id, (x, p) => new { x.Id, x.ValidUntil, x.Title, Partner = p.Name })
            .ToListAsync(ct);
        foreach (var e in rows)
            events.Add(new($"exception-{e.Id:D}", e.ValidUntil, l["Calendar_ExceptionExpires", e.Title, e.Partner],
                l["Calendar_ExceptionExpiresText", e.Title, e.Partner, Format.Date(e.ValidUntil)], $"{baseUrl}/undantag"));
    }

    private async Task AddPoliciesAsync(List<CalendarEvent> events, DateOnly from, DateOnly to, string baseUrl, CancellationToken ct)
    {
        var warningMonths = Math.Clamp(configuration.GetValue("Policies:RevisionWarningMonths", 6), 0, 60);
        foreach (var document in await policies.ListAsync(ct))
        {
            if (document.Versions.Where(v => v.AdoptedOn is not null).MaxBy(v => v.AdoptedOn) is not { LastDay: { } lastDay } latest) continue;
            var link = $"{baseUrl}/styrdokument/versioner/{latest.Id:D}";
            if (lastDay >= from && lastDay <= to)
                events.Add(new($"policy-end-{latest.Id:D}", lastDay, l["Calendar_PolicyExpires", document.Title, latest.Label],
                    l["Calendar_PolicyExpiresText", document.Title, latest.Label, Format.Date(lastDay)], link));
            var revision = lastDay.AddMonths(-warningMonths);
            if (warningMonths > 0 && revision >= from && revision <= to)
                events.Add(new($"policy-revision-{latest.Id:D}", revision, l["Calendar_PolicyRevision", document.Title, latest.Label],
                    l["Calendar_PolicyRevisionText", document.Title, latest.Label, Format.Date(lastDay), warningMonths], link));
        }
    }
}
