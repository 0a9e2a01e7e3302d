using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Omvarld.Web.Data;

namespace Omvarld.Web.Infrastructure;

/// <summary>
/// The totals of the paged lists, counted once per state of the municipality's data (issue 17). A list's first page and
/// every page after it show the same total, and counting a large municipality's register is the most expensive part of a
/// page (4 ms of PostgreSQL for the national benchmark's largest; the filtered ones more), so an instance keeps the
/// total under the list's name, its filter and the municipality's <see cref="ChangeStamp"/>: any save that writes a row
/// of the municipality raises the stamp in its own transaction, so the next request counts anew. Costs one primary-key
/// read per request. Filters must depend on the municipality's data only (not on the day, not on the viewer).
/// </summary>
public sealed class ListTotals
{
    // One entry is a few dozen bytes; old stamps' entries are never asked for again and age out.
    private readonly MemoryCache _totals = new(new MemoryCacheOptions { SizeLimit = 20_000 });
    private long _counted;

    /// <summary>How many totals this instance counted in the database (the tests read it).</summary>
    public long Counted => Interlocked.Read(ref _counted);

    /// <summary>The total of <paramref name="query"/>, the list <paramref name="list"/> under <paramref name="filter"/> (a value with equality).</summary>
    public async Task<int> CountAsync<T, TFilter>(OmvarldDbContext db, string list, TFilter filter, IQueryable<T> query, CancellationToken ct)
        where TFilter : notnull
    {
        if (db.CurrentMunicipalityId is not { } municipality) return await CountNowAsync(query, ct);
        var (stamp, _) = await ChangeStamp.ReadAsync(db, municipality, ct);
        var key = (municipality, stamp, list, filter);
        if (_totals.TryGetValue(key, out int total)) return total;
        total = await CountNowAsync(query, ct);
        _totals.Set(key, total, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return total;
    }

    private async Task<int> CountNowAsync<T>(IQueryable<T> query, CancellationToken ct)
    {
        Interlocked.Increment(ref _counted);
        return await query.CountAsync(ct);
    }
}
