using Omvarld.Domain.Policies;
using Omvarld.Domain.Policies.Checks;
using Omvarld.Web.Features.Policies;

namespace Omvarld.Web.Tests.Features.Policies;

/// <summary>Comparing the real seed versions: what Borås's 2023 policy added to the 2016 one.</summary>
public class PolicyComparisonTests
{
    private static VersionDefinition Read(string file)
    {
        using var reader = new StringReader(Omvarld.Web.Tests.Infrastructure.RepositoryFiles.SeedPolicy(file));
        var (definition, errors) = PolicyFileReader.Read(reader);
        Assert.Empty(errors);
        return definition!.Version;
    }

    [Fact]
    public void Between_Boras2016And2023_AddsProjectCooperationDemocracyTwinTownsPreconditionAndSdgs()
    {
        var c = PolicyComparison.Between(Read("boras-2016.yaml"), Read("boras-2023.yaml"));

        Assert.Equal(["DEMOKRATISKA_VARDERINGAR", "PROJEKTSAMVERKAN", "VANORTER"],
            c.Goals.Where(g => g.Change == ChangeKind.Added).Select(g => g.Code).Order());
        Assert.DoesNotContain(c.Goals, g => g.Change == ChangeKind.Removed);
        // The four goals kept got their 2023 clause texts.
        Assert.Equal(["KUNSKAPSUTBYTEN", "OMVARLDSPAVERKAN", "PROFILERING", "VERKSAMHETSUTVECKLING"],
            c.Goals.Where(g => g.Change == ChangeKind.Changed).Select(g => g.Code).Order());
        Assert.Equal(ChangeKind.Added, c.Precondition);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13], c.SdgsAdded);
        Assert.Contains(c.Checks, ch => ch is { Change: ChangeKind.Added, Kind: CheckKind.PartnerPrecondition });
        Assert.Contains(c.Checks, ch => ch is { Change: ChangeKind.Added, Kind: CheckKind.ProjectCooperationParties });
        Assert.DoesNotContain(c.Checks, ch => ch.Kind == CheckKind.GoalLinkage && ch.Change != ChangeKind.Changed);
    }

    [Fact]
    public void Between_VersionAndItself_HasNoChanges()
    {
        var v = Read("upplandsbro-2020.yaml");
        Assert.False(PolicyComparison.Between(v, v).HasChanges);
    }
}
