using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Access;
using Omvarld.Domain.Common;
using Omvarld.Domain.Organisation;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Admin.Users;

public sealed record RoleDto(Guid Id, Role Role, Guid? UnitId, string? UnitName);

public sealed record UserDto(Guid Id, string Email, string DisplayName, Guid? MunicipalityId, bool IsActive, bool IsLockedOut,
    bool TwoFactorEnabled, bool MustChangePassword, bool IsSystemAdministrator, IReadOnlyList<RoleDto> Roles);

/// <summary>A reset's outcome: the new temporary password, or none when another reset of the same user won the race.</summary>
public sealed record PasswordReset(string? TemporaryPassword)
{
    public bool Conflict => TemporaryPassword is null;
}

public sealed record CreateUserInput(string? Email, string? DisplayName, Guid? MunicipalityId);

public sealed record RoleInput(Role? Role, Guid? UnitId);

/// <summary>
/// Users and their roles. A coordinator manages the users of their own municipality; a system administrator any
/// municipality's. Users of other municipalities are "not found" for a coordinator.
/// </summary>
public sealed class UserAdminService(OmvarldDbContext db, UserManager<AppUser> users, CurrentUser me, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    private async Task<IQueryable<AppUser>> VisibleAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        // The system administrator manages every municipality's people, also while belonging to one.
        if (scope.IsSystemAdministrator) return db.Users.IgnoreQueryFilters();
        var mine = me.MunicipalityId;
        return db.Users.Where(u => mine != null && u.MunicipalityId == mine);
    }

    public async Task<Page<UserDto>> ListAsync(Guid? municipalityId, string? search, int page, int pageSize, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var q = (await VisibleAsync(ct)).AsNoTracking();
        if (municipalityId is { } m) q = q.Where(u => u.MunicipalityId == m);
        if (Text.Clean(search) is { } s)
        {
            var upper = s.ToUpperInvariant();
            q = q.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.Contains(s));
        }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(u => u.DisplayName).ThenBy(u => u.Id).PageOf(page, pageSize).ToListAsync(ct);
        return new(await ToDtosAsync(rows, ct), page, pageSize, total);
    }

    public async Task<UserDto?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var user = await (await VisibleAsync(ct)).AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        return user is null ? null : (await ToDtosAsync([user], ct))[0];
    }

    /// <summary>The error of a creation that lost a race for the same e-mail: a 409, not a 400.</summary>
    public const string CreateConflict = "User_CreateConflict";

    public async Task<(UserDto? User, string? TemporaryPassword, Result Result)> CreateAsync(CreateUserInput input, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        var municipalityId = scope.IsSystemAdministrator ? input.MunicipalityId : me.MunicipalityId;
        if (municipalityId is null || !await db.Municipalities.AnyAsync(m => m.Id == municipalityId, ct))
            return (null, null, Result.Fail("User_MunicipalityRequired", "MunicipalityId"));
        var email = input.Email?.Trim();
        var name = Text.Clean(input.DisplayName);
        if (string.IsNullOrEmpty(email)) return (null, null, Result.Fail("Validation_EmailRequired", "Email"));
        if (email.Length > 256 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
            return (null, null, Result.Fail("Validation_EmailInvalid", "Email"));
        if (name is null) return (null, null, Result.Fail("Validation_NameRequired", "DisplayName"));
        if (name.Length > AppUser.DisplayNameMaxLength) return (null, null, Result.Fail("Validation_NameTooLong", "DisplayName"));
        if (await users.FindByEmailAsync(email) is not null) return (null, null, Result.Fail("User_EmailTaken", "Email"));

        var password = TemporaryPassword();
        var user = new AppUser
        {
            UserName = email, Email = email, DisplayName = name, MunicipalityId = municipalityId, MustChangePassword = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime, EmailConfirmed = true,
        };
        db.Tenant.Use(municipalityId);
        IdentityResult created;
        try { created = await users.CreateAsync(user, password); }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same e-mail created at the same moment by another request: its row took the unique key.
            db.ChangeTracker.Clear();
            return (null, null, Result.Fail(CreateConflict, "Email"));
        }
        if (!created.Succeeded) return (null, null, Result.Fail("User_CreateFailed", "Email"));
        return ((await ToDtosAsync([user], ct))[0], password, Result.Ok);
    }

    public async Task<Result?> AddRoleAsync(Guid userId, RoleInput input, CancellationToken ct = default)
    {
        var user = await (await VisibleAsync(ct)).FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user?.MunicipalityId is not { } municipalityId) return null;
        if (input.Role is not { } role) return Result.Fail("Role_Invalid", "Role");
        db.Tenant.Use(municipalityId);
        if (input.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId && u.ClosedOn == null, ct))
            return Result.Fail("Unit_NotFound", "UnitId");
        var (assignment, result) = RoleAssignment.Create(municipalityId, userId, role, input.UnitId);
        if (!result.IsOk) return result;
        if (await db.RoleAssignments.AnyAsync(r => r.UserId == userId && r.Role == role && r.UnitId == assignment!.UnitId, ct))
            return Result.Fail("Role_AlreadyAssigned", "Role");
        db.RoleAssignments.Add(assignment!);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    public async Task<bool> RemoveRoleAsync(Guid userId, Guid assignmentId, CancellationToken ct = default)
    {
        var user = await (await VisibleAsync(ct)).FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user?.MunicipalityId is not { } municipalityId) return false;
        db.Tenant.Use(municipalityId);
        var assignment = await db.RoleAssignments.FirstOrDefaultAsync(r => r.Id == assignmentId && r.UserId == userId, ct);
        if (assignment is null) return false;
        db.RoleAssignments.Remove(assignment);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>A new temporary password, shown once; the user must change it at next sign-in. Other sessions end (new security stamp).</summary>
    /// <remarks>
    /// One save: the flags are set before the reset, which writes the user once, so a reset that loses a race to another
    /// (the row's concurrency stamp moved) changes nothing and answers <see cref="PasswordReset.Conflict"/>.
    /// </remarks>
    public async Task<PasswordReset?> ResetPasswordAsync(Guid userId, CancellationToken ct = default)
    {
        var user = await (await VisibleAsync(ct)).FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return null;
        db.Tenant.Use(user.MunicipalityId);
        var password = TemporaryPassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        user.MustChangePassword = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            db.ChangeTracker.Clear();
            return new PasswordReset(null);
        }
        if (!result.Succeeded) throw new InvalidOperationException("A generated password failed the password rules.");
        return new PasswordReset(password);
    }

    public async Task<bool> SetActiveAsync(Guid userId, bool active, CancellationToken ct = default)
    {
        var user = await (await VisibleAsync(ct)).FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || user.Id == me.Id) return false;
        db.Tenant.Use(user.MunicipalityId);
        user.IsActive = active;
        if (!active) await users.UpdateSecurityStampAsync(user);
        else await users.UpdateAsync(user);
        return true;
    }

    public async Task<bool> UnlockAsync(Guid userId, CancellationToken ct = default)
    {
        var user = await (await VisibleAsync(ct)).FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return false;
        db.Tenant.Use(user.MunicipalityId);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return true;
    }

    private async Task<List<UserDto>> ToDtosAsync(List<AppUser> rows, CancellationToken ct)
    {
        var ids = rows.Select(u => u.Id).ToList();
        // Role assignments of these users, whatever municipality they are in: one query, no query per row.
        var roles = await db.RoleAssignments.IgnoreQueryFilters().AsNoTracking().Where(r => ids.Contains(r.UserId))
            .Join(db.Units.IgnoreQueryFilters(), r => new { r.MunicipalityId, Id = r.UnitId }, u => new { u.MunicipalityId, Id = (Guid?)u.Id }, (r, u) => new { r, UnitName = u.Name })
            .ToListAsync(ct);
        var unscoped = await db.RoleAssignments.IgnoreQueryFilters().AsNoTracking().Where(r => ids.Contains(r.UserId) && r.UnitId == null).ToListAsync(ct);
        var all = roles.Select(x => (x.r, (string?)x.UnitName)).Concat(unscoped.Select(r => (r, (string?)null)))
            .ToLookup(x => x.r.UserId);
        var now = clock.GetUtcNow();
        return rows.Select(u => new UserDto(u.Id, u.Email ?? "", u.DisplayName, u.MunicipalityId, u.IsActive,
            u.LockoutEnd is { } end && end > now, u.TwoFactorEnabled, u.MustChangePassword, u.IsSystemAdministrator,
            all[u.Id].Select(x => new RoleDto(x.r.Id, x.r.Role, x.r.UnitId, x.Item2)).OrderBy(r => r.Role).ToList())).ToList();
    }

    private static string TemporaryPassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return new string(RandomNumberGenerator.GetItems<char>(alphabet, 16));
    }
}
