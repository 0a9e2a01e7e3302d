using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omvarld.Domain.Policies;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Countries;
using Omvarld.Web.Features.Policies;

namespace Omvarld.Web.Tests.Infrastructure;

/// <summary>
/// Keeps the demo world current when a suite runs on a later day (<c>OMVARLD_TEST_NOW=2031-06-15</c>), the way a real
/// installation stays current over the years: the administrator imports each year's country data, and KS extends the
/// policy in force before it lapses. The demo data is dated for <see cref="TestClock.Default"/> (Borås' policy of 2023
/// runs to the end of 2027; the newest country data is of 2024); on a day <see cref="ShiftYears"/> whole years later, the
/// shipped country data's years move by as many years as it is loaded (before the demo is seeded, so every assessment
/// the demo makes reads it), and a recorded extension decision moves the policy's end as far. The policy texts and the
/// shipped files stay as they are. On the default day nothing changes, so the suite's outcome does not depend on the day.
/// </summary>
public static class DemoWorld
{
    /// <summary>How many whole years "today" is past the day the demo data is dated for (0 on the default day or before).</summary>
    public static int ShiftYears(DateOnly today) => Math.Max(0, today.Year - TestClock.Default.Year);

    /// <summary>A year of the demo world as it stands on <paramref name="today"/>: <paramref name="year"/> moved by <see cref="ShiftYears"/>.</summary>
    public static int Year(int year, DateOnly today) => year + ShiftYears(today);

    /// <summary>A shipped country data file (<c>SeedData/Reference</c>) with its years moved by <paramref name="years"/>.</summary>
    public static string ShippedCountryData(string file, int years)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "src", "Omvarld.Web", "SeedData", "Reference", file));
        return string.Join("\n", lines.Select((line, i) => i == 0 || years == 0 ? line : ShiftYearField(line, years))) + "\n";
    }

    /// <summary>
    /// For the app's services: the shipped country data, as it is loaded on first start, moved on by the shift of
    /// <paramref name="today"/> (nothing on the default day).
    /// </summary>
    public static void MoveShippedCountryData(IServiceCollection services, DateOnly today)
    {
        var years = ShiftYears(today);
        if (years == 0) return;
        var registered = services.Last(d => d.ServiceType == typeof(ICountryDataImported));
        services.Remove(registered);
        services.AddScoped<ICountryDataImported>(sp => new MovedShippedData(
            (ICountryDataImported)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!), sp.GetRequiredService<OmvarldDbContext>(), years));
    }

    /// <summary>After the demo is seeded: KS extends Borås' policy of 2023 by the shift of <paramref name="today"/> (nothing on the default day).</summary>
    public static async Task KeepCurrentAsync(IServiceProvider services, DateOnly today)
    {
        var years = ShiftYears(today);
        if (years == 0) return;
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<OmvarldDbContext>();
        sp.GetRequiredService<AuditActor>().Use(null, "testklockan");
        var version = await db.PolicyVersions.IgnoreQueryFilters().AsNoTracking().SingleAsync(v => v.Key == "BORAS-2023");
        sp.GetRequiredService<TenantContext>().Use(version.MunicipalityId);
        var lastDay = version.Validity.LastDay ?? throw new InvalidOperationException("BORAS-2023 has no last day to extend.");
        // Decided in the policy's last year, half a year before it would have lapsed.
        var decided = new DateOnly(lastDay.Year, 6, 1) is var d && d < today ? d : today;
        var outcome = await sp.GetRequiredService<PolicyService>().RecordDecisionAsync(version.Id, new DecisionInput(
            DecisionKind.Extended, "KF", decided, "KS", "KS 2027-00001", "§ 1", (lastDay.Year + years).ToString(CultureInfo.InvariantCulture),
            "Internationell policy för Borås Stad fastställs att gälla ytterligare (testklockan).", version.Version));
        if (outcome is not ({ IsOk: true }, _))
            throw new InvalidOperationException($"Extending BORAS-2023 failed: {outcome?.Result.Error}");
    }

    /// <summary>Moves a shipped release's rows on by <c>years</c> as it is stored, then lets the app react to it as usual.</summary>
    private sealed class MovedShippedData(ICountryDataImported inner, OmvarldDbContext db, int years) : ICountryDataImported
    {
        public async Task ReleaseImportedAsync(CountryDataReleaseDto release, CancellationToken ct)
        {
            if (release.ImportedBy != CountryDataService.ShippedImporter)
            {
                await inner.ReleaseImportedAsync(release, ct);
                return;
            }
            // In two steps, so that no row's new (release, country, year) meets another row's old one on the way.
            const int Aside = 10_000;
            await db.GovernanceRows.Where(r => r.ReleaseId == release.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Year, r => r.Year + Aside), ct);
            await db.GovernanceRows.Where(r => r.ReleaseId == release.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Year, r => r.Year - Aside + years), ct);
            await db.RegimeRows.Where(r => r.ReleaseId == release.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Year, r => r.Year + Aside), ct);
            await db.RegimeRows.Where(r => r.ReleaseId == release.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Year, r => r.Year - Aside + years), ct);
            await db.CountryDataReleases.Where(r => r.Id == release.Id).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.FirstYear, r => r.FirstYear + years).SetProperty(r => r.LastYear, r => r.LastYear + years), ct);
            await inner.ReleaseImportedAsync(release with { FirstYear = release.FirstYear + years, LastYear = release.LastYear + years }, ct);
        }
    }

    private static string ShiftYearField(string line, int years)
    {
        // The year is the third field; the second (a country's English name) may be quoted and hold commas.
        var field = 0;
        var quoted = false;
        var start = -1;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                field++;
                if (field == 2) start = i + 1;
                else if (field == 3)
                {
                    var year = int.Parse(line.AsSpan(start, i - start), CultureInfo.InvariantCulture);
                    return string.Concat(line.AsSpan(0, start), (year + years).ToString(CultureInfo.InvariantCulture), line.AsSpan(i));
                }
            }
        }
        throw new FormatException($"No year field in '{line}'.");
    }
}
