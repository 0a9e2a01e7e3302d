using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Units;

/// <summary>A Borås coordinator can neither see, list, edit nor guess by id anything of Upplands-Bro: pages and API alike.</summary>
public abstract class UnitsTenantIsolationTests(OmvarldApp app)
{
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");

    private Task<Guid> OtherUnitAsync() => app.UnitIdAsync(app.UpplandsBro, "Utbildningsnämnden");

    private Task<List<Guid>> UnitIdsOfAsync(Guid municipality) =>
        app.WithDbAsync(db => db.Units.IgnoreQueryFilters().Where(u => u.MunicipalityId == municipality).Select(u => u.Id).ToListAsync());

    [Fact]
    public async Task DetailsAndEditPages_UnitOfOtherMunicipality_NotFound()
    {
        var other = await OtherUnitAsync();
        var client = await app.SignInAsync(Coordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/enheter/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/enheter/{other}/andra")).StatusCode);
        // The same pages answer for the coordinator's own units, so the 404 above is the tenant filter, not a broken page.
        var own = await app.UnitIdAsync(app.Boras, "Kulturnämnden");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/enheter/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/enheter/{own}/andra")).StatusCode);
    }

    [Fact]
    public async Task EditPagePost_UnitOfOtherMunicipality_NotFoundAndUnchanged()
    {
        var other = await OtherUnitAsync();
        var client = await app.SignInAsync(Coordinator);
        var token = (await client.GetDocumentAsync("/enheter/ny")).AntiforgeryToken();

        var response = await client.PostAsync($"/enheter/{other}/andra", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Name"] = "Kapad", ["Input.Version"] = "0", ["Input.Kind"] = "Committee",
        }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Utbildningsnämnden", await app.WithDbAsync(db => db.Units.IgnoreQueryFilters().Where(u => u.Id == other).Select(u => u.Name).SingleAsync()));
    }

    [Fact]
    public async Task UnitsPage_Coordinator_ListsOnlyOwnMunicipality()
    {
        var client = await app.SignInAsync(Coordinator);
        var document = await client.GetDocumentAsync("/enheter");
        var linked = document.QuerySelectorAll("ul.tree a").Select(a => Guid.Parse(a.GetAttribute("href")!["/enheter/".Length..])).ToHashSet();

        var own = await UnitIdsOfAsync(app.Boras);
        var other = await UnitIdsOfAsync(app.UpplandsBro);
        Assert.Superset(own.ToHashSet(), linked);
        Assert.NotEmpty(linked);
        Assert.Empty(linked.Intersect(other));
        Assert.DoesNotContain("Upplands-Bro Kommunföretag AB", document.Text());
    }

    [Fact]
    public async Task GetUnitApi_UnitOfOtherMunicipality_NotFound()
    {
        var other = await OtherUnitAsync();
        var api = await app.ApiClientAsync(Coordinator);

        var response = await api.GetAsync($"/api/v1/units/{other}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Finns inte", (await response.ReadProblemAsync()).Str("title"));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/units/{other}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/units/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task PutUnitApi_UnitOfOtherMunicipality_NotFoundAndUnchanged()
    {
        var other = await OtherUnitAsync();
        var api = await app.ApiClientAsync(Coordinator);

        var response = await api.PutJsonAsync($"/api/v1/units/{other}", new { name = "Kapad", kind = "Committee", version = 0 });
        var close = await api.PostJsonAsync($"/api/v1/units/{other}/close", new { version = 0 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, close.StatusCode);
        var unit = await app.WithDbAsync(db => db.Units.IgnoreQueryFilters().SingleAsync(u => u.Id == other));
        Assert.Equal("Utbildningsnämnden", unit.Name);
        Assert.Null(unit.ClosedOn);
    }

    [Fact]
    public async Task ListUnitsApi_Coordinator_ContainsOnlyOwnMunicipality()
    {
        var api = await app.ApiClientAsync(Coordinator);

        var page = await (await api.GetAsync("/api/v1/units?includeClosed=true&pageSize=500")).ReadJsonAsync();

        var listed = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToHashSet();
        var own = await UnitIdsOfAsync(app.Boras);
        Assert.Equal(own.ToHashSet(), listed);
        Assert.Empty(listed.Intersect(await UnitIdsOfAsync(app.UpplandsBro)));
        Assert.Equal(own.Count, page.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task CreateUnitApi_ParentOfOtherMunicipality_ValidationProblemAndNothingCreated()
    {
        var other = await OtherUnitAsync();
        var api = await app.ApiClientAsync(Coordinator);
        var before = await app.WithDbAsync(db => db.Units.IgnoreQueryFilters().CountAsync());

        var response = await api.PostJsonAsync("/api/v1/units", new { name = "Smugglad nämnd", kind = "Committee", parentId = other });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal("Den överordnade enheten finns inte.", problem.GetProperty("errors").GetProperty("parentId")[0].GetString());
        Assert.Equal(before, await app.WithDbAsync(db => db.Units.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task CreateUnitPage_ParentOfOtherMunicipality_MessageAndNothingCreated()
    {
        var other = await OtherUnitAsync();
        var client = await app.SignInAsync(Coordinator);
        var before = await app.WithDbAsync(db => db.Units.IgnoreQueryFilters().CountAsync());

        var response = await client.PostFormAsync("/enheter/ny", new() { ["Input.Name"] = "Smugglad nämnd", ["Input.Kind"] = "Committee", ["Input.ParentId"] = other.ToString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Den överordnade enheten finns inte.", (await response.ReadDocumentAsync()).QuerySelector("#error-summary")?.TextContent);
        Assert.Equal(before, await app.WithDbAsync(db => db.Units.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task UserApi_UserOfOtherMunicipality_NotFound()
    {
        var other = await app.UserIdAsync(OmvarldApp.Email("lasare", "upplands-bro"));
        var api = await app.ApiClientAsync(Coordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/users/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostJsonAsync($"/api/v1/users/{other}/reset-password", new { })).StatusCode);
        var users = await (await api.GetAsync($"/api/v1/users?municipalityId={app.UpplandsBro}")).ReadJsonAsync();
        Assert.Equal(0, users.GetProperty("totalCount").GetInt32());
        var client = await app.SignInAsync(Coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/anvandare/{other}")).StatusCode);
    }
}

public sealed class UnitsTenantIsolationTests_Sqlite(SqliteApp app) : UnitsTenantIsolationTests(app), IClassFixture<SqliteApp>;
public sealed class UnitsTenantIsolationTests_Postgres(PostgresApp app) : UnitsTenantIsolationTests(app), IClassFixture<PostgresApp>;
