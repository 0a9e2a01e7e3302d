using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Activities;

/// <summary>
/// Issue 5 through the API on both databases: an activity is registered, the checks of the policy in force at its start
/// find what it lacks (citing the clause), the workflow moves it on with who, when and why in the audit, approval is
/// refused while a blocking finding stands and records the version it was made under.
/// </summary>
public abstract class ActivityApiTests(OmvarldApp app)
{
    private const string Committee = "Gymnasie- och vuxenutbildningsnämnden";
    private const string Administration = "Gymnasie- och vuxenutbildningsförvaltningen";
    private static readonly string Editor = OmvarldApp.Email("redaktor");
    private static readonly string Approver = OmvarldApp.Email("godkannare");

    private async Task<object> NewActivityAsync(string title, string unit = Administration, object[]? goals = null, object[]? partners = null,
        string start = "2025-03-01", string? end = "2026-06-30", int? version = null) => new
    {
        title, description = "Utbyte av erfarenheter om yrkesutbildning.", kind = "TransnationalProject",
        ownerUnitId = await app.UnitIdAsync(app.Boras, unit), responsibleUserId = await app.UserIdAsync(Editor),
        start, end, purpose = "Stärka yrkesprogrammen.", expectedResults = "Ett gemensamt kursupplägg.",
        childPerspective = "Eleverna deltar i utbytet.", aimedAtEnablingInternationalWork = false,
        goals = goals ?? [], sdgs = new[] { "4", "8.6" }, partners = partners ?? [], version,
    };

