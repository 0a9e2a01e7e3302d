using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.IdentityModel.JsonWebTokens;
using Omvarld.Domain.Access;
using Omvarld.Domain.Common;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Admin.SignIn;

namespace Omvarld.Web.Features.Account.Oidc;

public sealed record OidcButton(string Slug, string MunicipalityName, string DisplayName);

/// <summary>
/// Sign-in with a municipality's OpenID Connect provider. The flow's state, nonce and PKCE verifier travel in a
/// short-lived cookie protected by Data Protection (bound to this browser). On a valid ID token the person is found by
/// their external login (municipality + issuer + subject), created on first sign-in with no roles, given the roles
/// their groups map to, and signed in with the normal cookie. Two-factor authentication is the provider's job for
/// external accounts. Nothing is written before the token has been validated.
/// </summary>
public sealed class OidcSignInService(
    OmvarldDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, OidcProtocol protocol,
    IDataProtectionProvider protection, AuditActor actor, TimeProvider clock, IConfiguration configuration,
    IWebHostEnvironment environment, IStringLocalizer<SharedResource> l, ILogger<OidcSignInService> log)
{
    private static readonly TimeSpan FlowLifetime = TimeSpan.FromMinutes(10);
    private const string FlowPurpose = "Omvarld.Oidc.Flow";

    private string FlowCookieName =>
        ((configuration.GetValue<bool?>("Security:AllowHttp") ?? environment.IsDevelopment()) ? "" : "__Host-") + "omvarld-oidc";

    /// <summary>The login provider of the external login: one per municipality and issuer, so that a subject is never matched across providers.</summary>
    public static string LoginProvider(Guid municipalityId, string issuer) =>
        $"oidc:{municipalityId:N}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(OidcProtocol.Normalize(issuer))))[..16]}";

    public async Task<IReadOnlyList<OidcButton>> ButtonsAsync(CancellationToken ct = default) =>
        await db.OidcProviders.IgnoreQueryFilters().AsNoTracking().Where(p => p.Enabled)
            .Join(db.Municipalities, p => p.MunicipalityId, m => m.Id, (p, m) => new { m.Slug, m.Name, p.DisplayName })
            .OrderBy(x => x.Name).Select(x => new OidcButton(x.Slug, x.Name, x.DisplayName)).ToListAsync(ct);

    private sealed record Flow(Guid MunicipalityId, string Slug, string State, string Nonce, string Verifier, string? ReturnUrl);

    private Task<OidcProvider?> ProviderAsync(string slug, CancellationToken ct) =>
        db.OidcProviders.IgnoreQueryFilters().Where(p => p.Enabled)
            .Join(db.Municipalities.Where(m => m.Slug == slug), p => p.MunicipalityId, m => m.Id, (p, m) => p)
            .FirstOrDefaultAsync(ct);

    private static string RedirectUri(HttpRequest request, string slug) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{OidcSettingsService.CallbackPath(slug)}";

    /// <summary>Starts the authorization-code flow: the URL of the provider's authorization endpoint.</summary>
    public async Task<string> StartAsync(HttpContext http, string slug, string? returnUrl, CancellationToken ct = default)
    {
        var provider = await ProviderAsync(slug, ct) ?? throw new OidcException(OidcError.Unavailable, "No enabled provider for this municipality");
        if (provider.ProtectedClientSecret is null) throw new OidcException(OidcError.Unavailable, "The provider has no client secret");
        var config = await protocol.GetConfigurationAsync(provider.Issuer, refresh: false, ct);
        var challenge = OidcProtocol.CreateChallenge(config, provider.ClientId, RedirectUri(http.Request, slug), provider.Scopes);
        var flow = new Flow(provider.MunicipalityId, slug, challenge.State, challenge.Nonce, challenge.CodeVerifier, returnUrl);
        var protector = protection.CreateProtector(FlowPurpose).ToTimeLimitedDataProtector();
        http.Response.Cookies.Append(FlowCookieName, protector.Protect(JsonSerializer.Serialize(flow), FlowLifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = FlowCookieName.StartsWith("__Host-", StringComparison.Ordinal) || http.Request.IsHttps,
            // Lax: the provider sends the browser back with a top-level GET, which carries it.
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = FlowLifetime,
            IsEssential = true,
        });
        return challenge.AuthorizationUrl;
    }

    /// <summary>Completes the flow at the callback: validates, finds or creates the user, applies the group mappings and signs in.</summary>
    public async Task<(AppUser User, string? ReturnUrl)> CompleteAsync(HttpContext http, string slug, CancellationToken ct = default)
    {
        var flow = ReadFlow(http);
        http.Response.Cookies.Delete(FlowCookieName, new CookieOptions { Path = "/", Secure = FlowCookieName.StartsWith("__Host-", StringComparison.Ordinal) || http.Request.IsHttps });
        var query = http.Request.Query;
        if (flow is null || flow.Slug != slug || !OidcProtocol.FixedTimeEquals(query["state"].ToString(), flow.State))
            throw new OidcException(OidcError.State, "The state is missing, expired or not the one sent");
        if (query["error"].ToString() is { Length: > 0 } error)
            throw new OidcException(error == "access_denied" ? OidcError.Cancelled : OidcError.Provider, $"The provider answered with an error: {error}");
        if (query["code"].ToString() is not { Length: > 0 } code)
            throw new OidcException(OidcError.Provider, "The provider sent no code");

        var provider = await ProviderAsync(slug, ct);
        if (provider is null || provider.MunicipalityId != flow.MunicipalityId || provider.ProtectedClientSecret is null)
            throw new OidcException(OidcError.Unavailable, "The provider was disabled or changed during sign-in");
        string secret;
        try { secret = protection.CreateProtector(OidcProvider.SecretPurpose).Unprotect(provider.ProtectedClientSecret); }
        catch (CryptographicException e) { throw new OidcException(OidcError.Unavailable, "The client secret cannot be read (Data Protection keys changed?)", e); }

        var config = await protocol.GetConfigurationAsync(provider.Issuer, refresh: false, ct);
        var idToken = await protocol.RedeemCodeAsync(config, provider.ClientId, secret, code, RedirectUri(http.Request, slug), flow.Verifier, ct);
        var token = await protocol.ValidateIdTokenAsync(provider.Issuer, provider.ClientId, idToken, flow.Nonce, ct);

        var subject = Claim(token, provider.SubjectClaim);
        if (subject is null || subject.Length > 200) throw new OidcException(OidcError.Token, "The ID token has no usable subject claim");
        var groups = token.Claims.Where(c => c.Type == provider.GroupsClaim).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);

        db.Tenant.Use(provider.MunicipalityId);
        var loginProvider = LoginProvider(provider.MunicipalityId, token.Issuer);
        var user = await users.FindByLoginAsync(loginProvider, subject);
        if (user is not null && (!user.IsActive || user.MunicipalityId != provider.MunicipalityId || await users.IsLockedOutAsync(user)))
            throw new OidcException(OidcError.Inactive, $"User {user.Id} is deactivated, locked out or of another municipality");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (user is null)
        {
            var email = Claim(token, provider.EmailClaim)?.Trim();
            if (email is null || email.Length > 256 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
                throw new OidcException(OidcError.NoEmail, "The ID token has no usable e-mail claim");
            // An existing local account is never taken over by e-mail address: an administrator links them instead.
            if (await users.FindByEmailAsync(email) is not null)
                throw new OidcException(OidcError.EmailTaken, "Another account has the e-mail address of this new external user");
            var name = Text.Clean(Claim(token, provider.NameClaim)) ?? email;
            user = new AppUser
            {
                Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, MunicipalityId = provider.MunicipalityId,
                DisplayName = name.Length > AppUser.DisplayNameMaxLength ? name[..AppUser.DisplayNameMaxLength] : name,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            actor.Use(user.Id, email);
            actor.Comment = l["Oidc_AuditFirstSignIn", provider.DisplayName];
            Check(await users.CreateAsync(user), "create the user");
            Check(await users.AddLoginAsync(user, new UserLoginInfo(loginProvider, subject, provider.DisplayName)), "add the external login");
            log.LogInformation("External user {UserId} created on first sign-in with the provider of municipality {MunicipalityId}", user.Id, provider.MunicipalityId);
        }
        else
        {
            actor.Use(user.Id, user.UserName ?? "");
            actor.Comment = l["Oidc_AuditSignIn", provider.DisplayName];
            var name = Text.Clean(Claim(token, provider.NameClaim));
            if (name is not null && name.Length <= AppUser.DisplayNameMaxLength && name != user.DisplayName)
            {
                user.DisplayName = name;
                Check(await users.UpdateAsync(user), "update the display name");
            }
        }
        await ApplyGroupsAsync(provider, user.Id, groups, ct);
        await transaction.CommitAsync(ct);

        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "oidc");
        log.LogInformation("User {UserId} signed in with OpenID Connect", user.Id);
        return (user, flow.ReturnUrl);
    }

    /// <summary>
    /// The roles the groups give: added when missing; those given by a group earlier and no longer given are removed.
    /// Roles an administrator gave by hand are never touched (and a role already held by hand is not marked as a group's).
    /// </summary>
    private async Task ApplyGroupsAsync(OidcProvider provider, Guid userId, IReadOnlySet<string> groups, CancellationToken ct)
    {
        var openUnits = await db.Units.Where(u => u.ClosedOn == null).Select(u => u.Id).ToListAsync(ct);
        var wanted = provider.GroupMappings
            .Where(m => groups.Contains(m.Group) && (m.UnitId is null || openUnits.Contains(m.UnitId.Value)))
            .DistinctBy(m => (m.Role, m.UnitId)).ToList();
        var held = await db.RoleAssignments.Where(r => r.UserId == userId).ToListAsync(ct);
        var grants = await db.OidcGroupGrants.Where(g => g.UserId == userId).ToListAsync(ct);
        foreach (var grant in grants)
        {
            var assignment = held.FirstOrDefault(a => a.Id == grant.Id);
            if (assignment is not null && wanted.Any(w => w.Role == assignment.Role && w.UnitId == assignment.UnitId)) continue;
            db.OidcGroupGrants.Remove(grant);
            if (assignment is not null)
            {
                db.RoleAssignments.Remove(assignment);
                held.Remove(assignment);
            }
        }
        foreach (var m in wanted.Where(w => !held.Any(a => a.Role == w.Role && a.UnitId == w.UnitId)))
        {
            var (assignment, result) = RoleAssignment.Create(provider.MunicipalityId, userId, m.Role, m.UnitId);
            if (!result.IsOk) continue;
            db.RoleAssignments.Add(assignment!);
            db.OidcGroupGrants.Add(new OidcGroupGrant { MunicipalityId = provider.MunicipalityId, Id = assignment!.Id, UserId = userId, Group = m.Group });
        }
        await db.SaveChangesAsync(ct);
    }

    private Flow? ReadFlow(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(FlowCookieName, out var value) || string.IsNullOrEmpty(value)) return null;
        try
        {
            var json = protection.CreateProtector(FlowPurpose).ToTimeLimitedDataProtector().Unprotect(value, out _);
            return JsonSerializer.Deserialize<Flow>(json);
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private static string? Claim(JsonWebToken token, string type) =>
        token.Claims.FirstOrDefault(c => c.Type == type)?.Value is { Length: > 0 } v ? v : null;

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new OidcException(OidcError.Provider, $"Could not {what}: {string.Join(", ", result.Errors.Select(e => e.Code))}");
    }
}
