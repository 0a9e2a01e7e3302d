using Omvarld.Domain.Policies.Checks;

namespace Omvarld.Domain.Activities.Checks;

/// <summary>
/// R19, Upplands-Bro 2020 section 5 "Barnperspektiv": the activity says how children and young people are affected or
/// take part. The section explains why the perspective matters ("Därför är det viktigt ...") but sets no "skall", unlike
/// the policy's principles: a warning, not a block.
/// </summary>
public sealed class ChildPerspectiveRule : IActivityRule
{
    public CheckKind Kind => CheckKind.ChildPerspective;

    public IEnumerable<Finding> Evaluate(CheckDefinition check, ActivityCheckContext ctx)
    {
        if (ctx.Activity.ChildPerspective is null)
            yield return Finding.Of(ctx, check, FindingSeverity.Warning, "Finding_ChildPerspectiveMissing", "ChildPerspective");
    }
}
