using Omvarld.Domain.Policies;
using Omvarld.Domain.Policies.Checks;

namespace Omvarld.Domain.Tests.Policies;

/// <summary>Which decisions a version takes: an adoption once, while a draft; revisions and extensions only after it.</summary>
public class PolicyVersionDecisionTests
{
    private static PolicyVersion Draft(string validUntil = "2027")
    {
        var document = new DocumentDefinition("DOC", "Internationell policy", DocumentKind.Policy, DocumentKindGroup.Normative, "normerande", null, "Testkommun");
        var version = new VersionDefinition("2025", "KF", null, null, "Alla nämnder", false, Validity.Parse(validUntil)!.Value, [], [],
            [new GoalDefinition("ETT", "Ett mål", GoalKind.Goal, "Klausul.")], null, [new CheckDefinition(CheckKind.GoalLinkage, new Dictionary<string, object> { ["minimumGoals"] = 1 }, "Klausul.")]);
        return PolicyVersion.From(Guid.NewGuid(), Guid.NewGuid(), new PolicyDefinition("DOC-2025", document, version, [], [], "Text"), "source");
    }

    private static (PolicyDecision? Decision, Common.Result Result) Decide(PolicyVersion v, DecisionKind kind, bool adopted, string date, string? validUntil = null) =>
        v.RecordDecision(kind, adopted, "KF", DateOnly.Parse(date), null, "KS 2025/1", "§ 3", validUntil, null);

    [Fact]
    public void Adopt_Draft_RecordsAdoptionAndKeepsTheDraftsValidity()
    {
        var draft = Draft();
        var (decision, result) = Decide(draft, DecisionKind.Adopted, adopted: false, "2025-03-01");
        Assert.True(result.IsOk);
        Assert.Equal(DecisionKind.Adopted, decision!.Kind);
        Assert.Equal("2027", draft.ValidUntil);
    }

    [Fact]
    public void Adopt_AlreadyAdopted_Refused()
    {
        var (decision, result) = Decide(Draft(), DecisionKind.Adopted, adopted: true, "2025-03-01");
        Assert.Null(decision);
        Assert.Equal("Decision_AlreadyAdopted", result.Error);
    }

    [Theory]
    [InlineData(DecisionKind.Revised)]
    [InlineData(DecisionKind.Extended)]
    public void ReviseOrExtend_Draft_Refused(DecisionKind kind)
    {
        var (_, result) = Decide(Draft(), kind, adopted: false, "2025-03-01", "2030");
        Assert.Equal("Decision_NotAdopted", result.Error);
    }

    [Fact]
    public void Adopt_AfterTheDraftsValidityRanOut_RefusedUnlessTheDecisionSetsANewOne()
    {
        var draft = Draft(validUntil: "2024");
        Assert.Equal("Decision_ValidityBeforeDecision", Decide(draft, DecisionKind.Adopted, adopted: false, "2025-03-01").Result.Error);
        Assert.True(Decide(draft, DecisionKind.Adopted, adopted: false, "2025-03-01", "2029").Result.IsOk);
        Assert.Equal("2029", draft.ValidUntil);
    }

    [Fact]
    public void ReplaceBy_RunsUntilReplacedAndKeepsTheReplacementAsADecision()
    {
        var old = Draft();
        var newer = Draft();
        var (adoption, _) = Decide(newer, DecisionKind.Adopted, adopted: false, "2026-12-01");

        var replaced = old.ReplaceBy(newer, adoption!);

        Assert.True(old.Validity.UntilReplaced);
        Assert.Equal(DecisionKind.Replaced, replaced.Kind);
        Assert.Equal(new DateOnly(2026, 12, 1), replaced.Date);
        Assert.Equal("2025", replaced.Note);
    }
}
