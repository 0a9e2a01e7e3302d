using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Omvarld.TestOidc;

/// <summary>A person at the test provider. <see cref="Groups"/> go into the ID token's <c>groups</c> claim.</summary>
public sealed record TestUser(string UserName, string Subject, string Name, string? Email, IReadOnlyList<string> Groups);

/// <summary>How the provider misbehaves, for the tests of what Omvärld must refuse.</summary>
public enum Misbehaviour
{
    None,
    /// <summary>The authorization endpoint answers <c>error=access_denied</c>.</summary>
    DenyAccess,
    /// <summary>The ID token names another issuer (re-signed with the provider's real key).</summary>
    WrongIssuer,
    /// <summary>The ID token is for another client (re-signed with the provider's real key).</summary>
    WrongAudience,
    /// <summary>The ID token is signed with a key that is not in the provider's JWKS (same key id).</summary>
    BadSignature,
    /// <summary>The ID token expired an hour ago (re-signed with the provider's real key).</summary>
    Expired,
    /// <summary>The ID token carries another nonce than the one sent (re-signed with the provider's real key).</summary>
    WrongNonce,
}

/// <summary>
/// A real OpenID Connect provider for the tests: OpenIddict's server on Kestrel at http://127.0.0.1 on a free port,
/// its clients and codes in SQLite through OpenIddict's EF Core stores, authorization-code flow with PKCE, ID tokens
/// signed with an RSA key made for the run. The authorization endpoint signs in <see cref="AutoSignIn"/> at once, or
/// shows a small login form (user name only) when it is null. <see cref="Misbehaviour"/> makes it answer wrongly:
/// the ID token in the token response is then rewritten and re-signed, as a broken or hostile provider would.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string CookieScheme = "testidp";
    private readonly SqliteConnection _connection = new($"Data Source=testoidc-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");
    private readonly RsaSecurityKey _signingKey = new(RSA.Create(2048)) { KeyId = "test-" + Guid.NewGuid().ToString("N")[..8] };
    private readonly ConcurrentDictionary<string, TestUser> _users = new(StringComparer.OrdinalIgnoreCase);
    private WebApplication? _app;

    public string Issuer { get; private set; } = "";
    public TestUser? AutoSignIn { get; set; }
    public Misbehaviour Misbehaviour { get; set; }
    /// <summary>How many token requests the provider has answered (the refused cases must not even get there, or must fail after).</summary>
    public int TokenRequests => _tokenRequests;
    private int _tokenRequests;

    /// <summary>The provider's clock (its tokens' iat, nbf, exp): the clock of the app under test, when that is a fake one.</summary>
    public TimeProvider Clock { get; private init; } = TimeProvider.System;

    public static async Task<TestOidcProvider> StartAsync(TimeProvider? clock = null)
    {
        var provider = new TestOidcProvider { Clock = clock is null ? TimeProvider.System : new NowOnly(clock) };
        await provider.StartInternalAsync();
        return provider;
    }

    public void AddUser(TestUser user) => _users[user.UserName] = user;

    /// <summary>Registers a confidential client that must use PKCE.</summary>
    public async Task AddClientAsync(string clientId, string secret, params string[] redirectUris)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await manager.FindByClientIdAsync(clientId) is { } existing) await manager.DeleteAsync(existing);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Scopes.Profile, Permissions.Prefixes.Scope + "groups",
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in redirectUris) descriptor.RedirectUris.Add(new Uri(uri));
        await manager.CreateAsync(descriptor);
    }

    private async Task StartInternalAsync()
    {
        await _connection.OpenAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(Clock); // OpenIddict and the cookie handler take their time from it
        builder.Services.AddDbContext<ProviderDb>(o =>
        {
            o.UseSqlite(_connection);
            o.UseOpenIddict();
        });
        builder.Services.AddAuthentication(CookieScheme).AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = "testidp";
            o.LoginPath = "/login";
        });
        builder.Services.AddAuthorization();
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.AddSigningKey(_signingKey);
                o.AddEphemeralEncryptionKey();
                o.DisableAccessTokenEncryption();
                o.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile, "groups");
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });
        var app = builder.Build();
        app.Use(RewriteTokenResponse);
        app.UseAuthentication();
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)AuthorizeAsync);
        app.MapPost("/connect/token", (Func<HttpContext, Task<IResult>>)TokenAsync);
        app.MapGet("/login", (string? returnUrl) => Results.Content(LoginForm(returnUrl), "text/html; charset=utf-8"));
        app.MapPost("/login", (Func<HttpContext, Task<IResult>>)LoginAsync);

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Issuer = address.TrimEnd('/') + "/";
        _app = app;
    }

    private async Task<IResult> AuthorizeAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request");
        if (Misbehaviour == Misbehaviour.DenyAccess)
            return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user said no.",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        var user = AutoSignIn;
        if (user is null)
        {
            var auth = await context.AuthenticateAsync(CookieScheme);
            if (!auth.Succeeded || auth.Principal?.Identity?.Name is not { } name || !_users.TryGetValue(name, out user))
                return Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.Path + context.Request.QueryString }, [CookieScheme]);
        }
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Subject));
        identity.AddClaim(new Claim(Claims.Name, user.Name));
        if (user.Email is not null) identity.AddClaim(new Claim(Claims.Email, user.Email));
        foreach (var group in user.Groups) identity.AddClaim(new Claim("groups", group));
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        Interlocked.Increment(ref _tokenRequests);
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request");
        if (!request.IsAuthorizationCodeGrantType())
            return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.UnsupportedGrantType,
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        return Results.SignIn(result.Principal!, null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private async Task<IResult> LoginAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var name = form["username"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        if (!_users.ContainsKey(name)) return Results.Content(LoginForm(returnUrl, unknown: true), "text/html; charset=utf-8");
        await context.SignInAsync(CookieScheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], CookieScheme)));
        return Results.Redirect(returnUrl.StartsWith('/') ? returnUrl : "/");
    }

    private static string LoginForm(string? returnUrl, bool unknown = false) =>
        $"""
        <!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Testkommunens inloggning</title></head><body><main>
        <h1>Testkommunens inloggning</h1>{(unknown ? "<p role=\"alert\">Okänd användare.</p>" : "")}
        <form method="post" action="/login"><input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl ?? "/")}">
        <label for="username">Användarnamn</label> <input id="username" name="username" autocomplete="username">
        <button type="submit">Logga in</button></form></main></body></html>
        """;

    /// <summary>With a misbehaviour set, rewrites the ID token of a successful token response and signs it again.</summary>
    private async Task RewriteTokenResponse(HttpContext context, RequestDelegate next)
    {
        var behaviour = Misbehaviour;
        if (context.Request.Path != "/connect/token" || behaviour is Misbehaviour.None or Misbehaviour.DenyAccess)
        {
            await next(context);
            return;
        }
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try { await next(context); }
        finally { context.Response.Body = original; }
        var body = Encoding.UTF8.GetString(buffer.ToArray());
        if (context.Response.StatusCode == 200 && JsonNode.Parse(body) is JsonObject json && json["id_token"]?.GetValue<string>() is { } idToken)
        {
            json["id_token"] = Tamper(idToken, behaviour);
            body = json.ToJsonString();
        }
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentLength = bytes.Length;
        await original.WriteAsync(bytes);
    }

    private string Tamper(string idToken, Misbehaviour behaviour)
    {
        var token = new JsonWebToken(idToken);
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(token.EncodedPayload))!.AsObject();
        var now = Clock.GetUtcNow().ToUnixTimeSeconds();
        var key = _signingKey;
        switch (behaviour)
        {
            case Misbehaviour.WrongIssuer: payload["iss"] = "http://127.0.0.1:1/another-issuer/"; break;
            case Misbehaviour.WrongAudience: payload["aud"] = "another-client"; payload.Remove("azp"); break;
            case Misbehaviour.Expired: payload["iat"] = now - 7200; payload["nbf"] = now - 7200; payload["exp"] = now - 3600; break;
            case Misbehaviour.WrongNonce: payload["nonce"] = "not-the-nonce-that-was-sent"; break;
            case Misbehaviour.BadSignature: key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = _signingKey.KeyId }; break;
        }
        return new JsonWebTokenHandler().CreateToken(payload.ToJsonString(), new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

/// <summary>OpenIddict's applications, authorizations, scopes and tokens.</summary>
public sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);

/// <summary>
/// The app's "now" with the machine's timers: a fake clock's timers fire only when it is advanced, and the provider's
/// host waits on timers while serving (a request to it hung until the caller's timeout).
/// </summary>
internal sealed class NowOnly(TimeProvider now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.GetUtcNow();
    public override TimeZoneInfo LocalTimeZone => now.LocalTimeZone;
}
