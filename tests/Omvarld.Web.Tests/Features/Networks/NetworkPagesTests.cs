using System.Net;
using Microsoft.EntityFrameworkCore;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Networks;

/// <summary>R18 in the browser's forms (AngleSharp) on both databases: members read, the coordinator writes, bad input is refused in Swedish.</summary>
public abstract class NetworkPagesTests(OmvarldApp app)
{
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");
    private static readonly string Reader = OmvarldApp.Email("lasare");

    [Fact]
    public async Task Reader_SeesRegistersCostAndAssessment_ButNoForms()
    {
        var reader = await app.SignInAsync(Reader);
        var list = await reader.GetDocumentAsync("/medlemskap?ar=1999");
        var names = list.QuerySelectorAll("#memberships tbody tr td:first-child a").Select(a => a.TextContent).ToList();
        Assert.Subset(names.ToHashSet(), new HashSet<string> { "InternationellaSjuhärad", "Sjuhärads kommunalförbund", "Västra Götalandsregionen", "West Sweden" });
        // 1999: West Sweden and Sjuhärads kommunalförbund pay fees; Västra Götalandsregionen has none recorded.
        Assert.Contains("3 medlemskap var aktiva under året. Avgifter totalt: 527 000 kr", list.QuerySelector("#cost-total")!.TextContent.Replace('\u00a0', ' '));
        Assert.Null(list.QuerySelector("a[href='/medlemskap/ny']"));
        var denied = await reader.GetAsync("/medlemskap/ny");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/konto/nekad", denied.Headers.Location!.ToString());

        var westSweden = list.QuerySelectorAll("#memberships a").First(a => a.TextContent == "West Sweden").GetAttribute("href")!;
        var details = await reader.GetDocumentAsync(westSweden);
        Assert.Contains("Cirkulär textil i Östersjöregionen", details.QuerySelector("#linked-activities")!.TextContent);
        Assert.Contains("Stöd i utveckling av EU-projekt", details.Text());
        Assert.Null(details.QuerySelector("form[action*='handler=Link']"));

        var towns = await reader.GetDocumentAsync("/vanorter?status=Dormant");
        var pavyzdys = towns.QuerySelectorAll("#twin-towns a").Single();
        Assert.Equal("Pavyzdys", pavyzdys.TextContent);
        var town = await reader.GetDocumentAsync((await reader.GetDocumentAsync("/vanorter?land=FI")).QuerySelector("#twin-towns a")!.GetAttribute("href")!);
        Assert.Contains("Bedömning", town.QuerySelector("#assessment-heading")!.TextContent);
        Assert.NotNull(town.QuerySelector("#assessment-outcome"));
        Assert.NotNull(town.QuerySelector("#precondition-clause blockquote"));
        Assert.Contains("Maija Esimerkki", town.QuerySelector("#twin-town-facts")!.TextContent);
        Assert.Contains("Samarbetet breddas", town.QuerySelector("#notes")!.TextContent);
        Assert.Null(town.QuerySelector("#note-form"));

        var csv = await reader.GetAsync("/vanorter?handler=Export&format=csv&status=Dormant");
        Assert.Contains("Pavyzdys", await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Coordinator_CreatesMembership_NegativeFeeAndBadDatesRefused()
    {
        var client = await app.SignInAsync(Coordinator);
        var before = await app.WithDbAsync(db => db.Memberships.IgnoreQueryFilters().CountAsync());
        Dictionary<string, string> Form(string fee, string since = "2021-01-01", string until = "") => new()
        {
            ["Input.Name"] = "Klimatnätverket (test)", ["Input.Kind"] = "ThematicNetwork", ["Input.Level"] = "National",
            ["Input.MemberSince"] = since, ["Input.MemberUntil"] = until, ["Input.FeeSek"] = fee, ["Input.Offers"] = "PartnerSearch",
        };
        var negative = await client.PostFormAsync("/medlemskap/ny", Form("-100"));
        Assert.Equal(HttpStatusCode.OK, negative.StatusCode);
        Assert.Contains("Årsavgiften kan inte vara negativ.", (await negative.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        var backwards = await client.PostFormAsync("/medlemskap/ny", Form("1000", "2022-01-01", "2021-01-01"));
        Assert.Contains("Slutdatumet kan inte ligga före", (await backwards.ReadDocumentAsync()).Text());
        var text = await client.PostFormAsync("/medlemskap/ny", Form("mycket"));
        Assert.Contains("Ange årsavgiften i kronor", (await text.ReadDocumentAsync()).Text());
        Assert.Equal(before, await app.WithDbAsync(db => db.Memberships.IgnoreQueryFilters().CountAsync()));

        var saved = await client.PostFormAsync("/medlemskap/ny", Form("12 500,50"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await client.GetDocumentAsync(saved.Headers.Location!.ToString());
        Assert.Contains("12 500,5 kr", page.QuerySelector("#membership-facts")!.TextContent.Replace('\u00a0', ' '));
    }

    [Fact]
    public async Task Coordinator_WritesYearNoteOnTwinTownPage()
    {
        var client = await app.SignInAsync(Coordinator);
        var id = await app.WithDbAsync(db => db.TwinTowns.IgnoreQueryFilters().Where(t => t.MunicipalityId == app.Boras && t.City == "Musterhausen").Select(t => t.Id).SingleAsync());
        var url = $"/vanorter/{id}";
        var empty = await client.PostFormAsync(url, new() { ["Note.Year"] = "2026", ["Note.Text"] = "" }, "#note-form", handler: "Note");
        Assert.Contains("Skriv anteckningen.", (await empty.ReadDocumentAsync()).Text());
        var saved = await client.PostFormAsync(url, new() { ["Note.Year"] = "2026", ["Note.Text"] = "Vänortsmötet genomfört." }, "#note-form", handler: "Note");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await client.GetDocumentAsync(url);
        Assert.Contains("Vänortsmötet genomfört.", page.QuerySelector("#notes")!.TextContent);

        var edit = await client.PostFormAsync(url + "/andra", new()
        {
            ["Input.City"] = "Musterhausen", ["Input.CountryCode"] = "QQ", ["Input.Kind"] = "TwinTown", ["Input.Status"] = "Active", ["Input.Version"] = "0",
        });
        Assert.Contains("Landet finns inte i listan", (await edit.ReadDocumentAsync()).Text());
    }
}

public sealed class NetworkPagesTests_Sqlite(SqliteApp app) : NetworkPagesTests(app), IClassFixture<SqliteApp>;
public sealed class NetworkPagesTests_Postgres(PostgresApp app) : NetworkPagesTests(app), IClassFixture<PostgresApp>;
