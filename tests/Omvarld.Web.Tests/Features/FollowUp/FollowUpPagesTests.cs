using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.FollowUp;

/// <summary>
/// Issue 15 through the pages on both databases: the coordinator opens a round with the form, the editor finds the
/// section on the start page and writes it, a stale save shows what the other writer stored, the approver marks it
/// ready, and the coordinator's progress table says so; bad input is shown in Swedish beside its field.
/// </summary>
public abstract class FollowUpPagesTests(OmvarldApp app)
{
    private static readonly string Coordinator = OmvarldApp.Email("samordnare", "upplands-bro");
    private static readonly string Editor = OmvarldApp.Email("redaktor", "upplands-bro");
    private static readonly string Approver = OmvarldApp.Email("godkannare", "upplands-bro");

    private DateOnly Today => DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);

    [Fact]
    public async Task Coordinator_Opens_Editor_Writes_Approver_MarksReady_CoordinatorSeesIt()
    {
        var coordinator = await app.SignInAsync(Coordinator);
        var bad = await coordinator.PostFormAsync("/uppfoljning/ny", new()
        {
            ["Year"] = "2018", ["Deadline"] = Format(Today.AddDays(-3)), ["Questions"] = "Vad ledde arbetet till?",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Sista svarsdatum kan inte ligga före dagen då uppföljningen öppnas", (await bad.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent);

        var opened = await coordinator.PostFormAsync("/uppfoljning/ny", new()
        {
            ["Year"] = "2018", ["Deadline"] = Format(Today.AddDays(14)), ["Questions"] = "Vad ledde arbetet till?\r\nVad fungerade inte?",
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var roundUrl = opened.Headers.Location!.ToString();

        var editor = await app.SignInAsync(Editor);
        var start = await editor.GetDocumentAsync("/");
        var link = start.QuerySelectorAll("#follow-up-owed a").Single(a => a.TextContent.Contains("uppföljning 2018"));
        Assert.Contains("Utbildningsnämnden", link.TextContent);
        var sectionUrl = link.GetAttribute("href")!;
        var page = await editor.GetDocumentAsync(sectionUrl);
        Assert.Contains("Ur registret 2018", page.Text());
        var version = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var saved = await editor.PostFormAsync(sectionUrl, new() { ["Answers[0]"] = "Två utbyten.", ["Answers[1]"] = "Inget.", ["Version"] = version }, handler: "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // A save from a page loaded before that one: the stored answer is shown beside what this writer wrote.
        var stale = await editor.PostFormAsync(sectionUrl, new() { ["Answers[0]"] = "Ett utbyte.", ["Answers[1]"] = "Inget.", ["Version"] = version }, handler: "Save");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var conflict = await stale.ReadDocumentAsync();
        Assert.Contains("skiljer sig på fråga 1", conflict.QuerySelector(".error-summary")!.TextContent);
        Assert.Contains("Två utbyten.", conflict.QuerySelector("main .notice--warning")!.TextContent);
        Assert.Equal("Ett utbyte.", conflict.QuerySelector("#Answers_0_")!.TextContent);

        var approver = await app.SignInAsync(Approver);
        var approverPage = await approver.GetDocumentAsync(sectionUrl);
        Assert.Null(approverPage.QuerySelector("textarea"));
        var ready = await approver.PostFormAsync(sectionUrl, new(), handler: "Ready");
        Assert.Equal(HttpStatusCode.Redirect, ready.StatusCode);
        Assert.Contains("Markerat som klart av Demo Enhetsgodkännare", (await approver.GetDocumentAsync(sectionUrl)).QuerySelector("#ready-notice")!.TextContent);

        var round = await coordinator.GetDocumentAsync(roundUrl);
        var row = round.QuerySelectorAll("#progress tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Utbildningsnämnden");
        Assert.Contains("Klar", row.QuerySelectorAll("td")[0].TextContent);
        Assert.Contains("Demo Enhetsgodkännare", row.QuerySelectorAll("td")[1].TextContent);
        Assert.Contains("1 klara", round.QuerySelector("#round-counts")!.TextContent);
        // The start page no longer lists it for the editor.
        Assert.DoesNotContain("uppföljning 2018", (await editor.GetDocumentAsync("/")).Text());

        var closed = await coordinator.PostFormAsync(roundUrl, new(), handler: "Close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal("Stängd", (await coordinator.GetDocumentAsync(roundUrl)).QuerySelector("#round-status")!.TextContent);
        Assert.Equal("Closed", await app.WithDbAsync(db => db.FollowUpRounds.IgnoreQueryFilters()
            .Where(r => r.MunicipalityId == app.UpplandsBro && r.Year == 2018).Select(r => r.Status.ToString()).SingleAsync()));
    }

    private static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class FollowUpPagesTests_Sqlite(SqliteApp app) : FollowUpPagesTests(app), IClassFixture<SqliteApp>;
public sealed class FollowUpPagesTests_Postgres(PostgresApp app) : FollowUpPagesTests(app), IClassFixture<PostgresApp>;
