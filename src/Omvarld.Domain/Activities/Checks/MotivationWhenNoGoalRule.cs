using Omvarld.Domain.Policies.Checks;

namespace Omvarld.Domain.Activities.Checks;

/// <summary>
/// Borås 2009: an activity that serves none of the three purposes carries a motivation of what it brings the city.
/// The clause says "bör", but it is the only demand 2009 makes on an activity's purpose; R7 reads it as "must carry",
/// so it blocks approval like the later versions' goal linkage.
/// </summary>
public sealed class MotivationWhenNoGoalRule : IActivityRule
{
    public CheckKind Kind => CheckKind.MotivationWhenNoGoal;

    public IEnumerable<Finding> Evaluate(CheckDefinition check, ActivityCheckContext ctx)
    {
        if (ctx.GoalsServed.Count == 0 && ctx.Activity.Motivation is null)
            yield return Finding.Of(ctx, check, FindingSeverity.Blocking, "Finding_MotivationMissing", "Motivation");
    }
}
