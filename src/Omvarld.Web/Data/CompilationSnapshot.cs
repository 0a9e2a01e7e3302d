using Omvarld.Domain.Common;

namespace Omvarld.Web.Data;

/// <summary>
/// Issue 17: the yearly compilation of a municipality (or a unit with its sub-units) for a year, kept as the JSON the API
/// answers, with what it was computed under: the municipality's and the installation's <see cref="ChangeStamp"/>s, the
/// day ("today": what is owed and overdue depends on it) and the build (the code that computed it). It is served only
/// while all four are unchanged, so it is never stale; otherwise it is computed again and replaced. One row per
/// (municipality, year, unit). Derived, so neither audited nor counted as a change.
/// </summary>
public sealed class CompilationSnapshot : ITenantOwned, IDerivedRow
{
    public const int BuildMaxLength = 80;

    private CompilationSnapshot() { }

    public CompilationSnapshot(Guid municipalityId, int year, Guid unitId, DateOnly day, long stamp, long installationStamp, string build, string json, DateTime computedAt)
    {
        MunicipalityId = municipalityId;
        Id = Guid.CreateVersion7();
        Year = year;
        UnitId = unitId;
        Day = day;
        Stamp = stamp;
        InstallationStamp = installationStamp;
        Build = build;
        Json = json;
        ComputedAt = computedAt;
    }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public int Year { get; private set; }
    /// <summary>The unit whose part it is; <see cref="Guid.Empty"/> for the whole municipality.</summary>
    public Guid UnitId { get; private set; }
    public DateOnly Day { get; private set; }
    public long Stamp { get; private set; }
    public long InstallationStamp { get; private set; }
    public string Build { get; private set; } = "";
    public string Json { get; private set; } = "";
    public DateTime ComputedAt { get; private set; }

    /// <summary>Replaces the kept result with a newer one (same key).</summary>
    public void Replace(CompilationSnapshot newer)
    {
        Day = newer.Day;
        Stamp = newer.Stamp;
        InstallationStamp = newer.InstallationStamp;
        Build = newer.Build;
        Json = newer.Json;
        ComputedAt = newer.ComputedAt;
    }
}
