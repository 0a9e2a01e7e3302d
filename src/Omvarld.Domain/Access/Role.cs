namespace Omvarld.Domain.Access;

/// <summary>The roles of R16. Unit editor and unit approver are scoped to a unit and the units below it.</summary>
public enum Role
{
    /// <summary>Runs the installation: municipalities and their first users. Sees no municipality's business data.</summary>
    SystemAdministrator = 1,
    /// <summary><i>Internationell samordnare</i>: the whole municipality.</summary>
    Coordinator = 2,
    /// <summary>Registers and edits the work of a unit and its sub-units.</summary>
    UnitEditor = 3,
    /// <summary>Approves the work of a unit and its sub-units (management answers for alignment with the policy, 003).</summary>
    UnitApprover = 4,
    /// <summary>KS's secretariat: priorities, exceptions, follow-up.</summary>
    KsSecretariat = 5,
    /// <summary>Reads everything of the municipality, changes nothing.</summary>
    Reader = 6,
}

public static class RoleExtensions
{
    public static bool IsUnitScoped(this Role role) => role is Role.UnitEditor or Role.UnitApprover;
}
