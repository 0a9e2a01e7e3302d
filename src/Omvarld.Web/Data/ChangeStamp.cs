using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Common;

namespace Omvarld.Web.Data;

/// <summary>
/// How often a municipality's data has changed: raised by one, in the same transaction, by every save that writes a row
/// of the municipality (<see cref="OmvarldDbContext.SaveChangesAsync(bool, CancellationToken)"/>). The row with
/// <see cref="Installation"/> counts the installation-wide data (country data releases). Kept results such as the
/// compilation (<see cref="CompilationSnapshot"/>) are valid while the stamps they were computed under are unchanged.
/// <para>
/// A counter raised in the writer's transaction, not the newest audit entry's id: ids are made before commit, so a
/// transaction that commits after a later one would leave the newest id unchanged and a kept result stale. The raise
/// (an upsert) locks the row to the commit, so every commit leaves a larger value behind it.
/// </para>
/// Not business data, so not audited; written only by that upsert, never through the change tracker.
/// </summary>
public sealed class ChangeStamp : ITenantOwned
{
    /// <summary>The row of the installation-wide data (no municipality).</summary>
    public static readonly Guid Installation = Guid.Empty;

    private ChangeStamp() { }

    /// <summary><see cref="Installation"/> for the installation-wide row.</summary>
    public Guid MunicipalityId { get; private set; }
    public long Value { get; private set; }

    /// <summary>
    /// The stamps of <paramref name="municipality"/> and of the installation, in one primary-key read (0 for a row not
    /// written yet): what a kept result is checked against. Read once per context (<see cref="OmvarldDbContext.StampsRead"/>)
    /// and before what the result is built from, so a result is never older than the stamps it is kept under.
    /// </summary>
    public static async Task<(long Municipality, long Installation)> ReadAsync(OmvarldDbContext db, Guid municipality, CancellationToken ct = default)
    {
        if (db.StampsRead.TryGetValue(municipality, out var known)) return known;
        var stamps = await db.ChangeStamps.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.MunicipalityId == municipality || s.MunicipalityId == Installation)
            .Select(s => new { s.MunicipalityId, s.Value }).ToListAsync(ct);
        return Remember(db, municipality, stamps.FirstOrDefault(s => s.MunicipalityId == municipality)?.Value,
            stamps.FirstOrDefault(s => s.MunicipalityId == Installation)?.Value);
    }

    /// <summary>Stamps read along with something else (in the same statement), so that <see cref="ReadAsync"/> reads them no more.</summary>
    public static (long Municipality, long Installation) Remember(OmvarldDbContext db, Guid municipality, long? stamp, long? installationStamp) =>
        db.StampsRead[municipality] = (stamp ?? 0, installationStamp ?? 0);
}

/// <summary>A row derived from others and kept for speed: writing it changes nothing a <see cref="ChangeStamp"/> counts.</summary>
public interface IDerivedRow;
