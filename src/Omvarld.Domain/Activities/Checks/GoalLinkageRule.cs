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
            yield return Finding.Of(ctx, check, FindingSeverity.Blocking, "Finding_GoalLinkageTooFew", "Goals", minimum, served);
    }
}
