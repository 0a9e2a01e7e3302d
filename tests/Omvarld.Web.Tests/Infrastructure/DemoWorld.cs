using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omvarld.Domain.Countries;
using Omvarld.Domain.Policies;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Countries;
using Omvarld.Web.Features.Policies;

namespace Omvarld.Web.Tests.Infrastructure;

/// <summary>
/// Keeps the demo world current when a suite runs on a later day (<c>OMVARLD_TEST_NOW=2031-06-15</c>), the way a real
/// installation stays current over the years: KS extends the policy in force before it lapses, and the administrator
/// imports each year's country data release. The demo data is dated for <see cref="TestClock.Default"/> (Borås' policy
/// of 2023 runs to the end of 2027; the newest country data is of 2024); moved by <see cref="ShiftYears"/> whole years,
/// the world keeps the same distance to "today": the policy's validity and the data's years move by as many years.
/// On the default day nothing is changed, so the suite's outcome does not depend on the day it runs.
/// The shipped files and the policy texts stay as they are: the world is brought up to date through the app's own
/// services (a recorded extension decision, an imported release), never by rewriting history.
/// </summary>
public static class DemoWorld
{
    /// <summary>How many whole years "today" is past the day the demo data is dated for (0 on the default day or before).</summary>
    public static int ShiftYears(DateOnly today) => Math.Max(0, today.Year - TestClock.Default.Year);

    /// <summary>A shipped country data file (<c>SeedData/Reference</c>) with its years moved by <paramref name="years"/>.</summary>
    public static string ShippedCountryData(string file, int years)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "src", "Omvarld.Web", "SeedData", "Reference", file));
        return string.Join("\n", lines.Select((line, i) => i == 0 || years == 0 ? line : ShiftYearField(line, years))) + "\n";
    }

    /// <summary>Brings the seeded demo world up to <paramref name="today"/> (nothing when the shift is 0).</summary>
    public static async Task KeepCurrentAsync(IServiceProvider services, DateOnly today)
    {
        var years = ShiftYears(today);
        if (years == 0) return;
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<OmvarldDbContext>();
        var tenant = sp.GetRequiredService<TenantContext>();
        sp.GetRequiredService<AuditActor>().Use(null, "testklockan");

        // The country data: each shipped release again, its years moved on, as the year's new release.
        var data = sp.GetRequiredService<CountryDataService>();
        foreach (var (kind, file) in new[] { (DataReleaseKind.Governance, "country_governance.csv"), (DataReleaseKind.Regime, "country_regime_vdem_v15.csv") })
        {
            var bytes = Encoding.UTF8.GetBytes(ShippedCountryData(file, years));
            var outcome = await data.ImportAsync(new CountryDataImport(kind, $"{file} (+{years} år, testklockan)", file, bytes, "testklockan"));
            if (!outcome.IsOk)
                throw new InvalidOperationException($"Moved {file}: " + string.Join("; ", outcome.Errors.Take(5).Select(e => $"line {e.Line} {e.Field}: {e.Message}")));
        }

        // Borås' policy of 2023: KS proposed and KF extended it before it lapsed, by as many years as the clock moved.
        var version = await db.PolicyVersions.IgnoreQueryFilters().AsNoTracking().SingleAsync(v => v.Key == "BORAS-2023");
        tenant.Use(version.MunicipalityId);
        var lastDay = version.Validity.LastDay ?? throw new InvalidOperationException("BORAS-2023 has no last day to extend.");
        var decided = lastDay.AddMonths(-1) < today ? lastDay.AddMonths(-1) : today;
        var outcomeOfDecision = await sp.GetRequiredService<PolicyService>().RecordDecisionAsync(version.Id, new DecisionInput(
            DecisionKind.Extended, "KF", decided, "KS", "KS 2027-00001", "§ 1", (lastDay.Year + years).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "Internationell policy för Borås Stad fastställs att gälla ytterligare (testklockan).", version.Version));
        if (outcomeOfDecision is not ({ IsOk: true }, _))
            throw new InvalidOperationException($"Extending BORAS-2023 failed: {outcomeOfDecision?.Result.Error}");
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
                    var year = int.Parse(line.AsSpan(start, i - start), System.Globalization.CultureInfo.InvariantCulture);
                    return string.Concat(line.AsSpan(0, start), (year + years).ToString(System.Globalization.CultureInfo.InvariantCulture), line.AsSpan(i));
                }
            }
        }
        throw new FormatException($"No year field in '{line}'.");
    }
}
