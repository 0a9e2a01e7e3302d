using System.Net;
using System.Text.Json;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Usability;

/// <summary>Issue 16.4: the activity list says what stands in an activity's way — blocked, waits for KS — with the reason in text.</summary>
public abstract class ActivityListStateTests(OmvarldApp app)
{
    private const string Administration = "Gymnasie- och vuxenutbildningsförvaltningen";
    private static readonly string Editor = OmvarldApp.Email("redaktor");

    private async Task<JsonElement> DraftAsync(HttpClient api, string title, bool withGoal)
    {
        var start = app.Today.AddDays(30);
        var response = await api.PostJsonAsync("/api/v1/activities", new
        {
            title, description = "Utbyte av erfarenheter.", kind = "TransnationalProject",
            ownerUnitId = await app.UnitIdAsync(app.Boras, Administration), responsibleUserId = await app.UserIdAsync(Editor),
            start = start.ToString("yyyy-MM-dd"), end = start.AddMonths(9).ToString("yyyy-MM-dd"), purpose = "Att lära av andra.",
            expectedResults = "Ett gemensamt kursupplägg.", childPerspective = "Eleverna deltar.", aimedAtEnablingInternationalWork = false,
            goals = withGoal ? new[] { new { code = "KUNSKAPSUTBYTEN", how = "Utbyte." } } : [], sdgs = new[] { "4" }, partners = Array.Empty<object>(),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static AngleSharp.Dom.IElement StatusCell(AngleSharp.Dom.IDocument list, string title) =>
        list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("a")!.TextContent == title).QuerySelectorAll("td")[2];

    [Fact]
    public async Task Draft_WithABlockingFinding_IsShownBlocked_WithTheReason_AndAGoodOneIsNot()
    {
        var editor = await app.ApiClientAsync(Editor);
        await DraftAsync(editor, "Listläge utan mål", withGoal: false);
        await DraftAsync(editor, "Listläge med mål", withGoal: true);

        var list = await (await app.SignInAsync(Editor)).GetDocumentAsync("/aktiviteter?q=Listl%C3%A4ge");

        var blocked = StatusCell(list, "Listläge utan mål");
        Assert.Equal("Blockerad", blocked.QuerySelector(".state--blocked")!.TextContent);
        var reason = blocked.QuerySelector(".state__reason")!.TextContent;
        Assert.Contains("mål", reason);
        Assert.Equal(reason, blocked.QuerySelector(".state--blocked")!.GetAttribute("title"));
        Assert.Null(StatusCell(list, "Listläge med mål").QuerySelector(".state"));
    }

    [Fact]
    public async Task Submitted_WithAPartnerInACountryThatFails_WaitsForKs_NotAlsoBlocked()
    {
        // The demo has activities that wait for KS's exception decision (the decision queue).
        var coordinator = await app.SignInAsync(OmvarldApp.Email("samordnare"));
        var list = await coordinator.GetDocumentAsync("/aktiviteter?status=Submitted");

        var waiting = list.QuerySelectorAll("tbody tr td:nth-child(3)").Where(td => td.QuerySelector(".state--ks") is not null).ToList();
        Assert.NotEmpty(waiting);
        Assert.All(waiting, td => Assert.Null(td.QuerySelector(".state--blocked")));
        Assert.All(waiting, td => Assert.False(string.IsNullOrWhiteSpace(td.QuerySelector(".state__reason")!.TextContent)));
    }
}

public sealed class ActivityListStateTests_Sqlite(SqliteApp app) : ActivityListStateTests(app), IClassFixture<SqliteApp>;
public sealed class ActivityListStateTests_Postgres(PostgresApp app) : ActivityListStateTests(app), IClassFixture<PostgresApp>;
