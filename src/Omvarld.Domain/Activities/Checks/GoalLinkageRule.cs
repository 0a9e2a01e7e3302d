using Omvarld.Domain.Policies.Checks;

namespace Omvarld.Domain.Activities.Checks;

/// <summary>
/// R7, Borås 2016 and 2023 ("Internationella samarbeten ska bidra till"): the activity serves at least
/// <c>minimumGoals</c> goals of the version. "Ska": blocking.
/// </summary>
public sealed class GoalLinkageRule : IActivityRule
{
    public CheckKind Kind => CheckKind.GoalLinkage;

    public IEnumerable<Finding> Evaluate(CheckDefinition check, ActivityCheckContext ctx)
    {
        var minimum = check.Integer("minimumGoals");
        var served = ctx.GoalsServed.Count;
        if (served < minimum)
            yield return Finding.Of(ctx, check, FindingSeverity.Blocking, "Finding_GoalLinkageTooFew", "Goals", minimum, served) with { Clause = FullClause(check, ctx) };
    }

    /// <summary>
    /// The clause quoted whole. A version's goal-linkage clause is often only the lead-in to the list of goals
    /// ("Internationella samarbeten ska bidra till följande:"); quoted alone it says nothing, so the goals' own clauses
    /// (the list's items, verbatim) follow it. A clause that is a sentence of its own is quoted as it is.
    /// </summary>
    public static string FullClause(CheckDefinition check, ActivityCheckContext ctx)
    {
        var clause = check.Clause.TrimEnd();
        var goals = ctx.Policy.Version.Goals.Where(g => g.Clause.Length > 0).ToList();
        if (clause.EndsWith('.') || goals.Count == 0) return check.Clause;
        return clause + "\n" + string.Join("\n", goals.Select(g => "• " + g.Clause.Trim()));
    }
}
