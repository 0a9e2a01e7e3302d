using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Countries;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Reference;

namespace Omvarld.Web.Features.Countries;

public sealed record CountryDataReleaseDto(
    Guid Id, DataReleaseKind Kind, string Name, DateTime ImportedAt, string ImportedBy, string FileName, string Sha256,
    int RowCount, int FirstYear, int LastYear, string Attribution, bool IsActive, bool InUse)
{
    internal static CountryDataReleaseDto From(CountryDataRelease r, bool inUse) =>
        new(r.Id, r.Kind, r.Name, r.ImportedAt, r.ImportedBy, r.FileName, r.Sha256, r.RowCount, r.FirstYear, r.LastYear, r.Attribution, r.IsActive, inUse);
}

/// <summary>What an import is given: the kind, a name for the release, the file and who imports it.</summary>
public sealed record CountryDataImport(DataReleaseKind Kind, string? Name, string? FileName, byte[] Bytes, string ImportedBy, Guid? ImportedByUserId = null, string? Attribution = null);

/// <summary>The stored release, or the errors (line 0 for the form's own fields) and how many there were in all.</summary>
public sealed record CountryDataImportOutcome(CountryDataReleaseDto? Release, IReadOnlyList<CountryDataError> Errors, int ErrorCount)
{
    public bool IsOk => Release is not null;
}

/// <summary>A country's newest regime classification, from the release it was read from.</summary>
public sealed record LatestRegime(Regime Regime, int Year, string Release);

public sealed record CountrySummary(Country Country, LatestRegime? Latest);

/// <summary>The releases in use: the newest active release of each kind (null where none was ever imported).</summary>
public sealed record ReleasesInUse(CountryDataReleaseDto? Governance, CountryDataReleaseDto? Regime)
{
    public IEnumerable<CountryDataReleaseDto> All => new[] { Governance, Regime }.OfType<CountryDataReleaseDto>();
}

/// <summary>
/// Raised after every stored release, the shipped ones included. The assessment layer replaces the default (which
/// does nothing) to react to new data, e.g. by marking assessments made with an older release for review.
/// </summary>
public interface ICountryDataImported
{
    Task ReleaseImportedAsync(CountryDataReleaseDto release, CancellationToken ct);
}

