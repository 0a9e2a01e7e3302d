using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Precondition;

/// <summary>
/// R8, R9 through the API on both databases: a partner in a country that does not meet the precondition blocks approval,
/// citing the clause; KS's exception (recorded by the KS secretariat only) lets that activity and partner through; an
/// expired exception blocks again, and another activity with the same partner needs its own.
/// </summary>
public abstract class PreconditionGateTests(OmvarldApp app)
{
    private const string Administration = "Gymnasie- och vuxenutbildningsförvaltningen";
    private static readonly string Editor = OmvarldApp.Email("redaktor");
    private static readonly string Approver = OmvarldApp.Email("godkannare");
    private static readonly string Ks = OmvarldApp.Email("ks");
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");

    private async Task<Guid> PartnerAsync(string name, string country)
    {
        var response = await (await app.ApiClientAsync(Coordinator)).PostJsonAsync("/api/v1/partners", new { name, type = "University", city = "Staden", countryCode = country });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>A submitted activity with one partner, meeting every other check of Borås 2023.</summary>
    private async Task<JsonElement> SubmittedAsync(string title, Guid partner)
    {
        var editor = await app.ApiClientAsync(Editor);
        var created = await editor.PostJsonAsync("/api/v1/activities", new
        {
            title, description = "Forskningssamarbete om textilåtervinning.", kind = "TransnationalProject",
            ownerUnitId = await app.UnitIdAsync(app.Boras, Administration), responsibleUserId = await app.UserIdAsync(Editor),
            start = "2026-01-15", end = "2027-06-30", purpose = "Kunskap om återvinning.", expectedResults = "En gemensam rapport.",
            childPerspective = "Gymnasieelever deltar.", goals = new[] { new { code = "PROJEKTSAMVERKAN", how = "Ett gemensamt projekt." } },
            sdgs = new[] { "12" }, partners = new[] { new { partnerId = partner, role = "Partner" } },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var activity = await created.ReadJsonAsync();
        var funded = await editor.PostJsonAsync($"/api/v1/activities/{activity.GetProperty("id").GetGuid()}/funding", new
        {
            source = "EuProgramme", programmeCode = "HORIZON_EUROPE", amount = 500000m, currency = "Sek", status = "Applied", statusOn = "2025-12-01",
            version = activity.GetProperty("version").GetInt32(),
        });
        var withFunding = await funded.ReadJsonAsync();
        var submitted = await editor.PostJsonAsync($"/api/v1/activities/{activity.GetProperty("id").GetGuid()}/transitions", new { action = "Submit", version = withFunding.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        return await submitted.ReadJsonAsync();
    }

    // The exceptions' dates count from the app's today: decided a month ago and in force for a year, or run out yesterday.
    private DateOnly Decided => app.Today.AddMonths(-1);
    private DateOnly InForceUntil => app.Today.AddYears(1);
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private object Exception(Guid activity, Guid partner, string? paragraph = "§ 214", bool dated = true, string? caseNumber = "KS 2026/00311",
        DateOnly? decidedOn = null, DateOnly? validUntil = null) =>
        new
        {
            body = "Kommunstyrelsen", decidedOn = dated ? Day(decidedOn ?? Decided) : null, minuteParagraph = paragraph, caseNumber,
            decisionText = "Kommunstyrelsen beslutar om undantag för samarbetet.", activityId = activity, partnerId = partner,
            validUntil = Day(validUntil ?? InForceUntil),
        };

    private async Task<HttpResponseMessage> ApproveAsync(Guid id) =>
        await (await app.ApiClientAsync(Approver)).PostJsonAsync($"/api/v1/activities/{id}/transitions", new
        {
            action = "Approve", version = (await (await (await app.ApiClientAsync(Approver)).GetAsync($"/api/v1/activities/{id}")).ReadJsonAsync()).GetProperty("version").GetInt32(),
        });

    [Fact]
    public async Task Gate_NotMetPartnerBlocks_KsExceptionAllows_ExpiredBlocksAgain_NewActivityNeedsItsOwn()
    {
        var china = await PartnerAsync("Donghua-universitetet (fiktiv)", "CN");
        var activity = await SubmittedAsync("Textilforskning med Shanghai", china);
        var id = activity.GetProperty("id").GetGuid();

        // The finding cites the policy's clause and names the partner; approval is refused.
        var finding = activity.GetProperty("findings").EnumerateArray().Single(f => f.Str("check") == "partner-precondition");
        Assert.Equal("Blocking", finding.Str("severity"));
        Assert.Contains("Donghua-universitetet (fiktiv)", finding.Str("message"));
        Assert.Contains("ska beslut om undantag fattas av Kommunstyrelsen", finding.Str("clause"));
        Assert.Equal(HttpStatusCode.BadRequest, (await ApproveAsync(id)).StatusCode);

        // Only the KS secretariat records exceptions; §, date and case number are required; the partner must be in the activity.
        var ks = await app.ApiClientAsync(Ks);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync(Coordinator)).PostJsonAsync("/api/v1/exceptions", Exception(id, china))).StatusCode);
        Assert.Equal("Paragraf (§) i protokollet måste fyllas i.", Message(await (await ks.PostJsonAsync("/api/v1/exceptions", Exception(id, china, paragraph: null))).ReadProblemAsync()));
        Assert.Equal("Beslutsdatum måste fyllas i.", Message(await (await ks.PostJsonAsync("/api/v1/exceptions", Exception(id, china, dated: false))).ReadProblemAsync()));
        Assert.Equal("Diarienummer måste fyllas i.", Message(await (await ks.PostJsonAsync("/api/v1/exceptions", Exception(id, china, caseNumber: null))).ReadProblemAsync()));
        var other = await PartnerAsync("Annan part (fiktiv)", "CN");
        Assert.Equal("Samarbetsparten är inte med i aktiviteten.", Message(await (await ks.PostJsonAsync("/api/v1/exceptions", Exception(id, other))).ReadProblemAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.PreconditionExceptions.IgnoreQueryFilters().CountAsync(e => e.ActivityId == id)));

        var recorded = await ks.PostJsonAsync("/api/v1/exceptions", Exception(id, china));
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var covered = await (await ks.GetAsync($"/api/v1/activities/{id}")).ReadJsonAsync();
        Assert.DoesNotContain(covered.GetProperty("findings").EnumerateArray(), f => f.Str("severity") == "Blocking");
        Assert.Contains(covered.GetProperty("findings").EnumerateArray(), f => f.Str("check") == "partner-precondition" && f.Str("severity") == "Info");
        var approved = await ApproveAsync(id);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("2023", (await approved.ReadJsonAsync()).GetProperty("approvedUnder").Str("label"));

        // A new activity with the same partner: the exception covers the first activity only.
        var second = await SubmittedAsync("Fortsatt textilforskning", china);
        Assert.Equal(HttpStatusCode.BadRequest, (await ApproveAsync(second.GetProperty("id").GetGuid())).StatusCode);

        // An exception that has run out blocks again (decided and ended before today).
        var third = await SubmittedAsync("Textilforskning 2026", china);
        var thirdId = third.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await ks.PostJsonAsync("/api/v1/exceptions", Exception(thirdId, china, decidedOn: app.Today.AddYears(-1), validUntil: app.Today.AddDays(-1)))).StatusCode);
        var expired = await (await ks.GetAsync($"/api/v1/activities/{thirdId}")).ReadJsonAsync();
        Assert.Contains(expired.GetProperty("findings").EnumerateArray(), f => f.Str("severity") == "Blocking" && f.Str("message")!.Contains("har upphört"));
        Assert.Equal(HttpStatusCode.BadRequest, (await ApproveAsync(thirdId)).StatusCode);

        // The exceptions are listed, for the activity and for the country.
        // (The demo has exceptions of its own for China: count this test's activities' ones.)
        var listed = (await (await (await app.ApiClientAsync(OmvarldApp.Email("lasare"))).GetAsync("/api/v1/exceptions?country=CN")).ReadJsonAsync()).EnumerateArray()
            .Where(e => e.GetProperty("activityId").GetGuid() is var a && (a == id || a == thirdId)).ToList();
        Assert.Equal(2, listed.Count);
        Assert.Contains(listed, e => e.GetProperty("hasExpired").GetBoolean());
        // ... and in the activity export.
        var csv = await (await (await app.ApiClientAsync(Coordinator)).GetAsync("/api/v1/activities/export?format=csv&q=Textilforskning med Shanghai")).Content.ReadAsStringAsync();
        Assert.Contains($"Kommunstyrelsen {Day(Decided)} § 214 (KS 2026/00311): Donghua-universitetet (fiktiv), t.o.m. {Day(InForceUntil)}", csv);
    }

