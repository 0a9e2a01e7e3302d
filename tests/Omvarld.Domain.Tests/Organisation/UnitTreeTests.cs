using Omvarld.Domain.Organisation;

namespace Omvarld.Domain.Tests.Organisation;

public class UnitTreeTests
{
    private static readonly Guid Kf = Guid.NewGuid(), Ks = Guid.NewGuid(), Nämnd = Guid.NewGuid(), Förvaltning = Guid.NewGuid(), Kontor = Guid.NewGuid();

    private static UnitTree Sample() => new(
    [
        new(Kontor, Förvaltning, "Kontoret", UnitKind.Office, false),
        new(Kf, null, "Kommunfullmäktige", UnitKind.Council, false),
        new(Ks, Kf, "Kommunstyrelsen", UnitKind.ExecutiveBoard, false),
        new(Nämnd, Kf, "Förskolenämnden", UnitKind.Committee, false),
        new(Förvaltning, Nämnd, "Förskoleförvaltningen", UnitKind.Administration, false),
    ]);

    [Fact]
    public void SelfAndDescendants_Committee_CoversItsAdministrationAndOffice()
    {
        var set = Sample().SelfAndDescendants(Nämnd);
        Assert.Equal(new HashSet<Guid> { Nämnd, Förvaltning, Kontor }, set);
    }

    [Fact]
    public void IsDescendantOf_IsTransitiveAndNotReflexive()
    {
        var tree = Sample();
        Assert.True(tree.IsDescendantOf(Kontor, Kf));
        Assert.False(tree.IsDescendantOf(Kf, Kontor));
        Assert.False(tree.IsDescendantOf(Kf, Kf));
    }

    [Fact]
    public void DepthFirst_ListsParentsBeforeChildren_SortedByNameInSwedish()
    {
        var rows = Sample().DepthFirst().Select(r => (r.Node.Name, r.Depth)).ToList();
        Assert.Equal(
        [
            ("Kommunfullmäktige", 0),
            ("Förskolenämnden", 1),
            ("Förskoleförvaltningen", 2),
            ("Kontoret", 3),
            ("Kommunstyrelsen", 1),
        ], rows);
    }

    [Fact]
    public void PathTo_Office_GoesFromRoot()
    {
        Assert.Equal(["Kommunfullmäktige", "Förskolenämnden", "Förskoleförvaltningen", "Kontoret"], Sample().PathTo(Kontor).Select(n => n.Name));
    }

    [Fact]
    public void Cycle_InData_DoesNotHang()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        var tree = new UnitTree([new(a, b, "A", UnitKind.Office, false), new(b, a, "B", UnitKind.Office, false)]);
        Assert.False(tree.IsDescendantOf(a, Guid.NewGuid()));
        Assert.Equal(2, tree.PathTo(a).Count);
    }
}
