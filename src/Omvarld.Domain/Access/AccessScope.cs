using Omvarld.Domain.Organisation;

namespace Omvarld.Domain.Access;

/// <summary>
/// What one signed-in user may do in their municipality, from their role assignments and the unit tree.
/// The single place that answers "may this user read / edit / approve for this unit".
/// </summary>
public sealed class AccessScope
{
    private readonly IReadOnlyList<(Role Role, Guid? UnitId)> _assignments;
    private readonly UnitTree? _tree;
    private HashSet<Guid>? _editable;
    private HashSet<Guid>? _approvable;

    public AccessScope(bool isSystemAdministrator, IEnumerable<(Role Role, Guid? UnitId)> assignments, UnitTree? tree)
    {
        IsSystemAdministrator = isSystemAdministrator;
        _assignments = assignments.ToList();
        _tree = tree;
    }

    public static readonly AccessScope None = new(false, [], null);

    public bool IsSystemAdministrator { get; }
    public bool Has(Role role) => role == Role.SystemAdministrator ? IsSystemAdministrator : _assignments.Any(a => a.Role == role);
    public IEnumerable<Role> Roles => _assignments.Select(a => a.Role).Concat(IsSystemAdministrator ? [Role.SystemAdministrator] : []).Distinct();

    /// <summary>Any role in the municipality lets the user read its register (the public sees only what is published).</summary>
    public bool CanReadMunicipality => _assignments.Count > 0;
    public bool IsCoordinator => Has(Role.Coordinator);
    public bool IsKsSecretariat => Has(Role.KsSecretariat);
    /// <summary>R9: an exception from the partner precondition is a KS decision; its secretariat records it.</summary>
    public bool CanRecordPreconditionExceptions => IsKsSecretariat;
    /// <summary>R17: KS sets the overall priorities; its secretariat records them, and the coordinator may.</summary>
    public bool CanSetPriorities => IsKsSecretariat || IsCoordinator;
    /// <summary>The organisation tree, users and roles of the municipality are the coordinator's to manage.</summary>
    public bool CanManageOrganisation => IsCoordinator;
    public bool CanManageUsers => IsCoordinator || IsSystemAdministrator;

    public IReadOnlySet<Guid> EditableUnits => _editable ??= Expand(Role.UnitEditor);
    public IReadOnlySet<Guid> ApprovableUnits => _approvable ??= Expand(Role.UnitApprover);

    /// <summary>The coordinator may edit everything of the municipality; a unit editor the unit and those below it.</summary>
    public bool CanEditFor(Guid unitId) => IsCoordinator || EditableUnits.Contains(unitId);
    public bool CanApproveFor(Guid unitId) => ApprovableUnits.Contains(unitId);

    private HashSet<Guid> Expand(Role role)
    {
        var set = new HashSet<Guid>();
        if (_tree is null) return set;
        foreach (var a in _assignments)
            if (a.Role == role && a.UnitId is { } unit)
                set.UnionWith(_tree.SelfAndDescendants(unit));
        return set;
    }
}
