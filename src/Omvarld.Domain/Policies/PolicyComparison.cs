using Omvarld.Domain.Policies.Checks;

namespace Omvarld.Domain.Policies;

public enum ChangeKind { Added = 1, Removed = 2, Changed = 3 }

public sealed record GoalChange(ChangeKind Change, string Code, GoalDefinition? From, GoalDefinition? To);

public sealed record CheckChange(ChangeKind Change, CheckKind Kind, CheckDefinition? From, CheckDefinition? To);

public sealed record PolicyComparison(
    IReadOnlyList<GoalChange> Goals,
    IReadOnlyList<CheckChange> Checks,
    ChangeKind? Precondition,
    IReadOnlyList<int> SdgsAdded,
    IReadOnlyList<int> SdgsRemoved)
{
    public bool HasChanges => Goals.Count > 0 || Checks.Count > 0 || Precondition is not null || SdgsAdded.Count > 0 || SdgsRemoved.Count > 0;

    /// <summary>What changed from one version to another: goals by code, checks by kind, the precondition and the SDGs.</summary>
    public static PolicyComparison Between(VersionDefinition from, VersionDefinition to)
    {
        var goals = new List<GoalChange>();
        foreach (var g in to.Goals)
        {
            var old = from.Goals.FirstOrDefault(x => x.Code == g.Code);
            if (old is null) goals.Add(new(ChangeKind.Added, g.Code, null, g));
            else if (old.Name != g.Name || old.Clause != g.Clause || old.Kind != g.Kind) goals.Add(new(ChangeKind.Changed, g.Code, old, g));
        }
        goals.AddRange(from.Goals.Where(g => to.Goals.All(x => x.Code != g.Code)).Select(g => new GoalChange(ChangeKind.Removed, g.Code, g, null)));

        var checks = new List<CheckChange>();
        foreach (var c in to.Checks)
        {
            var old = from.Checks.FirstOrDefault(x => x.Kind == c.Kind);
            if (old is null) checks.Add(new(ChangeKind.Added, c.Kind, null, c));
            else if (old.Clause != c.Clause || !SameParameters(old, c)) checks.Add(new(ChangeKind.Changed, c.Kind, old, c));
        }
        checks.AddRange(from.Checks.Where(c => to.Checks.All(x => x.Kind != c.Kind)).Select(c => new CheckChange(ChangeKind.Removed, c.Kind, c, null)));

        ChangeKind? precondition = (from.Precondition, to.Precondition) switch
        {
            (null, null) => null,
            (null, _) => ChangeKind.Added,
            (_, null) => ChangeKind.Removed,
            var (a, b) when a.Clause != b.Clause || a.ExceptionBody != b.ExceptionBody || !a.Criteria.SequenceEqual(b.Criteria) => ChangeKind.Changed,
            _ => null,
        };
        return new(goals, checks, precondition,
            to.Sdgs.Except(from.Sdgs).Order().ToList(), from.Sdgs.Except(to.Sdgs).Order().ToList());
    }

    private static bool SameParameters(CheckDefinition a, CheckDefinition b) =>
        a.Parameters.Count == b.Parameters.Count && a.Parameters.All(p => b.Parameters.TryGetValue(p.Key, out var v) && Same(p.Value, v));

    private static bool Same(object a, object b) => (a, b) switch
    {
        (IEnumerable<string> x, IEnumerable<string> y) => x.SequenceEqual(y),
        _ => Equals(a, b),
    };
}
