using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Organisation;
using Omvarld.Web.Tests.Features.Activities;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.ContactPersons;

/// <summary>
/// R15 on both databases, through the API and the pages: an office's contact person is named, changed and ended with
/// optimistic concurrency; bad input is refused in Swedish with nothing stored; the coordinator names for any unit, an
/// editor for their own, the contact person logs their own competence development; Borås never sees Upplands-Bro's;
/// the units without one and the start page cite UPPLANDSBRO-2020 4.3, Borås's (no such rule) cite nothing.
/// </summary>
public abstract class ContactPersonTests(OmvarldApp app)
{
    private const string Ub = "upplands-bro";
    private static readonly string Coordinator = OmvarldApp.Email("samordnare", Ub);
    private static readonly string Editor = OmvarldApp.Email("redaktor", Ub);
    private static readonly string Reader = OmvarldApp.Email("lasare", Ub);
    private static readonly string Contact = OmvarldApp.Email("kontakt.utbildning", Ub);

    /// <summary>A new office of its own under <paramref name="parent"/>, so that tests never share appointments.</summary>
    private Task<Guid> OfficeAsync(string parent = "Utbildningsnämnden") => app.WithDbAsync(async db =>
    {
        db.Tenant.Use(app.UpplandsBro);
        var p = await db.Units.FirstAsync(u => u.Name == parent);
        var (office, _) = Unit.Create(app.UpplandsBro, "Testkontoret " + Guid.NewGuid().ToString("N")[..8], UnitKind.Office, p);
        db.Units.Add(office!);
        await db.SaveChangesAsync();
        return office!.Id;
    });

    private Task<int> CountAsync() => app.WithDbAsync(db => db.ContactPersons.IgnoreQueryFilters().CountAsync());
    private Task<int> EntryCountAsync() => app.WithDbAsync(db => db.CompetenceEntries.IgnoreQueryFilters().CountAsync());

