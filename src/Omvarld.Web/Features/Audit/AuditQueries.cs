using Omvarld.Web.Infrastructure;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Auditing;
using Omvarld.Web.Data;

namespace Omvarld.Web.Features.Audit;

public sealed record AuditChange(string Field, string? From, string? To);

public sealed record AuditDto(Guid Id, DateTime At, Guid? UserId, string? UserName, string EntityType, Guid EntityId, AuditAction Action, IReadOnlyList<AuditChange> Changes, string? Comment);

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)PageSize));
    public bool HasPrevious => PageNumber > 1;
    public bool HasNext => PageNumber < PageCount;
}

/// <summary>Reads of the audit trail: an entity's history, and the municipality's log. Always tenant-filtered and paged.</summary>
public sealed class AuditQueries(OmvarldDbContext db)
{
    public const int MaxPageSize = 200;

    public async Task<Page<AuditDto>> ListAsync(string? entityType, Guid? entityId, int page, int pageSize, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var q = db.AuditEntries.AsNoTracking();
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