    private async Task<Guid> PartnerAsync(HttpClient api, string name, string country)
    {
        var created = await api.PostJsonAsync("/api/v1/partners", new { name, type = "School", city = "Orten", countryCode = country });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> StepAsync(HttpClient api, Guid id, string action, int version, string? comment = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await api.PostJsonAsync($"/api/v1/activities/{id}/transitions", new { action, version, comment });
        Assert.True(response.StatusCode == expected, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task Workflow_FindingWithClause_BlocksApproval_ThenFixedSubmittedApprovedStartedCompletedReported()
    {
        var editor = await app.ApiClientAsync(Editor);
        var approver = await app.ApiClientAsync(Approver);

        var created = await editor.PostJsonAsync("/api/v1/activities", await NewActivityAsync("Yrkesutbyte med Tartu"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var activity = await created.ReadJsonAsync();
        var id = activity.GetProperty("id").GetGuid();

        // Borås 2023 is in force on 2025-03-01: no goal is a blocking finding that quotes the clause; no partner and no
        // external funding give the projektsamverkan and funding findings too.
        Assert.Equal("2023", activity.GetProperty("policy").Str("label"));
        var findings = activity.GetProperty("findings").EnumerateArray().ToList();
        var goal = findings.Single(f => f.Str("check") == "goal-linkage");
        Assert.Equal("Blocking", goal.Str("severity"));
        // The clause quoted whole: the lead-in and the list it leads into, not "…ska bidra till följande:" alone.
        Assert.StartsWith("Internationella samarbeten ska bidra till följande:\n• Verksamhetsutveckling, som i en internationell kontext", goal.Str("clause"));
        Assert.Contains("• Kunskapsutbyten, vilket innebär ett aktivt sökande efter kunskap", goal.Str("clause"));
        Assert.Equal("BORAS-2023", goal.Str("policyVersionKey"));
        Assert.Contains(findings, f => f.Str("check") == "external-funding-sought" && f.Str("severity") == "Warning");

        // Submitted and approved: refused while the finding stands, and nothing changes.
        var submitted = await StepAsync(editor, id, "Submit", activity.GetProperty("version").GetInt32());
        var refused = await StepAsync(approver, id, "Approve", submitted.GetProperty("version").GetInt32(), expected: HttpStatusCode.BadRequest);
        Assert.Contains("kan inte godkännas", refused.GetProperty("errors").EnumerateObject().First().Value[0].GetString());
        var rejected = await StepAsync(approver, id, "Reject", submitted.GetProperty("version").GetInt32(), "Ange vilket av policyns mål aktiviteten bidrar till.");
        Assert.Equal("Rejected", rejected.Str("status"));

        // Mended: a goal with how it serves it, a partner in Estonia and an EU application.
        var partner = await PartnerAsync(editor, "Tartu kutsehariduskeskus (fiktiv)", "EE");
        var updated = await editor.PutJsonAsync($"/api/v1/activities/{id}", await NewActivityAsync("Yrkesutbyte med Tartu",
            goals: [new { code = "PROJEKTSAMVERKAN", how = "Ett gemensamt projekt med en yrkesskola i Tartu." }],
            partners: [new { partnerId = partner, role = "Partner" }], version: rejected.GetProperty("version").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var funded = await editor.PostJsonAsync($"/api/v1/activities/{id}/funding", new
        {
            source = "EuProgramme", programmeCode = "ERASMUS_PLUS", amount = 30000m, currency = "Eur", exchangeRate = 11.2m,
            status = "Applied", statusOn = "2025-02-01", version = (await updated.ReadJsonAsync()).GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.OK, funded.StatusCode);
        var mended = await funded.ReadJsonAsync();
        Assert.DoesNotContain(mended.GetProperty("findings").EnumerateArray(), f => f.Str("severity") == "Blocking");
        Assert.True(mended.GetProperty("classification").GetProperty("isInternational").GetBoolean());
        Assert.True(mended.GetProperty("classification").GetProperty("isEuProject").GetBoolean());

        var again = await StepAsync(editor, id, "Submit", mended.GetProperty("version").GetInt32());
        // The editor is no approver: approving is forbidden, not merely refused.
        await StepAsync(editor, id, "Approve", again.GetProperty("version").GetInt32(), expected: HttpStatusCode.Forbidden);
        var approved = await StepAsync(approver, id, "Approve", again.GetProperty("version").GetInt32(), "Godkänd enligt policyn.");
        Assert.Equal("Approved", approved.Str("status"));
        Assert.Equal("2023", approved.GetProperty("approvedUnder").Str("label"));

        var started = await StepAsync(editor, id, "Start", approved.GetProperty("version").GetInt32());
        var completed = await StepAsync(editor, id, "Complete", started.GetProperty("version").GetInt32());
        var reported = await editor.PostJsonAsync($"/api/v1/activities/{id}/results", new { text = "Ett gemensamt kursupplägg i svetsning.", version = completed.GetProperty("version").GetInt32() });
        Assert.Equal("ResultsReported", (await reported.ReadJsonAsync()).Str("status"));

        // Each step is in the audit: who, when, and the comment.
        var history = (await (await editor.GetAsync($"/api/v1/activities/{id}/history?pageSize=100")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(history, h => (h.Str("comment") ?? "").Contains("Ange vilket av policyns mål"));
        Assert.Contains(history, h => (h.Str("comment") ?? "").StartsWith("Godkänn"));
    }

    [Fact]
    public async Task StartPage_SubmittedActivity_InTheApproversQueue_NotTheReaders()
    {
        var editor = await app.ApiClientAsync(Editor);
        var created = await (await editor.PostJsonAsync("/api/v1/activities", await NewActivityAsync("Köad för godkännande",
            goals: [new { code = "KUNSKAPSUTBYTEN", how = "Utbyte." }]))).ReadJsonAsync();
        await StepAsync(editor, created.GetProperty("id").GetGuid(), "Submit", created.GetProperty("version").GetInt32());

        var approverStart = await (await app.SignInAsync(Approver)).GetDocumentAsync("/");
        Assert.Matches(@"\d+ aktiviteter väntar på ditt godkännande", approverStart.QuerySelector("#queue-heading")!.ParentElement!.TextContent);
        var readerStart = await (await app.SignInAsync(OmvarldApp.Email("lasare"))).GetDocumentAsync("/");
        Assert.Null(readerStart.QuerySelector("#queue-heading"));
    }

    [Fact]
    public async Task Concurrency_SecondSaveOfTheSameVersion_RefusedNamingWhatChanged()
    {
        var editor = await app.ApiClientAsync(Editor);
        var coordinator = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));
        var created = await (await editor.PostJsonAsync("/api/v1/activities", await NewActivityAsync("Studiebesök i Vilnius"))).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetInt32();

        var first = await coordinator.PutJsonAsync($"/api/v1/activities/{id}", await NewActivityAsync("Studiebesök i Vilnius och Kaunas", version: version));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await editor.PutJsonAsync($"/api/v1/activities/{id}", await NewActivityAsync("Studiebesök i Vilnius", end: "2026-08-31", version: version));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var detail = (await second.ReadProblemAsync()).Str("detail")!;
        Assert.Contains("titel", detail);
        Assert.Contains("slutdatum", detail);
        var stored = await (await editor.GetAsync($"/api/v1/activities/{id}")).ReadJsonAsync();
        Assert.Equal("Studiebesök i Vilnius och Kaunas", stored.Str("title"));
        Assert.Equal("2026-06-30", stored.Str("end"));
    }

    [Fact]
    public async Task BadInput_ClearSwedishMessages_NothingStored()
    {
        var editor = await app.ApiClientAsync(Editor);
        var before = await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().CountAsync());

        var endBeforeStart = await editor.PostJsonAsync("/api/v1/activities", await NewActivityAsync("Fel datum", start: "2025-06-01", end: "2025-05-01"));
        Assert.Equal("Slutdatum kan inte vara före startdatum.", (await endBeforeStart.ReadProblemAsync()).GetProperty("errors").EnumerateObject().Single().Value[0].GetString());
        var unknownGoal = await editor.PostJsonAsync("/api/v1/activities", await NewActivityAsync("Okänt mål", goals: [new { code = "FINNS_INTE", how = "x" }]));
        Assert.Equal(HttpStatusCode.BadRequest, unknownGoal.StatusCode);
        var unknownPartner = await editor.PostJsonAsync("/api/v1/activities", await NewActivityAsync("Okänd part", partners: [new { partnerId = Guid.NewGuid(), role = "Lead" }]));
        Assert.Equal("Samarbetsparten finns inte i kommunens register.", (await unknownPartner.ReadProblemAsync()).GetProperty("errors").EnumerateObject().Single().Value[0].GetString());
        Assert.Equal(before, await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().CountAsync()));

        var activity = await (await editor.PostJsonAsync("/api/v1/activities", await NewActivityAsync("Rätt aktivitet"))).ReadJsonAsync();
        var id = activity.GetProperty("id").GetGuid();
        var version = activity.GetProperty("version").GetInt32();
        var negative = await editor.PostJsonAsync($"/api/v1/activities/{id}/funding", new { source = "OwnBudget", ownUnitId = await app.UnitIdAsync(app.Boras, Administration), amount = -5m, currency = "Sek", status = "Planned", version });
        Assert.Equal("Beloppet måste vara mellan 0 och 1 000 000 000.", (await negative.ReadProblemAsync()).GetProperty("errors").EnumerateObject().Single().Value[0].GetString());
        var noRate = await editor.PostJsonAsync($"/api/v1/activities/{id}/funding", new { source = "EuProgramme", programmeCode = "ERASMUS_PLUS", amount = 1000m, currency = "Eur", status = "Planned", version });
        Assert.Contains("växelkurs", (await noRate.ReadProblemAsync()).GetProperty("errors").EnumerateObject().Single().Value[0].GetString());
        var badCountry = await editor.PostJsonAsync($"/api/v1/activities/{id}/trips", new { travellers = "Två lärare", travellerCount = 2, city = "Atlantis", countryCode = "XX", departOn = "2025-04-01", returnOn = "2025-04-03", version });
        Assert.Equal("Välj ett land i listan.", (await badCountry.ReadProblemAsync()).GetProperty("errors").EnumerateObject().Single().Value[0].GetString());
        var unknownCountryPartner = await editor.PostJsonAsync("/api/v1/partners", new { name = "Ingenstans skola", type = "School", countryCode = "QQ" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownCountryPartner.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.FundingLines.IgnoreQueryFilters().CountAsync(f => f.ActivityId == id)));
    }

    [Fact]
    public async Task Authorization_ByRoleAndUnit_AndPartnerInUseNotDeleted()
    {
        var editor = await app.ApiClientAsync(Editor);
        var coordinator = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));
        var reader = await app.ApiClientAsync(OmvarldApp.Email("lasare"));

        // An editor of one committee cannot register or change work of another; a reader changes nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostJsonAsync("/api/v1/activities", await NewActivityAsync("Kulturutbyte", unit: "Kulturförvaltningen"))).StatusCode);
        var culture = await (await coordinator.PostJsonAsync("/api/v1/activities", await NewActivityAsync("Kulturutbyte", unit: "Kulturförvaltningen"))).ReadJsonAsync();
        var cultureId = culture.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PutJsonAsync($"/api/v1/activities/{cultureId}", await NewActivityAsync("Ändrat", unit: "Kulturförvaltningen", version: culture.GetProperty("version").GetInt32()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostJsonAsync("/api/v1/activities", await NewActivityAsync("Läsarens"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostJsonAsync($"/api/v1/activities/{cultureId}/transitions", new { action = "Submit", version = culture.GetProperty("version").GetInt32() })).StatusCode);
        // The reader reads it, without the trips (personal data).
        var read = await (await reader.GetAsync($"/api/v1/activities/{cultureId}")).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, read.GetProperty("trips").ValueKind);
        Assert.Equal(JsonValueKind.Array, (await (await coordinator.GetAsync($"/api/v1/activities/{cultureId}")).ReadJsonAsync()).GetProperty("trips").ValueKind);
        // Another municipality does not see it at all.
        var other = await app.ApiClientAsync(OmvarldApp.Email("samordnare", "upplands-bro"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/activities/{cultureId}")).StatusCode);

        // A partner in use is not deleted; an unused one is (by the coordinator only).
        var used = await PartnerAsync(coordinator, "Kaunas kultūros centras (fiktiv)", "LT");
        var withPartner = await coordinator.PutJsonAsync($"/api/v1/activities/{cultureId}", await NewActivityAsync("Kulturutbyte", unit: "Kulturförvaltningen",
            partners: [new { partnerId = used, role = "Host" }], version: culture.GetProperty("version").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, withPartner.StatusCode);
        var inUse = await coordinator.DeleteAsync($"/api/v1/partners/{used}");
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.StartsWith("Organisationen är samarbetspart", (await inUse.ReadProblemAsync()).Str("detail"));
        var unused = await PartnerAsync(editor, "Oanvänd skola (fiktiv)", "FI");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.DeleteAsync($"/api/v1/partners/{unused}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync($"/api/v1/partners/{unused}")).StatusCode);
    }

    [Fact]
    public async Task List_FiltersByUnitWithSubUnitsCountryAndClassification_AndPipelineSumsFunding()
    {
        var coordinator = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));
        var poland = await PartnerAsync(coordinator, "Szkoła w Łodzi (fiktiv)", "PL");
        var activity = await (await coordinator.PostJsonAsync("/api/v1/activities", await NewActivityAsync("Lärarutbyte med Łódź",
            partners: [new { partnerId = poland, role = "Lead" }]))).ReadJsonAsync();
        var id = activity.GetProperty("id").GetGuid();
        var grant = await coordinator.PostJsonAsync($"/api/v1/activities/{id}/funding", new
        {
            source = "EuProgramme", programmeCode = "ERASMUS_PLUS", amount = 100000m, currency = "Sek", status = "Granted", statusOn = "2025-01-15",
            version = activity.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.OK, grant.StatusCode);
        var committee = await app.UnitIdAsync(app.Boras, Committee);

        async Task<List<Guid>> IdsAsync(string query) =>
            (await (await coordinator.GetAsync($"/api/v1/activities?pageSize=200&{query}")).ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

        // The committee's list holds its administration's work (R10).
        Assert.Contains(id, await IdsAsync($"unit={committee}"));
        Assert.DoesNotContain(id, await IdsAsync($"unit={await app.UnitIdAsync(app.Boras, "Kulturnämnden")}"));
        Assert.Contains(id, await IdsAsync("country=PL"));
        Assert.DoesNotContain(id, await IdsAsync("country=KE"));
        Assert.Contains(id, await IdsAsync("classification=EuProject"));
        Assert.Contains(id, await IdsAsync("classification=EuropeanProject"));
        Assert.Contains(id, await IdsAsync("q=łódź"));
        Assert.Contains(id, await IdsAsync("year=2026&sdg=4&funding=ERASMUS_PLUS"));
        Assert.DoesNotContain(id, await IdsAsync("year=2024"));
        Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.GetAsync("/api/v1/activities?pageSize=5000")).StatusCode);
        // Each row names the unit that owns it (read with the page, issue 17).
        var row = (await (await coordinator.GetAsync("/api/v1/activities?q=łódź")).ReadJsonAsync()).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);
        Assert.Equal(Administration, row.Str("ownerUnitName"));

        var pipeline = await (await coordinator.GetAsync("/api/v1/activities/funding-pipeline?year=2025")).ReadJsonAsync();
        Assert.True(pipeline.GetProperty("grantedSek").GetDecimal() >= 100000m);
        Assert.Contains(pipeline.GetProperty("byProgramme").EnumerateArray(), p => p.Str("source") == "ERASMUS_PLUS");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync(Editor)).GetAsync("/api/v1/activities/funding-pipeline")).StatusCode);
    }

    /// <summary>
    /// Issue 19, R21: one definition of a project for the funding check and the pipeline's list of projects without
    /// external funding — a study visit serving Borås 2023's goal of project cooperation is a project for both, a
    /// study visit serving another goal for neither.
    /// </summary>
    [Fact]
    public async Task FundingCheckAndPipeline_SelectTheSameProjects()
    {
        var editor = await app.ApiClientAsync(Editor);
        async Task<JsonElement> VisitAsync(string title, string goal)
        {
            var response = await editor.PostJsonAsync("/api/v1/activities", new
            {
                title, description = "Studiebesök hos en partner.", kind = "StudyVisitOrExchange",
                ownerUnitId = await app.UnitIdAsync(app.Boras, Administration), responsibleUserId = await app.UserIdAsync(Editor),
                start = "2025-03-01", end = "2025-03-05", purpose = "Lära.", expectedResults = "En rapport.", childPerspective = "Eleverna deltar.",
                aimedAtEnablingInternationalWork = false, goals = new[] { new { code = goal, how = "Så här." } }, sdgs = new[] { "4" }, partners = Array.Empty<object>(),
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return await response.ReadJsonAsync();
        }
        var project = await VisitAsync("R21 studiebesök i projektsamverkan", "PROJEKTSAMVERKAN");
        var visit = await VisitAsync("R21 studiebesök för kunskapsutbyte", "KUNSKAPSUTBYTEN");
        static bool AsksForFunding(JsonElement a) => a.GetProperty("findings").EnumerateArray().Any(f => f.Str("check") == "external-funding-sought");

        var pipeline = await (await (await app.ApiClientAsync(OmvarldApp.Email("samordnare"))).GetAsync("/api/v1/activities/funding-pipeline?year=2025")).ReadJsonAsync();
        var listed = pipeline.GetProperty("projectsWithoutExternalFunding").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToHashSet();

        Assert.True(AsksForFunding(project));
        Assert.Contains(project.GetProperty("id").GetGuid(), listed);
        Assert.False(AsksForFunding(visit));
        Assert.DoesNotContain(visit.GetProperty("id").GetGuid(), listed);
    }

    [Fact]
    public async Task TripsYearlyResultsLinksFilesCommentsAndFundingStatus_StoredAndShown_ExportHoldsTheList()
    {
        var editor = await app.ApiClientAsync(Editor);
        var coordinator = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));
        var created = await (await coordinator.PostJsonAsync("/api/v1/activities", await NewActivityAsync("Nätverk för yrkeslärare",
            goals: [new { code = "KUNSKAPSUTBYTEN", how = "Lärare byter erfarenheter." }], start: "2024-09-01", end: "2026-06-30"))).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        int version = created.GetProperty("version").GetInt32();
        async Task<JsonElement> Ok(HttpResponseMessage r)
        {
            Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            var json = await r.ReadJsonAsync();
            version = json.GetProperty("version").GetInt32();
            return json;
        }

        await Ok(await editor.PostJsonAsync($"/api/v1/activities/{id}/trips", new { travellers = "Två yrkeslärare", travellerCount = 2, city = "Tartu", countryCode = "ee", departOn = "2024-10-01", returnOn = "2024-10-04", costSek = 18500m, purpose = "Studiebesök", version }));
        var funded = await Ok(await editor.PostJsonAsync($"/api/v1/activities/{id}/funding", new { source = "OtherFunder", funderName = "Nordplus", funderKind = "International", amount = 40000m, currency = "Sek", status = "Applied", statusOn = "2024-08-01", version }));
        var line = funded.GetProperty("funding")[0].GetProperty("id").GetGuid();
        var granted = await Ok(await editor.PutJsonAsync($"/api/v1/activities/{id}/funding/{line}/status", new { status = "Granted", on = "2024-09-15", version }));
        Assert.Equal("Granted", granted.GetProperty("funding")[0].Str("status"));
        Assert.Equal("2024-09-15", granted.GetProperty("funding")[0].Str("decidedOn"));
        await Ok(await editor.PostJsonAsync($"/api/v1/activities/{id}/links", new { url = "https://example.org/natverk", title = "Nätverkets webbplats", version }));
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostJsonAsync($"/api/v1/activities/{id}/links", new { url = "javascript:alert(1)", version })).StatusCode);

        // Approved and started, then a yearly report for 2024.
        await Ok(await editor.PostJsonAsync($"/api/v1/activities/{id}/transitions", new { action = "Submit", version }));
        await Ok(await (await app.ApiClientAsync(Approver)).PostJsonAsync($"/api/v1/activities/{id}/transitions", new { action = "Approve", version }));
        await Ok(await editor.PostJsonAsync($"/api/v1/activities/{id}/transitions", new { action = "Start", version }));
        var yearly = await Ok(await editor.PostJsonAsync($"/api/v1/activities/{id}/results", new { year = 2024, text = "Två studiebesök och en gemensam kursplan.", version }));
        Assert.Equal("Ongoing", yearly.Str("status"));
        Assert.Equal(2024, yearly.GetProperty("results")[0].GetProperty("year").GetInt32());

        // A file checked by content; a comment any member may write.
        var pdf = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "file", "reserapport.pdf" } };
        var attached = await Ok(await editor.PostAsync($"/api/v1/activities/{id}/files", pdf));
        var fileId = attached.GetProperty("attachments")[0].GetProperty("fileId").GetGuid();
        Assert.Equal("%PDF-1.4\n%%EOF\n", await (await (await app.ApiClientAsync(OmvarldApp.Email("lasare"))).GetAsync($"/api/v1/activities/files/{fileId}")).Content.ReadAsStringAsync());
        var fake = new MultipartFormDataContent { { new ByteArrayContent("MZ\u0090"u8.ToArray()), "file", "reserapport.pdf" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync($"/api/v1/activities/{id}/files", fake)).StatusCode);
        var commented = await (await (await app.ApiClientAsync(OmvarldApp.Email("ks"))).PostJsonAsync($"/api/v1/activities/{id}/comments", new { text = "Bra exempel för årsredovisningen." })).ReadJsonAsync();
        Assert.Equal("Bra exempel för årsredovisningen.", commented.GetProperty("comments")[0].Str("text"));

