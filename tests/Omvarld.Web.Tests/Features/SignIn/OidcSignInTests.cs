using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Access;
using Omvarld.TestOidc;
using Omvarld.Web.Data;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.SignIn;

/// <summary>
/// Sign-in with the municipality's OpenID Connect provider, end to end over HTTP against a real provider: the browser's
/// redirects are followed by hand (Omvärld's test client on one side, a cookie-keeping client at the provider on the other).
/// </summary>
public abstract class OidcSignInTests(OmvarldApp app, OidcProviderFixture idp)
{
    private TestOidcProvider Provider => idp.Provider;

    private static TestUser NewPerson(params string[] groups)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        return new TestUser("anna-" + id, "sub-" + id, "Anna Extern " + id, $"anna.{id}@extern.boras.test", groups);
    }

    /// <summary>Configures Borås' provider through the API as the coordinator.</summary>
    private async Task ConfigureAsync(object[]? mappings = null, string? issuer = null, string clientId = OidcProviderFixture.ClientId)
    {
        var api = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));
        var current = await (await api.GetAsync("/api/v1/sign-in/oidc")).ReadJsonAsync();
        var response = await api.PutJsonAsync("/api/v1/sign-in/oidc", new
        {
            enabled = true, displayName = "Logga in med Borås stads konto", issuer = issuer ?? Provider.Issuer, clientId,
            clientSecret = OidcProviderFixture.ClientSecret, scopes = "openid profile email groups",
            mappings = mappings ?? [], version = current.GetProperty("version").GetInt32(),
        });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Clicks the municipality's button and follows the redirects through the provider back to Omvärld's callback.</summary>
    private async Task<HttpResponseMessage> SignInAtProviderAsync(HttpClient omvarld, Func<Uri, Uri>? tamperCallback = null)
    {
        var start = await omvarld.GetAsync("/konto/extern/boras");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var url = start.Headers.Location!;
        Assert.StartsWith(Provider.Issuer, url.ToString());
        using var browserAtProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        for (var hops = 0; hops < 10; hops++)
        {
            var response = await browserAtProvider.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var next = response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location : new Uri(url, response.Headers.Location);
            if (next.ToString().StartsWith(Provider.Issuer, StringComparison.Ordinal)) { url = next; continue; }
            Assert.StartsWith("https://localhost/konto/extern/boras/callback", next.ToString());
            if (tamperCallback is not null) next = tamperCallback(next);
            return await omvarld.GetAsync(next.PathAndQuery);
        }
        throw new InvalidOperationException("Too many redirects at the provider");
    }

    private Task<AppUser?> UserAsync(TestUser person) => app.WithDbAsync(db => db.Users.FirstOrDefaultAsync(u => u.Email == person.Email));

    private Task<int> LoginsAsync(TestUser person) =>
        app.WithDbAsync(db => db.Set<IdentityUserLogin<Guid>>().CountAsync(l => l.ProviderKey == person.Subject));

    private Task<int> AssignmentsAsync() => app.WithDbAsync(db => db.RoleAssignments.IgnoreQueryFilters().CountAsync());

    private static void AssertRefused(HttpResponseMessage response, string error)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/konto/logga-in?fel={error}", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task LoginPage_ShowsTheMunicipalitysButton()
    {
        await ConfigureAsync();
        var page = await app.NewClient().GetDocumentAsync("/konto/logga-in");
        var button = page.QuerySelector("a[href='/konto/extern/boras']");
        Assert.NotNull(button);
        Assert.Equal("Logga in med Borås stads konto", button!.TextContent.Trim());
    }

    [Fact]
    public async Task FirstSignIn_CreatesTheUserWithNoRights_AndSignsIn()
    {
        await ConfigureAsync();
        var person = NewPerson("en-grupp-utan-koppling");
        Provider.AutoSignIn = person;
        var client = app.NewClient();

        var response = await SignInAtProviderAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.ToString());
        var user = await UserAsync(person);
        Assert.NotNull(user);
        Assert.Equal(app.Boras, user!.MunicipalityId);
        Assert.Equal(person.Name, user.DisplayName);
        Assert.True(user.IsActive);
        Assert.Null(user.PasswordHash);
        Assert.Equal(1, await LoginsAsync(person));
        Assert.Equal(0, await app.WithDbAsync(db => db.RoleAssignments.IgnoreQueryFilters().CountAsync(r => r.UserId == user.Id)));
        // Signed in: the start page answers; with no role, the municipality's register does not.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Contains("/konto/nekad", (await client.GetAsync("/enheter")).Headers.Location?.ToString() ?? "");
        // Audited: the account's creation, by the person, with the provider named.
        var audit = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.EntityId == user.Id && a.EntityType == nameof(AppUser)).ToListAsync());
        Assert.Contains(audit, a => a.Comment != null && a.Comment.Contains("Borås stads konto"));

        // The second sign-in finds the same account.
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAtProviderAsync(app.NewClient())).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == person.Email)));
    }

    [Fact]
    public async Task GroupMappings_GrantRoles_AndFollowTheGroupsAtEverySignIn()
    {
        var culture = await app.UnitIdAsync(app.Boras, "Kulturnämnden");
        await ConfigureAsync(
        [
            new { group = "omv-samordnare", role = "Coordinator" },
            new { group = "omv-kultur", role = "UnitEditor", unitId = culture },
        ]);
        var person = NewPerson("omv-samordnare", "omv-kultur", "annat");
        Provider.AutoSignIn = person;
        var client = app.NewClient();
        Assert.Equal("/", (await SignInAtProviderAsync(client)).Headers.Location?.ToString());

        var user = (await UserAsync(person))!;
        var roles = await app.WithDbAsync(db => db.RoleAssignments.IgnoreQueryFilters().Where(r => r.UserId == user.Id).Select(r => new { r.Role, r.UnitId }).ToListAsync());
        Assert.Equal(2, roles.Count);
        Assert.Contains(roles, r => r.Role == Role.Coordinator && r.UnitId == null);
        Assert.Contains(roles, r => r.Role == Role.UnitEditor && r.UnitId == culture);
        // The coordinator's pages open at once.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/anvandare")).StatusCode);

        // An administrator gives a role by hand; the person leaves the coordinators' group.
        var admin = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));
        Assert.True((await admin.PostJsonAsync($"/api/v1/users/{user.Id}/roles", new { role = "Reader" })).IsSuccessStatusCode);
        Provider.AutoSignIn = person with { Groups = ["omv-kultur"] };
        Assert.Equal("/", (await SignInAtProviderAsync(app.NewClient())).Headers.Location?.ToString());

        roles = await app.WithDbAsync(db => db.RoleAssignments.IgnoreQueryFilters().Where(r => r.UserId == user.Id).Select(r => new { r.Role, r.UnitId }).ToListAsync());
        Assert.Equal(2, roles.Count);
        Assert.Contains(roles, r => r.Role == Role.UnitEditor && r.UnitId == culture);
        Assert.Contains(roles, r => r.Role == Role.Reader);
        var removed = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters()
            .CountAsync(a => a.EntityType == nameof(RoleAssignment) && a.UserId == user.Id && a.Action == Omvarld.Domain.Auditing.AuditAction.Deleted));
        Assert.Equal(1, removed);
    }

    [Theory]
    [InlineData(Misbehaviour.WrongIssuer, "Token")]
    [InlineData(Misbehaviour.WrongAudience, "Token")]
    [InlineData(Misbehaviour.BadSignature, "Token")]
    [InlineData(Misbehaviour.Expired, "Token")]
    [InlineData(Misbehaviour.WrongNonce, "Token")]
    [InlineData(Misbehaviour.DenyAccess, "Cancelled")]
    public async Task AMisbehavingProvider_IsRefused_AndNothingIsCreated(Misbehaviour misbehaviour, string error)
    {
        await ConfigureAsync([new { group = "omv-samordnare", role = "Coordinator" }]);
        var person = NewPerson("omv-samordnare");
        Provider.AutoSignIn = person;
        var assignmentsBefore = await AssignmentsAsync();
        var client = app.NewClient();
        Provider.Misbehaviour = misbehaviour;
        HttpResponseMessage response;
        try { response = await SignInAtProviderAsync(client); }
        finally { Provider.Misbehaviour = Misbehaviour.None; }

        AssertRefused(response, error);
        Assert.Null(await UserAsync(person));
        Assert.Equal(0, await LoginsAsync(person));
        Assert.Equal(assignmentsBefore, await AssignmentsAsync());
        Assert.Contains("/konto/logga-in", (await client.GetAsync("/konto")).Headers.Location?.ToString() ?? "");
        var page = await client.GetDocumentAsync(response.Headers.Location!.ToString());
        Assert.Contains(error == "Token" ? "kunde inte godkännas" : "avbröts", page.QuerySelector(".error-summary")?.TextContent ?? "");
    }

    [Fact]
    public async Task AForgedOrMissingState_IsRefused_AndNothingIsCreated()
    {
        await ConfigureAsync();
        var person = NewPerson();
        Provider.AutoSignIn = person;

        var forged = await SignInAtProviderAsync(app.NewClient(), callback =>
            new Uri(callback.ToString().Replace("state=", "state=x", StringComparison.Ordinal)));
        AssertRefused(forged, "State");

        // The callback reached in another browser (no flow cookie): a login CSRF attempt.
        string? stolen = null;
        await SignInAtProviderAsync(app.NewClient(), callback => { stolen = callback.PathAndQuery; return new Uri("https://localhost/konto/logga-in"); });
        AssertRefused(await app.NewClient().GetAsync(stolen), "State");

        Assert.Null(await UserAsync(person));
        Assert.Equal(0, await LoginsAsync(person));
    }

    [Fact]
    public async Task ADeactivatedUser_IsRefused()
    {
        await ConfigureAsync();
        var person = NewPerson();
        Provider.AutoSignIn = person;
        Assert.Equal("/", (await SignInAtProviderAsync(app.NewClient())).Headers.Location?.ToString());
        await app.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.Email == person.Email);
            db.Tenant.Use(u.MunicipalityId);
            u.IsActive = false;
            await db.SaveChangesAsync();
        });
        var client = app.NewClient();
        AssertRefused(await SignInAtProviderAsync(client), "Inactive");
        Assert.Contains("/konto/logga-in", (await client.GetAsync("/konto")).Headers.Location?.ToString() ?? "");
    }

    [Fact]
    public async Task AnExistingLocalAccount_IsNotTakenOverByEmail()
    {
        await ConfigureAsync();
        var person = NewPerson() with { Email = OmvarldApp.Email("lasare") };
        Provider.AutoSignIn = person;
        AssertRefused(await SignInAtProviderAsync(app.NewClient()), "EmailTaken");
        Assert.Equal(0, await LoginsAsync(person));
    }

    [Fact]
    public async Task AMunicipalityWithoutProvider_SendsBackToTheLoginPage()
    {
        AssertRefused(await app.NewClient().GetAsync("/konto/extern/upplands-bro"), "Unavailable");
        AssertRefused(await app.NewClient().GetAsync("/konto/extern/finns-inte"), "Unavailable");
    }
}

public sealed class OidcSignInTests_Sqlite(SqliteApp app, OidcProviderFixture idp) : OidcSignInTests(app, idp), IClassFixture<SqliteApp>, IClassFixture<OidcProviderFixture>;

public sealed class OidcSignInTests_Postgres(PostgresApp app, OidcProviderFixture idp) : OidcSignInTests(app, idp), IClassFixture<PostgresApp>, IClassFixture<OidcProviderFixture>;
