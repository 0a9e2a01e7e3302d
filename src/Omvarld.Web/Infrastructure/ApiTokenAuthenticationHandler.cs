using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Omvarld.Web.Data;

namespace Omvarld.Web.Infrastructure;

/// <summary>
/// Personal API tokens as bearer tokens: looked up by hash, refused when revoked, expired or the user is inactive.
/// A lockout does not stop them: it guards the password against guessing, and a token is no password; else anyone who
/// knows a person's e-mail address could switch off a municipality's integration with five wrong passwords.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    OmvarldDbContext db, IUserClaimsPrincipalFactory<AppUser> principals, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        if (secret.Length is < 10 or > 200) return Fail("malformed");

        var now = clock.GetUtcNow().UtcDateTime;
        var hash = ApiToken.HashOf(secret);
        // Looked up before any municipality is known: past the tenant filter, by its hash alone.
        // The token, its user and the user's roles in their municipality in one query (issue 17: every API request paid
        // for each authentication query, and then for the roles its authorization reads).
        var found = await db.ApiTokens.IgnoreQueryFilters().Where(t => t.Hash == hash)
            .GroupJoin(db.Users.IgnoreQueryFilters(), t => t.UserId, u => u.Id, (t, us) => new { Token = t, Users = us })
            .SelectMany(x => x.Users.DefaultIfEmpty(), (x, u) => new { x.Token, User = u })
            .Select(x => new
            {
                x.Token,
                x.User,
                Roles = db.RoleAssignments.IgnoreQueryFilters().Where(r => r.UserId == x.Token.UserId && r.MunicipalityId == x.User!.MunicipalityId)
                    .Select(r => new { r.Role, r.UnitId }).ToList(),
                // What a kept answer is checked against (KeptAnswers), read before anything the request reads.
                Stamp = db.ChangeStamps.IgnoreQueryFilters().Where(c => c.MunicipalityId == x.User!.MunicipalityId).Select(c => (long?)c.Value).FirstOrDefault(),
                InstallationStamp = db.ChangeStamps.IgnoreQueryFilters().Where(c => c.MunicipalityId == ChangeStamp.Installation).Select(c => (long?)c.Value).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(Context.RequestAborted);
        var token = found?.Token;
        if (token is null || !token.IsUsableAt(now)) return Fail(token is null ? "unknown" : "revoked or expired");

        var user = found!.User;
        if (user is null || !user.IsActive) return Fail("user unavailable");
        // What CurrentUser would read again for the scope: the request knows it now.
        Context.Items[CurrentUser.AuthenticatedUserKey] = new CurrentUser.AuthenticatedUser(user.Id, user.IsSystemAdministrator, user.IsActive, user.MunicipalityId)
        {
            Assignments = found.Roles.Select(r => (r.Role, r.UnitId)).ToList(),
        };
        if (user.MunicipalityId is { } municipality) ChangeStamp.Remember(db, municipality, found.Stamp, found.InstallationStamp);

        // Record use at most once a minute: a token used in a loop must not turn every read into a write.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }
        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));

        AuthenticateResult Fail(string why)
        {
            Logger.LogWarning("API token refused ({Reason})", why);
            return AuthenticateResult.Fail("Invalid token");
        }
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status401Unauthorized, "Problem_Unauthorized", "Problem_UnauthorizedDetail");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, "Problem_Forbidden", "Problem_ForbiddenDetail");
}
