using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Units;

/// <summary>Creating and changing units through the pages and the API: bad input, moves, concurrency and the audit trail.</summary>
public abstract class UnitEditingTests(OmvarldApp app)
{
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");
    private const string MoveMessage = "En enhet kan inte flyttas till sig själv eller till någon av sina egna underenheter.";
    private static readonly string TooLong = new('x', 151);

    private Task<int> UnitCountAsync() => app.WithDbAsync(db => db.Units.IgnoreQueryFilters().CountAsync());

    private Task<Omvarld.Domain.Organisation.Unit> UnitAsync(Guid id) =>
        app.WithDbAsync(db => db.Units.IgnoreQueryFilters().AsNoTracking().SingleAsync(u => u.Id == id));

    private async Task<JsonElement> CreateViaApiAsync(HttpClient api, string name)
    {
        var response = await api.PostJsonAsync("/api/v1/units", new { name, kind = "Office", parentId = await app.UnitIdAsync(app.Boras, "Stadsledningskansliet") });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    [Theory]
    [InlineData("", "Namn måste fyllas i.")]
    [InlineData("   ", "Namn måste fyllas i.")]
    [InlineData("LONG", "Namnet är för långt.")]
    public async Task CreateUnitApi_BadName_ValidationProblemAndNothingCreated(string name, string message)
    {
        var api = await app.ApiClientAsync(Coordinator);
        var before = await UnitCountAsync();

        var response = await api.PostJsonAsync("/api/v1/units", new { name = name == "LONG" ? TooLong : name, kind = "Committee" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal("En eller flera uppgifter är felaktiga", problem.Str("title"));
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal(before, await UnitCountAsync());
    }

    [Theory]
    [InlineData("", "Namn måste fyllas i.")]
    [InlineData("LONG", "Namn får vara högst 150 tecken.")]
    public async Task CreateUnitPage_BadName_SwedishMessageAndNothingCreated(string name, string message)
    {
        var client = await app.SignInAsync(Coordinator);
        var before = await UnitCountAsync();

        var response = await client.PostFormAsync("/enheter/ny", new() { ["Input.Name"] = name == "LONG" ? TooLong : name, ["Input.Kind"] = "Committee" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await response.ReadDocumentAsync()).QuerySelector("#error-summary")?.TextContent);
        Assert.Equal(before, await UnitCountAsync());
    }

    [Theory]
    [InlineData("", "Namn måste fyllas i.")]
    [InlineData("LONG", "Namnet är för långt.")]
    public async Task UpdateUnitApi_BadName_ValidationProblemAndUnchanged(string name, string message)
    {
        var id = await app.UnitIdAsync(app.Boras, "Kulturnämnden");
        var before = await UnitAsync(id);
        var api = await app.ApiClientAsync(Coordinator);

        var response = await api.PutJsonAsync($"/api/v1/units/{id}", new { name = name == "LONG" ? TooLong : name, kind = "Committee", parentId = before.ParentId, version = before.Version });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.ReadProblemAsync()).GetProperty("errors").GetProperty("name")[0].GetString());
        var after = await UnitAsync(id);
        Assert.Equal(("Kulturnämnden", before.Version), (after.Name, after.Version));
    }

    [Theory]
    [InlineData("", "Namn måste fyllas i.")]
    [InlineData("LONG", "Namn får vara högst 150 tecken.")]
    public async Task EditUnitPage_BadName_SwedishMessageAndUnchanged(string name, string message)
    {
        var id = await app.UnitIdAsync(app.Boras, "Kulturnämnden");
        var before = await UnitAsync(id);
        var client = await app.SignInAsync(Coordinator);

        var response = await client.PostFormAsync($"/enheter/{id}/andra", new()
        {
            ["Input.Name"] = name == "LONG" ? TooLong : name, ["Input.ParentId"] = before.ParentId.ToString()!, ["Input.Version"] = before.Version.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await response.ReadDocumentAsync()).QuerySelector("#error-summary")?.TextContent);
        Assert.Equal("Kulturnämnden", (await UnitAsync(id)).Name);
    }

    [Theory]
    [InlineData("Gymnasie- och vuxenutbildningsförvaltningen")] // its child
    [InlineData("Gymnasie- och vuxenutbildningsnämnden")] // itself
    public async Task UpdateUnitApi_MoveUnderOwnSubtree_ValidationProblemAndUnchanged(string newParent)
    {
        var id = await app.UnitIdAsync(app.Boras, "Gymnasie- och vuxenutbildningsnämnden");
        var target = await app.UnitIdAsync(app.Boras, newParent);
        var before = await UnitAsync(id);
        var api = await app.ApiClientAsync(Coordinator);

        var response = await api.PutJsonAsync($"/api/v1/units/{id}", new { name = before.Name, kind = "Committee", parentId = target, version = before.Version });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(MoveMessage, (await response.ReadProblemAsync()).GetProperty("errors").GetProperty("parentId")[0].GetString());
        Assert.Equal(before.ParentId, (await UnitAsync(id)).ParentId);
    }

    [Fact]
    public async Task EditUnitPage_MoveUnderOwnDescendant_SwedishMessageAndUnchanged()
    {
        var id = await app.UnitIdAsync(app.Boras, "Kommunstyrelsen");
        var grandchild = await app.UnitIdAsync(app.Boras, "Internationella kontoret");
        var before = await UnitAsync(id);
        var client = await app.SignInAsync(Coordinator);

        var response = await client.PostFormAsync($"/enheter/{id}/andra", new()
        {
            ["Input.Name"] = before.Name, ["Input.ParentId"] = grandchild.ToString(), ["Input.Version"] = before.Version.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(MoveMessage, (await response.ReadDocumentAsync()).QuerySelector("#error-summary")?.TextContent);
        Assert.Equal(before.ParentId, (await UnitAsync(id)).ParentId);
    }

    [Theory]
    [InlineData("{\"name\": \"Trasig\", ")]
    [InlineData("{\"name\": \"Fel typ\", \"kind\": \"Committee\", \"version\": \"ett\"}")]
    [InlineData("{\"name\": \"Okänd typ\", \"kind\": \"Planet\"}")]
    [InlineData("[1, 2, 3]")]
    public async Task CreateUnitApi_MalformedJson_BadRequestAndNothingCreated(string body)
    {
        var api = await app.ApiClientAsync(Coordinator);
        var before = await UnitCountAsync();

        var response = await api.PostAsync("/api/v1/units", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.ReadProblemAsync()).Str("title")));
        Assert.Equal(before, await UnitCountAsync());
    }

    [Fact]
    public async Task UpdateUnitApi_SameVersionTwice_SecondConflict()
    {
        var api = await app.ApiClientAsync(Coordinator);
        var unit = await CreateViaApiAsync(api, "Konfliktkontoret");
        var id = unit.GetProperty("id").GetGuid();
        var version = unit.GetProperty("version").GetInt32();
        var parent = unit.GetProperty("parentId").GetGuid();

        var first = await api.PutJsonAsync($"/api/v1/units/{id}", new { name = "Första namnet", kind = "Office", parentId = parent, version });
        var second = await api.PutJsonAsync($"/api/v1/units/{id}", new { name = "Andra namnet", kind = "Office", parentId = parent, version });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(version + 1, (await first.ReadJsonAsync()).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.ReadProblemAsync();
        Assert.Equal("Konflikt", problem.Str("title"));
        Assert.Contains("Första namnet", problem.Str("detail"));
        Assert.Equal("Första namnet", (await UnitAsync(id)).Name);
    }

    [Fact]
    public async Task EditUnitPage_StaleVersion_ConflictMessageWithCurrentValues()
    {
        var api = await app.ApiClientAsync(Coordinator);
        var unit = await CreateViaApiAsync(api, "Sidkonfliktkontoret");
        var id = unit.GetProperty("id").GetGuid();
        var parent = unit.GetProperty("parentId").GetGuid();
        var client = await app.SignInAsync(Coordinator);
        var form = await client.GetDocumentAsync($"/enheter/{id}/andra");
        var staleVersion = form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        // Someone else saves in between.
        Assert.Equal(HttpStatusCode.OK, (await api.PutJsonAsync($"/api/v1/units/{id}", new { name = "Någon annans namn", kind = "Office", parentId = parent, version = int.Parse(staleVersion) })).StatusCode);

        var response = await client.PostAsync($"/enheter/{id}/andra", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.AntiforgeryToken(), ["Input.Name"] = "Mitt namn", ["Input.ParentId"] = parent.ToString(),
            ["Input.Version"] = staleVersion,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("Någon annan har sparat ändringar medan du arbetade.", page.QuerySelector("#error-summary")?.TextContent);
        var notice = page.QuerySelector(".notice--warning")?.TextContent ?? "";
        Assert.Contains("Så här ser uppgifterna ut nu:", notice);
        Assert.Contains("Någon annans namn", notice);
        Assert.Contains("Stadsledningskansliet", notice);
        // The form now carries the current version, so saving again is a deliberate overwrite.
        Assert.Equal((int.Parse(staleVersion) + 1).ToString(), page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));
        Assert.Equal("Någon annans namn", (await UnitAsync(id)).Name);
    }

    [Fact]
    public async Task CreateAndRename_Api_HistoryShowsWhoAndNameFromTo()
    {
        var api = await app.ApiClientAsync(Coordinator);
        var unit = await CreateViaApiAsync(api, "Historikkontoret");
        var id = unit.GetProperty("id").GetGuid();
        var rename = await api.PutJsonAsync($"/api/v1/units/{id}", new { name = "Omdöpta kontoret", kind = "Office", parentId = unit.GetProperty("parentId").GetGuid(), version = unit.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);

        var history = await (await api.GetAsync($"/api/v1/units/{id}/history")).ReadJsonAsync();

        var items = history.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Modified", "Created"], items.Select(i => i.Str("action")));
        Assert.All(items, i => Assert.Equal(Coordinator, i.Str("userName")));
        Assert.All(items, i => Assert.Equal(id, i.GetProperty("entityId").GetGuid()));
        var renamed = items[0].GetProperty("changes").EnumerateArray().Single(c => c.Str("field") == "Name");
        Assert.Equal(("Historikkontoret", "Omdöpta kontoret"), (renamed.Str("from"), renamed.Str("to")));
        var created = items[1].GetProperty("changes").EnumerateArray().Single(c => c.Str("field") == "Name");
        Assert.Equal((null, "Historikkontoret"), (created.Str("from"), created.Str("to")));
    }

    [Fact]
    public async Task Rename_Page_HistoryOnUnitPage()
    {
        var client = await app.SignInAsync(Coordinator);
        var created = await client.PostFormAsync("/enheter/ny", new() { ["Input.Name"] = "Sidhistorikkontoret", ["Input.Kind"] = "Office" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var renamed = await client.PostFormAsync(url + "/andra", new() { ["Input.Name"] = "Nya sidhistorikkontoret", ["Input.Version"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        var page = await client.GetDocumentAsync(url);

        Assert.Equal("Nya sidhistorikkontoret", page.QuerySelector("h1")?.TextContent);
        var entries = page.QuerySelectorAll(".history-list > li").ToList();
        Assert.Equal(2, entries.Count);
        Assert.Contains("Ändrad", entries[0].TextContent);
        Assert.Contains(Coordinator, entries[0].TextContent);
        var nameRow = entries[0].QuerySelectorAll("tbody tr").Single(r => r.Children[0].TextContent == "Namn");
        Assert.Equal(["Namn", "Sidhistorikkontoret", "Nya sidhistorikkontoret"], nameRow.Children.Select(c => c.TextContent));
        Assert.Contains("Skapad", entries[1].TextContent);
    }
}

public sealed class UnitEditingTests_Sqlite(SqliteApp app) : UnitEditingTests(app), IClassFixture<SqliteApp>;
public sealed class UnitEditingTests_Postgres(PostgresApp app) : UnitEditingTests(app), IClassFixture<PostgresApp>;
