using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Common;
using Omvarld.Web.Data;

namespace Omvarld.Web.Features.Networks;

public enum NetworkOutcome { Saved, NotFound, Forbidden, Conflict, Invalid }

public sealed record NetworkSave(NetworkOutcome Outcome, Guid? Id = null, Result Error = default)
{
    public static readonly NetworkSave Forbidden = new(NetworkOutcome.Forbidden);
    public static readonly NetworkSave NotFound = new(NetworkOutcome.NotFound);
    public static readonly NetworkSave Conflict = new(NetworkOutcome.Conflict);
    public static NetworkSave Invalid(Result error) => new(NetworkOutcome.Invalid, Error: error);
    public static NetworkSave Saved(Guid id) => new(NetworkOutcome.Saved, id);
}

/// <summary>The latest result report of an activity: what the membership or twin town led to.</summary>
public sealed record LatestResultDto(int? Year, string Text, DateTimeOffset ReportedAt);

/// <summary>An activity done through a membership or with a twin town, with its status and latest result.</summary>
public sealed record LinkedActivityDto(Guid Id, string Title, ActivityStatus Status, DateOnly Start, DateOnly? End, LatestResultDto? LatestResult);

/// <summary>A user of the municipality as a form's choice and a DTO's name.</summary>
public sealed record UserChoice(Guid Id, string Name);

public sealed record LinkInput(Guid? ActivityId);

/// <summary>Reads shared by the membership and twin-town services: set-based, one query per kind of row.</summary>
public static class NetworkReads
{
    public const int MaxPageSize = 200;
    /// <summary>An export holds at most this many rows (ASVS 11.1.4: no unbounded mass export).</summary>
    public const int MaxExportRows = 10_000;

    /// <summary>The activities of the given ids with their latest result report each: two queries, whatever the count.</summary>
    public static async Task<Dictionary<Guid, LinkedActivityDto>> ActivitiesAsync(OmvarldDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var activities = await db.Activities.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Status, a.PlannedStart, a.PlannedEnd }).ToListAsync(ct);
        var reports = await db.ResultReports.AsNoTracking().Where(r => ids.Contains(r.ActivityId))
            .Select(r => new { r.ActivityId, r.Year, r.Text, r.ReportedAt }).ToListAsync(ct);
        // SQLite cannot order by DateTimeOffset: the latest is picked here.
        var latest = reports.GroupBy(r => r.ActivityId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.ReportedAt).First());
        return activities.ToDictionary(a => a.Id, a => new LinkedActivityDto(a.Id, a.Title, a.Status, a.PlannedStart, a.PlannedEnd,
            latest.TryGetValue(a.Id, out var r) ? new LatestResultDto(r.Year, r.Text, r.ReportedAt) : null));
    }

    /// <summary>The active users of the current municipality, by name.</summary>
    public static async Task<List<UserChoice>> UsersAsync(OmvarldDbContext db, CancellationToken ct) =>
        (await db.Users.AsNoTracking().Where(u => u.MunicipalityId == db.CurrentMunicipalityId && u.IsActive)
            .Select(u => new UserChoice(u.Id, u.DisplayName)).ToListAsync(ct)).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();

    /// <summary>The ids of every user of the current municipality: a representative or contact must be one of them.</summary>
    public static async Task<IReadOnlySet<Guid>> UserIdsAsync(OmvarldDbContext db, CancellationToken ct) =>
        (await db.Users.AsNoTracking().Where(u => u.MunicipalityId == db.CurrentMunicipalityId).Select(u => u.Id).ToListAsync(ct)).ToHashSet();

    /// <summary>The municipality's activities a membership or twin town may be linked to: all but withdrawn ones.</summary>
    public static async Task<List<(Guid Id, string Title)>> LinkableActivitiesAsync(OmvarldDbContext db, CancellationToken ct) =>
        (await db.Activities.AsNoTracking().Where(a => a.Status != ActivityStatus.Withdrawn)
            .Select(a => new { a.Id, a.Title, a.PlannedStart }).ToListAsync(ct))
            .OrderBy(a => a.Title, StringComparer.Ordinal).Select(a => (a.Id, $"{a.Title} ({a.PlannedStart.Year})")).ToList();
}

/// <summary>What the linked-activities partial shows, on the membership and the twin-town page.</summary>
public sealed record LinkedActivitiesView(IReadOnlyList<LinkedActivityDto> Activities, bool CanEdit, IReadOnlyList<(Guid Id, string Title)> Linkable);
