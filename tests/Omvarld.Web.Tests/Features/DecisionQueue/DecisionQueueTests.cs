using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omvarld.Domain.Activities;
using Omvarld.Web.Tests.Features.Activities;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.DecisionQueue;

/// <summary>
/// Issue 15: KS's decision queue on both databases, through the API, its page and the start page: each kind of line with
/// the step that settles it, tenant isolation, and the approver who is not offered approval while a block stands.
/// Dates come from the app's TimeProvider.
/// </summary>
public abstract class DecisionQueueTests(OmvarldApp app)
{
    private const string Administration = "Gymnasie- och vuxenutbildningsförvaltningen";
    private static readonly string Ks = OmvarldApp.Email("ks");
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");
    private static readonly string Editor = OmvarldApp.Email("redaktor");
    private static readonly string Approver = OmvarldApp.Email("godkannare");
    private static readonly string UbKs = OmvarldApp.Email("ks", "upplands-bro");

    private DateOnly Today => DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);

    private async Task<JsonElement> QueueAsync(string who)
    {
        var response = await (await app.ApiClientAsync(who)).GetAsync("/api/v1/decision-queue");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static List<JsonElement> Lines(JsonElement queue, string? kind = null) => queue.GetProperty("groups").EnumerateArray()
        .SelectMany(g => g.GetProperty("lines").EnumerateArray()).Where(x => kind is null || x.Str("kind") == kind).ToList();

    private async Task<Guid> PartnerAsync(string name, string country)
    {
        var response = await (await app.ApiClientAsync(Coordinator)).PostJsonAsync("/api/v1/partners", new { name, type = "University", city = "Staden", countryCode = country });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>A Borås activity of the administration with one partner, submitted by the editor <paramref name="daysAgo"/> days ago.</summary>
    private async Task<Guid> SubmittedAsync(string title, Guid partner, int daysAgo = 3)
    {
        // Serving a goal of Borås 2023, so that the partner is the only block.
        var id = await app.WithDbAsync(async db =>
        {
            db.Tenant.Use(app.Boras);
            var unit = await db.Units.SingleAsync(u => u.Name == Administration);
            var responsible = await db.Users.Where(u => u.Email == Editor).Select(u => u.Id).SingleAsync();
            var details = new ActivityDetails(title, "Beskrivning", ActivityKind.StudyVisitOrExchange, unit.Id, responsible, Today.AddDays(60), null,
                "Syfte", "Resultat", null, "Elever deltar.", null, false, [new GoalServed("KUNSKAPSUTBYTEN", "Erfarenhetsutbyte.")], []);
            var (activity, result) = Activity.Create(app.Boras, details, new ActivityReferences(unit, ["KUNSKAPSUTBYTEN"]));
            Assert.True(result.IsOk, result.Error);
            Assert.True(activity!.AddPartner(await db.Partners.SingleAsync(p => p.Id == partner), global::Omvarld.Domain.Activities.PartnerRole.Partner).IsOk);
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            return activity.Id;
        });
        var editor = await app.UserIdAsync(Editor);
        var at = new DateTimeOffset(Today.AddDays(-daysAgo).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().Where(a => a.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Status, ActivityStatus.Submitted).SetProperty(a => a.SubmittedByUserId, editor).SetProperty(a => a.SubmittedAt, at)));
        return id;
    }

    private static object Exception(Guid activity, Guid partner, DateOnly decidedOn, DateOnly validUntil) => new
    {
        body = "Kommunstyrelsen", decidedOn = decidedOn.ToString("yyyy-MM-dd"), minuteParagraph = "§ 77", caseNumber = "KS 2026/00999",
        decisionText = "Kommunstyrelsen beslutar om undantag för samarbetet.", activityId = activity, partnerId = partner, validUntil = validUntil.ToString("yyyy-MM-dd"),
    };

    [Fact]
    public async Task Boras_ExceptionNeeded_Ending_Expired_AndRevision_EachWithTheStepThatSettlesIt()
    {
        // The demo: an activity waiting for KS (Shanghai) and an exception ending soon while the activity runs on (Hanoi).
        var queue = await QueueAsync(Ks);
        var needed = Assert.Single(Lines(queue, "ExceptionNeeded"), x => x.Str("activityTitle") == "Studiebesök om textilåtervinning i Shanghai");
        Assert.Equal(("Donghua exempeluniversitet (fiktivt)", "CN", "NotMet"), (needed.Str("partnerName"), needed.Str("countryAlpha2"), needed.Str("assessment")));
        Assert.False(string.IsNullOrEmpty(needed.Str("askedBy")));
        Assert.NotNull(needed.Str("since"));
        Assert.Contains("Kommunstyrelsen", needed.Str("clause"));
        Assert.Equal($"/undantag/ny?aktivitet={needed.GetProperty("activityId").GetGuid():D}&partner={needed.GetProperty("partnerId").GetGuid():D}",
            needed.GetProperty("action").Str("url"));
        var ending = Assert.Single(Lines(queue, "ExceptionEnding"), x => x.Str("activityTitle") == "Samarbete om hållbart mode med Hanoi");
        var endsOn = DateOnly.Parse(ending.Str("dueOn")!);
        Assert.InRange(endsOn, Today, Today.AddDays(60));

        // An exception that ended while the activity runs.
        var partner = await PartnerAsync("Exempeluniversitetet i Wuhan (fiktivt)", "CN");
        var running = await SubmittedAsync("Pågående utbyte med Wuhan", partner, daysAgo: 200);
        var ks = await app.ApiClientAsync(Ks);
        Assert.Equal(HttpStatusCode.Created, (await ks.PostJsonAsync("/api/v1/exceptions", Exception(running, partner, Today.AddDays(-190), Today.AddDays(-1)))).StatusCode);
        await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().Where(a => a.Id == running).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Status, ActivityStatus.Ongoing).SetProperty(a => a.ActualStart, Today.AddDays(-100))));

        // A governing document whose last version ran out (R3).
        var yaml = RepositoryFiles.SeedPolicy("boras-2016.yaml")
            .Replace("key: BORAS-INTERNATIONELL-POLICY", "key: BORAS-RIKTLINJER-BESLUTSKO")
            .Replace("key: BORAS-2016", "key: BORAS-BESLUTSKO-2016")
            .Replace("title: Internationell policy", "title: Riktlinjer för utlandsresor");
        var content = new StringContent(yaml, System.Text.Encoding.UTF8, "application/yaml");
        Assert.Equal(HttpStatusCode.Created, (await (await app.ApiClientAsync(Coordinator)).PostAsync("/api/v1/policies/import", content)).StatusCode);

        queue = await QueueAsync(Coordinator);
        var expired = Assert.Single(Lines(queue, "ExceptionExpired"), x => x.GetProperty("activityId").GetGuid() == running);
        Assert.Equal(Today.AddDays(-1).ToString("yyyy-MM-dd"), expired.Str("dueOn"));
        Assert.Equal($"/undantag/ny?aktivitet={running:D}&partner={partner:D}", expired.GetProperty("action").Str("url"));
        var revision = Assert.Single(Lines(queue, "PolicyRevision"), x => x.Str("text")!.StartsWith("Riktlinjer för utlandsresor 2016", StringComparison.Ordinal));
        var revisionUrl = revision.GetProperty("action").Str("url")!;
        Assert.Equal($"/styrdokument/versioner/{revision.GetProperty("policyVersionId").GetGuid():D}?beslut=revidering#decision-form", revisionUrl);
        // Groups are counted; the total is their sum.
        var groups = queue.GetProperty("groups").EnumerateArray().ToList();
        Assert.All(groups, g => Assert.Equal(g.GetProperty("lines").EnumerateArray().Sum(x => x.GetProperty("count").GetInt32()), g.GetProperty("count").GetInt32()));
        Assert.Equal(groups.Sum(g => g.GetProperty("count").GetInt32()), queue.GetProperty("total").GetInt32());

        // One step away: the exception form knows the activity and partner, the version page opens the revision form.
        var coordinator = await app.SignInAsync(Coordinator);
        var version = await coordinator.GetDocumentAsync(revisionUrl.Split('#')[0]);
        Assert.True(version.QuerySelector("details#decision-form")!.HasAttribute("open"));
        Assert.Equal("Revised", version.QuerySelector("#Input_Kind option[selected]")?.GetAttribute("value"));
        var form = await (await app.SignInAsync(Ks)).GetDocumentAsync(expired.GetProperty("action").Str("url")!);
        Assert.Equal(partner.ToString("D"), form.QuerySelector("#Input_PartnerId option[selected]")?.GetAttribute("value"));

        // The page lists the same groups.
        var page = await coordinator.GetDocumentAsync("/ks/beslut");
        Assert.Equal(groups.Select(g => g.Str("kind")), page.QuerySelectorAll("section.decision-group").Select(s => s.GetAttribute("data-kind")));
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/undantag/ny?aktivitet={running:D}&partner={partner:D}");
    }

    [Fact]
    public async Task UpplandsBro_PrioritiesAndActionPlans_Grouped_WithTheClause_AndNeverBorasLines()
    {
        var queue = await QueueAsync(UbKs);
        // Upplands-Bro's demo has no priorities: this year's are missing, set in one step.
        var priorities = Assert.Single(Lines(queue, "PrioritiesMissing"), x => x.GetProperty("year").GetInt32() == Today.Year);
        Assert.Equal($"/prioriteringar?ar={Today.Year}#new-heading", priorities.GetProperty("action").Str("url"));
        // Its 2020 policy demands yearly plans: flagged units are grouped per kind and year, counted, with the clause.
        var plans = Lines(queue).Where(x => x.Str("kind") is "ActionPlanMissing" or "EvaluationMissing").ToList();
        Assert.NotEmpty(plans);
        Assert.All(plans, x =>
        {
            var units = x.GetProperty("units").EnumerateArray().Select(u => u.GetString()).ToList();
            Assert.Equal(units.Count, x.GetProperty("count").GetInt32());
            Assert.Equal(units.Distinct().Count(), units.Count);
            Assert.False(string.IsNullOrEmpty(x.Str("clause")));
            Assert.StartsWith("/handlingsplaner?ar=", x.GetProperty("action").Str("url"));
        });
        Assert.Equal(plans.Count, plans.Select(x => x.Str("text")).Distinct().Count());

        // Tenant isolation: no activity, partner or document of Borås in Upplands-Bro's queue, and none of Upplands-Bro's in Borås's.
        var borasActivities = await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().Where(a => a.MunicipalityId == app.Boras).Select(a => a.Id).ToListAsync());
        var borasPartners = await app.WithDbAsync(db => db.Partners.IgnoreQueryFilters().Where(p => p.MunicipalityId == app.Boras).Select(p => p.Id).ToListAsync());
        var borasVersions = await app.WithDbAsync(db => db.PolicyVersions.IgnoreQueryFilters().Where(v => v.MunicipalityId == app.Boras).Select(v => v.Id).ToListAsync());
        Assert.DoesNotContain(Lines(queue), x => x.TryGetProperty("activityId", out var a) && a.ValueKind == JsonValueKind.String && borasActivities.Contains(a.GetGuid()));
        Assert.DoesNotContain(Lines(queue), x => x.TryGetProperty("partnerId", out var p) && p.ValueKind == JsonValueKind.String && borasPartners.Contains(p.GetGuid()));
        Assert.DoesNotContain(Lines(queue), x => x.TryGetProperty("policyVersionId", out var v) && v.ValueKind == JsonValueKind.String && borasVersions.Contains(v.GetGuid()));
        Assert.DoesNotContain(Lines(queue), x => x.Str("activityTitle") == "Studiebesök om textilåtervinning i Shanghai");
        var ubActivities = await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().Where(a => a.MunicipalityId == app.UpplandsBro).Select(a => a.Id).ToListAsync());
        Assert.DoesNotContain(Lines(await QueueAsync(Ks)), x => x.TryGetProperty("activityId", out var a) && a.ValueKind == JsonValueKind.String && ubActivities.Contains(a.GetGuid()));
        // The API is in the OpenAPI document.
        var openApi = await (await app.NewClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        Assert.Equal("Decision queue", openApi.GetProperty("paths").GetProperty("/api/v1/decision-queue").GetProperty("get").GetProperty("tags")[0].GetString());
        var units = Lines(await QueueAsync(Ks)).SelectMany(x => x.TryGetProperty("units", out var u) && u.ValueKind == JsonValueKind.Array ? u.EnumerateArray().Select(n => n.GetString()) : []);
        Assert.DoesNotContain("Socialnämnden", units);
    }

    [Fact]
    public async Task Approver_IsNotOfferedApproval_WhileTheBlockStands_TheEditorIsToldItWaitsForKs()
    {
        var partner = await PartnerAsync("Exempelinstitutet i Chengdu (fiktivt)", "CN");
        var id = await SubmittedAsync("Utbyte med Chengdu om yrkesutbildning", partner);

        var approverPage = await (await app.SignInAsync(Approver)).GetDocumentAsync($"/aktiviteter/{id}");
        Assert.Empty(approverPage.QuerySelectorAll("input[name='Transition.Action'][value='Approve']"));
        Assert.NotEmpty(approverPage.QuerySelectorAll("input[name='Transition.Action'][value='Reject']"));
        var blocked = approverPage.QuerySelector("#approval-blocked")!.TextContent;
        Assert.Contains("Väntar på Kommunstyrelsens beslut om undantag", blocked);
        Assert.Contains("Exempelinstitutet i Chengdu (fiktivt)", blocked);
        Assert.Contains("ska beslut om undantag fattas av Kommunstyrelsen", blocked);
        var api = await (await (await app.ApiClientAsync(Approver)).GetAsync($"/api/v1/activities/{id}")).ReadJsonAsync();
        Assert.DoesNotContain(api.GetProperty("actions").EnumerateArray(), a => a.GetString() == "Approve");
        Assert.True(api.GetProperty("waitsForKs").GetBoolean());

        // The editor sees it on the activity page and on the start page, with the clause.
        var editor = await app.SignInAsync(Editor);
        Assert.Contains("Väntar på Kommunstyrelsens beslut om undantag", (await editor.GetDocumentAsync($"/aktiviteter/{id}")).QuerySelector("#approval-blocked")!.TextContent);
        var start = await editor.GetDocumentAsync("/");
        var waiting = start.QuerySelector("#waiting-for-ks")!;
        var item = Assert.Single(waiting.Children, li => li.QuerySelector($"a[href='/aktiviteter/{id}']") is not null);
        Assert.Contains("ska beslut om undantag fattas av Kommunstyrelsen", item.TextContent);
        Assert.Null(start.QuerySelector("#decision-queue-heading"));

        // KS and the coordinator see the queue on the start page; a reader sees neither.
        foreach (var who in new[] { Ks, Coordinator })
        {
            var page = await (await app.SignInAsync(who)).GetDocumentAsync("/");
            Assert.NotNull(page.QuerySelector("#decision-queue-heading"));
            Assert.Contains(page.QuerySelectorAll(".decision-lines a"), a => a.GetAttribute("href") == $"/aktiviteter/{id}");
        }
        var reader = await (await app.SignInAsync(OmvarldApp.Email("lasare"))).GetDocumentAsync("/");
        Assert.Null(reader.QuerySelector("#decision-queue-heading"));
        Assert.Null(reader.QuerySelector("#waiting-for-ks-heading"));

        // Once KS's exception is recorded, approval is offered and the line leaves the queue.
        Assert.Equal(HttpStatusCode.Created, (await (await app.ApiClientAsync(Ks)).PostJsonAsync("/api/v1/exceptions",
            Exception(id, partner, Today.AddDays(-1), Today.AddDays(400)))).StatusCode);
        var after = await (await app.SignInAsync(Approver)).GetDocumentAsync($"/aktiviteter/{id}");
        Assert.NotEmpty(after.QuerySelectorAll("input[name='Transition.Action'][value='Approve']"));
        Assert.Null(after.QuerySelector("#approval-blocked"));
        Assert.DoesNotContain(Lines(await QueueAsync(Ks), "ExceptionNeeded"), x => x.GetProperty("activityId").GetGuid() == id);
    }
}

public sealed class DecisionQueueTests_Sqlite(SqliteApp app) : DecisionQueueTests(app), IClassFixture<SqliteApp>;
public sealed class DecisionQueueTests_Postgres(PostgresApp app) : DecisionQueueTests(app), IClassFixture<PostgresApp>;
