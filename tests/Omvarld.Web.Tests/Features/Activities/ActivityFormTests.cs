using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Activities;

/// <summary>
/// Issue 16.3: the activity form's own steps (the live findings, partner rows added and removed, a new partner created
/// from the form) through its page handlers, as a browser without JavaScript posts them; and that submission never
/// fails on something the findings did not show.
/// </summary>
public abstract class ActivityFormTests(OmvarldApp app)
{
    private static readonly string Editor = OmvarldApp.Email("redaktor");
    private static readonly string Reader = OmvarldApp.Email("lasare");
    private const string Committee = "Gymnasie- och vuxenutbildningsnämnden";
    private const string PurposeMissing = "Ange syftet med aktiviteten innan den skickas för godkännande.";
    private const string NoGoal = "Aktiviteten ska bidra till minst 1 av policyns mål. Nu anges 0.";

    private Task<int> CountAsync(string title) => app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().CountAsync(a => a.Title == title));

    private async Task<Dictionary<string, string>> FormAsync(string title, Action<Dictionary<string, string>>? change = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Kind"] = "StudyVisitOrExchange",
            ["Input.OwnerUnitId"] = (await app.UnitIdAsync(app.Boras, Committee)).ToString(),
            ["Input.ResponsibleUserId"] = (await app.UserIdAsync(Editor)).ToString(),
            ["Input.Start"] = "2026-09-01",
            ["Input.Description"] = "Studiebesök hos en skola i Riga.",
            ["Input.ExpectedResults"] = "En rapport till nämnden.",
            ["Input.Partners[0].PartnerId"] = "",
            ["Input.Partners[0].Role"] = "Partner",
        };
        change?.Invoke(fields);
        return fields;
    }

    private static List<string> Messages(IHtmlDocument document) =>
        document.QuerySelectorAll("aside.activity-findings .finding__message").Select(m => m.TextContent.Trim()).ToList();

    /// <summary>Every link of the error summary points at an element of the page.</summary>
    private static void AssertSummaryLinksResolve(IHtmlDocument document)
    {
        foreach (var link in document.QuerySelectorAll("#error-summary a[href^='#']"))
            Assert.True(document.GetElementById(link.GetAttribute("href")![1..]) is not null, $"The error summary links to {link.GetAttribute("href")}, which is not on the page.");
    }

    [Fact]
    public async Task LiveFindings_UnsavedForm_NameWhatSubmissionRequiresAndMatchTheSavedActivity()
    {
        const string title = "Studiebesök i Riga utan syfte";
        var client = await app.SignInAsync(Editor);
        var form = await FormAsync(title);

        var live = await client.PostFormAsync("/aktiviteter/ny", form, handler: "Findings");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var liveMessages = Messages(await live.ReadDocumentAsync());
        Assert.Contains(PurposeMissing, liveMessages);
        Assert.Contains(NoGoal, liveMessages);
        Assert.Equal(0, await CountAsync(title));

        var saved = await client.PostFormAsync("/aktiviteter/ny", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var url = saved.Headers.Location!.ToString();
        var details = await client.GetDocumentAsync(url);
        Assert.Equal(liveMessages, Messages(details));

        // Submitting is refused on exactly what the findings showed; the summary names the step, not a form, and links nowhere missing.
        var submit = await client.PostFormAsync(url, new() { ["Transition.Action"] = "Submit", ["Transition.Version"] = details.QuerySelector("input[name='Transition.Version']")!.GetAttribute("value")! },
            "form[action*='handler=Transition']", "Transition");
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        var refused = await submit.ReadDocumentAsync();
        var summary = refused.QuerySelector("#error-summary")!;
        Assert.Equal("Det gick inte: Skicka för godkännande", summary.QuerySelector("h2")?.TextContent);
        Assert.Contains(PurposeMissing, summary.TextContent);
        Assert.Contains(PurposeMissing, liveMessages);
        AssertSummaryLinksResolve(refused);
    }

    [Fact]
    public async Task LiveFindings_NoTitle_SayTheDraftCannotBeSaved_AndSavingIsRefused()
    {
        var client = await app.SignInAsync(Editor);
        var form = await FormAsync("", f => f["Input.Description"] = "Utkast utan titel " + Guid.NewGuid());

        var live = await (await client.PostFormAsync("/aktiviteter/ny", form, handler: "Findings")).ReadDocumentAsync();
        Assert.Equal(["Titel måste fyllas i."], Messages(live));
        Assert.Contains("kan utkastet inte sparas", live.QuerySelector("aside")?.TextContent);

        var saved = await client.PostFormAsync("/aktiviteter/ny", form);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var page = await saved.ReadDocumentAsync();
        Assert.Contains("Titel måste fyllas i.", page.QuerySelector("#error-summary")?.TextContent);
        AssertSummaryLinksResolve(page);
        Assert.Equal(0, await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().CountAsync(a => a.Description == form["Input.Description"])));
        // Required fields are marked for the eye and for assistive technology.
        foreach (var id in new[] { "Input_Title", "Input_Kind", "Input_OwnerUnitId", "Input_ResponsibleUserId", "Input_Start" })
        {
            Assert.True(page.GetElementById(id)!.HasAttribute("required"), id);
            Assert.Equal("true", page.GetElementById(id)!.GetAttribute("aria-required"));
        }
    }

    [Fact]
    public async Task LiveFindings_EditPage_ShowTheUnsavedChangeAndStoreNothing()
    {
        var id = await app.ActivityAsync(app.Boras, Committee, "Utbyte som får ett mål", Editor);
        var client = await app.SignInAsync(Editor);
        var edit = await client.GetDocumentAsync($"/aktiviteter/{id}/andra");
        Assert.Contains(NoGoal, Messages(edit));
        var codes = edit.QuerySelectorAll("input[type=hidden][name^='Input.Goals'][name$='.Code']").ToList();
        var goal = codes.First(i => i.GetAttribute("value") == "KUNSKAPSUTBYTEN").GetAttribute("name")!.Replace(".Code", "");
        var form = await FormAsync("Utbyte som får ett mål", f =>
        {
            f["Input.Purpose"] = "Syfte";
            f["Input.Version"] = edit.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
            foreach (var code in codes) f[code.GetAttribute("name")!] = code.GetAttribute("value")!;
            f[goal + ".Selected"] = "true";
            f[goal + ".How"] = "Lärare lär av varandra.";
        });

        var live = await (await client.PostFormAsync($"/aktiviteter/{id}/andra", form, handler: "Findings")).ReadDocumentAsync();

        Assert.DoesNotContain(NoGoal, Messages(live));
        Assert.Equal(0, await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().Where(a => a.Id == id).SelectMany(a => a.Goals).CountAsync()));
    }

    [Fact]
    public async Task LiveFindings_Reader_IsRefused()
    {
        var id = await app.ActivityAsync(app.Boras, Committee, "Utbyte som läsaren inte ändrar", Editor);
        var editor = await app.SignInAsync(Editor);
        var token = (await editor.GetDocumentAsync("/aktiviteter/ny")).AntiforgeryToken();
        var reader = await app.SignInAsync(Reader);
        var readerToken = (await reader.GetDocumentAsync($"/aktiviteter/{id}")).AntiforgeryToken("main form[method=post]");
        foreach (var url in new[] { "/aktiviteter/ny?handler=Findings", $"/aktiviteter/{id}/andra?handler=Findings", "/aktiviteter/ny?handler=NewPartner" })
        {
            var response = await reader.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(await FormAsync("Kapad")) { ["__RequestVerificationToken"] = readerToken }));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/konto/nekad") == true), $"{url}: {(int)response.StatusCode}");
        }
        Assert.NotEmpty(token);
    }

    [Fact]
    public async Task PartnerRows_AddedAndRemovedWithoutScript_NothingSaved()
    {
        var tallinn = await app.PartnerAsync(app.Boras, "Tallinns stad " + Guid.NewGuid().ToString("N")[..6], "EE", "Tallinn");
        const string title = "Utbyte med rader";
        var client = await app.SignInAsync(Editor);
        var form = await FormAsync(title, f => { f["Input.Partners[0].PartnerId"] = tallinn.ToString(); f["Input.Partners[1].PartnerId"] = ""; f["Input.Partners[1].Role"] = "Partner"; });

        var added = await (await client.PostFormAsync("/aktiviteter/ny", form, handler: "AddPartner")).ReadDocumentAsync();

        Assert.Equal(3, added.QuerySelectorAll("main [data-partner-rows] [data-partner-row]").Length);
        Assert.Equal(tallinn.ToString(), (added.GetElementById("Input_Partners_0_PartnerId") as IHtmlSelectElement)?.Value);
        Assert.Equal(title, (added.GetElementById("Input_Title") as IHtmlInputElement)?.Value);

        var removed = await (await client.PostFormAsync("/aktiviteter/ny", new(form) { ["removeIndex"] = "0" }, handler: "RemovePartner")).ReadDocumentAsync();

        var rows = removed.QuerySelectorAll("main [data-partner-rows] [data-partner-row]");
        Assert.Single(rows);
        Assert.Equal("", (removed.GetElementById("Input_Partners_0_PartnerId") as IHtmlSelectElement)?.Value);
        Assert.Equal(0, await CountAsync(title));
    }

    [Fact]
    public async Task NewPartner_CreatedFromTheForm_IsChosen_AndBadInputIsNamed()
    {
        var name = "Rīgas Valsts tehnikums " + Guid.NewGuid().ToString("N")[..6];
        const string title = "Utbyte med en ny partner";
        var client = await app.SignInAsync(Editor);

        var refused = await client.PostFormAsync("/aktiviteter/ny", await FormAsync(title, f => { f["Input.NewPartner.Type"] = "School"; f["Input.NewPartner.CountryCode"] = "LV"; }), handler: "NewPartner");
        var refusedPage = await refused.ReadDocumentAsync();
        Assert.Contains("Organisationens namn måste fyllas i.", refusedPage.QuerySelector("#error-summary")?.TextContent);
        AssertSummaryLinksResolve(refusedPage);
        Assert.Equal("LV", (refusedPage.GetElementById("Input_NewPartner_CountryCode") as IHtmlSelectElement)?.Value);

        var response = await client.PostFormAsync("/aktiviteter/ny", await FormAsync(title, f =>
        {
            f["Input.NewPartner.Name"] = name; f["Input.NewPartner.Type"] = "School"; f["Input.NewPartner.City"] = "Riga";
            f["Input.NewPartner.CountryCode"] = "LV"; f["Input.NewPartner.Role"] = "Host";
        }), handler: "NewPartner");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var partner = await app.WithDbAsync(db => db.Partners.IgnoreQueryFilters().SingleAsync(p => p.Name == name));
        Assert.Equal(app.Boras, partner.MunicipalityId);
        Assert.Contains($"{name} finns nu i registret", page.GetElementById("form-status")?.TextContent);
        Assert.Equal(partner.Id.ToString(), (page.GetElementById("Input_Partners_0_PartnerId") as IHtmlSelectElement)?.Value);
        Assert.Equal("Host", (page.GetElementById("Input_Partners_0_Role") as IHtmlSelectElement)?.Value);
        Assert.Equal("", (page.GetElementById("Input_NewPartner_Name") as IHtmlInputElement)?.Value);
        Assert.Equal(0, await CountAsync(title));
    }
}

public sealed class ActivityFormTests_Sqlite(SqliteApp app) : ActivityFormTests(app), IClassFixture<SqliteApp>;
public sealed class ActivityFormTests_Postgres(PostgresApp app) : ActivityFormTests(app), IClassFixture<PostgresApp>;
