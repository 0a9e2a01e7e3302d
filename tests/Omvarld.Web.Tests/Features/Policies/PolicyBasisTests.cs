using System.Net;
using System.Text.Json;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Policies;

/// <summary>
/// Issue 19: what the policy basis says of a date and of an activity — Borås's 2002 version whose text is unknown, the
/// 2022–2023 gap with the municipality's rule (never a dead end), and whom a version covers (companies).
/// </summary>
public abstract class PolicyBasisTests(OmvarldApp app)
{
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");
    private static readonly string Approver = OmvarldApp.Email("godkannare");
    private const string Administration = "Gymnasie- och vuxenutbildningsförvaltningen";

    private async Task<JsonElement> InForceAsync(HttpClient api, string date)
    {
        var response = await api.GetAsync($"/api/v1/policies/in-force?date={date}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).EnumerateArray().Single();
    }

    private async Task<JsonElement> CreateAsync(HttpClient api, string title, string unit, string start, object[]? goals = null)
    {
        var response = await api.PostJsonAsync("/api/v1/activities", new
        {
            title, description = "Ett utbyte.", kind = "StudyVisitOrExchange", ownerUnitId = await app.UnitIdAsync(app.Boras, unit),
            responsibleUserId = await app.UserIdAsync(Coordinator), start, end = (string?)null, purpose = "Lära.", expectedResults = "En rapport.",
            childPerspective = (string?)null, aimedAtEnablingInternationalWork = false, goals = goals ?? [], sdgs = Array.Empty<string>(),
            partners = Array.Empty<object>(), version = (int?)null,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static async Task<JsonElement> StepAsync(HttpClient api, Guid id, string action, int version, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await api.PostJsonAsync($"/api/v1/activities/{id}/transitions", new { action, version, comment = (string?)null });
        Assert.True(response.StatusCode == expected, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task InForce_2005_IsThe2002Version_WhoseTextIsUnknown()
    {
        var api = await app.ApiClientAsync(Coordinator);
        var answer = await InForceAsync(api, "2005-05-01");

        Assert.Equal("InForce", answer.Str("outcome"));
        Assert.Equal("2002", answer.GetProperty("version").Str("label"));
        Assert.False(answer.GetProperty("textKnown").GetBoolean());
        Assert.Contains("text inte är känd", answer.Str("explanation"));
        // The 2009 text is in force only from its revision.
        Assert.Equal("2002", (await InForceAsync(api, "2009-08-19")).GetProperty("version").Str("label"));
        Assert.Equal("2009", (await InForceAsync(api, "2009-08-20")).GetProperty("version").Str("label"));

        var page = await (await app.SignInAsync(Coordinator)).GetDocumentAsync("/styrdokument?datum=2005-05-01");
        Assert.Contains("text inte är känd", page.QuerySelector("#in-force-on-day")!.TextContent);
    }

    [Fact]
    public async Task ComparePage_OpensWithTheLatestChange_NotOneVersionAgainstItself()
    {
        var page = await (await app.SignInAsync(Coordinator)).GetDocumentAsync("/styrdokument/jamfor");

        var from = page.QuerySelector("#fran option[selected]")!.TextContent;
        var to = page.QuerySelector("#till option[selected]")!.TextContent;
        Assert.EndsWith("2016", from);
        Assert.EndsWith("2023", to);
        Assert.NotNull(page.QuerySelector("main h2"));
    }

    [Fact]
    public async Task Activity_In2005_IsNotJudgedByThe2009Text_AndSaysSo()
    {
        var api = await app.ApiClientAsync(Coordinator);
        var activity = await CreateAsync(api, "Studiebesök 2005", Administration, "2005-05-01");

        var findings = activity.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.Str("check") == "policy-text-unknown" && f.Str("severity") == "Info");
        Assert.DoesNotContain(findings, f => f.Str("check") == "motivation-when-no-goal");
    }

    [Fact]
    public async Task Gap_NamedWithItsRule_ActivityNeverADeadEnd_AndTheRuleCanContinueTheExpiredVersion()
    {
        var api = await app.ApiClientAsync(Coordinator);
        var gap = await InForceAsync(api, "2022-03-01");
        Assert.Equal("Gap", gap.Str("outcome"));
        Assert.Equal("2016", gap.GetProperty("lastExpired").Str("label"));
        Assert.Equal("2023", gap.GetProperty("next").Str("label"));
        Assert.Equal("ReasonRequired", gap.Str("gapRule"));
        Assert.Contains("samordnarens registrerade motivering", gap.Str("explanation"));
        Assert.Contains("2021-12-31", gap.Str("explanation"));

        // An activity in the gap: a blocking finding names the gap; Godkänn is not offered until the coordinator's reason.
        var activity = await CreateAsync(api, "Konferens i glappet", Administration, "2022-03-01");
        var id = activity.GetProperty("id").GetGuid();
        var submitted = await StepAsync(api, id, "Submit", activity.GetProperty("version").GetInt32());
        var finding = submitted.GetProperty("findings").EnumerateArray().Single(f => f.Str("check") == "policy-gap");
        Assert.Equal("Blocking", finding.Str("severity"));
        Assert.Contains("2016", finding.Str("message"));
        var approver = await app.ApiClientAsync(Approver);
        var asApprover = await (await approver.GetAsync($"/api/v1/activities/{id}")).ReadJsonAsync();
        Assert.DoesNotContain(asApprover.GetProperty("actions").EnumerateArray(), a => a.GetString() == "Approve");
        await StepAsync(approver, id, "Approve", submitted.GetProperty("version").GetInt32(), HttpStatusCode.BadRequest);

        // Only the coordinator records the reason; then the approver approves, under no version.
        var notAllowed = await approver.PutJsonAsync($"/api/v1/activities/{id}/gap-reason", new { reason = "x", version = submitted.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Forbidden, notAllowed.StatusCode);
        var reasoned = await api.PutJsonAsync($"/api/v1/activities/{id}/gap-reason",
            new { reason = "Konferensen var beslutad av nämnden innan policyn gick ut.", version = submitted.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, reasoned.StatusCode);
        var withReason = await (await approver.GetAsync($"/api/v1/activities/{id}")).ReadJsonAsync();
        Assert.Equal("Info", withReason.GetProperty("findings").EnumerateArray().Single(f => f.Str("check") == "policy-gap").Str("severity"));
        Assert.Contains(withReason.GetProperty("actions").EnumerateArray(), a => a.GetString() == "Approve");
        var approved = await StepAsync(approver, id, "Approve", withReason.GetProperty("version").GetInt32());
        Assert.Equal("Approved", approved.Str("status"));

        // The other rule: the expired version continues; the answer and a new activity in the gap are judged by 2016.
        var chosen = await api.PutJsonAsync($"/api/v1/policies/documents/{gap.Str("documentId")}/gap-rule", new { rule = "ExpiredContinues" });
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        var continued = await InForceAsync(api, "2022-03-01");
        Assert.Equal("ExpiredContinues", continued.Str("gapRule"));
        Assert.Equal("2016", continued.GetProperty("applies").Str("label"));
        Assert.Contains("fortsätter att gälla", continued.Str("explanation"));
        var judged = await CreateAsync(api, "Studiebesök i glappet", Administration, "2022-04-01");
        Assert.Equal("2016", judged.GetProperty("policy").Str("label"));
        Assert.Contains(judged.GetProperty("findings").EnumerateArray(), f => f.Str("check") == "goal-linkage");
        Assert.Contains(judged.GetProperty("findings").EnumerateArray(), f => f.Str("check") == "policy-gap" && f.Str("severity") == "Info");

        var bad = await api.PutJsonAsync($"/api/v1/policies/documents/{gap.Str("documentId")}/gap-rule", new { rule = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task CompanyActivity_UnderAVersionForNamnderOchForvaltningar_IsNotCovered_UnderOneForBolag_IsJudged()
    {
        var api = await app.ApiClientAsync(Coordinator);

        var under2023 = await CreateAsync(api, "Bolagets studiebesök", "Borås Energi och Miljö AB", "2025-03-01");
        var findings = under2023.GetProperty("findings").EnumerateArray().ToList();
        var notCovered = findings.Single(f => f.Str("check") == "policy-not-covered");
        Assert.Contains("Alla nämnder och förvaltningar", notCovered.Str("message"));
        Assert.DoesNotContain(findings, f => f.Str("check") == "goal-linkage");

        // Borås 2009 covers "Alla nämnder, förvaltningar och bolag": the company's activity is judged.
        var under2009 = await CreateAsync(api, "Bolagets studiebesök 2010", "Borås Energi och Miljö AB", "2010-03-01");
        var judged = under2009.GetProperty("findings").EnumerateArray().ToList();
        Assert.DoesNotContain(judged, f => f.Str("check") == "policy-not-covered");
        Assert.Contains(judged, f => f.Str("check") == "motivation-when-no-goal");
    }

    [Fact]
    public async Task UnknownQueryParameter_IsA400NamingIt_KnownOnesAnswer()
    {
        var api = await app.ApiClientAsync(Coordinator);

        var response = await api.GetAsync("/api/v1/policies/in-force?on=2022-03-01");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadProblemAsync()).GetProperty("errors");
        Assert.Equal("Okänd parameter. Adressen tar bara: date.", errors.GetProperty("on")[0].GetString());

        // Properties of an [AsParameters] filter and plain parameters are known, in any case; a route's own name is not.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/activities?page=1&PageSize=10&year=2025&published=true")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/activities?sida=2")).StatusCode);
        var policies = await (await api.GetAsync("/api/v1/policies")).ReadJsonAsync();
        var versionId = policies.EnumerateArray().First().GetProperty("versions").EnumerateArray().First().Str("id");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/policies/versions/{versionId}")).StatusCode);
        var withId = await api.GetAsync($"/api/v1/policies/versions/{versionId}?id={versionId}");
        Assert.Equal(HttpStatusCode.BadRequest, withId.StatusCode);
        Assert.Equal("Okänd parameter. Adressen tar inga parametrar.", (await withId.ReadProblemAsync()).GetProperty("errors").GetProperty("id")[0].GetString());
    }
}

public sealed class PolicyBasisTests_Sqlite(SqliteApp app) : PolicyBasisTests(app), IClassFixture<SqliteApp>;
public sealed class PolicyBasisTests_Postgres(PostgresApp app) : PolicyBasisTests(app), IClassFixture<PostgresApp>;
