using System.Net;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Account;

/// <summary>Signing in (lockout, second factor, a reset password), antiforgery, and personal API tokens as bearer tokens.</summary>
public abstract class AccountTests(OmvarldApp app)
{
    private const string LockedOutMessage = "Kontot är tillfälligt låst efter för många misslyckade försök.";

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password) =>
        await client.PostFormAsync("/konto/logga-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    [Fact]
    public async Task Login_RightPassword_HostPrefixedSecureHttpOnlyCookie()
    {
        // Each test of this class signs in a different demo user: they share one app, and some change their user.
        var response = await PostLoginAsync(app.NewClient(), OmvarldApp.Email("godkannare"), OmvarldApp.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-omvarld="));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_WrongPasswordFiveTimes_LockedOutEvenWithRightPassword()
    {
        var email = OmvarldApp.Email("lasare", "upplands-bro");
        var client = app.NewClient();

        for (var i = 1; i <= 4; i++)
        {
            var wrong = await PostLoginAsync(client, email, "fel-lösenord-" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Fel e-postadress eller lösenord.", (await wrong.ReadDocumentAsync()).QuerySelector("#error-summary")?.TextContent);
        }
        var fifth = await PostLoginAsync(client, email, "fel-lösenord-5");
        var right = await PostLoginAsync(client, email, OmvarldApp.Password);

        Assert.Contains(LockedOutMessage, (await fifth.ReadDocumentAsync()).QuerySelector("#error-summary")?.TextContent);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(LockedOutMessage, (await right.ReadDocumentAsync()).QuerySelector("#error-summary")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/konto")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email && u.LockoutEnd != null)));
    }

    [Fact]
    public async Task Login_TwoFactorEnabled_AsksForCodeThenSignsIn()
    {
        var email = OmvarldApp.Email("ks", "upplands-bro");
        var client = await app.SignInAsync(email);
        var setup = await client.GetDocumentAsync("/konto/tvastegsverifiering");
        var key = setup.QuerySelector("#shared-key")!.TextContent.Replace(" ", "").ToUpperInvariant();
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var wrong = await client.PostFormAsync("/konto/tvastegsverifiering", new() { ["Input.Code"] = "000000" == totp.ComputeTotp() ? "111111" : "000000" }, handler: "Enable");
        Assert.Contains("Koden stämmer inte.", (await wrong.ReadDocumentAsync()).QuerySelector("#error-summary")?.TextContent);
        var enabled = await client.PostFormAsync("/konto/tvastegsverifiering", new() { ["Input.Code"] = totp.ComputeTotp() }, handler: "Enable");
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        var signOutToken = (await client.GetDocumentAsync("/konto")).AntiforgeryToken("form[action='/konto/logga-ut']");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/konto/logga-ut", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = signOutToken }))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/konto")).StatusCode);

        var again = app.NewClient();
        var password = await PostLoginAsync(again, email, OmvarldApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/konto/logga-in/tvastegs", password.Headers.Location!.OriginalString);
        // The password alone is not a session.
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/konto")).StatusCode);
        var code = await again.PostFormAsync("/konto/logga-in/tvastegs", new() { ["Input.Code"] = totp.ComputeTotp() });

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/", code.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/konto")).StatusCode);
    }

    [Fact]
    public async Task ResetPasswordApi_Coordinator_ReaderSignsInWithTemporaryPasswordAndMustChangeIt()
    {
        var reader = OmvarldApp.Email("lasare");
        var id = await app.UserIdAsync(reader);
        var api = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));

        var reset = await api.PostAsync($"/api/v1/users/{id}/reset-password", null);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var temporary = (await reset.ReadJsonAsync()).Str("temporaryPassword")!;
        Assert.True(temporary.Length >= 12);
        var old = await PostLoginAsync(app.NewClient(), reader, OmvarldApp.Password);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode); // the old password no longer works
        var client = app.NewClient();
        var signIn = await PostLoginAsync(client, reader, temporary);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/konto/losenord", signIn.Headers.Location!.OriginalString);
        var page = await client.GetDocumentAsync("/konto/losenord");
        Assert.Contains("Din administratör har gett dig ett tillfälligt lösenord.", page.Text());
    }

    [Theory]
    [InlineData("förfalskad-token")]
    [InlineData(null)]
    public async Task CreateUnitPage_ForgedOrMissingAntiforgeryToken_BadRequestAndNothingCreated(string? token)
    {
        var client = await app.SignInAsync(OmvarldApp.Email("samordnare"));
        var before = await app.WithDbAsync(db => db.Units.IgnoreQueryFilters().CountAsync());
        var fields = new Dictionary<string, string> { ["Input.Name"] = "Förfalskad enhet", ["Input.Kind"] = "Office" };
        if (token is not null) fields["__RequestVerificationToken"] = token;

        var response = await client.PostAsync("/enheter/ny", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Begäran kunde inte behandlas", (await response.ReadDocumentAsync()).Text());
        Assert.Equal(before, await app.WithDbAsync(db => db.Units.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task CreateUnitPage_TokenOfAnotherSession_BadRequest()
    {
        var other = await app.SignInAsync(OmvarldApp.Email("samordnare"));
        var token = (await other.GetDocumentAsync("/enheter/ny")).AntiforgeryToken();
        var client = await app.SignInAsync(OmvarldApp.Email("samordnare"));

        var response = await client.PostAsync("/enheter/ny", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Name"] = "Lånad token", ["Input.Kind"] = "Office",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Units.IgnoreQueryFilters().AnyAsync(u => u.Name == "Lånad token")));
    }

    [Fact]
    public async Task Api_ExpiredToken_Unauthorized()
    {
        var email = OmvarldApp.Email("redaktor");
        var (id, secret) = await app.CreateTokenAsync(email);
        var api = app.NewClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        await app.WithDbAsync(async db =>
        {
            var token = await db.ApiTokens.IgnoreQueryFilters().SingleAsync(t => t.Id == id);
            token.ExpiresAt = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
            await db.SaveChangesAsync();
        });

        var response = await api.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Inloggning krävs", (await response.ReadProblemAsync()).Str("title"));
    }

    [Fact]
    public async Task Api_RevokedToken_Unauthorized()
    {
        var api = await app.ApiClientAsync(OmvarldApp.Email("godkannare"));
        var mine = await (await api.GetAsync("/api/v1/me/tokens")).ReadJsonAsync();
        var id = mine.EnumerateArray().Single().GetProperty("id").GetGuid();

        var revoke = await api.DeleteAsync($"/api/v1/me/tokens/{id}");
        var response = await api.GetAsync("/api/v1/units");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Inloggning krävs", (await response.ReadProblemAsync()).Str("title"));
        Assert.NotNull(await app.WithDbAsync(db => db.ApiTokens.IgnoreQueryFilters().Where(t => t.Id == id).Select(t => t.RevokedAt).SingleAsync()));
    }

    [Theory]
    [InlineData("omv_detta-är-ingen-riktig-nyckel")]
    [InlineData("kort")]
    public async Task Api_UnknownOrMalformedToken_Unauthorized(string secret)
    {
        var api = app.NewClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", secret);

        var response = await api.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Inloggning krävs", (await response.ReadProblemAsync()).Str("title"));
    }

    [Fact]
    public async Task Api_SessionCookieWithoutToken_Unauthorized()
    {
        // The API takes bearer tokens only: a browser session (and so a cross-site request) does not reach it.
        var client = await app.SignInAsync(OmvarldApp.Email("samordnare"));

        var response = await client.GetAsync("/api/v1/units");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class AccountTests_Sqlite(SqliteApp app) : AccountTests(app), IClassFixture<SqliteApp>;
public sealed class AccountTests_Postgres(PostgresApp app) : AccountTests(app), IClassFixture<PostgresApp>;
