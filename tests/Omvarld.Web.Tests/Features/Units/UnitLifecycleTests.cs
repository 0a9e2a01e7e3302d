using System.Net;
using Microsoft.EntityFrameworkCore;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Units;

/// <summary>Closing and reopening units from their page: history kept, open sub-units protect their parent, roles enforced.</summary>
public abstract class UnitLifecycleTests(OmvarldApp app)
{
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");

    private Task<Omvarld.Domain.Organisation.Unit> UnitAsync(Guid id) =>
        app.WithDbAsync(db => db.Units.IgnoreQueryFilters().AsNoTracking().SingleAsync(u => u.Id == id));

    private static Dictionary<string, string> Version(Omvarld.Domain.Organisation.Unit u) => new() { ["version"] = u.Version.ToString() };

    [Fact]
    public async Task ClosePage_UnitWithOpenSubUnits_IsRefusedWithSwedishMessage()
    {
        var client = await app.SignInAsync(Coordinator);
        var id = await app.UnitIdAsync(app.Boras, "Stadsledningskansliet");
        var unit = await UnitAsync(id);

        var response = await client.PostFormAsync($"/enheter/{id}", Version(unit), "form[action*='handler=Close']", "Close");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync($"/enheter/{id}");
        Assert.Contains("Enheten har aktiva underenheter. Avveckla eller flytta dem först.", page.Text());
        Assert.Null((await UnitAsync(id)).ClosedOn);
    }

    [Fact]
    public async Task ClosePage_LeafUnit_ClosesKeepsHistoryAndReopens()
    {
        var client = await app.SignInAsync(Coordinator);
        var api = await app.ApiClientAsync(Coordinator);
        var created = await (await api.PostJsonAsync("/api/v1/units", new { name = "Tillfälligt projektkontor", kind = "Office", parentId = await app.UnitIdAsync(app.Boras, "Stadsledningskansliet") })).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();

        var closed = await client.PostFormAsync($"/enheter/{id}", Version(await UnitAsync(id)), "form[action*='handler=Close']", "Close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var page = await client.GetDocumentAsync($"/enheter/{id}");
        Assert.Contains("Enheten är avvecklad. Dess historik finns kvar.", page.Text());
        Assert.NotNull((await UnitAsync(id)).ClosedOn);
        Assert.Contains("Avvecklad", page.QuerySelector("#history-heading")!.ParentElement!.TextContent);
        // A closed unit is left out of the tree unless asked for, and cannot be renamed.
        Assert.DoesNotContain("Tillfälligt projektkontor", (await client.GetDocumentAsync("/enheter")).QuerySelector("main")!.TextContent);
        Assert.Contains("Tillfälligt projektkontor", (await client.GetDocumentAsync("/enheter?stangda=true")).QuerySelector("main")!.TextContent);

        var reopened = await client.PostFormAsync($"/enheter/{id}", Version(await UnitAsync(id)), "form[action*='handler=Reopen']", "Reopen");
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.Null((await UnitAsync(id)).ClosedOn);
    }

    [Fact]
    public async Task ClosePage_StaleVersion_IsRefusedAsConflict()
    {
        var client = await app.SignInAsync(Coordinator);
        var api = await app.ApiClientAsync(Coordinator);
        var created = await (await api.PostJsonAsync("/api/v1/units", new { name = "Kontor som byter namn", kind = "Office" })).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        var stale = await UnitAsync(id);
        var renamed = await api.PutJsonAsync($"/api/v1/units/{id}", new { name = "Kontor med nytt namn", kind = "Office", version = stale.Version });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        await client.PostFormAsync($"/enheter/{id}", Version(stale), "form[action*='handler=Close']", "Close");

        Assert.Null((await UnitAsync(id)).ClosedOn);
        Assert.Contains("Någon annan har sparat ändringar medan du arbetade.", (await client.GetDocumentAsync($"/enheter/{id}")).Text());
    }

    [Fact]
    public async Task ClosePage_Reader_IsForbiddenAndNothingChanges()
    {
        var coordinator = await app.SignInAsync(Coordinator);
        var reader = await app.SignInAsync(OmvarldApp.Email("lasare"));
        var id = await app.UnitIdAsync(app.Boras, "Borås Djurpark AB");
        var unit = await UnitAsync(id);
        // The reader's page has no close button; take a valid token from the reader's own page and post anyway.
        var readerPage = await reader.GetDocumentAsync($"/enheter/{id}");
        Assert.Null(readerPage.QuerySelector("form[action*='handler=Close']"));
        var token = readerPage.AntiforgeryToken("header form[method=post]");

        var response = await reader.PostAsync($"/enheter/{id}?handler=Close",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["version"] = unit.Version.ToString(), ["__RequestVerificationToken"] = token }));

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("/konto/nekad") == true,
            $"Expected 403 or a redirect to /konto/nekad, got {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Null((await UnitAsync(id)).ClosedOn);
        Assert.NotNull(coordinator);
    }
}

public sealed class UnitLifecycleTests_Sqlite(SqliteApp app) : UnitLifecycleTests(app), IClassFixture<SqliteApp>;
public sealed class UnitLifecycleTests_Postgres(PostgresApp app) : UnitLifecycleTests(app), IClassFixture<PostgresApp>;