internal sealed class NoCountryDataImportedHandler : ICountryDataImported
{
    public Task ReleaseImportedAsync(CountryDataReleaseDto release, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>
/// The country data releases (issue 6): import of a file, all rows or none, the shipped files on first start, the
/// releases in use and the evidence per country the assessment reads. Shared by every municipality.
/// </summary>
public sealed class CountryDataService(OmvarldDbContext db, ReferenceData reference, IStringLocalizer<SharedResource> l, TimeProvider clock, ICountryDataImported imported)
{
    /// <summary>Shown as the importer of the files that ship with the app.</summary>
    public const string ShippedImporter = "Omvärld (medföljande data)";

    private static readonly (DataReleaseKind Kind, string File, string Name, string Attribution)[] Shipped =
    [
        (DataReleaseKind.Governance, "country_governance.csv", "V-Dem v14 + WGI 2024", CountryDataAttribution.Governance),
        (DataReleaseKind.Regime, "country_regime_vdem_v15.csv", "V-Dem v15 (ERT)", CountryDataAttribution.Regime),
    ];

    public static bool TryParseKind(string? s, out DataReleaseKind kind)
    {
        kind = default;
        switch (s?.Trim().ToLowerInvariant())
        {
            case "governance": kind = DataReleaseKind.Governance; return true;
            case "regime": kind = DataReleaseKind.Regime; return true;
            default: return false;
        }
    }

    public CountryDataReader Reader() =>
        new(reference.Countries.Select(c => c.Alpha3).ToHashSet(StringComparer.Ordinal), l);

    /// <summary>Reads the file whole and stores the release and all its rows in one SaveChanges (one transaction), or nothing.</summary>
    public async Task<CountryDataImportOutcome> ImportAsync(CountryDataImport input, CancellationToken ct = default)
    {
        var errors = new List<CountryDataError>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add(new(0, "name", l["CountryData_NameRequired"]));
        else if (name.Length > CountryDataRelease.NameMaxLength) errors.Add(new(0, "name", l["CountryData_TooLong", CountryDataRelease.NameMaxLength]));
        var attribution = input.Attribution?.Trim();
        if (attribution?.Length > CountryDataRelease.AttributionMaxLength) errors.Add(new(0, "attribution", l["CountryData_TooLong", CountryDataRelease.AttributionMaxLength]));
        var file = Reader().Read(input.Kind, input.Bytes);
        if (!file.IsValid || errors.Count > 0)
            return new(null, [.. errors, .. file.Errors], errors.Count + file.ErrorCount);

        var sha = Convert.ToHexStringLower(SHA256.HashData(input.Bytes));
        var same = await db.CountryDataReleases.AsNoTracking().Where(r => r.Kind == input.Kind && r.Sha256 == sha).Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (same is not null) return new(null, [new(0, "file", l["CountryData_SameFile", same])], 1);

        if (string.IsNullOrEmpty(attribution))
        {
            // A newer release in the same format usually comes from the same sources: keep the attribution in use.
            attribution = (await InUseAsync(ct)).All.FirstOrDefault(r => r.Kind == input.Kind)?.Attribution
                ?? (input.Kind == DataReleaseKind.Governance ? CountryDataAttribution.Governance : CountryDataAttribution.Regime);
        }
        var fileName = Path.GetFileName(input.FileName ?? "");
        var release = new CountryDataRelease
        {
            Kind = input.Kind, Name = name!, ImportedAt = clock.GetUtcNow().UtcDateTime, ImportedBy = Truncate(input.ImportedBy, CountryDataRelease.ImportedByMaxLength),
            ImportedByUserId = input.ImportedByUserId, FileName = Truncate(fileName.Length == 0 ? "-" : fileName, CountryDataRelease.FileNameMaxLength),
            Sha256 = sha, RowCount = file.RowCount, FirstYear = file.Years.Min(), LastYear = file.Years.Max(), Attribution = attribution, IsActive = true,
        };
        db.CountryDataReleases.Add(release);
        if (input.Kind == DataReleaseKind.Governance) db.GovernanceRows.AddRange(file.Governance.Select(g => GovernanceRow.From(release.Id, g)));
        else db.RegimeRows.AddRange(file.Regimes.Select(r => RegimeRow.From(release.Id, r)));
        await db.SaveChangesAsync(ct);

        var dto = CountryDataReleaseDto.From(release, inUse: true);
        await imported.ReleaseImportedAsync(dto, ct);
        return new(dto, [], 0);
    }

    /// <summary>First start: loads each shipped file whose kind has no release yet. Idempotent; a shipped file that does not read is a bug.</summary>
    public async Task<IReadOnlyList<CountryDataReleaseDto>> EnsureShippedAsync(CancellationToken ct = default)
    {
        var present = await db.CountryDataReleases.Select(r => r.Kind).Distinct().ToListAsync(ct);
        var loaded = new List<CountryDataReleaseDto>();
        foreach (var (kind, file, name, attribution) in Shipped.Where(s => !present.Contains(s.Kind)))
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "SeedData", "Reference", file), ct);
            var outcome = await ImportAsync(new CountryDataImport(kind, name, file, bytes, ShippedImporter, null, attribution), ct);
            if (outcome.Release is null)
                throw new InvalidOperationException($"Shipped {file}: " + string.Join("; ", outcome.Errors.Take(5).Select(e => $"line {e.Line} {e.Field}: {e.Message}")));
            loaded.Add(outcome.Release);
        }
        return loaded;
    }

    public async Task<IReadOnlyList<CountryDataReleaseDto>> ListReleasesAsync(CancellationToken ct = default)
    {
        var releases = await db.CountryDataReleases.AsNoTracking().ToListAsync(ct);
        var inUse = InUse(releases);
        return releases.OrderBy(r => r.Kind).ThenByDescending(r => r.ImportedAt).ThenByDescending(r => r.Id)
            .Select(r => CountryDataReleaseDto.From(r, inUse.Contains(r.Id))).ToList();
    }

    public async Task<ReleasesInUse> InUseAsync(CancellationToken ct = default)
    {
        var active = await db.CountryDataReleases.AsNoTracking().Where(r => r.IsActive).ToListAsync(ct);
        var ids = InUse(active);
        var used = active.Where(r => ids.Contains(r.Id)).Select(r => CountryDataReleaseDto.From(r, true)).ToList();
        return new(used.FirstOrDefault(r => r.Kind == DataReleaseKind.Governance), used.FirstOrDefault(r => r.Kind == DataReleaseKind.Regime));
    }

    private static HashSet<Guid> InUse(IEnumerable<CountryDataRelease> releases) =>
        releases.Where(r => r.IsActive).GroupBy(r => r.Kind)
            .Select(g => g.OrderByDescending(r => r.ImportedAt).ThenByDescending(r => r.Id).First().Id).ToHashSet();

    /// <summary>The evidence of one country (ISO 3166-1 alpha-2) from the releases in use; null for a code that is no country.</summary>
    public async Task<CountryEvidence?> EvidenceAsync(string alpha2, CancellationToken ct = default) =>
        (await EvidenceAsync([alpha2], ct)).TryGetValue(alpha2, out var e) ? e : null;

    /// <summary>
    /// The evidence of many countries in three queries whatever their number (the releases in use, then each
    /// release's rows for all the countries at once), keyed by alpha-2 (case-insensitive). Codes that are no
    /// country are left out; a country without rows gets empty lists.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, CountryEvidence>> EvidenceAsync(IEnumerable<string> alpha2s, CancellationToken ct = default)
    {
        var countries = alpha2s.Select(reference.Country).OfType<Country>().DistinctBy(c => c.Alpha2).ToList();
        var result = new Dictionary<string, CountryEvidence>(StringComparer.OrdinalIgnoreCase);
        if (countries.Count == 0) return result;
        var inUse = await InUseAsync(ct);
        var iso3s = countries.Select(c => c.Alpha3).ToList();
        var governance = inUse.Governance is { } g
            ? (await db.GovernanceRows.AsNoTracking().Where(r => r.ReleaseId == g.Id && iso3s.Contains(r.Iso3)).ToListAsync(ct)).ToLookup(r => r.Iso3)
            : Enumerable.Empty<GovernanceRow>().ToLookup(r => r.Iso3);
        var regimes = inUse.Regime is { } r
            ? (await db.RegimeRows.AsNoTracking().Where(x => x.ReleaseId == r.Id && iso3s.Contains(x.Iso3)).ToListAsync(ct)).ToLookup(x => x.Iso3)
            : Enumerable.Empty<RegimeRow>().ToLookup(x => x.Iso3);
        foreach (var c in countries)
            result[c.Alpha2] = new CountryEvidence(c.Alpha3, c.Alpha2, c.NameSv,
                governance[c.Alpha3].OrderBy(x => x.Year).Select(x => x.ToRecord()).ToList(),
                regimes[c.Alpha3].OrderBy(x => x.Year).Select(x => x.ToRecord()).ToList(),
                inUse.Governance?.Name, inUse.Regime?.Name);
        return result;
    }

    /// <summary>
    /// Every country with its newest regime classification: from the regime release in use (V-Dem v15, the newest
    /// classification, README §3), else the newest year of the governance release that has one.
    /// </summary>
    public async Task<IReadOnlyList<CountrySummary>> CountriesAsync(CancellationToken ct = default)
    {
        var inUse = await InUseAsync(ct);
        var latest = new Dictionary<string, LatestRegime>(StringComparer.Ordinal);
        if (inUse.Regime is { } r)
            foreach (var row in await db.RegimeRows.AsNoTracking().Where(x => x.ReleaseId == r.Id).Select(x => new { x.Iso3, x.Year, x.Regime }).ToListAsync(ct))
                if (!latest.TryGetValue(row.Iso3, out var seen) || seen.Year < row.Year) latest[row.Iso3] = new(row.Regime, row.Year, r.Name);
        if (inUse.Governance is { } g)
        {
            var fallback = await db.GovernanceRows.AsNoTracking().Where(x => x.ReleaseId == g.Id && x.Regime != null)
                .Select(x => new { x.Iso3, x.Year, x.Regime }).ToListAsync(ct);
            foreach (var row in fallback.GroupBy(x => x.Iso3).Where(x => !latest.ContainsKey(x.Key)))
            {
                var newest = row.MaxBy(x => x.Year)!;
                latest[row.Key] = new(newest.Regime!.Value, newest.Year, g.Name);
            }
        }
        return reference.Countries.Select(c => new CountrySummary(c, latest.GetValueOrDefault(c.Alpha3))).ToList();
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
