using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omvarld.Domain.FollowUp;
using Omvarld.Domain.Organisation;
using Omvarld.Web.Data;
using Omvarld.Web.Features.FollowUp;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.FollowUp;

/// <summary>
/// Issue 15 through the API on both databases: Upplands-Bro's coordinator opens a year's follow-up, Utbildningsnämnden's
/// editor writes, its approver marks it ready (a ready section refuses changes with 409 naming who and when) and reopens
/// it, the coordinator follows the progress, writes the summary and closes the round; bad input is refused in Swedish;
/// two writers of one section: the second gets a 409 with what differs; one municipality never sees another's round,
/// and one year's round never changes another's. Each test uses its own year.
/// </summary>
public abstract class FollowUpApiTests(OmvarldApp app)
{
    private const string Committee = "Utbildningsnämnden";
    private static readonly string Coordinator = OmvarldApp.Email("samordnare", "upplands-bro");
    private static readonly string Editor = OmvarldApp.Email("redaktor", "upplands-bro");
    private static readonly string Approver = OmvarldApp.Email("godkannare", "upplands-bro");
    private static readonly string Reader = OmvarldApp.Email("lasare", "upplands-bro");

    private DateOnly Today => DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);

    private async Task<JsonElement> OpenAsync(int year, object? questions = null)
    {
        var coordinator = await app.ApiClientAsync(Coordinator);
        var response = await coordinator.PostJsonAsync("/api/v1/follow-up", questions is null
            ? new { year, deadline = Today.AddDays(30) }
            : (object)new { year, deadline = Today.AddDays(30), questions });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static Guid SectionOf(JsonElement round, string unit) =>
        round.GetProperty("sections").EnumerateArray().Single(s => s.Str("unitName") == unit).GetProperty("id").GetGuid();

    private static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        string.Join(" ", (await response.ReadProblemAsync()).GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(v => v.GetString())));

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task Round_OpenWriteReadyReopenClose_WithTheReportForKs()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync(Editor)).PostJsonAsync("/api/v1/follow-up", new { year = 2024, deadline = Today.AddDays(30) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync(Reader)).PostJsonAsync("/api/v1/follow-up", new { year = 2024, deadline = Today.AddDays(30) })).StatusCode);

        var round = await OpenAsync(2024);
        var roundId = round.GetProperty("id").GetGuid();
        var committeesAndCompanies = await app.WithDbAsync(db => db.Units.IgnoreQueryFilters()
            .CountAsync(u => u.MunicipalityId == app.UpplandsBro && u.ClosedOn == null && (u.Kind == UnitKind.Committee || u.Kind == UnitKind.Company)));
        Assert.Equal(committeesAndCompanies, round.GetProperty("sections").GetArrayLength());
        Assert.All(round.GetProperty("sections").EnumerateArray(), s => Assert.Equal("NotStarted", s.Str("progress")));
        // Upplands-Bro's 2020 policy checks the child perspective: the default questions ask for it.
        var questions = round.GetProperty("questions").EnumerateArray().Select(q => q.GetString()!).ToList();
        Assert.Equal(4, questions.Count);
        Assert.Contains("barnets perspektiv", questions[3]);

        var sectionId = SectionOf(round, Committee);
        var editor = await app.ApiClientAsync(Editor);
        var approver = await app.ApiClientAsync(Approver);
        var section = await OkAsync(await editor.GetAsync($"/api/v1/follow-up/sections/{sectionId}"));
        Assert.True(section.GetProperty("canEdit").GetBoolean());
        Assert.False(section.GetProperty("canMarkReady").GetBoolean());
        Assert.Equal(JsonValueKind.Array, section.GetProperty("facts").GetProperty("activities").ValueKind);

        // The editor writes only its own unit's section.
        var social = SectionOf(round, "Socialnämnden");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PutJsonAsync($"/api/v1/follow-up/sections/{social}/answers", new { answers = new[] { "Inte vår." } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync(Reader)).PutJsonAsync($"/api/v1/follow-up/sections/{sectionId}/answers", new { answers = new[] { "Läsare." } })).StatusCode);

        section = await OkAsync(await editor.PutJsonAsync($"/api/v1/follow-up/sections/{sectionId}/answers",
            new { answers = new[] { "Studiebesöket i Tallinn gav två nya arbetssätt.", "", "" }, version = section.GetProperty("version").GetInt32() }));
        Assert.Equal(("InProgress", "InProgress"), (section.Str("status"), section.Str("progress")));

        // Ready needs every question answered.
        var early = await approver.PostJsonAsync($"/api/v1/follow-up/sections/{sectionId}/ready", new { version = section.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("Fråga 2 är obesvarad", await ErrorsAsync(early));
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostJsonAsync($"/api/v1/follow-up/sections/{sectionId}/ready", new { })).StatusCode);

        section = await OkAsync(await editor.PutJsonAsync($"/api/v1/follow-up/sections/{sectionId}/answers", new
        {
            answers = new[] { "Studiebesöket i Tallinn gav två nya arbetssätt.", "Ackrediteringen drog ut på tiden.", "Erasmus+ ackreditering.", "Elever deltog i planeringen." },
            version = section.GetProperty("version").GetInt32(),
        }));
        section = await OkAsync(await approver.PostJsonAsync($"/api/v1/follow-up/sections/{sectionId}/ready", new { version = section.GetProperty("version").GetInt32() }));
        Assert.Equal("Ready", section.Str("status"));
        Assert.Equal("Demo Enhetsgodkännare (Upplands-Bro kommun)", section.Str("readyBy"));
        Assert.False(section.GetProperty("canEdit").GetBoolean());

        // Ready: the editor's save is a 409 naming who marked it and when.
        var locked = await editor.PutJsonAsync($"/api/v1/follow-up/sections/{sectionId}/answers", new { answers = new[] { "Ändrat i efterhand." } });
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        var problem = await locked.ReadProblemAsync();
        Assert.Contains("markerades som klart av Demo Enhetsgodkännare (Upplands-Bro kommun)", problem.Str("detail"));
        Assert.Equal("Demo Enhetsgodkännare (Upplands-Bro kommun)", problem.Str("readyBy"));
        Assert.True(problem.TryGetProperty("readyAt", out _));

        // The coordinator sees the progress.
        var coordinator = await app.ApiClientAsync(Coordinator);
        round = await OkAsync(await coordinator.GetAsync($"/api/v1/follow-up/{roundId}"));
        Assert.Equal(1, round.GetProperty("counts").GetProperty("ready").GetInt32());
        Assert.Equal(committeesAndCompanies - 1, round.GetProperty("counts").GetProperty("notStarted").GetInt32());
        var sections = await OkAsync(await coordinator.GetAsync($"/api/v1/follow-up/{roundId}/sections"));
        Assert.Equal("Ready", sections.EnumerateArray().Single(s => s.Str("unitName") == Committee).Str("progress"));

        // Reopened, changed, ready again.
        section = await OkAsync(await approver.PostJsonAsync($"/api/v1/follow-up/sections/{sectionId}/reopen", new { version = section.GetProperty("version").GetInt32() }));
        Assert.Equal("InProgress", section.Str("status"));
        section = await OkAsync(await editor.PutJsonAsync($"/api/v1/follow-up/sections/{sectionId}/answers", new
        {
            answers = new[] { "Studiebesöket i Tallinn gav tre nya arbetssätt.", "Ackrediteringen drog ut på tiden.", "Erasmus+ ackreditering.", "Elever deltog i planeringen." },
            version = section.GetProperty("version").GetInt32(),
        }));
        section = await OkAsync(await approver.PostJsonAsync($"/api/v1/follow-up/sections/{sectionId}/ready", new { version = section.GetProperty("version").GetInt32() }));

        // Only the coordinator writes the summary and closes.
        Assert.Equal(HttpStatusCode.Forbidden, (await approver.PostJsonAsync($"/api/v1/follow-up/{roundId}/close", new { })).StatusCode);
        round = await OkAsync(await coordinator.PutJsonAsync($"/api/v1/follow-up/{roundId}", new { summary = "Ett år med nya kontakter i Estland.", version = round.GetProperty("version").GetInt32() }));
        round = await OkAsync(await coordinator.PostJsonAsync($"/api/v1/follow-up/{roundId}/close", new { version = round.GetProperty("version").GetInt32() }));
        Assert.Equal("Closed", round.Str("status"));
        var reopen = await approver.PostJsonAsync($"/api/v1/follow-up/sections/{sectionId}/reopen", new { });
        Assert.Equal(HttpStatusCode.Conflict, reopen.StatusCode);
        Assert.Contains("stängd", (await reopen.ReadProblemAsync()).Str("detail"));
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PutJsonAsync($"/api/v1/follow-up/{roundId}", new { summary = "Efter stängning." })).StatusCode);

        // What the compiled report gets.
        var report = await OkAsync(await coordinator.GetAsync("/api/v1/follow-up/report?year=2024"));
        Assert.Equal("Ett år med nya kontakter i Estland.", report.Str("summary"));
        var account = report.GetProperty("units").EnumerateArray().Single(u => u.Str("unitName") == Committee);
        Assert.Equal("Studiebesöket i Tallinn gav tre nya arbetssätt.", account.GetProperty("answers")[0].Str("answer"));
        Assert.Equal(questions[0], account.GetProperty("answers")[0].Str("question"));
        Assert.Equal("Demo Enhetsgodkännare (Upplands-Bro kommun)", account.Str("readyBy"));
        Assert.Equal("NotStarted", report.GetProperty("units").EnumerateArray().Single(u => u.Str("unitName") == "Socialnämnden").Str("status"));

        // Every step is in the audit trail.
        var audited = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters()
            .Where(a => a.EntityId == sectionId && a.EntityType == nameof(FollowUpSection)).CountAsync());
        Assert.True(audited >= 7, $"{audited} audit entries");
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.EntityId == roundId && a.EntityType == nameof(FollowUpRound))));
        var history = await OkAsync(await coordinator.GetAsync($"/api/v1/follow-up/sections/{sectionId}/history"));
        Assert.True(history.GetProperty("items").GetArrayLength() >= 7);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheRound()
    {
        var doc = await (await app.NewClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var path in new[] { "/api/v1/follow-up", "/api/v1/follow-up/{id}", "/api/v1/follow-up/{id}/close", "/api/v1/follow-up/{id}/remind",
                     "/api/v1/follow-up/{id}/sections", "/api/v1/follow-up/sections/{id}", "/api/v1/follow-up/sections/{id}/answers",
                     "/api/v1/follow-up/sections/{id}/ready", "/api/v1/follow-up/sections/{id}/reopen", "/api/v1/follow-up/sections/{id}/remind",
                     "/api/v1/follow-up/report" })
            Assert.Contains(path, paths);
        Assert.True(doc.GetProperty("paths").GetProperty("/api/v1/follow-up").TryGetProperty("post", out var open));
        Assert.Contains("Opens the round", open.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Open_BadInput_RefusedInSwedish_NothingStored()
    {
        var coordinator = await app.ApiClientAsync(Coordinator);
        var before = await app.WithDbAsync(db => db.FollowUpRounds.IgnoreQueryFilters().CountAsync(r => r.MunicipalityId == app.UpplandsBro));

        var early = await coordinator.PostJsonAsync("/api/v1/follow-up", new { year = 2019, deadline = Today.AddDays(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("Sista svarsdatum kan inte ligga före dagen då uppföljningen öppnas", await ErrorsAsync(early));
        var empty = await coordinator.PostJsonAsync("/api/v1/follow-up", new { year = 2019, deadline = Today.AddDays(10), questions = new[] { "Vad ledde arbetet till?", " " } });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Fråga 2 är tom", await ErrorsAsync(empty));
        var noDeadline = await coordinator.PostJsonAsync("/api/v1/follow-up", new { year = 2019 });
        Assert.Contains("Ange ett sista svarsdatum", await ErrorsAsync(noDeadline));
        var foreign = await coordinator.PostJsonAsync("/api/v1/follow-up", new { year = 2019, deadline = Today.AddDays(10), unitIds = new[] { await app.UnitIdAsync(app.Boras, "Kulturnämnden") } });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.FollowUpRounds.IgnoreQueryFilters().CountAsync(r => r.MunicipalityId == app.UpplandsBro)));

        // A chosen office gets a section beside the committees and companies; a second round of the year is refused.
        var office = await app.UnitIdAsync(app.UpplandsBro, "Kommunledningskontoret");
        var created = await coordinator.PostJsonAsync("/api/v1/follow-up", new { year = 2019, deadline = Today.AddDays(10), questions = new[] { "Vad ledde arbetet till?" }, unitIds = new[] { office } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var round = await created.ReadJsonAsync();
        Assert.Contains(round.GetProperty("sections").EnumerateArray(), s => s.Str("unitName") == "Kommunledningskontoret");
        Assert.Equal(["Vad ledde arbetet till?"], round.GetProperty("questions").EnumerateArray().Select(q => q.GetString()));
        var again = await coordinator.PostJsonAsync("/api/v1/follow-up", new { year = 2019, deadline = Today.AddDays(10) });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Det finns redan en uppföljning för 2019", await ErrorsAsync(again));
        var moved = await coordinator.PutJsonAsync($"/api/v1/follow-up/{round.GetProperty("id").GetGuid()}", new { deadline = Today.AddDays(-100) });
        Assert.Contains("Sista svarsdatum kan inte ligga före", await ErrorsAsync(moved));
    }

    [Fact]
    public async Task TwoWritersOfOneSection_TheSecondGetsAConflict_WithWhatDiffers()
    {
        var round = await OpenAsync(2023, new[] { "Vad ledde arbetet till?", "Vad fungerade inte?" });
        var sectionId = SectionOf(round, Committee);
        var first = await app.ApiClientAsync(Editor);
        var second = await app.ApiClientAsync(Coordinator);
        var version = (await OkAsync(await first.GetAsync($"/api/v1/follow-up/sections/{sectionId}"))).GetProperty("version").GetInt32();
        Assert.Equal(version, (await OkAsync(await second.GetAsync($"/api/v1/follow-up/sections/{sectionId}"))).GetProperty("version").GetInt32());

        await OkAsync(await first.PutJsonAsync($"/api/v1/follow-up/sections/{sectionId}/answers", new { answers = new[] { "Två utbyten med Tallinn.", "Inget." }, version }));
        var late = await second.PutJsonAsync($"/api/v1/follow-up/sections/{sectionId}/answers", new { answers = new[] { "Ett utbyte.", "Inget." }, version });

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var problem = await late.ReadProblemAsync();
        Assert.Contains("Demo Enhetsredaktör (Upplands-Bro kommun) sparade avsnittet", problem.Str("detail"));
        Assert.Contains("skiljer sig på fråga 1", problem.Str("detail"));
        Assert.Equal([1], problem.GetProperty("changedQuestions").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("Två utbyten med Tallinn.", problem.GetProperty("currentAnswers")[0].GetString());
        Assert.Equal(version + 1, problem.GetProperty("currentVersion").GetInt32());
        var stored = await OkAsync(await first.GetAsync($"/api/v1/follow-up/sections/{sectionId}"));
        Assert.Equal("Två utbyten med Tallinn.", stored.GetProperty("answers")[0].Str("answer"));
    }

    [Fact]
    public async Task OneMunicipality_NeverSeesOrWritesAnothersRound()
    {
        var round = await OpenAsync(2022, new[] { "Vad ledde arbetet till?" });
        var roundId = round.GetProperty("id").GetGuid();
        var sectionId = SectionOf(round, Committee);
        var borasCoordinator = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));
        var borasEditor = await app.ApiClientAsync(OmvarldApp.Email("redaktor"));

        Assert.Equal(HttpStatusCode.NotFound, (await borasCoordinator.GetAsync($"/api/v1/follow-up/{roundId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await borasCoordinator.GetAsync($"/api/v1/follow-up/sections/{sectionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await borasEditor.PutJsonAsync($"/api/v1/follow-up/sections/{sectionId}/answers", new { answers = new[] { "Borås skriver." } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await borasCoordinator.PostJsonAsync($"/api/v1/follow-up/{roundId}/close", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await borasCoordinator.GetAsync("/api/v1/follow-up/report?year=2022")).StatusCode);
        var list = await OkAsync(await borasCoordinator.GetAsync("/api/v1/follow-up"));
        Assert.DoesNotContain(list.EnumerateArray(), r => r.GetProperty("id").GetGuid() == roundId);
        // Borås may open its own 2022 round: the year is per municipality.
        Assert.Equal(HttpStatusCode.Created, (await borasCoordinator.PostJsonAsync("/api/v1/follow-up", new { year = 2022, deadline = Today.AddDays(5) })).StatusCode);

        // The report query keeps the tenant filter: asked for Upplands-Bro in Borås's scope, it has nothing.
        Assert.Null(await ReportAsAsync(app.Boras, app.UpplandsBro, 2022));
        Assert.NotNull(await ReportAsAsync(app.UpplandsBro, app.UpplandsBro, 2022));
        var unchanged = await app.WithDbAsync(db => db.FollowUpSections.IgnoreQueryFilters().SingleAsync(s => s.Id == sectionId));
        Assert.Equal((FollowUpSectionStatus.NotStarted, ""), (unchanged.Status, unchanged.Answers[0]));
    }

    private async Task<FollowUpReportDto?> ReportAsAsync(Guid tenant, Guid municipality, int year)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenant);
        return await scope.ServiceProvider.GetRequiredService<FollowUpService>().ReportAsync(municipality, year);
    }

    [Fact]
    public async Task Facts_AreTheUnitsAndItsSubUnitsActivitiesOfTheYear()
    {
        // The demo's Borås round of 2025: Gymnasie- och vuxenutbildningsnämnden's section, read by its editor.
        var sectionId = await app.WithDbAsync(async db =>
        {
            var unit = await db.Units.IgnoreQueryFilters().SingleAsync(u => u.MunicipalityId == app.Boras && u.Name == "Gymnasie- och vuxenutbildningsnämnden");
            return await db.FollowUpSections.IgnoreQueryFilters().Where(s => s.UnitId == unit.Id && s.Year == 2025).Select(s => s.Id).SingleAsync();
        });
        var units = new[] { await app.UnitIdAsync(app.Boras, "Gymnasie- och vuxenutbildningsnämnden"), await app.UnitIdAsync(app.Boras, "Gymnasie- och vuxenutbildningsförvaltningen") };
        var section = await OkAsync(await (await app.ApiClientAsync(OmvarldApp.Email("redaktor"))).GetAsync($"/api/v1/follow-up/sections/{sectionId}"));
        Assert.Equal("InProgress", section.Str("status"));
        var listed = section.GetProperty("facts").GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();
        var expected = await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters()
            .Where(a => a.MunicipalityId == app.Boras && units.Contains(a.OwnerUnitId) && a.Status != Omvarld.Domain.Activities.ActivityStatus.Draft
                && a.Status != Omvarld.Domain.Activities.ActivityStatus.Rejected && a.Status != Omvarld.Domain.Activities.ActivityStatus.Withdrawn)
            .Select(a => new { a.Id, Start = a.ActualStart ?? a.PlannedStart, End = a.ActualEnd ?? a.PlannedEnd }).ToListAsync());
        Assert.Equal(expected.Where(a => a.Start.Year <= 2025 && (a.End == null || a.End.Value.Year >= 2025)).Select(a => a.Id).Order(), listed.Order());
        Assert.NotEmpty(listed);
    }

    [Fact]
    public async Task OneYearsRound_NeverChangesAnotherYears()
    {
        var older = await OpenAsync(2020, new[] { "Vad ledde arbetet till?" });
        var newer = await OpenAsync(2021, new[] { "Vad ledde arbetet till?", "Vad fungerade inte?" });
        var olderSection = SectionOf(older, Committee);
        var newerSection = SectionOf(newer, Committee);
        Assert.NotEqual(olderSection, newerSection);
        var before = await app.WithDbAsync(db => db.FollowUpSections.IgnoreQueryFilters().Where(s => s.RoundId == older.GetProperty("id").GetGuid())
            .Select(s => new { s.Id, s.Status, s.Version }).OrderBy(s => s.Id).ToListAsync());

        var editor = await app.ApiClientAsync(Editor);
        var approver = await app.ApiClientAsync(Approver);
        var coordinator = await app.ApiClientAsync(Coordinator);
        await OkAsync(await editor.PutJsonAsync($"/api/v1/follow-up/sections/{newerSection}/answers", new { answers = new[] { "2021 års svar.", "Inget." } }));
        await OkAsync(await approver.PostJsonAsync($"/api/v1/follow-up/sections/{newerSection}/ready", new { }));
        await OkAsync(await coordinator.PutJsonAsync($"/api/v1/follow-up/{newer.GetProperty("id").GetGuid()}", new { summary = "2021." }));
        await OkAsync(await coordinator.PostJsonAsync($"/api/v1/follow-up/{newer.GetProperty("id").GetGuid()}/close", new { }));

        var after = await app.WithDbAsync(db => db.FollowUpSections.IgnoreQueryFilters().Where(s => s.RoundId == older.GetProperty("id").GetGuid())
            .Select(s => new { s.Id, s.Status, s.Version }).OrderBy(s => s.Id).ToListAsync());
        Assert.Equal(before, after);
        var olderRound = await OkAsync(await coordinator.GetAsync($"/api/v1/follow-up/{older.GetProperty("id").GetGuid()}"));
        Assert.Equal(("Open", null), (olderRound.Str("status"), olderRound.Str("summary")));
        var olderAnswers = await OkAsync(await editor.GetAsync($"/api/v1/follow-up/sections/{olderSection}"));
        Assert.Equal("", olderAnswers.GetProperty("answers")[0].Str("answer"));
        // And the older one still takes its own answers.
        await OkAsync(await editor.PutJsonAsync($"/api/v1/follow-up/sections/{olderSection}/answers", new { answers = new[] { "2020 års svar." } }));
    }
}

public sealed class FollowUpApiTests_Sqlite(SqliteApp app) : FollowUpApiTests(app), IClassFixture<SqliteApp>;
public sealed class FollowUpApiTests_Postgres(PostgresApp app) : FollowUpApiTests(app), IClassFixture<PostgresApp>;
