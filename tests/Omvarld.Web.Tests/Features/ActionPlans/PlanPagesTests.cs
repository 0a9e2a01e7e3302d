using System.Net;
using Microsoft.EntityFrameworkCore;
using Omvarld.Web.Tests.Features.Activities;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.ActionPlans;

/// <summary>In the browser's forms: the coordinator sets the municipality's due dates; an editor links an activity to KS's priority (R12, R17).</summary>
public abstract class PlanPagesTests(OmvarldApp app)
{
    [Fact]
    public async Task DueDates_CoordinatorSetsThem_BadMonthRefused_ReaderCannot()
    {
        var coordinator = await app.SignInAsync(OmvarldApp.Email("samordnare", "upplands-bro"));
        Dictionary<string, string> Form(string planMonth) => new()
        {
            ["Due.PlanDueDay"] = "15", ["Due.PlanDueMonth"] = planMonth, ["Due.EvaluationDueDay"] = "31", ["Due.EvaluationDueMonth"] = "3", ["Due.DueSoonDays"] = "21",
            ["Due.Version"] = "0",
        };

        var bad = await coordinator.PostFormAsync("/handlingsplaner", Form("13"), "main form[action*='handler=Due']", handler: "Due");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("ska vara en månad från 1 till 12", (await bad.ReadDocumentAsync()).QuerySelector("#error-summary")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.ActionPlanSettings.IgnoreQueryFilters().AnyAsync(s => s.MunicipalityId != app.Boras)));

        var good = await coordinator.PostFormAsync("/handlingsplaner", Form("2"), "main form[action*='handler=Due']", handler: "Due");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var page = await coordinator.GetDocumentAsync("/handlingsplaner");
        Assert.Contains("senast den 15/2", page.QuerySelector("#due-heading")!.ParentElement!.TextContent);

        var reader = await app.SignInAsync(OmvarldApp.Email("lasare", "upplands-bro"));
        Assert.Null((await reader.GetDocumentAsync("/handlingsplaner")).QuerySelector("form[action*='handler=Due']"));
    }

    [Fact]
    public async Task ActivityPage_EditorLinksActivityToKsPriority()
    {
        var activity = await app.ActivityAsync(app.Boras, "Gymnasie- och vuxenutbildningsnämnden", "Prioriterat utbyte", OmvarldApp.Email("redaktor"));
        var start = await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().Where(a => a.Id == activity).Select(a => a.PlannedStart).SingleAsync());
        var priority = await app.WithDbAsync(db => db.Priorities.IgnoreQueryFilters().Where(p => p.MunicipalityId == app.Boras && p.Year == start.Year).Select(p => p.Id).FirstOrDefaultAsync());
        if (priority == Guid.Empty)
        {
            var created = await (await app.ApiClientAsync(OmvarldApp.Email("ks"))).PostJsonAsync("/api/v1/priorities", new { year = start.Year, title = "Fler elevutbyten", text = "Elever ska få möta Europa.", goalCodes = Array.Empty<string>(), sdgs = new[] { 4 } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            priority = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        }
        var editor = await app.SignInAsync(OmvarldApp.Email("redaktor"));

        var linked = await editor.PostFormAsync($"/aktiviteter/{activity}", new() { ["priorityId"] = priority.ToString() }, "main form[action*='handler=Priority']", handler: "Priority");

        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.ActivityPriorities.IgnoreQueryFilters().AnyAsync(l => l.ActivityId == activity && l.PriorityId == priority)));
        var page = await editor.GetDocumentAsync($"/aktiviteter/{activity}");
        Assert.NotNull(page.QuerySelector($"#priorities-heading ~ ul form[action*='priorityId={priority}']"));
    }

    [Fact]
    public async Task PrioritiesPage_KsRecordsTheDecision_ParagraphSignWrittenOnce_IncompleteRefused()
    {
        var year = app.Today.Year;
        var ks = await app.SignInAsync(OmvarldApp.Email("ks"));
        var url = $"/prioriteringar?ar={year}";
        Dictionary<string, string> Form(string title, string paragraph, string caseNumber) => new()
        {
            ["Title"] = title, ["Text"] = "Unga ska möta Europa.", ["DecidedOn"] = $"{year}-02-10", ["MinuteParagraph"] = paragraph, ["CaseNumber"] = caseNumber,
        };

        var incomplete = await ks.PostFormAsync(url, Form("Beslut utan diarienummer", "§ 12", ""));
        Assert.Equal(HttpStatusCode.OK, incomplete.StatusCode);
        Assert.Contains("datum, paragraf (§) och diarienummer", (await incomplete.ReadDocumentAsync()).QuerySelector("#error-summary")!.TextContent);
        var badDate = await ks.PostFormAsync(url, new(Form("Beslut med fel datum", "12", "KS 2026/1")) { ["DecidedOn"] = "10 februari" });
        Assert.Equal(HttpStatusCode.OK, badDate.StatusCode);
        Assert.Contains("ska skrivas som ett datum", (await badDate.ReadDocumentAsync()).QuerySelector("#error-summary")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Priorities.IgnoreQueryFilters().AnyAsync(p => p.Title.StartsWith("Beslut "))));

        var saved = await ks.PostFormAsync(url, Form("Unga i Europa", "§§ 87", "KS 2026/123"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await ks.GetDocumentAsync(url);
        var card = page.QuerySelectorAll("section.card").Single(c => c.QuerySelector("h3")!.TextContent == "Unga i Europa");
        Assert.Contains("§ 87, dnr KS 2026/123", card.TextContent);
        Assert.DoesNotContain("§ §", card.TextContent);
        Assert.DoesNotContain("§§", card.TextContent);

        // The API gives the decision as recorded.
        var api = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));
        var list = await (await api.GetAsync($"/api/v1/priorities?year={year}")).ReadJsonAsync();
        var priority = list.EnumerateArray().Single(p => p.GetProperty("title").GetString() == "Unga i Europa");
        Assert.Equal($"{year}-02-10", priority.GetProperty("decidedOn").GetString());
        Assert.Equal("KS 2026/123", priority.GetProperty("caseNumber").GetString());
        Assert.Contains("87", priority.GetProperty("minuteParagraph").GetString());
    }
}

public sealed class PlanPagesTests_Sqlite(SqliteApp app) : PlanPagesTests(app), IClassFixture<SqliteApp>;
public sealed class PlanPagesTests_Postgres(PostgresApp app) : PlanPagesTests(app), IClassFixture<PostgresApp>;