    private static string? Message(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().First().Value[0].GetString();
}

public sealed class PreconditionGateTests_Sqlite(SqliteApp app) : PreconditionGateTests(app), IClassFixture<SqliteApp>;
public sealed class PreconditionGateTests_Postgres(PostgresApp app) : PreconditionGateTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// R8 on both databases: the country assessment by the data in force and the coordinator's judgement, and the criteria
/// per policy version. Apart from the gate: these read the demo's country data and policy as they are today, while the
/// gate's scenario holds on any day (<see cref="Infrastructure.SqliteAppYearsLater"/>).
/// </summary>
public abstract class PreconditionAssessmentTests(OmvarldApp app)
{
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");
    private static readonly string Ks = OmvarldApp.Email("ks");

    [Fact]
    public async Task Assessment_SwedenMet_ChinaNotMet_JudgementOverridesButKeepsTheData()
    {
        var reader = await app.ApiClientAsync(OmvarldApp.Email("lasare"));
        var sweden = await (await reader.GetAsync("/api/v1/countries/SE/assessment")).ReadJsonAsync();
        Assert.Equal("Met", sweden.Str("outcome"));
        var china = await (await reader.GetAsync("/api/v1/countries/CN/assessment")).ReadJsonAsync();
        Assert.Equal("NotMet", china.Str("outcome"));
        Assert.Contains(china.GetProperty("criteria").EnumerateArray(), c => c.Str("criterion") == "Democracy" && c.Str("outcome") == "NotMet");

        var coordinator = await app.ApiClientAsync(Coordinator);
        Assert.Equal("Motivera bedömningen.", Message(await (await coordinator.PostJsonAsync("/api/v1/judgements", new { countryCode = "CN", outcome = "Met", reason = "" })).ReadProblemAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostJsonAsync("/api/v1/judgements", new { countryCode = "CN", outcome = "Met", reason = "x" })).StatusCode);
        var judged = await coordinator.PostJsonAsync("/api/v1/judgements", new { countryCode = "CN", outcome = "Met", reason = "Samarbetet gäller en stad med ett särskilt avtal.", evidence = "Avtal 2026-02-01" });
        Assert.Equal(HttpStatusCode.Created, judged.StatusCode);

        var overridden = await (await reader.GetAsync("/api/v1/countries/CN/assessment")).ReadJsonAsync();
        Assert.Equal("Met", overridden.Str("outcome"));
        Assert.Equal("NotMet", overridden.Str("dataOutcome"));
        Assert.True(overridden.GetProperty("isOverridden").GetBoolean());
        Assert.NotEmpty(overridden.GetProperty("criteria").EnumerateArray().SelectMany(c => c.GetProperty("readings").EnumerateArray()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.EntityType == "ManualJudgement")));

