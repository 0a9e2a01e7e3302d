using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Usability;

/// <summary>Issue 16.1: each role's start page is a work list: what waits for this user, grouped and counted, one click from the action.</summary>
public abstract class StartPageTests(OmvarldApp app)
{
    private const string Administration = "Gymnasie- och vuxenutbildningsförvaltningen";
    private static readonly string Editor = OmvarldApp.Email("redaktor");
    private static readonly string Approver = OmvarldApp.Email("godkannare");

    private async Task<JsonElement> NewActivityAsync(HttpClient api, string title)
    {
        var response = await api.PostJsonAsync("/api/v1/activities", new
        {
            title, description = "Utbyte av erfarenheter.", kind = "TransnationalProject",
            ownerUnitId = await app.UnitIdAsync(app.Boras, Administration), responsibleUserId = await app.UserIdAsync(Editor),
            start = "2026-09-01", end = "2027-06-30", purpose = "Att lära av andra.", expectedResults = "Ett gemensamt kursupplägg.",
            childPerspective = "Eleverna deltar.", aimedAtEnablingInternationalWork = false,
            goals = new[] { new { code = "KUNSKAPSUTBYTEN", how = "Utbyte." } }, sdgs = new[] { "4" }, partners = Array.Empty<object>(),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task Editor_SeesRegisterButton_TheirDrafts_AndRejectedWithTheComment()
    {
        var editor = await app.ApiClientAsync(Editor);
        var draft = await NewActivityAsync(editor, "Startsidans utkast");
        var rejected = await NewActivityAsync(editor, "Startsidans återsända");
        var id = rejected.GetProperty("id").GetGuid();
        var submit = await editor.PostJsonAsync($"/api/v1/activities/{id}/transitions", new { action = "Submit", version = rejected.GetProperty("version").GetInt32() });
        Assert.True(submit.StatusCode == HttpStatusCode.OK, await submit.Content.ReadAsStringAsync());
        var submitted = await submit.ReadJsonAsync();
        var back = await (await app.ApiClientAsync(Approver)).PostJsonAsync($"/api/v1/activities/{id}/transitions",
            new { action = "Reject", version = submitted.GetProperty("version").GetInt32(), comment = "Beskriv syftet tydligare." });
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);

        var start = await (await app.SignInAsync(Editor)).GetDocumentAsync("/");

        Assert.Equal("/aktiviteter/ny", start.QuerySelector("#register-activity")?.GetAttribute("href"));
        Assert.Contains(start.QuerySelectorAll("#work-drafts a"), a => a.TextContent == "Startsidans utkast" && a.GetAttribute("href") == $"/aktiviteter/{draft.GetProperty("id").GetGuid()}");
        var rejectedLine = start.QuerySelectorAll("#work-rejected li").Single(li => li.TextContent.Contains("Startsidans återsända"));
        Assert.Contains("Beskriv syftet tydligare.", rejectedLine.TextContent);
        Assert.Equal($"/aktiviteter/{id}/andra", rejectedLine.QuerySelector("a")!.GetAttribute("href"));
        // Counted with the right Swedish form.
        Assert.Matches(@"^\d+ (aktivitet har|aktiviteter har) skickats tillbaka", start.QuerySelector("#work-rejected h3")!.TextContent.Trim());
        Assert.Matches(@"^\d+ utkast att göra (klart|klara)", start.QuerySelector("#work-drafts h3")!.TextContent.Trim());
    }

    [Fact]
    public async Task Approver_SeesWhatIsSubmittedToThem_NotTheRegisterButton()
    {
        var editor = await app.ApiClientAsync(Editor);
        var created = await NewActivityAsync(editor, "Startsidans inskickade");
        var id = created.GetProperty("id").GetGuid();
        var submit = await editor.PostJsonAsync($"/api/v1/activities/{id}/transitions", new { action = "Submit", version = created.GetProperty("version").GetInt32() });
        Assert.True(submit.StatusCode == HttpStatusCode.OK, await submit.Content.ReadAsStringAsync());

        var start = await (await app.SignInAsync(Approver)).GetDocumentAsync("/");

        Assert.Null(start.QuerySelector("#register-activity"));
        var lines = start.QuerySelectorAll("#work-approve li");
        Assert.InRange(lines.Length, 1, 5);
        Assert.Contains(start.QuerySelectorAll("#work-approve a"), a => a.TextContent == "Startsidans inskickade" || lines.Length == 5);
        Assert.Matches(@"^\d+ aktivitet(er)? väntar på ditt godkännande$", start.QuerySelector("#work-approve h3")!.TextContent.Trim());
    }

    [Fact]
    public async Task Coordinator_SeesActionPlanFlagsGroupedAndCounted_NotOneLinePerUnitAndYear()
    {
        var coordinator = OmvarldApp.Email("samordnare", "upplands-bro");
        var due = (await (await (await app.ApiClientAsync(coordinator)).GetAsync("/api/v1/action-plans/due")).ReadJsonAsync()).EnumerateArray()
            .SelectMany(r => r.GetProperty("flags").EnumerateArray().Select(f => (Kind: f.GetProperty("kind").ToString(), Year: f.GetProperty("year").GetInt32()))).ToList();
        Assert.True(due.Count > 1, "Upplands-Bro's demo has several missing plans.");

        var start = await (await app.SignInAsync(coordinator)).GetDocumentAsync("/");

        var groups = start.QuerySelectorAll("#plan-groups > li");
        Assert.Equal(due.Distinct().Count(), groups.Length);
        Assert.True(groups.Length < due.Count, $"{groups.Length} lines for {due.Count} flags: not grouped.");
        Assert.Contains(groups, g => Regex.IsMatch(g.TextContent, @"\d+ enheter saknar handlingsplan för \d{4}"));
    }

    [Fact]
    public async Task Reader_SeesTheMunicipalitysWork_FiguresAndLatestActivities()
    {
        var start = await (await app.SignInAsync(OmvarldApp.Email("lasare"))).GetDocumentAsync("/");

        Assert.Null(start.QuerySelector("#register-activity"));
        Assert.Equal(5, start.QuerySelectorAll("#work-figures li").Length);
        var latest = start.QuerySelectorAll("#work-latest a");
        Assert.InRange(latest.Length, 1, 5);
        Assert.All(latest, a => Assert.StartsWith("/aktiviteter/", a.GetAttribute("href")));
    }
}

public sealed class StartPageTests_Sqlite(SqliteApp app) : StartPageTests(app), IClassFixture<SqliteApp>;
public sealed class StartPageTests_Postgres(PostgresApp app) : StartPageTests(app), IClassFixture<PostgresApp>;
