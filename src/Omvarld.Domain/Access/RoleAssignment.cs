using Omvarld.Domain.Common;

namespace Omvarld.Domain.Access;

/// <summary>A role given to a user in a municipality; unit-scoped roles name the unit (covering its sub-units too).</summary>
public sealed class RoleAssignment : ITenantOwned, IAudited
{
    private RoleAssignment() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public Role Role { get; private set; }
    public Guid? UnitId { get; private set; }

    public static (RoleAssignment? Value, Result Result) Create(Guid municipalityId, Guid userId, Role role, Guid? unitId)
    {
        if (!Enum.IsDefined(role) || role == Role.SystemAdministrator)
            return (null, Result.Fail("Role_Invalid", nameof(Role)));
        if (role.IsUnitScoped() && unitId is null) return (null, Result.Fail("Role_UnitRequired", nameof(UnitId)));
        if (!role.IsUnitScoped()) unitId = null;
        return (new RoleAssignment { MunicipalityId = municipalityId, Id = Guid.CreateVersion7(), UserId = userId, Role = role, UnitId = unitId }, Result.Ok);
    }
}
