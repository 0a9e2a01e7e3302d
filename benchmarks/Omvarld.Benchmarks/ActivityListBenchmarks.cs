using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Municipalities;
using Omvarld.Domain.Organisation;
using Omvarld.Domain.Partners;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Activities;
using Omvarld.Web.Infrastructure;

/// <summary>
/// R10 at national scale: the activity list's filters over 100,000 activities in 5 municipalities (20,000 each, a big
/// city's decades of work), on the embedded SQLite database — the slower of the two. Each call is what one page view
/// does: count, one page of 50, the partner countries of that page.
/// </summary>
[MemoryDiagnoser]
public class ActivityListBenchmarks
{
    private const int Municipalities = 5, ActivitiesPerMunicipality = 20_000, Units = 60;
    private static readonly string[] Countries = ["DE", "FI", "PL", "EE", "IT", "ES", "KE", "LT", "UA", "SE"];
    private ServiceProvider _services = null!;
    private Guid _municipality, _committee;

    [GlobalSetup]
    public void Setup()
    {
        var file = Path.Combine(Path.GetTempPath(), $"omvarld-bench-{Municipalities}x{ActivitiesPerMunicipality}.db");
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        services.AddScoped<TenantContext>();
        services.AddScoped<AuditActor>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ActivityQueries>();
        services.AddDbContext<OmvarldDbContext, SqliteOmvarldDbContext>(o => o.UseSqlite($"Data Source={file}").AddInterceptors(new SqliteUnicodeFunctions()));
        _services = services.BuildServiceProvider();
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OmvarldDbContext>();
        if (!File.Exists(file)) Seed(db);
        db.Tenant.SystemScope = true;
        _municipality = db.Municipalities.OrderBy(m => m.Id).Select(m => m.Id).First();
        _committee = db.Units.IgnoreQueryFilters().Where(u => u.MunicipalityId == _municipality && u.Kind == UnitKind.Committee).OrderBy(u => u.Id).Select(u => u.Id).First();
    }

    private static void Seed(OmvarldDbContext db)
    {
        db.Database.Migrate();
        db.Tenant.SystemScope = true;
        var random = new Random(42);
        for (var m = 0; m < Municipalities; m++)
        {
            var (municipality, _) = Municipality.Create($"Bänkkommun {m}", $"bank-{m}", $"{9000 + m}", isDemo: true, TimeProvider.System.GetUtcNow().UtcDateTime);
            db.Municipalities.Add(municipality!);
            db.Tenant.Use(municipality!.Id);
            db.Tenant.SystemScope = true;
            var units = new List<Unit>();
            for (var u = 0; u < Units; u++)
            {
                var parent = u < 12 ? null : units[random.Next(12)];
                units.Add(Unit.Create(municipality.Id, $"Enhet {u}", u < 12 ? UnitKind.Committee : UnitKind.Administration, parent).Value!);
            }
            db.Units.AddRange(units);
            var partners = Countries.SelectMany(c => Enumerable.Range(0, 10).Select(i =>
                PartnerOrganisation.Create(municipality.Id, new PartnerDetails($"Part {c}-{i}", PartnerType.Municipality, "Ort", c, null), Countries.ToHashSet()).Value!)).ToList();
            db.Partners.AddRange(partners);
            db.SaveChanges();
            for (var i = 0; i < ActivitiesPerMunicipality; i++)
            {
                var unit = units[random.Next(units.Count)];
                var start = new DateOnly(2005, 1, 1).AddDays(random.Next(365 * 20));
                var details = new ActivityDetails($"Aktivitet {i} i Europa", "Beskrivning av utbytet.", (ActivityKind)random.Next(1, 7), unit.Id, Guid.NewGuid(),
                    start, start.AddDays(random.Next(30, 900)), "Syfte", "Resultat", null, null, $"KS {i}", false, [], [(random.Next(1, 18)).ToString()]);
                var (activity, result) = Activity.Create(municipality.Id, details, new ActivityReferences(unit, []));
                if (!result.IsOk) throw new InvalidOperationException(result.Error);
                activity!.AddPartner(partners[random.Next(partners.Count)], PartnerRole.Partner);
                db.Activities.Add(activity);
                if (i % 2000 == 1999) { db.SaveChanges(); db.ChangeTracker.Clear(); }
            }
            db.SaveChanges();
            db.ChangeTracker.Clear();
        }
    }

    private async Task<int> ListAsync(ActivityFilter filter)
    {
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OmvarldDbContext>();
        db.Tenant.Use(_municipality);
        var page = await scope.ServiceProvider.GetRequiredService<ActivityQueries>().ListAsync(filter, 1, 50);
        return page.TotalCount;
    }

    [Benchmark(Baseline = true)]
    public Task<int> FirstPage() => ListAsync(new ActivityFilter());

    [Benchmark]
    public Task<int> CommitteeWithSubUnits() => ListAsync(new ActivityFilter(Unit: _committee));

    [Benchmark]
    public Task<int> ByCountry() => ListAsync(new ActivityFilter(Country: "KE"));

    [Benchmark]
    public Task<int> ByYearAndKind() => ListAsync(new ActivityFilter(Year: 2019, Kind: ActivityKind.Network));

    [Benchmark]
    public Task<int> FreeText() => ListAsync(new ActivityFilter(Q: "aktivitet 1234"));
}
