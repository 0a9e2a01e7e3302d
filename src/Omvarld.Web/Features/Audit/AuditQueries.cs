using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Auditing;
using Omvarld.Web.Data;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Audit;

public sealed record AuditChange(string Field, string? From, string? To);

public sealed record AuditDto(Guid Id, DateTime At, Guid? UserId, string? UserName, string EntityType, Guid EntityId, AuditAction Action, IReadOnlyList<AuditChange> Changes, string? Comment);

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount) : IPaged
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)PageSize));
    public bool HasPrevious => PageNumber > 1;
    public bool HasNext => PageNumber < PageCount;
    /// <summary>Where a list that can be walked by cursor goes on (issue 17: the activities, <c>after=</c>); null otherwise and at the end.</summary>
    public string? Next { get; init; }
}

/// <summary>
/// Reads of the audit trail: an entity's history, and the log. Always paged. The municipality's entries come through
/// the tenant filter (<see cref="OmvarldDbContext"/>); the installation-wide entries only through <see cref="LogAsync"/>
/// for a system administrator.
/// </summary>
public sealed class AuditQueries(OmvarldDbContext db, CurrentUser me)
{
    public const int MaxPageSize = 200;

    /// <summary>The current municipality's entries (none without a municipality).</summary>
    public Task<Page<AuditDto>> ListAsync(string? entityType, Guid? entityId, int page, int pageSize, CancellationToken ct = default) =>
        PageAsync(db.AuditEntries.AsNoTracking(), entityType, entityId, page, pageSize, ct);

    /// <summary>
    /// The log (<c>/logg</c>, <c>GET /api/v1/audit</c>): the coordinator and KS's secretariat read their municipality's;
    /// a system administrator who holds neither role there reads the installation-wide entries (country data releases,
    /// accounts that belong to no municipality), and nothing of any municipality's.
    /// </summary>
    public async Task<Page<AuditDto>> LogAsync(string? entityType, Guid? entityId, int page, int pageSize, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (scope.IsCoordinator || scope.IsKsSecretariat) return await ListAsync(entityType, entityId, page, pageSize, ct);
        var installation = scope.IsSystemAdministrator
            ? db.AuditEntries.IgnoreQueryFilters().AsNoTracking().Where(a => a.MunicipalityId == null)
            : db.AuditEntries.AsNoTracking().Where(_ => false);
        return await PageAsync(installation, entityType, entityId, page, pageSize, ct);
    }

    /// <summary>True when <see cref="LogAsync"/> shows the installation's entries rather than a municipality's.</summary>
    public async Task<bool> ShowsInstallationAsync(CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        return !(scope.IsCoordinator || scope.IsKsSecretariat) && scope.IsSystemAdministrator;
    }

    private static async Task<Page<AuditDto>> PageAsync(IQueryable<AuditEntry> q, string? entityType, Guid? entityId, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        if (!string.IsNullOrEmpty(entityType)) q = q.Where(a => a.EntityType == entityType);
        if (entityId is { } id) q = q.Where(a => a.EntityId == id);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .PageOf(page, pageSize).ToListAsync(ct);
        return new(rows.Select(ToDto).ToList(), page, pageSize, total);
    }

    public static AuditDto ToDto(AuditEntry a) =>
        new(a.Id, a.At, a.UserId, a.UserName, a.EntityType, a.EntityId, a.Action, ParseChanges(a.Changes), a.Comment);

    private static List<AuditChange> ParseChanges(string json)
    {
        var list = new List<AuditChange>();
        using var doc = JsonDocument.Parse(json);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            var values = p.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.ToString()).ToArray();
            list.Add(new AuditChange(p.Name, values.ElementAtOrDefault(0), values.ElementAtOrDefault(1)));
        }
        return list;
    }
}
