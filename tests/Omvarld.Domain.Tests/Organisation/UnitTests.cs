using Omvarld.Domain.Organisation;

namespace Omvarld.Domain.Tests.Organisation;

public class UnitTests
{
    private static readonly Guid Municipality = Guid.NewGuid();

    private static Unit New(string name, UnitKind kind = UnitKind.Committee, Unit? parent = null)
    {
        var (unit, result) = Unit.Create(Municipality, name, kind, parent);
        Assert.True(result.IsOk, result.Error);
        return unit!;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_EmptyName_IsRefused(string? name)
    {
        var (unit, result) = Unit.Create(Municipality, name, UnitKind.Office, null);
        Assert.Null(unit);
        Assert.Equal("Validation_NameRequired", result.Error);
        Assert.Equal("Name", result.Field);
    }

    [Fact]
    public void Create_NameOverMaxLength_IsRefused()
    {
        var (unit, result) = Unit.Create(Municipality, new string('a', Unit.NameMaxLength + 1), UnitKind.Office, null);
        Assert.Null(unit);
        Assert.Equal("Validation_NameTooLong", result.Error);
    }

    [Fact]
    public void Create_NameWithExtraSpaces_IsCleaned()
    {
        var unit = New("  Kultur-   och fritidsnämnden ");
        Assert.Equal("Kultur- och fritidsnämnden", unit.Name);
    }

    [Fact]
    public void Create_ParentOfAnotherMunicipality_IsRefused()
    {
        var (other, _) = Unit.Create(Guid.NewGuid(), "Annan kommuns KF", UnitKind.Council, null);
        var (unit, result) = Unit.Create(Municipality, "Nämnd", UnitKind.Committee, other);
        Assert.Null(unit);
        Assert.Equal("Unit_ParentNotFound", result.Error);
    }

    [Fact]
    public void MoveTo_OwnDescendant_IsRefusedAndParentUnchanged()
    {
        var kf = New("KF", UnitKind.Council);
        var committee = New("Nämnd", parent: kf);
        var administration = New("Förvaltning", UnitKind.Administration, committee);
        var office = New("Kontor", UnitKind.Office, administration);
        var tree = UnitTree.From([kf, committee, administration, office]);

        var result = committee.MoveTo(office, tree);

        Assert.Equal("Unit_MoveUnderDescendant", result.Error);
        Assert.Equal(kf.Id, committee.ParentId);
    }

    [Fact]
    public void MoveTo_Itself_IsRefused()
    {
        var kf = New("KF", UnitKind.Council);
        var committee = New("Nämnd", parent: kf);
        Assert.Equal("Unit_MoveUnderDescendant", committee.MoveTo(committee, UnitTree.From([kf, committee])).Error);
    }

    [Fact]
    public void MoveTo_Sibling_Succeeds()
    {
        var kf = New("KF", UnitKind.Council);
        var a = New("A", parent: kf);
        var b = New("B", parent: kf);
        Assert.True(a.MoveTo(b, UnitTree.From([kf, a, b])).IsOk);
        Assert.Equal(b.Id, a.ParentId);
    }

    [Fact]
    public void Close_WithOpenChild_IsRefused_ThenAllowedAfterChildClosed()
    {
        var committee = New("Nämnd");
        var office = New("Kontor", UnitKind.Office, committee);
        var day = new DateOnly(2026, 11, 23);

        Assert.Equal("Unit_HasOpenChildren", committee.Close(day, UnitTree.From([committee, office])).Error);
        Assert.True(office.Close(day, UnitTree.From([committee, office])).IsOk);
        Assert.True(committee.Close(day, UnitTree.From([committee, office])).IsOk);
        Assert.Equal(day, committee.ClosedOn);
    }

    [Fact]
    public void Rename_ClosedUnit_IsRefused()
    {
        var office = New("Kontor", UnitKind.Office);
        office.Close(new DateOnly(2026, 1, 1), UnitTree.From([office]));
        Assert.Equal("Unit_Closed", office.Rename("Nytt namn").Error);
        Assert.Equal("Kontor", office.Name);
    }

    [Fact]
    public void AnswerTo_OnlyAdministrationToCommittee()
    {
        var committee = New("Förskolenämnden");
        var administration = New("Förskoleförvaltningen", UnitKind.Administration);
        var office = New("Kontor", UnitKind.Office);

        Assert.True(administration.AnswerTo(committee).IsOk);
        Assert.Equal(committee.Id, administration.ReportsToCommitteeId);
        Assert.Equal("Unit_OnlyAdministrationsAnswerToCommittee", office.AnswerTo(committee).Error);
        Assert.Equal("Unit_CommitteeInvalid", administration.AnswerTo(office).Error);
    }
}
