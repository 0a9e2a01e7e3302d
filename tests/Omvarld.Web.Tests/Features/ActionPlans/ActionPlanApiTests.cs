using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Organisation;
using Omvarld.Web.Tests.Features.Activities;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.ActionPlans;

/// <summary>
/// R12 through the API on both databases: a committee's plan is written, adopted, evaluated and revised into next
/// year's draft, and the evaluated plan stays readable and unchanged; bad input is refused in Swedish with nothing
/// stored; only the unit's editors (and the coordinator) write.
/// </summary>
public abstract class ActionPlanApiTests(OmvarldApp app)
{
    private const string Committee = "Utbildningsnämnden";
    private static readonly string Editor = OmvarldApp.Email("redaktor", "upplands-bro");
    private static readonly string Coordinator = OmvarldApp.Email("samordnare", "upplands-bro");
    private static readonly string Reader = OmvarldApp.Email("lasare", "upplands-bro");

    private static object Item(string what, string? goal = "KUNSKAPSUTBYTE", decimal? budget = 40000m) => new
    {
        what, why = "Lärare lär av andra länders skolor.", goalCode = goal, who = "Utbildningskontoret", when = "Hösten", budgetSek = budget,
        indicator = "Antal deltagande lärare", target = "12",
    };

    private async Task<HttpResponseMessage> CreateAsync(HttpClient client, string unit, int year, params object[] items) =>
        await client.PostJsonAsync("/api/v1/action-plans", new { unitId = await app.UnitIdAsync(app.UpplandsBro, unit), year, items });

