using Omvarld.Domain.Policies.Checks;

namespace Omvarld.Domain.Activities.Checks;

/// <summary>
/// One check kind evaluated against one activity: answers its question and returns findings, each citing the check's
/// clause. Never throws for a business outcome, never loads anything.
/// </summary>
public interface IActivityRule
{
    CheckKind Kind { get; }
    IEnumerable<Finding> Evaluate(CheckDefinition check, ActivityCheckContext ctx);
}