        var stored = await (await coordinator.GetAsync($"/api/v1/activities/{id}")).ReadJsonAsync();
        Assert.Equal("Estland", stored.GetProperty("trips")[0].Str("countryName"));
        Assert.Equal("Nätverkets webbplats", stored.GetProperty("links")[0].Str("title"));

        // Removed again: the link, and the attachment with its stored file.
        var linkId = stored.GetProperty("links")[0].GetProperty("id").GetGuid();
        var attachmentId = stored.GetProperty("attachments")[0].GetProperty("id").GetGuid();
        version = stored.GetProperty("version").GetInt32();
        await Ok(await editor.DeleteAsync($"/api/v1/activities/{id}/links/{linkId}?version={version}"));
        var withoutFile = await Ok(await editor.DeleteAsync($"/api/v1/activities/{id}/attachments/{attachmentId}?version={version}"));
        Assert.Equal(0, withoutFile.GetProperty("links").GetArrayLength());
        Assert.Equal(0, withoutFile.GetProperty("attachments").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/api/v1/activities/files/{fileId}")).StatusCode);

        // The export holds the filtered list; a wrong format is a validation problem.
        var csv = await (await coordinator.GetAsync("/api/v1/activities/export?format=csv&q=yrkeslärare")).Content.ReadAsStringAsync();
        Assert.Contains("Nätverk för yrkeslärare", csv);
        Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.GetAsync("/api/v1/activities/export?format=pdf")).StatusCode);
        var xlsx = await coordinator.GetAsync("/api/v1/activities/export?format=xlsx&q=yrkeslärare");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class ActivityApiTests_Sqlite(SqliteApp app) : ActivityApiTests(app), IClassFixture<SqliteApp>;
public sealed class ActivityApiTests_Postgres(PostgresApp app) : ActivityApiTests(app), IClassFixture<PostgresApp>;
