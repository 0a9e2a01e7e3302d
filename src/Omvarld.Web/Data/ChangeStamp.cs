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

    /// <summary>The key of <see cref="Read"/> in a request's items: the stamps read with the request's authentication.</summary>
    public const string ReadKey = "Omvarld.ChangeStamps";

    /// <summary>The stamps of a municipality and of the installation, as read at one moment.</summary>
    public sealed record Read(Guid Municipality, long Stamp, long InstallationStamp);

    /// <summary>
    /// The stamps of <paramref name="municipality"/> and of the installation now, in one primary-key read (0 for a row
    /// not written yet): what a kept result is checked against.
    /// </summary>
    public static async Task<(long Municipality, long Installation)> ReadAsync(OmvarldDbContext db, Guid municipality, CancellationToken ct = default)
    {
        var stamps = await db.ChangeStamps.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.MunicipalityId == municipality || s.MunicipalityId == Installation)
            .Select(s => new { s.MunicipalityId, s.Value }).ToListAsync(ct);
        return (stamps.FirstOrDefault(s => s.MunicipalityId == municipality)?.Value ?? 0,
            stamps.FirstOrDefault(s => s.MunicipalityId == Installation)?.Value ?? 0);
    }
}

/// <summary>A row derived from others and kept for speed: writing it changes nothing a <see cref="ChangeStamp"/> counts.</summary>
public interface IDerivedRow;