    private static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        string.Join(" ", (await response.ReadProblemAsync()).GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(v => v.GetString())));

    private Task<int> PlanCountAsync(Guid municipality) =>
        app.WithDbAsync(db => db.ActionPlans.IgnoreQueryFilters().CountAsync(p => p.MunicipalityId == municipality));

    [Fact]
    public async Task Plan_AdoptEvaluateRevise_NextYearHasTheItems_OldOneReadOnly()
    {
        var editor = await app.ApiClientAsync(Editor);
        var created = await CreateAsync(editor, Committee, 2023, Item("Studiebesök i Tallinn om digitala läromedel"), Item("Eurocities kunskapsnätverk", "OMVARLDSBEVAKNING", null));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var plan = await created.ReadJsonAsync();
        var id = plan.GetProperty("id").GetGuid();
        Assert.Equal("Draft", plan.Str("status"));
        Assert.Equal(40000m, plan.GetProperty("budgetSek").GetDecimal());
        Assert.Equal("Kunskapsutbyte", plan.GetProperty("items")[0].Str("goalName"));
        Assert.Contains("utvärderingsbar handlingsplan", plan.GetProperty("requirement").Str("clause"));

        // Evaluating a plan that was never adopted is refused, nothing stored.
        var early = await editor.PostJsonAsync($"/api/v1/action-plans/{id}/evaluate", new { overall = "Bra år.", items = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("aldrig antagits", await ErrorsAsync(early));

        var adopted = await editor.PostJsonAsync($"/api/v1/action-plans/{id}/adopt", new { adoptedOn = "2023-01-25", minuteParagraph = "§ 7", version = plan.GetProperty("version").GetInt32() });
        Assert.True(adopted.StatusCode == HttpStatusCode.OK, await adopted.Content.ReadAsStringAsync());
        plan = await adopted.ReadJsonAsync();
        Assert.Equal(("Adopted", "2023-01-25", "§ 7"), (plan.Str("status"), plan.Str("adoptedOn"), plan.Str("minuteParagraph")));

        var items = plan.GetProperty("items").EnumerateArray().ToList();
        var evaluated = await editor.PostJsonAsync($"/api/v1/action-plans/{id}/evaluate", new
        {
            overall = "Året gav nya kontakter i Estland.", version = plan.GetProperty("version").GetInt32(),
            items = new object[]
            {
                new { itemId = items[0].GetProperty("id").GetGuid(), outcome = "Done", ledTo = "Två nya arbetssätt i matematik.", indicatorOutcome = "14 lärare" },
                new { itemId = items[1].GetProperty("id").GetGuid(), outcome = "Partly", ledTo = "Ett möte av tre.", indicatorOutcome = (string?)null },
            },
        });
        Assert.True(evaluated.StatusCode == HttpStatusCode.OK, await evaluated.Content.ReadAsStringAsync());
        plan = await evaluated.ReadJsonAsync();
        Assert.Equal("Evaluated", plan.Str("status"));
        Assert.True(plan.GetProperty("isReadOnly").GetBoolean());
        Assert.Equal("Partly", plan.GetProperty("items")[1].Str("outcome"));

        // Read-only once evaluated.
        var changed = await editor.PutJsonAsync($"/api/v1/action-plans/{id}/items", new { items = new[] { Item("Något annat") } });
        Assert.Equal(HttpStatusCode.BadRequest, changed.StatusCode);
        var again = await editor.PostJsonAsync($"/api/v1/action-plans/{id}/evaluate", new { overall = "Igen.", items = Array.Empty<object>() });
        Assert.Contains("kan inte längre ändras", await ErrorsAsync(again));

        var revised = await editor.PostJsonAsync($"/api/v1/action-plans/{id}/revise", new { version = plan.GetProperty("version").GetInt32() });
        Assert.True(revised.StatusCode == HttpStatusCode.Created, await revised.Content.ReadAsStringAsync());
        var next = await revised.ReadJsonAsync();
        Assert.Equal((2024, "Draft", id.ToString()), (next.GetProperty("year").GetInt32(), next.Str("status"), next.Str("revisedFromPlanId")));
        Assert.Equal(["Studiebesök i Tallinn om digitala läromedel", "Eurocities kunskapsnätverk"], next.GetProperty("items").EnumerateArray().Select(i => i.Str("what")));
        Assert.All(next.GetProperty("items").EnumerateArray(), i => Assert.Null(i.Str("outcome")));

        // The evaluated plan is still there, unchanged, and points to its successor.
        var old = await (await app.ApiClientAsync(Reader)).GetAsync($"/api/v1/action-plans/{id}");
        var oldPlan = await old.ReadJsonAsync();
        Assert.Equal(("Evaluated", "Året gav nya kontakter i Estland.", next.Str("id")), (oldPlan.Str("status"), oldPlan.Str("overallEvaluation"), oldPlan.Str("revisedIntoPlanId")));
        Assert.Equal("Done", oldPlan.GetProperty("items")[0].Str("outcome"));

        // Revising twice would make a second plan for the same year.
        var twice = await editor.PostJsonAsync($"/api/v1/action-plans/{id}/revise", new { });
        Assert.Contains("redan en handlingsplan för 2024", await ErrorsAsync(twice));

        var list = await (await editor.GetAsync($"/api/v1/action-plans?unit={await app.UnitIdAsync(app.UpplandsBro, Committee)}&year=2024")).ReadJsonAsync();
        Assert.Equal(next.Str("id"), Assert.Single(list.EnumerateArray()).Str("id"));
    }

    [Fact]
    public async Task Create_SecondPlanForSameUnitAndYear_Refused()
    {
        var editor = await app.ApiClientAsync(Editor);
        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(editor, Committee, 2021, Item("Första"))).StatusCode);
        var before = await PlanCountAsync(app.UpplandsBro);
        var second = await CreateAsync(editor, Committee, 2021, Item("Andra"));
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("Utbildningsnämnden har redan en handlingsplan för 2021", await ErrorsAsync(second));
        Assert.Equal(before, await PlanCountAsync(app.UpplandsBro));
    }

    [Fact]
    public async Task Create_OfficeOrClosedCommittee_Refused()
    {
        var coordinator = await app.ApiClientAsync(Coordinator);
        var before = await PlanCountAsync(app.UpplandsBro);
        var office = await CreateAsync(coordinator, "Utbildningskontoret", 2026, Item("Studiebesök"));
        Assert.Equal(HttpStatusCode.BadRequest, office.StatusCode);
        Assert.Contains("varken en nämnd eller ett bolag", await ErrorsAsync(office));

        await app.WithDbAsync(async db =>
        {
            db.Tenant.Use(app.UpplandsBro);
            var (unit, _) = Unit.Create(app.UpplandsBro, "Nedlagda nämnden", UnitKind.Committee, null);
            unit!.Close(new DateOnly(2024, 12, 31), new UnitTree([new(unit.Id, null, unit.Name, UnitKind.Committee, false)]));
            db.Units.Add(unit);
            await db.SaveChangesAsync();
        });
        var closed = await CreateAsync(coordinator, "Nedlagda nämnden", 2026, Item("Studiebesök"));
        Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
        Assert.Contains("nedlagd", await ErrorsAsync(closed));
        Assert.Equal(before, await PlanCountAsync(app.UpplandsBro));
    }

    [Fact]
    public async Task Create_ItemWithoutGoal_WherePolicyRequiresGoalLinkage_Refused()
    {
        // Borås 2023 demands that international work serves the policy's goals; Upplands-Bro 2020 does not.
        var editor = await app.ApiClientAsync(OmvarldApp.Email("redaktor"));
        var before = await PlanCountAsync(app.Boras);
        var refused = await editor.PostJsonAsync("/api/v1/action-plans", new
        {
            unitId = await app.UnitIdAsync(app.Boras, "Gymnasie- och vuxenutbildningsnämnden"), year = 2025,
            items = new[] { Item("Utbyte med Tartu", goal: null) },
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Åtgärd 1: välj vilket mål", await ErrorsAsync(refused));
        Assert.Equal(before, await PlanCountAsync(app.Boras));

        var accepted = await editor.PostJsonAsync("/api/v1/action-plans", new
        {
            unitId = await app.UnitIdAsync(app.Boras, "Gymnasie- och vuxenutbildningsnämnden"), year = 2025,
            items = new[] { Item("Utbyte med Tartu", goal: "PROJEKTSAMVERKAN") },
        });
        Assert.True(accepted.StatusCode == HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync());
        // Borås's policy has no yearly-action-plan check: the plan is kept, no clause is cited, nothing flagged.
        var plan = await accepted.ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, plan.GetProperty("requirement").ValueKind);
        Assert.Empty(plan.GetProperty("flags").EnumerateArray());
    }

    [Fact]
    public async Task Write_EditorOfAnotherCommitteeOrReader_Forbidden()
    {
        var before = await PlanCountAsync(app.UpplandsBro);
        var other = await CreateAsync(await app.ApiClientAsync(Editor), "Socialnämnden", 2026, Item("Studiebesök"));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var reader = await CreateAsync(await app.ApiClientAsync(Reader), Committee, 2026, Item("Studiebesök"));
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Equal(before, await PlanCountAsync(app.UpplandsBro));

        // A plan of Socialnämnden, written by the coordinator: the Utbildningsnämnden editor cannot adopt or change it.
        var plan = await (await CreateAsync(await app.ApiClientAsync(Coordinator), "Socialnämnden", 2022, Item("Nordiskt nätverk"))).ReadJsonAsync();
        var id = plan.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync(Editor)).PostJsonAsync($"/api/v1/action-plans/{id}/adopt", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync(Reader)).PostJsonAsync($"/api/v1/action-plans/{id}/adopt", new { })).StatusCode);
        Assert.Equal("Draft", (await (await (await app.ApiClientAsync(Reader)).GetAsync($"/api/v1/action-plans/{id}")).ReadJsonAsync()).Str("status"));
        // Another municipality's editor does not even see it.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClientAsync(OmvarldApp.Email("redaktor"))).GetAsync($"/api/v1/action-plans/{id}")).StatusCode);
    }

    [Fact]
    public async Task Demo_UpplandsBro_EvaluatedPlanRevisedInto2026_OneMissing()
    {
        var reader = await app.ApiClientAsync(Reader);
        var plans = (await (await reader.GetAsync($"/api/v1/action-plans?unit={await app.UnitIdAsync(app.UpplandsBro, Committee)}")).ReadJsonAsync()).EnumerateArray()
            .Where(p => p.GetProperty("year").GetInt32() is 2025 or 2026).OrderBy(p => p.GetProperty("year").GetInt32()).ToList();
        Assert.Equal(["Evaluated", "Adopted"], plans.Select(p => p.Str("status")));
        var plan2026 = await (await reader.GetAsync($"/api/v1/action-plans/{plans[1].Str("id")}")).ReadJsonAsync();
        Assert.Equal(plans[0].Str("id"), plan2026.Str("revisedFromPlanId"));
        var status = await (await reader.GetAsync("/api/v1/action-plans/due?year=2026&all=true")).ReadJsonAsync();
        var social = status.EnumerateArray().Single(r => r.Str("unitName") == "Socialnämnden" && r.GetProperty("year").GetInt32() == 2026);
        Assert.Equal(JsonValueKind.Null, social.GetProperty("planId").ValueKind);
        var borasPriorities = await (await (await app.ApiClientAsync(OmvarldApp.Email("lasare"))).GetAsync("/api/v1/priorities")).ReadJsonAsync();
        Assert.Contains(borasPriorities.EnumerateArray(), p => p.GetProperty("year").GetInt32() == 2025);
        Assert.Contains(borasPriorities.EnumerateArray(), p => p.GetProperty("year").GetInt32() == 2026);
    }

    /// <summary>Posts the page's form of <paramref name="handler"/> to its own action (which carries the plan's version).</summary>
    private static async Task<HttpResponseMessage> PostToFormAsync(HttpClient client, string url, string handler, Dictionary<string, string> fields)
    {
        var document = await client.GetDocumentAsync(url);
        var selector = $"main form[action*='handler={handler}']";
        var action = document.QuerySelector(selector)?.GetAttribute("action") ?? throw new InvalidOperationException($"No {handler} form on {url}");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = document.AntiforgeryToken(selector) };
        return await client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task Pages_EditorAddsItemAdoptsAndSeesTheStartPageFlag()
    {
        var editor = await app.SignInAsync(Editor);
        var created = await editor.PostFormAsync("/handlingsplaner/ny", new() { ["UnitId"] = (await app.UnitIdAsync(app.UpplandsBro, Committee)).ToString(), ["Year"] = "2019" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.ToString();
        var added = await PostToFormAsync(editor, url, "AddItem", new() { ["Item.What"] = "Nordiskt rektorsnätverk", ["Item.BudgetSek"] = "12000" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await editor.GetDocumentAsync(url);
        Assert.Contains("Nordiskt rektorsnätverk", page.QuerySelector("main")!.TextContent);
        var adopted = await PostToFormAsync(editor, url, "Adopt", new() { ["Adoption.MinuteParagraph"] = "§ 3" });
        Assert.Equal(HttpStatusCode.Redirect, adopted.StatusCode);
        Assert.Contains("Antagen", (await editor.GetDocumentAsync(url)).QuerySelector("main")!.TextContent);

        // The reader sees the plan but no forms; the list page shows the units with the clause.
        var reader = await app.SignInAsync(Reader);
        Assert.Empty((await reader.GetDocumentAsync(url)).QuerySelectorAll("main form"));
        var list = await reader.GetDocumentAsync("/handlingsplaner?ar=2026");
        Assert.Contains("utvärderingsbar handlingsplan", list.QuerySelector("main")!.TextContent);
        Assert.Contains("Socialnämnden", list.QuerySelector("main")!.TextContent);
        // The coordinator's start page lists what is missing or late, citing the clause.
        var start = await (await app.SignInAsync(Coordinator)).GetDocumentAsync("/");
        var section = start.QuerySelector("#plans-heading")!.ParentElement!.TextContent;
        Assert.Contains("Socialnämnden", section);
        Assert.Contains("revideras årligen", section);
    }

    [Fact]
    public async Task Due_UpplandsBro_FlagsMissingPlansCitingTheClause()
    {
        var due = await (await (await app.ApiClientAsync(Reader)).GetAsync("/api/v1/action-plans/due?year=2026")).ReadJsonAsync();
        var rows = due.EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("revideras årligen", r.GetProperty("requirement").Str("clause")));
        Assert.DoesNotContain(rows, r => r.Str("unitKind") is not ("Committee" or "Company"));
        var borås = await (await (await app.ApiClientAsync(OmvarldApp.Email("lasare"))).GetAsync("/api/v1/action-plans/due?year=2026")).ReadJsonAsync();
        Assert.Empty(borås.EnumerateArray());
    }

    [Fact]
    public async Task Priorities_KsRecordsEditorLinksReaderCannot()
    {
        var ks = await app.ApiClientAsync(OmvarldApp.Email("ks"));
        var unknownGoal = await ks.PostJsonAsync("/api/v1/priorities", new { year = 2026, title = "Kompetensförsörjning", goalCodes = new[] { "TILLVAXT" }, sdgs = new[] { 4 } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownGoal.StatusCode);
        Assert.Contains("TILLVAXT", await ErrorsAsync(unknownGoal));
        var created = await ks.PostJsonAsync("/api/v1/priorities", new
        {
            year = 2026, title = "Kompetensförsörjning genom EU-projekt", text = "Fler förvaltningar söker EU-medel.", goalCodes = new[] { "KUNSKAPSUTBYTEN" }, sdgs = new[] { 8, 4 },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var priority = await created.ReadJsonAsync();
        var id = priority.GetProperty("id").GetGuid();
        Assert.Equal([4, 8], priority.GetProperty("sdgs").EnumerateArray().Select(s => s.GetProperty("goal").GetInt32()));

        var reader = await app.ApiClientAsync(OmvarldApp.Email("lasare"));
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostJsonAsync("/api/v1/priorities", new { year = 2026, title = "Läsarens" })).StatusCode);
        var editor = await app.ApiClientAsync(OmvarldApp.Email("redaktor"));
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PutJsonAsync($"/api/v1/priorities/{id}", new { year = 2026, title = "Redaktörens" })).StatusCode);

        // The editor links an activity of their own unit; the reader cannot.
        var activity = await app.ActivityAsync(app.Boras, "Gymnasie- och vuxenutbildningsnämnden", "Prioriterat utbyte", OmvarldApp.Email("redaktor"));
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostJsonAsync($"/api/v1/priorities/{id}/activities", new { activityId = activity })).StatusCode);
        var linked = await editor.PostJsonAsync($"/api/v1/priorities/{id}/activities", new { activityId = activity });
        Assert.True(linked.StatusCode == HttpStatusCode.OK, await linked.Content.ReadAsStringAsync());
        var list = await (await reader.GetAsync("/api/v1/priorities?year=2026")).ReadJsonAsync();
        var listed = list.EnumerateArray().Single(p => p.Str("id") == id.ToString());
        Assert.Equal("Prioriterat utbyte", Assert.Single(listed.GetProperty("activities").EnumerateArray()).Str("title"));
    }

    /// <summary>Issue 19: KS decides its priorities, so a priority carries KS's decision — date, §, case number — all three or none.</summary>
    [Fact]
    public async Task Priorities_CarryKsDecision_AllThreeOrNone()
    {
        var ks = await app.ApiClientAsync(OmvarldApp.Email("ks"));
        var incomplete = await ks.PostJsonAsync("/api/v1/priorities", new { year = 2026, title = "Beslut utan paragraf", decidedOn = "2026-02-10" });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.NotEmpty(await ErrorsAsync(incomplete));
        var tooLate = await ks.PostJsonAsync("/api/v1/priorities", new
        {
            year = 2026, title = "Beslut året efter", decidedOn = "2027-02-10", minuteParagraph = "§ 12", caseNumber = "KS 2027/00012",
        });
        Assert.Equal(HttpStatusCode.BadRequest, tooLate.StatusCode);

        var created = await ks.PostJsonAsync("/api/v1/priorities", new
        {
            year = 2026, title = "Prioritering med beslut", decidedOn = "2026-02-10", minuteParagraph = "§§ 31", caseNumber = "KS 2026/00031",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        var read = await (await (await app.ApiClientAsync(OmvarldApp.Email("lasare"))).GetAsync($"/api/v1/priorities/{id}")).ReadJsonAsync();
        Assert.Equal(("2026-02-10", "KS 2026/00031"), (read.Str("decidedOn"), read.Str("caseNumber")));
        Assert.Contains("31", read.Str("minuteParagraph"));

        // The page writes the § once, whatever was typed.
        var page = await (await app.SignInAsync(OmvarldApp.Email("lasare"))).GetDocumentAsync("/prioriteringar?ar=2026");
        var line = page.QuerySelectorAll("section.card").Single(e => e.QuerySelector("h3")!.TextContent == "Prioritering med beslut").TextContent;
        Assert.Contains("§ 31", line);
        Assert.DoesNotContain("§§", line);
    }
}

public sealed class ActionPlanApiTests_Sqlite(SqliteApp app) : ActionPlanApiTests(app), IClassFixture<SqliteApp>;
public sealed class ActionPlanApiTests_Postgres(PostgresApp app) : ActionPlanApiTests(app), IClassFixture<PostgresApp>;
