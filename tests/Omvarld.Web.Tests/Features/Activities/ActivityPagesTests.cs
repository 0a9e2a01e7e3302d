using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Activities;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Activities;

/// <summary>The activity register through its pages: the form, bad input, concurrency, who may see and change what, the list's filters and the export.</summary>
public abstract class ActivityPagesTests(OmvarldApp app)
{
    private static readonly string Editor = OmvarldApp.Email("redaktor");
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");
    private static readonly string Reader = OmvarldApp.Email("lasare");
    private const string Committee = "Gymnasie- och vuxenutbildningsnämnden";

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
            ["Input.End"] = "2026-09-05",
            ["Input.Description"] = "Studiebesök hos en skola i Tartu.",
            ["Input.Purpose"] = "Lära av digitala lärplattformar.",
            ["Input.ExpectedResults"] = "En rapport till nämnden.",
            ["Input.Goals[0].Code"] = "KUNSKAPSUTBYTEN",
            ["Input.Goals[0].Selected"] = "true",
            ["Input.Goals[0].How"] = "Lärarna tar del av hur estniska skolor arbetar.",
            ["Input.SdgGoals"] = "4",
            ["Input.SdgTargets"] = "4.7",
        };
        change?.Invoke(fields);
        return fields;
    }

    /// <summary>Refused: a 403, or (pages with the cookie) the redirect to the Swedish access-denied page.</summary>
    private static void AssertForbidden(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/konto/nekad") == true),
            $"Expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");

    private static string Errors(IHtmlDocument document) => document.QuerySelector("#error-summary")?.TextContent ?? "";

    [Fact]
    public async Task CreatePage_Editor_StoresDraftWithGoalsSdgsAndPartner()
    {
        var partner = await app.PartnerAsync(app.Boras, "Tartu kommun", "EE", "Tartu");
        var client = await app.SignInAsync(Editor);
        var form = await FormAsync("Studiebesök i Tartu", f =>
        {
            f["Input.Partners[0].PartnerId"] = partner.ToString();
            f["Input.Partners[0].Role"] = "Host";
        });

        var response = await client.PostFormAsync("/aktiviteter/ny", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(response.Headers.Location!.ToString().Split('/').Last());
        var stored = await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().Include(a => a.Goals).Include(a => a.Sdgs).Include(a => a.Partners).AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(ActivityStatus.Draft, stored.Status);
        Assert.Equal("KUNSKAPSUTBYTEN", Assert.Single(stored.Goals).GoalCode);
        Assert.Equal(["4", "4.7"], stored.Sdgs.Select(s => s.ToSdg().ToString()).Order());
        Assert.Equal(PartnerRole.Host, Assert.Single(stored.Partners).Role);

        var details = await client.GetDocumentAsync($"/aktiviteter/{id}");
        Assert.Equal("Studiebesök i Tartu", details.QuerySelector("h1")?.TextContent);
        Assert.Contains("Tartu kommun", details.Text());
        Assert.Contains("Internationell aktivitet", details.Text());
        Assert.NotNull(details.QuerySelector($"a[href='/aktiviteter/{id}/andra']"));
    }

    [Theory]
    [InlineData("end", "Slutdatum kan inte vara före startdatum.")]
    [InlineData("partner", "Samarbetsparten finns inte i kommunens register.")]
    [InlineData("goal", "Beskriv hur aktiviteten bidrar till varje valt mål.")]
    [InlineData("date", "2026-13-45")]
    [InlineData("sdg", "Ange ett globalt mål från 1 till 17, eller ett delmål som 11.3 eller 11.a.")]
    public async Task CreatePage_BadInput_SwedishErrorAndNothingStored(string bad, string message)
    {
        var title = "Felaktig aktivitet " + bad;
        var client = await app.SignInAsync(Editor);
        var form = await FormAsync(title, f =>
        {
            switch (bad)
            {
                case "end": f["Input.End"] = "2026-08-01"; break;
                case "partner": f["Input.Partners[0].PartnerId"] = Guid.NewGuid().ToString(); f["Input.Partners[0].Role"] = "Partner"; break;
                case "goal": f["Input.Goals[0].How"] = " "; break;
                case "date": f["Input.Start"] = "2026-13-45"; break;
                case "sdg": f["Input.SdgTargets"] = "18.2"; break;
            }
        });

        var response = await client.PostFormAsync("/aktiviteter/ny", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.Contains(message, Errors(document));
        // What was typed is shown again.
        Assert.Equal(title, (document.QuerySelector("#Input_Title") as IHtmlInputElement)?.Value);
        Assert.Equal(0, await CountAsync(title));
    }

    [Fact]
    public async Task DetailsPage_BadFunding_SwedishErrorsAndNothingStored()
    {
        var id = await app.ActivityAsync(app.Boras, Committee, "Projekt med felaktig finansiering", Editor);
        var client = await app.SignInAsync(Editor);
        var version = await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        Dictionary<string, string> Funding(string amount, string currency, string? rate) => new()
        {
            ["Funding.Source"] = "EuProgramme", ["Funding.ProgrammeCode"] = "INTERREG_BSR", ["Funding.Amount"] = amount, ["Funding.Currency"] = currency,
            ["Funding.ExchangeRate"] = rate ?? "", ["Funding.Status"] = "Planned", ["Funding.Version"] = version.ToString(),
        };

        var negative = await client.PostFormAsync($"/aktiviteter/{id}", Funding("-100", "Sek", null), handler: "Funding");
        var noRate = await client.PostFormAsync($"/aktiviteter/{id}", Funding("1000", "Eur", null), handler: "Funding");

        Assert.Equal(HttpStatusCode.OK, negative.StatusCode);
        var negativeErrors = Errors(await negative.ReadDocumentAsync());
        Assert.True(negativeErrors.Contains("Beloppet måste vara mellan 0 och 1 000 000 000."), negativeErrors);
        Assert.Equal(HttpStatusCode.OK, noRate.StatusCode);
        var document = await noRate.ReadDocumentAsync();
        Assert.Contains("växelkurs", Errors(document));
        Assert.NotNull(document.QuerySelector("details[open] #Funding_Amount"));
        Assert.Equal(0, await app.WithDbAsync(db => db.FundingLines.IgnoreQueryFilters().CountAsync(l => l.ActivityId == id)));
    }

    [Fact]
    public async Task DetailsPage_FundingLineAddedThenGranted_StatusAndDateShown()
    {
        var id = await app.ActivityAsync(app.Boras, Committee, "Projekt som får bidrag", Editor);
        var client = await app.SignInAsync(Editor);
        async Task<int> VersionAsync() => await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        var added = await client.PostFormAsync($"/aktiviteter/{id}", new()
        {
            ["Funding.Source"] = "EuProgramme", ["Funding.ProgrammeCode"] = "ERASMUS_PLUS", ["Funding.Amount"] = "250000", ["Funding.Currency"] = "Sek",
            ["Funding.Status"] = "Applied", ["Funding.StatusOn"] = "2026-02-01", ["Funding.Version"] = (await VersionAsync()).ToString(),
        }, "main form[action*='handler=Funding']", handler: "Funding");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var line = await app.WithDbAsync(db => db.FundingLines.IgnoreQueryFilters().Where(l => l.ActivityId == id).Select(l => l.Id).SingleAsync());

        var granted = await client.PostFormAsync($"/aktiviteter/{id}", new() { ["status"] = "Granted", ["statusOn"] = "2026-04-15", ["version"] = (await VersionAsync()).ToString() },
            $"main form[action*='handler=FundingStatus'][action*='{line}']", handler: $"FundingStatus&lineId={line}");

        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        var page = await client.GetDocumentAsync($"/aktiviteter/{id}");
        Assert.Contains("Beviljad 15 apr. 2026", page.QuerySelector("#funding-heading")!.ParentElement!.TextContent);
        // A stale version is refused, not applied.
        var stale = await client.PostFormAsync($"/aktiviteter/{id}", new() { ["status"] = "Paid", ["statusOn"] = "2026-05-01", ["version"] = "1" },
            $"main form[action*='handler=FundingStatus'][action*='{line}']", handler: $"FundingStatus&lineId={line}");
        Assert.Equal("Granted", await app.WithDbAsync(db => db.FundingLines.IgnoreQueryFilters().Where(l => l.Id == line).Select(l => l.Status.ToString()).SingleAsync()));
        Assert.NotEqual(HttpStatusCode.InternalServerError, stale.StatusCode);
    }

    [Fact]
    public async Task EditPage_TwoEditorsSaveTheSameActivity_SecondGetsConflictNamingTheChangedField()
    {
        var id = await app.ActivityAsync(app.Boras, Committee, "Nätverksmöte i Åbo", Editor);
        var first = await app.SignInAsync(Editor);
        var second = await app.SignInAsync(Coordinator);
        var secondPage = await second.GetDocumentAsync($"/aktiviteter/{id}/andra");
        var staleVersion = (secondPage.QuerySelector("input[name='Input.Version']") as IHtmlInputElement)!.Value;

        var saved = await first.PostFormAsync($"/aktiviteter/{id}/andra", await FormAsync("Nätverksmöte i Åbo och Tammerfors", f => f["Input.Version"] = staleVersion));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var conflictForm = await FormAsync("Nätverksmöte i Åbo", f => f["Input.Version"] = staleVersion);
        conflictForm["__RequestVerificationToken"] = secondPage.AntiforgeryToken();
        var response = await second.PostAsync($"/aktiviteter/{id}/andra", new FormUrlEncodedContent(conflictForm));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.Contains("Någon annan har sparat aktiviteten medan du arbetade och har ändrat: Titel", Errors(document));
        // The current value is shown, and the form now carries the current version so that saving again is deliberate.
        Assert.Contains("Nätverksmöte i Åbo och Tammerfors", document.QuerySelector(".notice--warning")?.TextContent);
        var current = await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().Where(a => a.Id == id).Select(a => new { a.Title, a.Version }).SingleAsync());
        Assert.Equal("Nätverksmöte i Åbo och Tammerfors", current.Title);
        Assert.Equal(current.Version.ToString(), (document.QuerySelector("input[name='Input.Version']") as IHtmlInputElement)?.Value);
    }

    [Fact]
    public async Task DetailsPage_Reader_SeesFindingWithClauseButNoEditFormsAndCannotPost()
    {
        var id = await app.ActivityAsync(app.Boras, Committee, "Utbyte utan mål", Editor);
        var reader = await app.SignInAsync(Reader);

        var document = await reader.GetDocumentAsync($"/aktiviteter/{id}");

        var findings = document.QuerySelector("aside.activity-findings")?.TextContent ?? "";
        Assert.Contains("Hinder för godkännande", findings);
        Assert.Contains("Aktiviteten ska bidra till minst 1 av policyns mål. Nu anges 0.", findings);
        Assert.Contains("Internationella samarbeten ska bidra till följande:", findings);
        Assert.Contains("Internationell policy 2023", findings);
        Assert.Null(document.QuerySelector($"a[href='/aktiviteter/{id}/andra']"));
        Assert.Empty(document.QuerySelectorAll("form[action*='handler=Transition'], form[action*='handler=Funding'], form[action*='handler=Link'], form[action*='handler=Attach']"));

        var token = document.AntiforgeryToken();
        AssertForbidden((await reader.GetAsync($"/aktiviteter/{id}/andra")));
        var edit = await reader.PostAsync($"/aktiviteter/{id}/andra",
            new FormUrlEncodedContent(new Dictionary<string, string>(await FormAsync("Kapad")) { ["__RequestVerificationToken"] = token }));
        AssertForbidden(edit);
        var step = await reader.PostAsync($"/aktiviteter/{id}?handler=Transition", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["Transition.Action"] = "Submit", ["Transition.Version"] = "1", ["__RequestVerificationToken"] = token }));
        AssertForbidden(step);
        Assert.Equal("Utbyte utan mål", await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));
    }

    [Fact]
    public async Task EditPage_EditorOfAnotherCommittee_Forbidden()
    {
        var id = await app.ActivityAsync(app.Boras, "Kulturnämnden", "Kulturutbyte med Lübeck", Coordinator);
        var editor = await app.SignInAsync(Editor);

        AssertForbidden((await editor.GetAsync($"/aktiviteter/{id}/andra")));
        var token = (await editor.GetDocumentAsync($"/aktiviteter/{id}")).AntiforgeryToken();
        var form = await FormAsync("Kapad", f => { f["Input.OwnerUnitId"] = ""; f["__RequestVerificationToken"] = token; });
        AssertForbidden((await editor.PostAsync($"/aktiviteter/{id}/andra", new FormUrlEncodedContent(form))));
        Assert.Equal("Kulturutbyte med Lübeck", await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));
    }

    [Fact]
    public async Task ListPage_FiltersByUnitWithSubUnitsAndByCountry()
    {
        var finnish = await app.PartnerAsync(app.Boras, "Vasa stad", "FI", "Vasa");
        var polish = await app.PartnerAsync(app.Boras, "Gdańsk", "PL", "Gdańsk");
        await app.ActivityAsync(app.Boras, "Gymnasie- och vuxenutbildningsförvaltningen", "Listtest förvaltningens utbyte", Editor, partners: [finnish]);
        await app.ActivityAsync(app.Boras, "Kulturnämnden", "Listtest kulturens utbyte", Coordinator, partners: [polish]);
        var client = await app.SignInAsync(Reader);
        var committee = await app.UnitIdAsync(app.Boras, Committee);

        var byUnit = (await client.GetDocumentAsync($"/aktiviteter?enhet={committee}&q=Listtest")).Text();
        var byCountry = (await client.GetDocumentAsync("/aktiviteter?land=PL&q=Listtest")).Text();

        Assert.Contains("Listtest förvaltningens utbyte", byUnit);
        Assert.DoesNotContain("Listtest kulturens utbyte", byUnit);
        Assert.Contains("Listtest kulturens utbyte", byCountry);
        Assert.DoesNotContain("Listtest förvaltningens utbyte", byCountry);
        Assert.Contains("Polen", byCountry);
        // Nonsense in the query is no filter, never an error.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/aktiviteter?enhet=x&ar=abc&typ=Nope&sida=-3")).StatusCode);
    }

    [Fact]
    public async Task Export_CsvAndXlsx_SwedishHeaderAndTheFilteredRows()
    {
        var partner = await app.PartnerAsync(app.Boras, "Riga stad", "LV", "Riga");
        await app.ActivityAsync(app.Boras, Committee, "=Exporttest i Riga", Editor, partners: [partner]);
        await app.ActivityAsync(app.Boras, Committee, "Exporttest utan partner", Editor);
        var client = await app.SignInAsync(Reader);

        var csv = await client.GetAsync("/aktiviteter/export?format=csv&land=LV&q=Exporttest");
        var xlsx = await client.GetAsync("/aktiviteter/export?format=xlsx&land=LV&q=Exporttest");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Id;Titel;Typ;Status;Ansvarig enhet;Startdatum;Slutdatum;Länder (landskod);Undantag beslutade av KS", lines[0]);
        var row = Assert.Single(lines[1..]);
        // A leading = would run as a formula in a spreadsheet: it is quoted away.
        Assert.Contains(";'=Exporttest i Riga;Benchmarking, studiebesök eller utbyte med aktörer utanför Sverige;Utkast;Gymnasie- och vuxenutbildningsnämnden;2026-09-01;;LV", row);

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        Assert.Equal("Titel", sheet.Cell(1, 2).GetString());
        Assert.Equal("'=Exporttest i Riga", sheet.Cell(2, 2).GetString());
        Assert.False(sheet.Cell(2, 2).HasFormula);
        Assert.Equal(new DateTime(2026, 9, 1), sheet.Cell(2, 6).GetDateTime());
        Assert.True(sheet.Cell(3, 2).IsEmpty());
    }

    [Fact]
    public async Task PartnerPages_CoordinatorDeletesPartnerInUse_RefusedWithSwedishMessage()
    {
        var partner = await app.PartnerAsync(app.Boras, "Kiels stad", "DE", "Kiel");
        await app.ActivityAsync(app.Boras, Committee, "Utbyte med Kiel", Editor, partners: [partner]);
        var coordinator = await app.SignInAsync(Coordinator);

        var response = await coordinator.PostFormAsync($"/partner/{partner}/andra", [], handler: "Delete");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Organisationen är samarbetspart i minst en aktivitet och kan inte tas bort.", Errors(await response.ReadDocumentAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Partners.IgnoreQueryFilters().CountAsync(p => p.Id == partner)));
        // The editor may mend entries but not remove them.
        var editor = await app.SignInAsync(Editor);
        Assert.Null((await editor.GetDocumentAsync($"/partner/{partner}/andra")).QuerySelector("form[action*='handler=Delete']"));
    }

    [Fact]
    public async Task UnitPage_ShowsSubmittedWorkOfSubUnitsButNotDrafts()
    {
        var draft = await app.ActivityAsync(app.Boras, "Gymnasie- och vuxenutbildningsförvaltningen", "Enhetstest utkast", Editor);
        var submitted = await app.ActivityAsync(app.Boras, "Gymnasie- och vuxenutbildningsförvaltningen", "Enhetstest inskickad", Editor);
        await app.WithDbAsync(async db =>
        {
            var a = await db.Activities.IgnoreQueryFilters().SingleAsync(x => x.Id == submitted);
            Assert.True(a.Submit(Guid.NewGuid(), app.Clock.GetUtcNow()).Result.IsOk);
            await db.SaveChangesAsync();
        });
        var client = await app.SignInAsync(Reader);

        var page = await client.GetDocumentAsync($"/enheter/{await app.UnitIdAsync(app.Boras, Committee)}");

        var section = page.QuerySelector("section[aria-labelledby=activities-heading]")?.TextContent ?? "";
        Assert.Contains("Enhetstest inskickad", section);
        Assert.Contains("Inga resultat redovisade ännu.", section);
        Assert.DoesNotContain("Enhetstest utkast", section);
        Assert.NotEqual(Guid.Empty, draft);
    }
}

public sealed class ActivityPagesTests_Sqlite(SqliteApp app) : ActivityPagesTests(app), IClassFixture<SqliteApp>;
public sealed class ActivityPagesTests_Postgres(PostgresApp app) : ActivityPagesTests(app), IClassFixture<PostgresApp>;