        var id = judged.Headers.Location!.OriginalString.Split('/').Last();
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync($"/api/v1/judgements/{id}")).StatusCode);
        Assert.Equal("NotMet", (await (await reader.GetAsync("/api/v1/countries/CN/assessment")).ReadJsonAsync()).Str("outcome"));
    }

    [Fact]
    public async Task Criteria_PerPolicyVersion_DefaultsUntilSet_BadLevelsRefused()
    {
        var coordinator = await app.ApiClientAsync(Coordinator);
        var version = await app.WithDbAsync(db => db.PolicyVersions.IgnoreQueryFilters().Where(v => v.Key == "BORAS-2023").Select(v => v.Id).SingleAsync());
        var defaults = await (await coordinator.GetAsync($"/api/v1/precondition/criteria/{version}")).ReadJsonAsync();
        Assert.True(defaults.GetProperty("isDefault").GetBoolean());
        var criteria = defaults.GetProperty("criteria");

        var bad = await coordinator.PutJsonAsync($"/api/v1/precondition/criteria/{version}", new { criteria = new { minimumCivilLiberties = 1.7m }, version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync(Ks)).PutJsonAsync($"/api/v1/precondition/criteria/{version}", new { criteria = new { }, version = 0 })).StatusCode);
        var set = await coordinator.PutJsonAsync($"/api/v1/precondition/criteria/{version}", new { criteria = new { minimumWgiRuleOfLawPercentile = 40m }, version = 0 });
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        var stored = await (await coordinator.GetAsync($"/api/v1/precondition/criteria/{version}")).ReadJsonAsync();
        Assert.False(stored.GetProperty("isDefault").GetBoolean());
        Assert.Equal(40m, stored.GetProperty("criteria").GetProperty("minimumWgiRuleOfLawPercentile").GetDecimal());
        Assert.Equal(criteria.GetProperty("minimumCivilLiberties").GetDecimal(), stored.GetProperty("criteria").GetProperty("minimumCivilLiberties").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PutJsonAsync($"/api/v1/precondition/criteria/{version}", new { criteria = new { minimumWgiRuleOfLawPercentile = 45m }, version = 0 })).StatusCode);
    }

    private static string? Message(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().First().Value[0].GetString();
}

public sealed class PreconditionAssessmentTests_Sqlite(SqliteApp app) : PreconditionAssessmentTests(app), IClassFixture<SqliteApp>;
public sealed class PreconditionAssessmentTests_Postgres(PostgresApp app) : PreconditionAssessmentTests(app), IClassFixture<PostgresApp>;

