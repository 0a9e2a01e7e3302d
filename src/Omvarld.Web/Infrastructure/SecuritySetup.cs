using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Omvarld.Domain.Access;
using Omvarld.Web.Data;

namespace Omvarld.Web.Infrastructure;

/// <summary>The authorization policies: every page and endpoint names one of these.</summary>
public static class AuthorizationPolicies
{
    /// <summary>Signed in, whatever the role (the account pages).</summary>
    public const string SignedIn = "SignedIn";
    /// <summary>Any role in the user's municipality: reads its register.</summary>
    public const string Member = "Member";
    /// <summary>Reference data every member reads (the countries), and the system administrator who maintains it.</summary>
    public const string MemberOrSystemAdmin = "MemberOrSystemAdmin";
    public const string Coordinator = "Coordinator";
    public const string CoordinatorOrKs = "CoordinatorOrKs";
    /// <summary>The audit log: the coordinator and KS's secretariat (their municipality's), the system administrator (the installation's).</summary>
    public const string AuditLog = "AuditLog";
    public const string UserAdmin = "UserAdmin";
    public const string SystemAdmin = "SystemAdmin";
    /// <summary>The same, for the API: bearer tokens only.</summary>
    public const string Api = "Api:";
}

public static class SecuritySetup
{
    public const string DisplayNameClaim = "omv:name";
    public const string AuthTimeClaim = "omv:auth_time";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);

    public static WebApplicationBuilder AddOmvarldSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Production cookies are __Host- prefixed and Secure (ASVS 3.4). Security:AllowHttp (on by default only in
        // Development, where 'dotnet run' serves plain http://localhost) drops the prefix and follows the request.
        var allowHttp = builder.Configuration.GetValue<bool?>("Security:AllowHttp") ?? builder.Environment.IsDevelopment();
        var prefix = allowHttp ? "" : "__Host-";
        var secure = allowHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddIdentityCore<AppUser>(o =>
            {
                // Length over composition (NIST SP 800-63B): 12 characters, no forced character classes.
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 5;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddUserManager<OmvarldUserManager>()
            .AddSignInManager()
            .AddEntityFrameworkStores<OmvarldDbContext>()
            .AddUserStore<OmvarldUserStore>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<SwedishIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<OmvarldClaimsPrincipalFactory>();
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            // A refreshed principal keeps the original sign-in time, so the absolute timeout still counts from sign-in.
            o.OnRefreshingPrincipal = ctx =>
            {
                var authTime = ctx.CurrentPrincipal?.FindFirst(AuthTimeClaim);
                if (authTime is not null && ctx.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    foreach (var c in identity.FindAll(AuthTimeClaim).ToList()) identity.RemoveClaim(c);
                    identity.AddClaim(new Claim(AuthTimeClaim, authTime.Value));
                }
                return Task.CompletedTask;
            };
        });

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies(c =>
            {
                c.ApplicationCookie?.Configure(o =>
                {
                    // ASVS 3.4: __Host- prefix, Secure, HttpOnly, SameSite; 3.3.2: 30 min idle, 12 h absolute.
                    o.Cookie.Name = prefix + "omvarld";
                    o.Cookie.SecurePolicy = secure;
                    o.Cookie.HttpOnly = true;
                    o.Cookie.SameSite = SameSiteMode.Lax;
                    o.ExpireTimeSpan = IdleTimeout;
                    o.SlidingExpiration = true;
                    o.LoginPath = "/konto/logga-in";
                    o.LogoutPath = "/konto/logga-ut";
                    o.AccessDeniedPath = "/konto/nekad";
                    o.Events.OnValidatePrincipal = async ctx =>
                    {
                        var authTime = ctx.Principal?.FindFirstValue(AuthTimeClaim);
                        var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                        if (!long.TryParse(authTime, out var t) || DateTimeOffset.FromUnixTimeSeconds(t) < now - AbsoluteTimeout)
                        {
                            ctx.RejectPrincipal();
                            await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                            return;
                        }
                        // The error page, re-executed for an unhandled error, checks nothing more: the database may be
                        // what failed, and the page shows nothing of the user's.
                        if (ctx.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null) return;
                        await SecurityStampValidator.ValidatePrincipalAsync(ctx);
                    };
                });
                c.TwoFactorUserIdCookie?.Configure(o => { o.Cookie.Name = prefix + "omvarld-2fa"; o.Cookie.SecurePolicy = secure; });
                c.TwoFactorRememberMeCookie?.Configure(o => { o.Cookie.Name = prefix + "omvarld-2fa-remember"; o.Cookie.SecurePolicy = secure; });
                c.ExternalCookie?.Configure(o => { o.Cookie.Name = prefix + "omvarld-ext"; o.Cookie.SecurePolicy = secure; });
            });
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = prefix + "omvarld-af";
            o.Cookie.SecurePolicy = secure;
            o.HeaderName = "X-CSRF-TOKEN";
        });

        services.AddScoped<CurrentUser>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddScopePolicies(string.Empty, IdentityConstants.ApplicationScheme)
            .AddScopePolicies(AuthorizationPolicies.Api, ApiTokenAuthenticationHandler.SchemeName);
        return builder;
    }

    private static AuthorizationBuilder AddScopePolicies(this AuthorizationBuilder b, string prefix, string scheme)
    {
        Add(AuthorizationPolicies.SignedIn, _ => true);
        Add(AuthorizationPolicies.Member, s => s.CanReadMunicipality);
        Add(AuthorizationPolicies.MemberOrSystemAdmin, s => s.CanReadMunicipality || s.IsSystemAdministrator);
        Add(AuthorizationPolicies.Coordinator, s => s.IsCoordinator);
        Add(AuthorizationPolicies.CoordinatorOrKs, s => s.IsCoordinator || s.IsKsSecretariat);
        Add(AuthorizationPolicies.AuditLog, s => s.IsCoordinator || s.IsKsSecretariat || s.IsSystemAdministrator);
        Add(AuthorizationPolicies.UserAdmin, s => s.CanManageUsers);
        Add(AuthorizationPolicies.SystemAdmin, s => s.IsSystemAdministrator);
        return b;

        void Add(string name, Func<AccessScope, bool> allowed) =>
            b.AddPolicy(prefix + name, p => p
                .AddAuthenticationSchemes(scheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(async ctx =>
                {
                    var http = ctx.Resource as HttpContext ?? (ctx.Resource as Microsoft.AspNetCore.Mvc.Filters.AuthorizationFilterContext)?.HttpContext;
                    if (http is null) return false;
                    var scope = await http.RequestServices.GetRequiredService<CurrentUser>().GetScopeAsync(http.RequestAborted);
                    if (scope == AccessScope.None) return false;
                    return allowed(scope);
                }));
    }
}