    private static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        string.Join(" ", (await response.ReadProblemAsync()).GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(v => v.GetString())));

    [Fact]
    public async Task Appoint_Change_End_WithVersions_AndGapsFollow()
    {
        var office = await OfficeAsync();
        var api = await app.ApiClientAsync(Coordinator);
        var gaps = await (await api.GetAsync("/api/v1/contact-persons/units-without")).ReadJsonAsync();
        Assert.Contains(gaps.GetProperty("units").EnumerateArray(), g => g.GetProperty("unitId").GetGuid() == office && g.Str("reason") == "NeverNamed");
        Assert.Equal("UPPLANDSBRO-2020", gaps.GetProperty("requirement").Str("policyKey"));
        Assert.Contains("kontaktperson för informationsspridning", gaps.GetProperty("requirement").Str("clause"));

        var user = await app.UserIdAsync(Reader);
        var deputy = await app.UserIdAsync(Editor);
        var created = await api.PostJsonAsync("/api/v1/contact-persons", new { unitId = office, userId = user, deputyUserId = deputy, from = "2025-01-01" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var person = await created.ReadJsonAsync();
        var id = person.GetProperty("id").GetGuid();
        Assert.Equal(("Current", "Demo Läsare (Upplands-Bro kommun)"), (person.Str("status"), person.GetProperty("person").Str("name")));
        gaps = await (await api.GetAsync("/api/v1/contact-persons/units-without")).ReadJsonAsync();
        Assert.DoesNotContain(gaps.GetProperty("units").EnumerateArray(), g => g.GetProperty("unitId").GetGuid() == office);

        var version = person.GetProperty("version").GetInt32();
        var changed = await api.PutJsonAsync($"/api/v1/contact-persons/{id}", new { userId = deputy, deputyUserId = user, from = "2025-02-01", version });
        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var stale = await api.PutJsonAsync($"/api/v1/contact-persons/{id}", new { userId = user, from = "2025-02-01", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Någon annan har sparat", (await stale.ReadProblemAsync()).Str("detail"));

        var ended = await api.PostJsonAsync($"/api/v1/contact-persons/{id}/end", new { to = "2025-12-31", version = version + 1 });
        Assert.True(ended.StatusCode == HttpStatusCode.OK, await ended.Content.ReadAsStringAsync());
        Assert.Equal(("Ended", "2025-12-31"), ((await ended.ReadJsonAsync()).Str("status"), (await ended.ReadJsonAsync()).Str("to")));
        gaps = await (await api.GetAsync("/api/v1/contact-persons/units-without")).ReadJsonAsync();
        Assert.Contains(gaps.GetProperty("units").EnumerateArray(), g => g.GetProperty("unitId").GetGuid() == office && g.Str("reason") == "Ended");

        var list = await (await api.GetAsync($"/api/v1/contact-persons?unitId={office}&status=Ended&pageSize=10")).ReadJsonAsync();
        Assert.Equal(1, list.GetProperty("totalCount").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/contact-persons?pageSize=0")).StatusCode);
    }

    [Fact]
    public async Task BadInput_SwedishMessages_NothingStored()
    {
        var office = await OfficeAsync();
        var api = await app.ApiClientAsync(Coordinator);
        var user = await app.UserIdAsync(Reader);
        var borasUser = await app.UserIdAsync(OmvarldApp.Email("lasare"));
        var first = await api.PostJsonAsync("/api/v1/contact-persons", new { unitId = office, userId = user, from = "2025-01-01", to = "2025-12-31" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = (await first.ReadJsonAsync()).GetProperty("id").GetGuid();
        var before = await CountAsync();

        async Task Refused(object body, string message)
        {
            var r = await api.PostJsonAsync("/api/v1/contact-persons", body);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains(message, await ErrorsAsync(r));
        }
        await Refused(new { unitId = office, userId = borasUser, from = "2026-01-01" }, "aktiv användare i kommunen");
        await Refused(new { unitId = office, userId = Guid.NewGuid(), from = "2026-01-01" }, "aktiv användare i kommunen");
        await Refused(new { unitId = office, userId = user, deputyUserId = borasUser, from = "2026-01-01" }, "Ersättaren måste vara en aktiv användare");
        await Refused(new { unitId = office, userId = user, from = "2025-06-01" }, "redan en kontaktperson under perioden 2025-01-01 – 2025-12-31");
        await Refused(new { unitId = office, userId = user, from = "2026-06-01", to = "2026-05-31" }, "sluta före den börjar");
        await Refused(new { unitId = Guid.NewGuid(), userId = user, from = "2026-01-01" }, "Välj en enhet i kommunens organisation");
        await Refused(new { unitId = await app.UnitIdAsync(app.Boras, "Internationella kontoret"), userId = user, from = "2026-01-01" }, "Välj en enhet");
        Assert.Equal(before, await CountAsync());

        var entries = await EntryCountAsync();
        foreach (var hours in new[] { 0m, -3m, 500m })
        {
            var r = await api.PostJsonAsync($"/api/v1/contact-persons/{id}/competence", new { kind = "Course", date = "2025-03-01", hours, isJoint = true, description = "Kurs" });
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("Antal timmar måste vara större än 0 och högst 80", await ErrorsAsync(r));
        }
        var noKind = await api.PostJsonAsync($"/api/v1/contact-persons/{id}/competence", new { date = "2025-03-01", hours = 2, isJoint = true, description = "Kurs" });
        Assert.Contains("kurs, nätverksträff eller studiebesök", await ErrorsAsync(noKind));
        var endEarly = await api.PostJsonAsync($"/api/v1/contact-persons/{id}/end", new { to = "2024-12-31", version = 0 });
        Assert.Contains("sluta före den börjar", await ErrorsAsync(endEarly));
        Assert.Equal(entries, await EntryCountAsync());
        Assert.Equal("2025-12-31", (await (await api.GetAsync($"/api/v1/contact-persons/{id}")).ReadJsonAsync()).Str("to"));
    }

    [Fact]
    public async Task Roles_CoordinatorAny_EditorOwnUnits_ContactPersonOwnLog_ReaderReads()
    {
        var own = await OfficeAsync("Utbildningsnämnden");
        var foreign = await OfficeAsync("Socialnämnden");
        var editor = await app.ApiClientAsync(Editor);
        var reader = await app.ApiClientAsync(Reader);
        var user = await app.UserIdAsync(Contact);
        Assert.Equal(HttpStatusCode.Created, (await editor.PostJsonAsync("/api/v1/contact-persons", new { unitId = own, userId = user, from = "2025-01-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostJsonAsync("/api/v1/contact-persons", new { unitId = foreign, userId = user, from = "2025-01-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostJsonAsync("/api/v1/contact-persons", new { unitId = own, userId = user, from = "2030-01-01" })).StatusCode);
        var coordinator = await app.ApiClientAsync(Coordinator);
        var created = await coordinator.PostJsonAsync("/api/v1/contact-persons", new { unitId = foreign, userId = user, from = "2025-01-01" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var foreignId = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();

        // The contact person logs their own development, for whichever unit; a reader not named may not; the editor not for another committee's office.
        var self = await app.ApiClientAsync(Contact);
        var entry = new { kind = "NetworkMeeting", date = "2025-04-01", hours = 2.5, isJoint = false, description = "Nätverksträff om EU-projekt" };
        var logged = await self.PostJsonAsync($"/api/v1/contact-persons/{foreignId}/competence", entry);
        Assert.True(logged.StatusCode == HttpStatusCode.Created, await logged.Content.ReadAsStringAsync());
        var entryJson = await logged.ReadJsonAsync();
        Assert.Equal(2.5m, entryJson.GetProperty("hours").GetDecimal());
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostJsonAsync($"/api/v1/contact-persons/{foreignId}/competence", entry)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostJsonAsync($"/api/v1/contact-persons/{foreignId}/competence", entry)).StatusCode);
        var entryId = entryJson.GetProperty("id").GetGuid();
        var updated = await self.PutJsonAsync($"/api/v1/contact-persons/{foreignId}/competence/{entryId}", entry with { } is var e
            ? new { e.kind, e.date, hours = 3, e.isJoint, e.description, version = entryJson.GetProperty("version").GetInt32() } : null!);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Single((await (await reader.GetAsync($"/api/v1/contact-persons/{foreignId}/competence")).ReadJsonAsync()).EnumerateArray());
        Assert.Equal(HttpStatusCode.NoContent, (await self.DeleteAsync($"/api/v1/contact-persons/{foreignId}/competence/{entryId}")).StatusCode);

        // Only the coordinator chooses units.
        var company = await app.UnitIdAsync(app.UpplandsBro, "AB Upplands-Brohus");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PutAsync($"/api/v1/contact-persons/chosen-units/{company}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PutAsync($"/api/v1/contact-persons/chosen-units/{company}", null)).StatusCode);
        var gaps = await (await reader.GetAsync("/api/v1/contact-persons/units-without")).ReadJsonAsync();
        Assert.Contains(gaps.GetProperty("units").EnumerateArray(), g => g.GetProperty("unitId").GetGuid() == company && g.GetProperty("byChoice").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync($"/api/v1/contact-persons/chosen-units/{company}")).StatusCode);
    }

    [Fact]
    public async Task TenantIsolation_BorasNeverSeesUpplandsBro()
    {
        var ubId = await app.WithDbAsync(db => db.ContactPersons.IgnoreQueryFilters().Where(c => c.MunicipalityId == app.UpplandsBro).Select(c => c.Id).FirstAsync());
        var boras = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));
        var list = await (await boras.GetAsync("/api/v1/contact-persons?pageSize=200")).ReadJsonAsync();
        var listed = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.NotEmpty(listed);
        var borasIds = await app.WithDbAsync(db => db.ContactPersons.IgnoreQueryFilters().Where(c => c.MunicipalityId == app.Boras).Select(c => c.Id).ToListAsync());
        Assert.All(listed, id => Assert.Contains(id, borasIds));
        Assert.Equal(HttpStatusCode.NotFound, (await boras.GetAsync($"/api/v1/contact-persons/{ubId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boras.GetAsync($"/api/v1/contact-persons/{ubId}/competence")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boras.PostJsonAsync($"/api/v1/contact-persons/{ubId}/end", new { to = "2030-01-01", version = 0 })).StatusCode);
        var csv = Encoding.UTF8.GetString(await (await boras.GetAsync("/api/v1/contact-persons/export?format=csv")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Lina Andersson (demo)", csv);
        Assert.DoesNotContain("Maja Lindqvist", csv);
        var page = (await (await app.SignInAsync(OmvarldApp.Email("samordnare"))).GetDocumentAsync("/kontaktpersoner")).Text();
        Assert.DoesNotContain("Maja Lindqvist", page);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(OmvarldApp.Email("samordnare"))).GetAsync($"/kontaktpersoner/{ubId}")).StatusCode);
    }

    [Fact]
    public async Task Pages_ClauseWhereThePolicyDemands_FlagOnStart_FormRefusesAndSaves()
    {
        var coordinator = await app.SignInAsync(Coordinator);
        var list = await coordinator.GetDocumentAsync("/kontaktpersoner");
        var without = list.QuerySelector("#units-without")!.TextContent;
        Assert.Contains("Samhällsbyggnadskontoret", without);
        Assert.Contains("Socialkontoret", without);
        Assert.Contains("kontaktpersonens period slutade 30 juni 2025", without);
        Assert.DoesNotContain("Utbildningskontoret", without);
        Assert.Contains("UPPLANDSBRO-2020", list.QuerySelector("#utan figcaption")!.TextContent);
        Assert.StartsWith("mailto:?bcc=", list.QuerySelector("#mail-all")!.GetAttribute("href"));
        Assert.Contains("kontakt.utbildning%40upplands-bro.demo", list.QuerySelector("#mail-all")!.GetAttribute("href"));
        Assert.Contains("kontakt.utbildning@upplands-bro.demo", list.QuerySelector("#addresses")!.TextContent);

        var start = await coordinator.GetDocumentAsync("/");
        Assert.Matches(@"\d+ kontor saknar kontaktperson", start.QuerySelector("#contacts-flag")!.TextContent);
        Assert.Contains("Samhällsbyggnadskontoret", start.QuerySelector("#contacts-missing")!.TextContent);

        // Borås: no policy demands contact persons: the list shows the gaps without a clause, the start page flags nothing.
        var boras = await app.SignInAsync(OmvarldApp.Email("samordnare"));
        var borasList = await boras.GetDocumentAsync("/kontaktpersoner");
        Assert.Contains("Näringslivsenheten", borasList.QuerySelector("#units-without")!.TextContent);
        Assert.Null(borasList.QuerySelector("#utan figure"));
        Assert.Null((await boras.GetDocumentAsync("/")).QuerySelector("#contacts-flag"));

        // The form: a user of another municipality is refused in Swedish, nothing stored; then a valid one is saved.
        var office = await OfficeAsync();
        var before = await CountAsync();
        var refused = await coordinator.PostFormAsync($"/kontaktpersoner/ny?enhet={office}", new()
        {
            ["Input.UnitId"] = office.ToString(), ["Input.UserId"] = (await app.UserIdAsync(OmvarldApp.Email("lasare"))).ToString(), ["Input.From"] = "2025-01-01",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Kontaktpersonen måste vara en aktiv användare i kommunen.", (await refused.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(before, await CountAsync());
        var saved = await coordinator.PostFormAsync($"/kontaktpersoner/ny?enhet={office}", new()
        {
            ["Input.UnitId"] = office.ToString(), ["Input.UserId"] = (await app.UserIdAsync(Reader)).ToString(), ["Input.From"] = "2025-01-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await coordinator.GetDocumentAsync(saved.Headers.Location!.ToString());
        Assert.Contains("Demo Läsare (Upplands-Bro kommun)", details.QuerySelector("h1")!.TextContent);

        // The competence log through the page: zero hours refused, then logged.
        var url = saved.Headers.Location!.ToString();
        var zero = await coordinator.PostFormAsync(url, new() { ["Entry.Kind"] = "Course", ["Entry.Date"] = "2025-03-01", ["Entry.Hours"] = "0", ["Entry.IsJoint"] = "true", ["Entry.Description"] = "Kurs" },
            "main form[method=post][action*=Entry]", "Entry");
        Assert.Contains("Antal timmar måste vara större än 0", (await zero.ReadDocumentAsync()).Text());
        var logged = await coordinator.PostFormAsync(url, new() { ["Entry.Kind"] = "StudyVisit", ["Entry.Date"] = "2025-03-01", ["Entry.Hours"] = "7,5", ["Entry.IsJoint"] = "false", ["Entry.Description"] = "Studiebesök i Åbo" },
            "main form[method=post][action*=Entry]", "Entry");
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        var log = (await coordinator.GetDocumentAsync(url)).QuerySelector("#competence-log")!.TextContent;
        Assert.Contains("Studiebesök i Åbo", log);
        Assert.Contains("7,5", log);

        // KS reads but gets no form (the reader named above logs their own).
        var reader = await app.SignInAsync(OmvarldApp.Email("ks", Ub));
        Assert.Null((await reader.GetDocumentAsync(url)).QuerySelector("form[action*=Entry]"));
        Assert.Contains("/konto/nekad", (await reader.GetAsync("/kontaktpersoner/ny")).Headers.Location?.ToString());
    }
}

public sealed class ContactPersonTests_Sqlite(SqliteApp app) : ContactPersonTests(app), IClassFixture<SqliteApp>;
public sealed class ContactPersonTests_Postgres(PostgresApp app) : ContactPersonTests(app), IClassFixture<PostgresApp>;
