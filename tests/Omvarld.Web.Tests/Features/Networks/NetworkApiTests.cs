using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Omvarld.Web.Tests.Features.Activities;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Networks;

/// <summary>
/// R18 through the API on both databases: memberships with their yearly cost and what they led to, twin towns with the
/// precondition's assessment, yearly notes and the agreement; bad input refused in Swedish with nothing stored; only the
/// coordinator writes; Upplands-Bro never sees Borås's registers.
/// </summary>
public abstract class NetworkApiTests(OmvarldApp app)
{
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");
    private static readonly string Reader = OmvarldApp.Email("lasare");
    private static readonly string OtherCoordinator = OmvarldApp.Email("samordnare", "upplands-bro");

    private static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        string.Join(" ", (await response.ReadProblemAsync()).GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(v => v.GetString())));

    private static object Membership(string name, decimal? fee = 50_000m, string since = "2020-01-01", string? until = null, Guid[]? representatives = null,
        int? version = null) => new
    {
        name, kind = "ThematicNetwork", level = "European", memberSince = since, memberUntil = until, feeSek = fee,
        representativeUserIds = representatives ?? [], representativeNames = "Kommunstyrelsens ordförande", offers = new[] { "PartnerSearch", "Newsletters" },
        otherOffers = "Årskonferens", website = "https://example.org", version,
    };

    private static object TwinTown(string city, string country = "FI", string status = "Active", Guid? contact = null, int? version = null) => new
    {
        city, countryCode = country, kind = "TwinTown", since = "1990-05-01", status, caseNumber = "KS 1990/1", ourContactUserId = contact,
        theirContactName = "Liisa Testi", theirContactRole = "Samordnare", theirContactDetails = "liisa@example.org", version,
    };

    private Task<int> CountAsync(Guid municipality) => app.WithDbAsync(async db =>
        await db.Memberships.IgnoreQueryFilters().CountAsync(m => m.MunicipalityId == municipality)
        + await db.TwinTowns.IgnoreQueryFilters().CountAsync(t => t.MunicipalityId == municipality)
        + await db.MembershipActivities.IgnoreQueryFilters().CountAsync(l => l.MunicipalityId == municipality)
        + await db.TwinTownActivities.IgnoreQueryFilters().CountAsync(l => l.MunicipalityId == municipality)
        + await db.TwinTownNotes.IgnoreQueryFilters().CountAsync(n => n.MunicipalityId == municipality)
        + await db.StoredFiles.IgnoreQueryFilters().CountAsync(f => f.MunicipalityId == municipality));

    [Fact]
    public async Task Membership_CreateLinkCostUpdate_ShowsWhatItLedTo()
    {
        var api = await app.ApiClientAsync(Coordinator);
        var me = await app.UserIdAsync(Coordinator);
        var created = await api.PostJsonAsync("/api/v1/memberships", Membership("Eurocities testnätverk", 48_500m, representatives: [me]));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var m = await created.ReadJsonAsync();
        var id = m.GetProperty("id").GetGuid();
        Assert.Equal(48_500m, m.GetProperty("feeSek").GetDecimal());
        Assert.Contains("Internationell samordnare", m.GetProperty("representatives")[0].Str("name"));

        // An activity done through it shows with its status and latest result (none yet).
        var activity = await app.ActivityAsync(app.Boras, "Kulturnämnden", "Nätverksträff i Bryssel", Coordinator, new DateOnly(2024, 3, 1));
        var linked = await api.PostJsonAsync($"/api/v1/memberships/{id}/activities", new { activityId = activity });
        Assert.True(linked.StatusCode == HttpStatusCode.OK, await linked.Content.ReadAsStringAsync());
        var a = (await linked.ReadJsonAsync()).GetProperty("activities")[0];
        Assert.Equal(("Nätverksträff i Bryssel", "Draft"), (a.Str("title"), a.Str("status")));
        Assert.Equal(JsonValueKind.Null, a.GetProperty("latestResult").ValueKind);

        // The yearly cost counts it in 2024 with the demo's memberships, per level and kind.
        var cost = await (await api.GetAsync("/api/v1/memberships/cost?year=2024")).ReadJsonAsync();
        var european = cost.GetProperty("byLevel").EnumerateArray().Single(c => c.Str("key") == "European");
        Assert.True(european.GetProperty("feeSek").GetDecimal() >= 48_500m + 142_000m);
        Assert.Contains(cost.GetProperty("memberships").EnumerateArray(), x => x.Str("name") == "Eurocities testnätverk");
        var before = await (await api.GetAsync("/api/v1/memberships/cost?year=2019")).ReadJsonAsync();
        Assert.DoesNotContain(before.GetProperty("memberships").EnumerateArray(), x => x.Str("name") == "Eurocities testnätverk");

        // Ending it: the end date is set by an update with the version read; a stale version is refused.
        var version = m.GetProperty("version").GetInt32();
        var ended = await api.PutJsonAsync($"/api/v1/memberships/{id}", Membership("Eurocities testnätverk", 48_500m, until: "2025-12-31", version: version));
        Assert.True(ended.StatusCode == HttpStatusCode.OK, await ended.Content.ReadAsStringAsync());
        Assert.Equal("2025-12-31", (await ended.ReadJsonAsync()).Str("memberUntil"));
        var stale = await api.PutJsonAsync($"/api/v1/memberships/{id}", Membership("Annat namn", version: version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("någon annan", (await stale.ReadProblemAsync()).Str("detail"), StringComparison.OrdinalIgnoreCase);
        var cost2026 = await (await api.GetAsync("/api/v1/memberships/cost?year=2026")).ReadJsonAsync();
        Assert.DoesNotContain(cost2026.GetProperty("memberships").EnumerateArray(), x => x.Str("name") == "Eurocities testnätverk");

        // Filters and export.
        var list = await (await api.GetAsync("/api/v1/memberships?kind=EuOffice")).ReadJsonAsync();
        Assert.Equal(["West Sweden"], list.GetProperty("items").EnumerateArray().Select(x => x.Str("name")!).ToArray());
        var csv = await api.GetAsync("/api/v1/memberships/export?format=csv&level=Regional");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("Sjuhärads kommunalförbund", text);
        Assert.DoesNotContain("West Sweden", text);
        var xlsx = await api.GetAsync("/api/v1/memberships/export?format=xlsx");
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync())[..2]));

        // A reader reads but may not write.
        var reader = await app.ApiClientAsync(Reader);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/memberships/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.DeleteAsync($"/api/v1/memberships/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/memberships/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/memberships/{id}")).StatusCode);
    }

    [Fact]
    public async Task Membership_BadInput_RefusedInSwedish_NothingStored()
    {
        var api = await app.ApiClientAsync(Coordinator);
        var before = await CountAsync(app.Boras);
        async Task<string> Refused(HttpResponseMessage r)
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            return await ErrorsAsync(r);
        }
        Assert.Contains("negativ", await Refused(await api.PostJsonAsync("/api/v1/memberships", Membership("Negativt", -1m))));
        Assert.Contains("före", await Refused(await api.PostJsonAsync("/api/v1/memberships", Membership("Baklänges", since: "2024-01-01", until: "2023-12-31"))));
        var stranger = await app.UserIdAsync(OtherCoordinator);
        Assert.Contains("användare i kommunen", await Refused(await api.PostJsonAsync("/api/v1/memberships", Membership("Främling", representatives: [stranger]))));
        Assert.Contains("Ange", await Refused(await api.PostJsonAsync("/api/v1/memberships", Membership(""))));

        var westSweden = await app.WithDbAsync(db => db.Memberships.IgnoreQueryFilters().Where(m => m.MunicipalityId == app.Boras && m.Name == "West Sweden").Select(m => m.Id).SingleAsync());
        Assert.Contains("kommunens aktiviteter", await Refused(await api.PostJsonAsync($"/api/v1/memberships/{westSweden}/activities", new { activityId = Guid.NewGuid() })));
        var theirs = await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().Where(a => a.MunicipalityId == app.UpplandsBro).Select(a => a.Id).FirstAsync());
        Assert.Contains("kommunens aktiviteter", await Refused(await api.PostJsonAsync($"/api/v1/memberships/{westSweden}/activities", new { activityId = theirs })));
        var missingVersion = await api.PutJsonAsync($"/api/v1/memberships/{westSweden}", Membership("West Sweden"));
        Assert.Contains("versionen", await Refused(missingVersion));
        Assert.Equal(before, await CountAsync(app.Boras));
    }

    [Fact]
    public async Task TwinTown_AssessedNotedAndAgreed_BadInputRefused()
    {
        var api = await app.ApiClientAsync(Coordinator);
        var before = await CountAsync(app.Boras);
        var unknown = await api.PostJsonAsync("/api/v1/twin-towns", TwinTown("Ingenstans", "XX"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Landet finns inte", await ErrorsAsync(unknown));
        var stranger = await app.UserIdAsync(OtherCoordinator);
        var strangeContact = await api.PostJsonAsync("/api/v1/twin-towns", TwinTown("Testby", contact: stranger));
        Assert.Contains("användare i kommunen", await ErrorsAsync(strangeContact));
        Assert.Equal(before, await CountAsync(app.Boras));

        var created = await api.PostJsonAsync("/api/v1/twin-towns", TwinTown("Testikylä", contact: await app.UserIdAsync(Coordinator)));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var details = await created.ReadJsonAsync();
        var town = details.GetProperty("twinTown");
        var id = town.GetProperty("id").GetGuid();
        Assert.Equal(("Finland", "Liisa Testi"), (town.Str("countryName"), town.Str("theirContactName")));
        // The precondition assesses its country as any partner's, under the policy in force today, with the clause.
        var assessment = details.GetProperty("assessment");
        Assert.Contains(assessment.Str("outcome"), new[] { "Met", "NotMet", "Unclear" });
        Assert.False(string.IsNullOrWhiteSpace(assessment.Str("clause")));

        // One note a year, revisable with its version; who and when are kept.
        var noted = await api.PutJsonAsync($"/api/v1/twin-towns/{id}/notes/2025", new { text = "Arbetet kom i gång." });
        Assert.True(noted.StatusCode == HttpStatusCode.OK, await noted.Content.ReadAsStringAsync());
        var note = (await noted.ReadJsonAsync()).GetProperty("twinTown").GetProperty("notes")[0];
        Assert.Contains("Internationell samordnare", note.Str("writtenBy"));
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutJsonAsync($"/api/v1/twin-towns/{id}/notes/2025", new { text = "Skriver över" })).StatusCode);
        var revised = await api.PutJsonAsync($"/api/v1/twin-towns/{id}/notes/2025", new { text = "Arbetet växer.", version = note.GetProperty("version").GetInt32() });
        var notes = (await revised.ReadJsonAsync()).GetProperty("twinTown").GetProperty("notes");
        Assert.Equal(["Arbetet växer."], notes.EnumerateArray().Select(n => n.Str("text")!).ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PutJsonAsync($"/api/v1/twin-towns/{id}/notes/2025", new { text = " ", version = 1 })).StatusCode);

        // The agreement: a renamed text file is refused; a PDF is kept and served back.
        HttpContent File(byte[] bytes, string name)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            return new MultipartFormDataContent { { content, "file", name } };
        }
        var wrong = await api.PostAsync($"/api/v1/twin-towns/{id}/agreement", File("inte en pdf"u8.ToArray(), "avtal.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("PDF", await ErrorsAsync(wrong));
        var txt = await api.PostAsync($"/api/v1/twin-towns/{id}/agreement", File("text"u8.ToArray(), "avtal.txt"));
        Assert.Equal(HttpStatusCode.BadRequest, txt.StatusCode);
        var pdf = "%PDF-1.4 vänortsavtal"u8.ToArray();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync($"/api/v1/twin-towns/{id}/agreement", File(pdf, "avtal.pdf"))).StatusCode);
        Assert.Equal(pdf, await (await api.GetAsync($"/api/v1/twin-towns/{id}/agreement")).Content.ReadAsByteArrayAsync());

        // Stale version; status filter; dormant towns; delete removes everything with it.
        var version = town.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await api.PutJsonAsync($"/api/v1/twin-towns/{id}", TwinTown("Testikylä", status: "Dormant", version: version))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutJsonAsync($"/api/v1/twin-towns/{id}", TwinTown("Testikylä", version: version))).StatusCode);
        var dormant = await (await api.GetAsync("/api/v1/twin-towns?status=Dormant&country=fi")).ReadJsonAsync();
        Assert.Equal(["Testikylä"], dormant.GetProperty("items").EnumerateArray().Select(x => x.Str("city")!).ToArray());
        var csv = await (await api.GetAsync("/api/v1/twin-towns/export?format=csv")).Content.ReadAsStringAsync();
        Assert.Contains("Musterhausen", csv);
        Assert.DoesNotContain("liisa@example.org", csv);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/twin-towns/{id}")).StatusCode);
        Assert.Equal(before, await CountAsync(app.Boras));
    }

    [Fact]
    public async Task UpplandsBro_NeverSeesBorasRegisters()
    {
        var borasMembership = await app.WithDbAsync(db => db.Memberships.IgnoreQueryFilters().Where(m => m.MunicipalityId == app.Boras).Select(m => m.Id).FirstAsync());
        var borasTown = await app.WithDbAsync(db => db.TwinTowns.IgnoreQueryFilters().Where(t => t.MunicipalityId == app.Boras).Select(t => t.Id).FirstAsync());
        var api = await app.ApiClientAsync(OtherCoordinator);
        var memberships = await (await api.GetAsync("/api/v1/memberships?pageSize=200")).ReadJsonAsync();
        Assert.Equal(["Stockholmsregionens Europaförening"], memberships.GetProperty("items").EnumerateArray().Select(x => x.Str("name")!).ToArray());
        var towns = await (await api.GetAsync("/api/v1/twin-towns?pageSize=200")).ReadJsonAsync();
        Assert.Equal(["Beispielstadt"], towns.GetProperty("items").EnumerateArray().Select(x => x.Str("city")!).ToArray());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/memberships/{borasMembership}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/twin-towns/{borasTown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutJsonAsync($"/api/v1/twin-towns/{borasTown}/notes/2025", new { text = "Intrång" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/memberships/{borasMembership}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/twin-towns/{borasTown}/agreement")).StatusCode);
        var cost = await (await api.GetAsync("/api/v1/memberships/cost?year=2025")).ReadJsonAsync();
        Assert.Equal(58_000m, cost.GetProperty("totalSek").GetDecimal());

        var pages = await app.SignInAsync(OtherCoordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/medlemskap/{borasMembership}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/vanorter/{borasTown}")).StatusCode);
        Assert.DoesNotContain("West Sweden", (await pages.GetDocumentAsync("/medlemskap")).Text());
        Assert.Equal(1, await app.WithDbAsync(db => db.Memberships.IgnoreQueryFilters().CountAsync(m => m.Id == borasMembership)));
    }
}

public sealed class NetworkApiTests_Sqlite(SqliteApp app) : NetworkApiTests(app), IClassFixture<SqliteApp>;
public sealed class NetworkApiTests_Postgres(PostgresApp app) : NetworkApiTests(app), IClassFixture<PostgresApp>;
