using Omvarld.Domain.Access;
using Omvarld.Domain.Organisation;

namespace Omvarld.Domain.Tests.Access;

public class AccessScopeTests
{
    private static readonly Guid Kf = Guid.NewGuid(), Gymnasienämnd = Guid.NewGuid(), Gymnasieförvaltning = Guid.NewGuid(), Kulturnämnd = Guid.NewGuid();

    private static readonly UnitTree Tree = new(
    [
        new(Kf, null, "KF", UnitKind.Council, false),
        new(Gymnasienämnd, Kf, "Gymnasienämnden", UnitKind.Committee, false),
        new(Gymnasieförvaltning, Gymnasienämnd, "Gymnasieförvaltningen", UnitKind.Administration, false),
        new(Kulturnämnd, Kf, "Kulturnämnden", UnitKind.Committee, false),
    ]);

    [Fact]
    public void UnitEditor_EditsOwnUnitAndBelow_NotAnotherCommittee()
    {
        var scope = new AccessScope(false, [(Role.UnitEditor, Gymnasienämnd)], Tree);
        Assert.True(scope.CanEditFor(Gymnasienämnd));
        Assert.True(scope.CanEditFor(Gymnasieförvaltning));
        Assert.False(scope.CanEditFor(Kulturnämnd));
        Assert.False(scope.CanApproveFor(Gymnasienämnd));
        Assert.False(scope.CanManageOrganisation);
    }

    [Fact]
    public void Coordinator_EditsEverything_ButApprovesNothingByRoleAlone()
    {
        var scope = new AccessScope(false, [(Role.Coordinator, null)], Tree);
        Assert.True(scope.CanEditFor(Kulturnämnd));
        Assert.True(scope.CanManageOrganisation);
        Assert.True(scope.CanManageUsers);
        Assert.False(scope.CanApproveFor(Kulturnämnd));
    }

    [Fact]
    public void Reader_ReadsButChangesNothing()
    {
        var scope = new AccessScope(false, [(Role.Reader, null)], Tree);
        Assert.True(scope.CanReadMunicipality);
        Assert.False(scope.CanEditFor(Gymnasienämnd));
        Assert.False(scope.CanManageOrganisation);
        Assert.False(scope.CanManageUsers);
    }

    [Fact]
    public void SystemAdministrator_ManagesUsers_ButReadsNoMunicipality()
    {
        var scope = new AccessScope(true, [], null);
        Assert.True(scope.CanManageUsers);
        Assert.False(scope.CanReadMunicipality);
        Assert.False(scope.CanEditFor(Gymnasienämnd));
    }

    [Fact]
    public void NoAssignments_GivesNothing()
    {
        Assert.False(AccessScope.None.CanReadMunicipality);
        Assert.False(AccessScope.None.CanManageUsers);
    }

    [Fact]
    public void RoleAssignment_UnitRoleWithoutUnit_IsRefused()
    {
        var (assignment, result) = RoleAssignment.Create(Guid.NewGuid(), Guid.NewGuid(), Role.UnitApprover, null);
        Assert.Null(assignment);
        Assert.Equal("Role_UnitRequired", result.Error);
    }

    [Fact]
    public void RoleAssignment_SystemAdministrator_CannotBeGivenInAMunicipality()
    {
        var (_, result) = RoleAssignment.Create(Guid.NewGuid(), Guid.NewGuid(), Role.SystemAdministrator, null);
        Assert.Equal("Role_Invalid", result.Error);
    }

    [Fact]
    public void RoleAssignment_MunicipalityRole_DropsUnit()
    {
        var (assignment, _) = RoleAssignment.Create(Guid.NewGuid(), Guid.NewGuid(), Role.Reader, Guid.NewGuid());
        Assert.Null(assignment!.UnitId);
    }
}
