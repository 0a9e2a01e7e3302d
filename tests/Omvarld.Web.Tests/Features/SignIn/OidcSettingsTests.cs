using System.Net;
using Microsoft.EntityFrameworkCore;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.SignIn;

/// <summary>The settings of the municipality's OpenID Connect sign-in: validation, the secret never shown, concurrency, who may.</summary>
public abstract class OidcSettingsTests(OmvarldApp app)
{
    private const string Url = "/api/v1/sign-in/oidc";

    private static object Body(int version, string issuer = "https://login.example.se/tenant/v2.0", string? secret = "hemligt-värde-123",
        object[]? mappings = null, string displayName = "Logga in med Borås stads konto", bool enabled = true, string scopes = "openid profile email") =>
        new { enabled, displayName, issuer, clientId = "omvarld", clientSecret = secret, scopes, mappings = mappings ?? [], version };

    [Fact]
    public async Task Save_ValidSettings_SecretIsNeverShownBack_AndAStaleVersionConflicts()
    {
        var api = await app.ApiClientAsync(OmvarldApp.Email("samordnare", "upplands-bro"));
        var current = await (await api.GetAsync(Url)).ReadJsonAsync();
        var version = current.GetProperty("version").GetInt32();

        var saved = await api.PutJsonAsync(Url, Body(version, mappings: [new { group = "Läsare", role = "Reader" }]));
        var text = await saved.Content.ReadAsStringAsync();
        Assert.True(saved.StatusCode == HttpStatusCode.OK, text);
        Assert.DoesNotContain("hemligt-värde-123", text);
        var dto = await saved.ReadJsonAsync();
        Assert.True(dto.GetProperty("clientSecretSet").GetBoolean());
        Assert.Equal("/konto/extern/upplands-bro/callback", dto.Str("callbackPath"));
        var stored = await app.WithDbAsync(db => db.OidcProviders.IgnoreQueryFilters().SingleAsync(p => p.MunicipalityId == app.UpplandsBro));
        Assert.DoesNotContain("hemligt-värde-123", stored.ProtectedClientSecret);
        // The audit trail has the change, with the secret masked.
        var audit = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.EntityId == stored.Id).Select(a => a.Changes).ToListAsync());
        Assert.NotEmpty(audit);
        Assert.All(audit, a => Assert.DoesNotContain(stored.ProtectedClientSecret!, a));

        // An empty secret keeps the stored one.
        var again = await api.PutJsonAsync(Url, Body(dto.GetProperty("version").GetInt32(), secret: null, displayName: "Logga in med Upplands-Bros konto"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(stored.ProtectedClientSecret, (await app.WithDbAsync(db => db.OidcProviders.IgnoreQueryFilters().SingleAsync(p => p.MunicipalityId == app.UpplandsBro))).ProtectedClientSecret);

        var stale = await api.PutJsonAsync(Url, Body(version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("ändrats av någon annan", (await stale.ReadProblemAsync()).Str("detail"));
    }

    [Fact]
    public async Task Save_InvalidSettings_SwedishMessagePerField()
    {
        var api = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));
        var version = (await (await api.GetAsync(Url)).ReadJsonAsync()).GetProperty("version").GetInt32();
        var culture = await app.UnitIdAsync(app.Boras, "Kulturnämnden");
        var otherMunicipalitysUnit = await app.WithDbAsync(db => db.Units.IgnoreQueryFilters().Where(u => u.MunicipalityId == app.UpplandsBro).Select(u => u.Id).FirstAsync());

        async Task<Dictionary<string, string>> Errors(object body)
        {
            var response = await api.PutJsonAsync(Url, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.ReadProblemAsync();
            return problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString()!);
        }

        foreach (var issuer in new[] { "http://login.example.se/", "ftp://login.example.se", "inte en adress", "https://login.example.se/?x=1" })
            Assert.Contains("https://", (await Errors(Body(version, issuer: issuer)))["issuer"]);
        Assert.Contains("openid", (await Errors(Body(version, scopes: "profile email")))["scopes"]);

        var errors = await Errors(Body(version, secret: null, displayName: " ", mappings:
        [
            new { group = "a", role = "UnitEditor" },
            new { group = "b", role = "UnitApprover", unitId = otherMunicipalitysUnit },
            new { group = "c", role = "SystemAdministrator" },
            new { group = "d", role = "UnitEditor", unitId = culture },
            new { group = "D", role = "UnitEditor", unitId = culture },
            new { group = "", role = "Reader" },
        ]));
        Assert.Equal("Skriv texten på inloggningsknappen.", errors["displayName"]);
        Assert.Equal("Ange klienthemligheten innan du slår på inloggningen.", errors["clientSecret"]);
        Assert.Equal("Rad 1: rollen gäller en enhet – välj enheten.", errors["mappings[0].UnitId"]);
        Assert.Equal("Rad 2: enheten finns inte i kommunen eller är nedlagd.", errors["mappings[1].UnitId"]);
        Assert.Equal("Rad 3: välj en roll.", errors["mappings[2].Role"]);
        Assert.Equal("Rad 5: samma grupp, roll och enhet finns redan på en annan rad.", errors["mappings[4].Group"]);
        Assert.Equal("Rad 6: ange gruppen.", errors["mappings[5].Group"]);
        Assert.Equal(0, await app.WithDbAsync(db => db.OidcProviders.IgnoreQueryFilters().CountAsync(p => p.MunicipalityId == app.Boras && p.Version > version)));
    }

    [Fact]
    public async Task ACoordinator_CannotSeeAnotherMunicipalitys_TheSystemAdministratorNamesIt()
    {
        var coordinator = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"{Url}?municipalityId={app.UpplandsBro}")).StatusCode);
        var admin = await app.ApiClientAsync(OmvarldApp.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Url)).StatusCode);
        var dto = await (await admin.GetAsync($"{Url}?municipalityId={app.UpplandsBro}")).ReadJsonAsync();
        Assert.Equal("upplands-bro", dto.Str("municipalitySlug"));
    }

    [Fact]
    public async Task ThePage_SavesAndShowsErrorsInSwedish()
    {
        var client = await app.SignInAsync(OmvarldApp.Email("samordnare"));
        var page = await client.GetDocumentAsync("/admin/inloggning");
        var version = page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        var bad = await client.PostFormAsync("/admin/inloggning", new()
        {
            ["Input.Version"] = version, ["Input.DisplayName"] = "Logga in med Borås stads konto", ["Input.Issuer"] = "http://evil.example",
            ["Input.ClientId"] = "omvarld", ["Input.Mappings[0].Group"] = "grupp", ["Input.Mappings[0].Role"] = "UnitEditor",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var summary = (await bad.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("https://", summary);
        Assert.Contains("Rad 1: rollen gäller en enhet", summary);

        var good = await client.PostFormAsync("/admin/inloggning", new()
        {
            ["Input.Version"] = version, ["Input.DisplayName"] = "Logga in med Borås stads konto", ["Input.Issuer"] = "https://login.example.se/boras",
            ["Input.ClientId"] = "omvarld", ["Input.ClientSecret"] = "en-hemlighet", ["Input.Mappings[0].Group"] = "grupp", ["Input.Mappings[0].Role"] = "Reader",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var after = await client.GetDocumentAsync("/admin/inloggning");
        Assert.Equal("grupp", after.QuerySelector("input[name='Input.Mappings[0].Group']")!.GetAttribute("value"));
        Assert.Equal("", after.QuerySelector("input[name='Input.ClientSecret']")!.GetAttribute("value") ?? "");
        Assert.Contains("En hemlighet är sparad", after.Text());
    }
}

public sealed class OidcSettingsTests_Sqlite(SqliteApp app) : OidcSettingsTests(app), IClassFixture<SqliteApp>;

public sealed class OidcSettingsTests_Postgres(PostgresApp app) : OidcSettingsTests(app), IClassFixture<PostgresApp>;
