using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Access;
using Omvarld.Domain.Organisation;
using Omvarld.Web.Data;

namespace Omvarld.Web.Infrastructure;

/// <summary>
/// The signed-in user of this request and what they may do, loaded once per request from the database
/// (role changes take effect at once, and the web tier keeps no state between requests).
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, OmvarldDbContext db)
{
    /// <summary>The key of <see cref="AuthenticatedUser"/> in the request's items, set by an authentication that read the user this request.</summary>
    public const string AuthenticatedUserKey = "Omvarld.AuthenticatedUser";

    /// <summary>What the scope needs of the user, as read from the database in this request.</summary>
    public sealed record AuthenticatedUser(Guid Id, bool IsSystemAdministrator, bool IsActive, Guid? MunicipalityId)
    {
        /// <summary>The user's roles in their own municipality, when the authentication read them with the user.</summary>
        public IReadOnlyList<(Role Role, Guid? UnitId)>? Assignments { get; init; }
    }

    private AccessScope? _scope;
    private UnitTree? _tree;

    public ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();
    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public Guid? Id => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    public Guid? MunicipalityId => db.CurrentMunicipalityId;
    public string DisplayName => Principal.FindFirstValue(SecuritySetup.DisplayNameClaim) ?? Principal.Identity?.Name ?? "";

    public async Task<AccessScope> GetScopeAsync(CancellationToken ct = default)
    {
        if (_scope is not null) return _scope;
        if (Id is not { } userId) return _scope = AccessScope.None;
        var user = http.HttpContext?.Items[AuthenticatedUserKey] is AuthenticatedUser known && known.Id == userId
            ? known
            : await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new AuthenticatedUser(u.Id, u.IsSystemAdministrator, u.IsActive, u.MunicipalityId)).FirstOrDefaultAsync(ct);
        if (user is null || !user.IsActive) return _scope = AccessScope.None;
        // Roles count only in the user's own municipality, when it is the request's.
        IReadOnlyList<(Role Role, Guid? UnitId)> assignments = user.MunicipalityId is null || user.MunicipalityId != MunicipalityId
            ? []
            : user.Assignments ?? (await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == userId)
                .Select(r => new { r.Role, r.UnitId }).ToListAsync(ct)).Select(r => (r.Role, r.UnitId)).ToList();
        UnitTree? tree = null;
        if (assignments.Any(a => a.Role.IsUnitScoped())) tree = await GetUnitTreeAsync(ct);
        return _scope = new AccessScope(user.IsSystemAdministrator, assignments, tree);
    }

    /// <summary>The current municipality's unit tree, one query, cached for the request.</summary>
    public async Task<UnitTree> GetUnitTreeAsync(CancellationToken ct = default) =>
        _tree ??= new UnitTree(await db.Units.AsNoTracking()
            .Select(u => new UnitNode(u.Id, u.ParentId, u.Name, u.Kind, u.ClosedOn != null)).ToListAsync(ct));
}