/// <summary>
/// The user's claims: Identity's own (id, user name, e-mail, security stamp) and the municipality, the display name and
/// the sign-in time. Identity's factory also reads the user's stored claims; Omvärld stores none (nothing writes
/// AspNetUserClaims), and that read was one query on every API request (issue 17), so it is left out.
/// </summary>
public sealed class OmvarldClaimsPrincipalFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, TimeProvider clock)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var types = Options.ClaimsIdentity;
        var identity = new ClaimsIdentity(IdentityConstants.ApplicationScheme, types.UserNameClaimType, types.RoleClaimType);
        identity.AddClaim(new Claim(types.UserIdClaimType, await UserManager.GetUserIdAsync(user)));
        identity.AddClaim(new Claim(types.UserNameClaimType, await UserManager.GetUserNameAsync(user) ?? ""));
        if (UserManager.SupportsUserEmail && await UserManager.GetEmailAsync(user) is { } email)
            identity.AddClaim(new Claim(types.EmailClaimType, email));
        if (UserManager.SupportsUserSecurityStamp)
            identity.AddClaim(new Claim(types.SecurityStampClaimType, await UserManager.GetSecurityStampAsync(user)));
        if (user.MunicipalityId is { } m) identity.AddClaim(new Claim(TenantContext.MunicipalityClaim, m.ToString()));
        identity.AddClaim(new Claim(SecuritySetup.DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(SecuritySetup.AuthTimeClaim, clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}

/// <summary>
/// Identity's user manager with lockout on the app's <see cref="TimeProvider"/>: the stock one reads the wall clock to
/// set and test a lockout's end, while the cookie and security-stamp checks and the administrators' "locked" column use
/// the registered clock; one clock for all keeps them agreeing (and the tests' fixed clock honest). The authenticator
/// codes (TOTP) stay on the wall clock: they are compared with the clock of the user's phone, not with the app's.
/// </summary>
public sealed class OmvarldUserManager(IUserStore<AppUser> store, IOptions<IdentityOptions> options, IPasswordHasher<AppUser> hasher,
    IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators, ILookupNormalizer normalizer,
    IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger, TimeProvider clock)
    : UserManager<AppUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    public override async Task<bool> IsLockedOutAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await GetLockoutEnabledAsync(user)) return false;
        return await GetLockoutEndDateAsync(user) is { } end && end >= clock.GetUtcNow();
    }

    /// <summary>As the stock method: count the failure; at the limit lock out for the configured time and reset the count.</summary>
    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var lockout = Store as IUserLockoutStore<AppUser> ?? throw new NotSupportedException("The user store does not support lockout.");
        var count = await lockout.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count < Options.Lockout.MaxFailedAccessAttempts) return await UpdateUserAsync(user);
        await lockout.SetLockoutEndDateAsync(user, clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
        await lockout.ResetAccessFailedCountAsync(user, CancellationToken);
        return await UpdateUserAsync(user);
    }
}
