using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omvarld.Web.Data;

namespace Omvarld.Web.Tests.Infrastructure;

/// <summary>Counts the passwords hashed and verified by the app's real hasher.</summary>
public sealed class PasswordHashCounter
{
    private int _count;
    public int Count => Volatile.Read(ref _count);
    public void Add() => Interlocked.Increment(ref _count);
}

/// <summary>Identity's own PBKDF2 hasher, with a count of its calls.</summary>
public sealed class CountingPasswordHasher(IOptions<PasswordHasherOptions> options, PasswordHashCounter counter) : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new(options);

    public string HashPassword(AppUser user, string password)
    {
        counter.Add();
        return _inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        counter.Add();
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class CountingHasherSqliteApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<PasswordHashCounter>().AddScoped<IPasswordHasher<AppUser>, CountingPasswordHasher>());
    }
}

public sealed class CountingHasherPostgresApp : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<PasswordHashCounter>().AddScoped<IPasswordHasher<AppUser>, CountingPasswordHasher>());
    }
}

/// <summary>
/// The API answers as an API (never the HTML sign-in page), a lockout guards the password and not the API tokens, and
/// sign-in costs the same whether the e-mail address has an account or not.
/// </summary>
public abstract class SecurityPipelineTests(OmvarldApp app)
{
    private int Hashes => app.Services.GetRequiredService<PasswordHashCounter>().Count;

    [Theory]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/api/v1/activities/not-a-guid")]
    [InlineData("/api/v1/units/00000000-0000-0000-0000-00000000000x/history")]
    [InlineData("/api/v2/activities")]
    public async Task UnknownApiRoute_WithTokenOrAnonymous_404ProblemDetails(string url)
    {
        var withToken = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));
        var anonymous = app.NewClient();

        foreach (var client in new[] { withToken, anonymous })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Null(response.Headers.Location);
            await response.ReadProblemAsync();
        }
    }

    [Fact]
    public async Task ApiRoute_MethodNotServed_405ProblemDetails()
    {
        var api = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));

        var response = await api.PutAsync("/api/v1/me", new StringContent("{}", MediaTypeHeaderValue.Parse("application/json")));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Null(response.Headers.Location);
        await response.ReadProblemAsync();
    }

    [Fact]
    public async Task UnknownPage_Anonymous_StillSignInRedirect()
    {
        // The pages keep their behaviour: a page address asks an anonymous visitor to sign in.
        var response = await app.NewClient().GetAsync("/ingen-sadan-sida");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/konto/logga-in", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Lockout_FiveWrongPasswords_ApiTokenStillWorks_DeactivationStopsIt()
    {
        var email = OmvarldApp.Email("lasare", "upplands-bro");
        var api = await app.ApiClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.NewClient(), email, "fel-lösenord-" + i)).StatusCode);
        var withRightPassword = await SignInAsync(app.NewClient(), email, OmvarldApp.Password);
        var lockedOut = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());

        Assert.Equal(HttpStatusCode.OK, withRightPassword.StatusCode); // the login page again: locked out
        Assert.NotNull(lockedOut);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/activities")).StatusCode);

        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.IsActive = false;
            await db.SaveChangesAsync();
        });
        var deactivated = await api.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, deactivated.StatusCode);
        await deactivated.ReadProblemAsync();
    }

    [Fact]
    public async Task SignIn_UnknownAddress_HashesThePasswordAsAKnownOneDoes()
    {
        var before = Hashes;
        var unknown = await SignInAsync(app.NewClient(), "ingen-alls@boras.demo", "Något-lösenord-123");
        var afterUnknown = Hashes;
        var known = await SignInAsync(app.NewClient(), OmvarldApp.Email("redaktor", "upplands-bro"), "Något-lösenord-123");
        var afterKnown = Hashes;

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(1, afterUnknown - before);
        Assert.Equal(1, afterKnown - afterUnknown);
    }

    [Fact]
    public async Task SignIn_InactiveAccount_HashesThePasswordAndRefuses()
    {
        var email = OmvarldApp.Email("godkannare", "upplands-bro");
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.IsActive = false;
            await db.SaveChangesAsync();
        });
        var before = Hashes;

        var response = await SignInAsync(app.NewClient(), email, OmvarldApp.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Hashes - before);
    }

    [Fact]
    public async Task SignIn_WhileSignedInInAnotherMunicipality_FindsThePerson()
    {
        // The people's tenant filter must not hide a person of another municipality from sign-in.
        var client = await app.SignInAsync(OmvarldApp.Email("ks"));

        var response = await SignInAsync(client, OmvarldApp.Email("ks", "upplands-bro"), OmvarldApp.Password);
        var start = await client.GetDocumentAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Upplands-Bro", start.Text());
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.PostFormAsync("/konto/logga-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });
}

public sealed class SecurityPipelineTests_Sqlite(CountingHasherSqliteApp app) : SecurityPipelineTests(app), IClassFixture<CountingHasherSqliteApp>;
public sealed class SecurityPipelineTests_Postgres(CountingHasherPostgresApp app) : SecurityPipelineTests(app), IClassFixture<CountingHasherPostgresApp>;
