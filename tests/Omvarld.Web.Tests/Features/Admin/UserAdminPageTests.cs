using System.Net;
using Microsoft.EntityFrameworkCore;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Admin;

/// <summary>The coordinator's user pages: a new user gets a temporary password shown once, then roles scoped to units.</summary>
public abstract class UserAdminPageTests(OmvarldApp app)
{
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");

    [Fact]
    public async Task CreateUserPage_ShowsTemporaryPassword_UserMustChangeItAtFirstSignIn()
    {
        var client = await app.SignInAsync(Coordinator);

        var response = await client.PostFormAsync("/admin/anvandare/ny", new() { ["Input.Email"] = "ny.handlaggare@boras.demo", ["Input.DisplayName"] = "Ny Handläggare" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var password = page.QuerySelector("#temporary-password")?.TextContent;
        Assert.False(string.IsNullOrEmpty(password));
        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "ny.handlaggare@boras.demo"));
        Assert.Equal(app.Boras, user.MunicipalityId);
        Assert.True(user.MustChangePassword);

        var newcomer = app.NewClient();
        var signIn = await newcomer.PostFormAsync("/konto/logga-in", new() { ["Input.Email"] = "ny.handlaggare@boras.demo", ["Input.Password"] = password! });
        Assert.Equal("/konto/losenord", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task CreateUserPage_EmailTaken_SwedishMessageAndNoSecondUser()
    {
        var client = await app.SignInAsync(Coordinator);

        var response = await client.PostFormAsync("/admin/anvandare/ny", new() { ["Input.Email"] = OmvarldApp.Email("lasare"), ["Input.DisplayName"] = "Dubblett" });

        Assert.Contains("E-postadressen används redan av en annan användare.", (await response.ReadDocumentAsync()).Text());
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == OmvarldApp.Email("lasare"))));
    }

    [Fact]
    public async Task AddRolePage_UnitRoleWithoutUnit_IsRefused_WithUnit_IsGiven()
    {
        var client = await app.SignInAsync(Coordinator);
        var api = await app.ApiClientAsync(Coordinator);
        var created = await (await api.PostJsonAsync("/api/v1/users", new { email = "rollprov@boras.demo", displayName = "Roll Prov" })).ReadJsonAsync();
        var userId = created.GetProperty("user").GetProperty("id").GetGuid();
        var unitId = await app.UnitIdAsync(app.Boras, "Kulturnämnden");

        var refused = await client.PostFormAsync($"/admin/anvandare/{userId}", new() { ["NewRole"] = "UnitEditor", ["NewRoleUnitId"] = "" }, "form[action*='handler=AddRole']", "AddRole");
        Assert.Contains("En enhetsroll måste gälla en enhet.", (await refused.ReadDocumentAsync()).Text());

        var given = await client.PostFormAsync($"/admin/anvandare/{userId}", new() { ["NewRole"] = "UnitEditor", ["NewRoleUnitId"] = unitId.ToString() }, "form[action*='handler=AddRole']", "AddRole");
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        Assert.Contains("Enhetsredaktör – Kulturnämnden", (await client.GetDocumentAsync($"/admin/anvandare/{userId}")).Text());
        Assert.True(await app.WithDbAsync(db => db.RoleAssignments.IgnoreQueryFilters().AnyAsync(r => r.UserId == userId && r.UnitId == unitId)));
    }
}

public sealed class UserAdminPageTests_Sqlite(SqliteApp app) : UserAdminPageTests(app), IClassFixture<SqliteApp>;
public sealed class UserAdminPageTests_Postgres(PostgresApp app) : UserAdminPageTests(app), IClassFixture<PostgresApp>;
