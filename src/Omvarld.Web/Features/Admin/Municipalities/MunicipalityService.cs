using Omvarld.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Common;
using Omvarld.Domain.Municipalities;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Audit;

namespace Omvarld.Web.Features.Admin.Municipalities;

public sealed record MunicipalityDto(Guid Id, string Name, string Slug, string? MunicipalityCode, bool IsDemo, int Version)
{
    public static MunicipalityDto From(Municipality m) => new(m.Id, m.Name, m.Slug, m.MunicipalityCode, m.IsDemo, m.Version);
}

public sealed record MunicipalityInput(string? Name, string? Slug, string? MunicipalityCode, int? Version);

/// <summary>The installation's municipalities: the system administrator's to manage.</summary>
public sealed class MunicipalityService(OmvarldDbContext db, TimeProvider clock)
{
    public const int MaxPageSize = 500;

    public async Task<Page<MunicipalityDto>> ListAsync(int page, int pageSize, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var total = await db.Municipalities.CountAsync(ct);
        var items = await db.Municipalities.AsNoTracking().OrderBy(m => m.Name).PageOf(page, pageSize)
            .Select(m => new MunicipalityDto(m.Id, m.Name, m.Slug, m.MunicipalityCode, m.IsDemo, m.Version)).ToListAsync(ct);
        return new(items, page, pageSize, total);
    }

    public Task<Municipality?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Municipalities.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);

    public async Task<(MunicipalityDto? Value, Result Result)> CreateAsync(MunicipalityInput input, CancellationToken ct = default)
    {
        var (m, result) = Municipality.Create(input.Name, input.Slug, input.MunicipalityCode, isDemo: false, clock.GetUtcNow().UtcDateTime);
        if (!result.IsOk) return (null, result);
        if (await db.Municipalities.AnyAsync(x => x.Slug == m!.Slug, ct)) return (null, Result.Fail("Municipality_SlugTaken", "Slug"));
        db.Tenant.SystemScope = true;
        db.Municipalities.Add(m!);
        await db.SaveChangesAsync(ct);
        return (MunicipalityDto.From(m!), Result.Ok);
    }

    /// <returns>null when not found; a conflict result when someone saved in between.</returns>
    public async Task<(MunicipalityDto? Value, Result Result)?> UpdateAsync(Guid id, MunicipalityInput input, CancellationToken ct = default)
    {
        var m = await db.Municipalities.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return null;
        if (input.Version != m.Version) return (MunicipalityDto.From(m), Result.Fail("Concurrency_Conflict"));
        db.Entry(m).Property(x => x.Version).OriginalValue = input.Version.Value;
        var result = m.Update(input.Name, input.Slug, input.MunicipalityCode);
        if (!result.IsOk) return (null, result);
        if (await db.Municipalities.AnyAsync(x => x.Slug == m.Slug && x.Id != id, ct)) return (null, Result.Fail("Municipality_SlugTaken", "Slug"));
        try
        {
            db.Tenant.SystemScope = true;
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Municipalities.AsNoTracking().FirstAsync(x => x.Id == id, ct);
            return (MunicipalityDto.From(current), Result.Fail("Concurrency_Conflict"));
        }
        return (MunicipalityDto.From(m), Result.Ok);
    }
}