/// <summary>Issue 6.5: a new data release re-assesses every partner country; an approved activity's partner that no longer meets the criteria is listed with old and new values.</summary>
public abstract class PreconditionReleaseTests(OmvarldApp app)
{
    [Fact]
    public async Task NewRegimeRelease_PartnerCountryFallsBelow_ChangeListedForTheCoordinator()
    {
        var coordinator = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));
        var estonia = await (await coordinator.PostJsonAsync("/api/v1/partners", new { name = "Tartu ülikool (fiktiv)", type = "University", countryCode = "EE" })).ReadJsonAsync();
        var editor = await app.ApiClientAsync(OmvarldApp.Email("redaktor"));
        var created = await (await editor.PostJsonAsync("/api/v1/activities", new
        {
            title = "Lärarutbyte med Tartu", description = "Utbyte.", kind = "StudyVisitOrExchange",
            ownerUnitId = await app.UnitIdAsync(app.Boras, "Gymnasie- och vuxenutbildningsförvaltningen"), responsibleUserId = await app.UserIdAsync(OmvarldApp.Email("redaktor")),
            start = "2026-02-01", end = "2026-12-31", purpose = "Lärande.", expectedResults = "Rapport.", childPerspective = "Elever deltar.",
            goals = new[] { new { code = "KUNSKAPSUTBYTEN", how = "Lärare byter erfarenheter." } }, sdgs = new[] { "4" },
            partners = new[] { new { partnerId = estonia.GetProperty("id").GetGuid(), role = "Host" } },
        })).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        var submitted = await (await editor.PostJsonAsync($"/api/v1/activities/{id}/transitions", new { action = "Submit", version = created.GetProperty("version").GetInt32() })).ReadJsonAsync();
        var approved = await (await app.ApiClientAsync(OmvarldApp.Email("godkannare"))).PostJsonAsync($"/api/v1/activities/{id}/transitions", new { action = "Approve", version = submitted.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Empty((await (await coordinator.GetAsync("/api/v1/precondition/changes")).ReadJsonAsync()).EnumerateArray());

        // A (fictitious) newer regime release in which Estonia is an electoral autocracy.
        var shift = DemoWorld.ShiftYears(app.Today);
        var lines = DemoWorld.ShippedCountryData("country_regime_vdem_v15.csv", shift).TrimEnd('\n').Split('\n');
        var estonia2024 = $"EST,Estonia,{2024 + shift},";
        var changed = lines.Select(line => line.StartsWith(estonia2024) ? estonia2024 + "1,Electoral autocracy,0.401,0.350,0.450,\"Testdata (fiktiv)\"," : line);
        var form = new MultipartFormDataContent
        {
            { new StringContent("regime"), "kind" }, { new StringContent("Testutgåva (fiktiv)"), "name" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join("\n", changed) + "\n")), "file", "regime-test.csv" },
        };
        var imported = await (await app.ApiClientAsync(OmvarldApp.Admin)).PostAsync("/api/v1/country-data/releases", form);
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());

        var change = (await (await coordinator.GetAsync("/api/v1/precondition/changes")).ReadJsonAsync()).EnumerateArray().Single();
        Assert.Equal("EE", change.Str("countryAlpha2"));
        Assert.Equal("Met", change.Str("oldOutcome"));
        Assert.Equal("NotMet", change.Str("newOutcome"));
        Assert.Contains("Liberal demokrati", change.Str("oldSummary"));
        Assert.Contains("Valautokrati", change.Str("newSummary"));
        Assert.Equal("Testutgåva (fiktiv)", change.Str("release"));
        // Never silently re-judged: the approved activity stays approved, and now shows the blocking finding for what comes next.
        var activity = await (await coordinator.GetAsync($"/api/v1/activities/{id}")).ReadJsonAsync();
        Assert.Equal("Approved", activity.Str("status"));

        // The coordinator's start page shows it with the activity, and "Markera som sedd" takes it away.
        var page = await app.SignInAsync(OmvarldApp.Email("samordnare"));
        var start = await page.GetDocumentAsync("/");
        var section = start.QuerySelector("#changes-heading")!.ParentElement!.TextContent;
        Assert.Contains("Estland", section);
        Assert.Contains("Lärarutbyte med Tartu", section);
        Assert.Contains("Valautokrati", section);
        Assert.Null((await (await app.SignInAsync(OmvarldApp.Email("lasare"))).GetDocumentAsync("/")).QuerySelector("#changes-heading"));
        var changeId = change.GetProperty("id").GetGuid();
        var acknowledged = await page.PostFormAsync("/", [], $"main form[action*='changeId={changeId}']", handler: $"Acknowledge&changeId={changeId}");
        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);
        Assert.Empty((await (await coordinator.GetAsync("/api/v1/precondition/changes")).ReadJsonAsync()).EnumerateArray());
    }
}

public sealed class PreconditionReleaseTests_Sqlite(SqliteApp app) : PreconditionReleaseTests(app), IClassFixture<SqliteApp>;
public sealed class PreconditionReleaseTests_Postgres(PostgresApp app) : PreconditionReleaseTests(app), IClassFixture<PostgresApp>;
