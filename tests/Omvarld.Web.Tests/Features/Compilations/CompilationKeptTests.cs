using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Organisation;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Compilations;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Compilations;

/// <summary>
/// Issue 17 on both databases: the compilation is kept (<see cref="CompilationStore"/>) and served again only while
/// nothing it counts has changed. Which answer came from where is read from <see cref="CompilationStats"/> (computed,
/// from the kept snapshot, from the instance's memory), never from timing. The changes are made through the app's
/// DbContext as every page and API route makes them (a save), on the demo data of Borås.
/// </summary>
public abstract class CompilationKeptTests(OmvarldApp app)
{
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");
    private int Year => app.Today.Year - 1;
    private CompilationStats Stats => app.Services.GetRequiredService<CompilationStats>();
    private CompilationMemo Memo => app.Services.GetRequiredService<CompilationMemo>();

    private async Task<string> ApiAsync(HttpClient api, string query = "")
    {
        var response = await api.GetAsync($"/api/v1/compilation?year={Year}{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>The compilation computed now, bypassing what is kept, as the API would write it.</summary>
    private async Task<string> FreshAsync(Guid municipality, Guid? unit = null)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(municipality);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
        var c = await scope.ServiceProvider.GetRequiredService<CompilationQueries>().BuildAsync(Year, unit);
        return JsonSerializer.Serialize(c, scope.ServiceProvider.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
    }

    /// <summary>The JSON without the moment it was made at, which is all a later computation may differ in.</summary>
    private static string Figures(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("madeAt");
        return node.ToJsonString();
    }

    private static JsonElement Section(string json, string key) =>
        JsonDocument.Parse(json).RootElement.GetProperty("sections").EnumerateArray().Single(s => s.Str("key") == key);

    private static decimal Value(string json, string section, string row) =>
        Section(json, section).GetProperty("rows").EnumerateArray().Where(r => r.Str("key") == row).Select(r => r.GetProperty("value").GetDecimal()).FirstOrDefault();

    [Fact]
    public async Task AskedTwice_SecondFromWhatIsKept_EveryOutputTheSame_EqualToComputedFresh()
    {
        var api = await app.ApiClientAsync(Coordinator);
        var pages = await app.SignInAsync(Coordinator);
        await TouchAsync(db => db.Units.FirstAsync(), "Name", (string x) => x + " ");   // nothing is kept for this state yet
        var computed = Stats.Computed;

        var first = await ApiAsync(api);
        Assert.Equal(computed + 1, Stats.Computed);

        // Again: this instance's memory, nothing computed.
        var fromMemory = Stats.FromMemory;
        var second = await ApiAsync(api);
        Assert.Equal(computed + 1, Stats.Computed);
        Assert.Equal(fromMemory + 1, Stats.FromMemory);
        Assert.Equal(first, second);

        // As another instance (or this one after a restart) would: read from the database's snapshot.
        Memo.Clear();
        var fromSnapshot = Stats.FromSnapshot;
        var third = await ApiAsync(api);
        Assert.Equal(computed + 1, Stats.Computed);
        Assert.Equal(fromSnapshot + 1, Stats.FromSnapshot);
        Assert.Equal(first, third);
        var kept = await app.WithDbAsync(db => db.CompilationSnapshots.IgnoreQueryFilters().SingleAsync(s => s.MunicipalityId == app.Boras && s.Year == Year && s.UnitId == Guid.Empty));
        Assert.Equal(Figures(first), Figures(kept.Json));

        // The page and the three files read the same kept compilation.
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync($"/sammanstallning?ar={Year}")).StatusCode);
        foreach (var format in new[] { "xlsx", "docx", "pdf" })
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/compilation/export?year={Year}&format={format}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync($"/sammanstallning/export?ar={Year}&format={format}")).StatusCode);
        }
        Assert.Equal(computed + 1, Stats.Computed);

        // And it is what a computation now gives.
        Assert.Equal(Figures(await FreshAsync(app.Boras)), Figures(first));
    }

    public static TheoryData<string> Changes => new()
    {
        "activity", "unit", "follow-up", "result", "exception", "action-plan", "funding", "twin-town", "membership", "priority", "competence",
        "country-data",
    };

    /// <summary>Every kind of row the compilation counts: after a change, the next answer is computed anew (and equals a fresh computation).</summary>
    [Theory]
    [MemberData(nameof(Changes))]
    public async Task AfterAChange_ComputedAgain_TheChangeShows(string change)
    {
        var api = await app.ApiClientAsync(Coordinator);
        await ApiAsync(api);
        var before = await ApiAsync(api);
        var computed = Stats.Computed;

        var expect = await ChangeAsync(change, before);
        var after = await ApiAsync(api);

        Assert.Equal(computed + 1, Stats.Computed);
        Assert.Equal(Figures(await FreshAsync(app.Boras)), Figures(after));
        expect?.Invoke(after);
        // And kept again.
        Assert.Equal(after, await ApiAsync(api));
        Assert.Equal(computed + 1, Stats.Computed);
    }

    /// <summary>Makes the change; returns what the next compilation must show, where the change is visible in it.</summary>
    private async Task<Action<string>?> ChangeAsync(string change, string before)
    {
        var last = new DateOnly(Year, 12, 31);
        var first = new DateOnly(Year, 1, 1);
        switch (change)
        {
            case "activity":
            {
                // A counted activity of the year becomes a network: one more under "Nätverk".
                var networks = Value(before, "kind", nameof(ActivityKind.Network));
                await TouchAsync(db => db.Activities.Where(a => a.Kind != ActivityKind.Network && a.Status == ActivityStatus.Ongoing
                    && a.PlannedStart <= last && (a.PlannedEnd == null || a.PlannedEnd >= first)).OrderBy(a => a.Id).FirstAsync(), "Kind", (ActivityKind _) => ActivityKind.Network);
                return after => Assert.Equal(networks + 1, Value(after, "kind", nameof(ActivityKind.Network)));
            }
            case "unit":
            {
                var name = "Omdöpta nämnden " + Guid.NewGuid().ToString("N")[..6];
                var unit = Section(before, "unit").GetProperty("rows")[0].Str("key")!;
                await TouchAsync(db => db.Units.SingleAsync(u => u.Id == Guid.Parse(unit)), "Name", (string _) => name);
                return after => Assert.Contains(Section(after, "unit").GetProperty("rows").EnumerateArray(), r => r.Str("label") == name);
            }
            case "follow-up":
            {
                var text = "Sammanfattningen är ändrad " + Guid.NewGuid().ToString("N")[..6];
                await TouchAsync(db => db.FollowUpRounds.SingleAsync(r => r.Year == Year), "Summary", (string? _) => text);
                return after => Assert.Equal(text, Section(after, "coordinator-summary").GetProperty("paragraphs")[0].GetString());
            }
            case "result":
                await app.WithDbAsync(async db =>
                {
                    db.Tenant.Use(app.Boras);
                    db.ResultReports.Remove(await db.ResultReports.OrderBy(r => r.Id).FirstAsync());
                    await db.SaveChangesAsync();
                });
                return null;
            case "exception":
                await TouchAsync(db => db.PreconditionExceptions.OrderBy(e => e.Id).FirstAsync(), "MinuteParagraph", (string p) => p + "1");
                return null;
            case "action-plan":
            {
                // Through the API, as the coordinator does: a committee's draft plan for the year.
                var drafts = Value(before, "action-plans", "draft");
                var committee = await app.WithDbAsync(db => db.Units.IgnoreQueryFilters()
                    .Where(u => u.MunicipalityId == app.Boras && u.Kind == UnitKind.Committee && u.ClosedOn == null).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync());
                var response = await (await app.ApiClientAsync(Coordinator)).PostJsonAsync("/api/v1/action-plans", new { unitId = committee, year = Year, items = Array.Empty<object>() });
                Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return after => Assert.Equal(drafts + 1, Value(after, "action-plans", "draft"));
            }
            case "funding":
                await TouchAsync(db => db.FundingLines.OrderBy(f => f.Id).FirstAsync(), "Amount", (decimal a) => a + 1m);
                return null;
            case "twin-town":
                await TouchAsync(db => db.TwinTowns.OrderBy(t => t.Id).FirstAsync(), "City", (string c) => c + " ");
                return null;
            case "membership":
                await TouchAsync(db => db.Memberships.OrderBy(m => m.Id).FirstAsync(), "Name", (string n) => n + " ");
                return null;
            case "priority":
                await TouchAsync(db => db.Priorities.OrderBy(p => p.Id).FirstAsync(), "Title", (string t) => t + " ");
                return null;
            case "competence":
                await TouchAsync(db => db.CompetenceEntries.OrderBy(e => e.Id).FirstAsync(), "Hours", (decimal h) => h + 1m);
                return null;
            case "country-data":
                // Installation-wide data (the partners' standings): no municipality's row, the installation's stamp.
                await app.WithDbAsync(async db =>
                {
                    var release = await db.CountryDataReleases.OrderBy(r => r.Id).FirstAsync();
                    release.Attribution += " ";
                    await db.SaveChangesAsync();
                });
                return null;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }
    }

    /// <summary>Changes one property of a row of Borås and saves, as a page or route would (one save, audited).</summary>
    private Task TouchAsync<TEntity, TValue>(Func<OmvarldDbContext, Task<TEntity>> find, string property, Func<TValue, TValue> change) where TEntity : class =>
        app.WithDbAsync(async db =>
        {
            db.Tenant.Use(app.Boras);
            var row = await find(db);
            var p = db.Entry(row).Property(property);
            p.CurrentValue = change((TValue)p.CurrentValue!);
            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task NextDay_ComputedAgain()
    {
        var api = await app.ApiClientAsync(Coordinator);
        await ApiAsync(api);
        var computed = Stats.Computed;
        app.Clock.Advance(TimeSpan.FromDays(1));
        await ApiAsync(api);
        Assert.Equal(computed + 1, Stats.Computed);
    }

    [Fact]
    public async Task FiftyAtOnce_ComputedOnce()
    {
        var api = await app.ApiClientAsync(Coordinator);
        await TouchAsync(db => db.Units.FirstAsync(), "Name", (string x) => x + " ");
        var computed = Stats.Computed;

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => ApiAsync(api)));

        Assert.Equal(computed + 1, Stats.Computed);
        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task Snapshots_PerMunicipality_FilteredAndInvalidatedByTheirOwnChangesOnly()
    {
        var boras = await app.ApiClientAsync(Coordinator);
        var upplandsBro = await app.ApiClientAsync(OmvarldApp.Email("samordnare", "upplands-bro"));
        await ApiAsync(boras);
        var ub = await ApiAsync(upplandsBro);
        Assert.Contains("Upplands-Bro", JsonDocument.Parse(ub).RootElement.Str("municipalityName"));

        // A change in Borås leaves Upplands-Bro's kept compilation valid.
        await TouchAsync(db => db.Units.FirstAsync(), "Name", (string x) => x + " ");
        var computed = Stats.Computed;
        Assert.Equal(ub, await ApiAsync(upplandsBro));
        Assert.Equal(computed, Stats.Computed);

        // Each municipality reads its own snapshots only.
        var seen = await app.WithDbAsync(async db =>
        {
            db.Tenant.SystemScope = false;
            db.Tenant.Use(app.UpplandsBro);
            return await db.CompilationSnapshots.Select(s => s.MunicipalityId).Distinct().ToListAsync();
        });
        Assert.Equal([app.UpplandsBro], seen);
        var stamps = await app.WithDbAsync(async db =>
        {
            db.Tenant.SystemScope = false;
            db.Tenant.Use(app.UpplandsBro);
            return await db.ChangeStamps.Select(s => s.MunicipalityId).ToListAsync();
        });
        Assert.All(stamps, m => Assert.Equal(app.UpplandsBro, m));
    }

    [Fact]
    public async Task Save_RaisesItsMunicipalitysStampOnce_KeepingASnapshotRaisesNone()
    {
        Task<Dictionary<Guid, long>> Stamps() => app.WithDbAsync(db => db.ChangeStamps.IgnoreQueryFilters().ToDictionaryAsync(s => s.MunicipalityId, s => s.Value));
        var before = await Stamps();

        await TouchAsync(db => db.Units.FirstAsync(), "Name", (string x) => x + " ");
        var after = await Stamps();
        Assert.Equal(before[app.Boras] + 1, after[app.Boras]);
        Assert.Equal(before.GetValueOrDefault(app.UpplandsBro), after.GetValueOrDefault(app.UpplandsBro));

        // Computing and keeping the compilation writes a snapshot, which is no change.
        await ApiAsync(await app.ApiClientAsync(Coordinator));
        Assert.Equal(after[app.Boras], (await Stamps())[app.Boras]);
    }
}

public sealed class CompilationKeptTests_Sqlite(SqliteApp app) : CompilationKeptTests(app), IClassFixture<SqliteApp>;
public sealed class CompilationKeptTests_Postgres(PostgresApp app) : CompilationKeptTests(app), IClassFixture<PostgresApp>;
