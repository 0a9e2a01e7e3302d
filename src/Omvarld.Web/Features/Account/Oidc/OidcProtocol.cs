using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Omvarld.Web.Features.Account.Oidc;

/// <summary>Why a sign-in with an external provider was refused; each has a Swedish message on the login page (<c>Oidc_Error_*</c>).</summary>
public enum OidcError
{
    Unavailable,
    Provider,
    Cancelled,
    State,
    Token,
    NoEmail,
    EmailTaken,
    Inactive,
}

public sealed class OidcException(OidcError error, string logMessage, Exception? inner = null) : Exception(logMessage, inner)
{
    public OidcError Error { get; } = error;
}

/// <summary>
/// A small, careful OpenID Connect relying party: authorization-code flow with PKCE (S256), state and nonce; the
/// provider's metadata and signing keys from discovery (<c>/.well-known/openid-configuration</c> and its JWKS,
/// cached per issuer and refreshed once when a token names an unknown key); the ID token validated with
/// <see cref="JsonWebTokenHandler"/> (issuer, audience = client id, signature, lifetime with one minute of skew, nonce).
/// <para>
/// Why not the ASP.NET Core OpenIdConnect handler: its options are per authentication scheme and cached, while here
/// every municipality configures its own provider in the database and may change it at any time; dynamic schemes or
/// per-request options would work around the handler rather than with it, and its failures surface as remote
/// failure events and exceptions rather than the Swedish messages on our login page. The protocol part needed for a
/// confidential web client is small (one redirect, one back-channel POST, one token validation), and every check
/// is visible here.
/// </para>
/// </summary>
public sealed class OidcProtocol(ILogger<OidcProtocol> log, TimeProvider clock)
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
    {
        Timeout = TimeSpan.FromSeconds(15),
    };

    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _configurations = new(StringComparer.Ordinal);

    /// <summary>https, or http to this machine only (a provider run by the tests or a developer).</summary>
    public static bool IsAllowedEndpoint(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo);

    public static string Normalize(string issuer) => issuer.TrimEnd('/');

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string issuer, bool refresh, CancellationToken ct)
    {
        var key = Normalize(issuer);
        if (!Uri.TryCreate(key, UriKind.Absolute, out var uri) || !IsAllowedEndpoint(uri))
            throw new OidcException(OidcError.Unavailable, "The issuer is not an allowed URL");
        var manager = _configurations.GetOrAdd(key, k => new ConfigurationManager<OpenIdConnectConfiguration>(
            k + "/.well-known/openid-configuration", new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(Http) { RequireHttps = !uri.IsLoopback }));
        if (refresh) manager.RequestRefresh();
        OpenIdConnectConfiguration config;
        try
        {
            config = await manager.GetConfigurationAsync(ct);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException or TaskCanceledException or ArgumentException)
        {
            _configurations.TryRemove(key, out _);
            throw new OidcException(OidcError.Provider, "The provider's discovery document could not be read", e);
        }
        // OpenID Connect Discovery 1.0, 4.3: the issuer in the document is the one configured.
        if (Normalize(config.Issuer ?? "") != key)
            throw new OidcException(OidcError.Provider, "The discovery document names another issuer");
        foreach (var endpoint in new[] { config.AuthorizationEndpoint, config.TokenEndpoint })
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var e) || !IsAllowedEndpoint(e))
                throw new OidcException(OidcError.Provider, "The discovery document has a missing or insecure endpoint");
        return config;
    }

    public sealed record Challenge(string State, string Nonce, string CodeVerifier, string AuthorizationUrl);

    public static Challenge CreateChallenge(OpenIdConnectConfiguration config, string clientId, string redirectUri, string scopes)
    {
        var state = Random();
        var nonce = Random();
        var verifier = Random();
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = scopes,
            ["state"] = state,
            ["nonce"] = nonce,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        };
        return new(state, nonce, verifier, Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(config.AuthorizationEndpoint, query));
    }

    /// <summary>Exchanges the code for tokens at the token endpoint (client_secret_post) and returns the ID token.</summary>
    public async Task<string> RedeemCodeAsync(OpenIdConnectConfiguration config, string clientId, string clientSecret,
        string code, string redirectUri, string codeVerifier, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, config.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = redirectUri,
                ["client_id"] = clientId,
                ["client_secret"] = clientSecret,
                ["code_verifier"] = codeVerifier,
            }),
        };
        request.Headers.Accept.ParseAdd("application/json");
        HttpResponseMessage response;
        string body;
        try
        {
            response = await Http.SendAsync(request, ct);
            body = await response.Content.ReadAsStringAsync(ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            throw new OidcException(OidcError.Provider, "The token endpoint could not be reached", e);
        }
        using (response)
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    var error = json.RootElement.TryGetProperty("error", out var err) ? err.GetString() : null;
                    throw new OidcException(OidcError.Provider, $"The token endpoint answered {(int)response.StatusCode} {error}");
                }
                if (json.RootElement.TryGetProperty("id_token", out var idToken) && idToken.ValueKind == JsonValueKind.String)
                    return idToken.GetString()!;
                throw new OidcException(OidcError.Token, "The token response has no ID token");
            }
            catch (JsonException e)
            {
                throw new OidcException(OidcError.Provider, $"The token endpoint answered {(int)response.StatusCode} with no JSON", e);
            }
        }
    }

    /// <summary>Validates the ID token (OpenID Connect Core 1.0, 3.1.3.7) and returns it.</summary>
    public async Task<JsonWebToken> ValidateIdTokenAsync(string issuer, string clientId, string idToken, string expectedNonce, CancellationToken ct)
    {
        var config = await GetConfigurationAsync(issuer, refresh: false, ct);
        var result = await ValidateAsync(config);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The provider may have rolled its keys since they were read: read them again, once.
            config = await GetConfigurationAsync(issuer, refresh: true, ct);
            result = await ValidateAsync(config);
        }
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
            throw new OidcException(OidcError.Token, $"The ID token was refused: {result.Exception?.GetType().Name}", result.Exception);
        if (!token.TryGetPayloadValue<string>("nonce", out var nonce) || !FixedTimeEquals(nonce, expectedNonce))
            throw new OidcException(OidcError.Token, "The ID token's nonce is not the one sent");
        var audiences = token.Audiences.ToList();
        if (audiences.Count > 1 && (!token.TryGetPayloadValue<string>("azp", out var azp) || azp != clientId))
            throw new OidcException(OidcError.Token, "The ID token has several audiences and another authorized party");
        return token;

        Task<TokenValidationResult> ValidateAsync(OpenIdConnectConfiguration c) => new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = c.Issuer,
            ValidateIssuer = true,
            ValidAudience = clientId,
            ValidateAudience = true,
            IssuerSigningKeys = c.SigningKeys,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(1),
            // The lifetime by the app's clock, not the wall clock: one "now" for the whole app.
            LifetimeValidator = (notBefore, expires, _, p) => IsWithinLifetime(notBefore, expires, clock.GetUtcNow().UtcDateTime, p.ClockSkew),
            ValidAlgorithms =
            [
                SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
                SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
                SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
            ],
        });
    }

    /// <summary>An expiry is required; not-before is optional; both with <paramref name="skew"/> of grace.</summary>
    public static bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, DateTime nowUtc, TimeSpan skew) =>
        expires is { } exp && nowUtc <= exp.ToUniversalTime() + skew
        && (notBefore is not { } nbf || nbf.ToUniversalTime() <= nowUtc + skew)
        && (notBefore is not { } first || first <= exp);

    public static bool FixedTimeEquals(string? a, string? b) =>
        a is not null && b is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static string Random() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    internal void Forget(string issuer)
    {
        _configurations.TryRemove(Normalize(issuer), out _);
        log.LogDebug("Forgot the cached metadata of an OpenID Connect provider");
    }
}
