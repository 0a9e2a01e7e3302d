using Omvarld.Domain.Policies.Checks;

namespace Omvarld.Domain.Activities.Checks;

/// <summary>
/// Upplands-Bro 2020 section 4.3: "Nämnder och bolag har det ekonomiska ansvaret för deltagande i projekt." A project
/// (the one definition of <see cref="ExternalFundingSoughtRule.IsProject(ActivityKind, IEnumerable{string}, Policies.PolicyDefinition?)"/>)
/// names the unit that bears its cost: an own-budget funding line, not rejected, whose paying unit is recorded
/// (<see cref="FundingLine.OwnUnitId"/>), so that the approval of the project records its budget owner. The severity is
/// the check's own parameter.
/// </summary>
public sealed class ProjectBudgetOwnerRule : IActivityRule
{
    public CheckKind Kind => CheckKind.ProjectBudgetOwner;

    public IEnumerable<Finding> Evaluate(CheckDefinition check, ActivityCheckContext ctx)
    {
        if (!ExternalFundingSoughtRule.IsProject(ctx.Activity.Kind, ctx.GoalsServed, ctx.Policy)) yield break;
        if (HasBudgetOwner(ctx.Activity.Funding)) yield break;
        yield return Finding.Of(ctx, check, ExternalFundingSoughtRule.Severity(check.Text("severity")), "Finding_ProjectBudgetOwnerMissing", "Funding");
    }

    /// <summary>An own-budget line that counts (planned, applied, granted or paid) with its paying unit.</summary>
    public static bool HasBudgetOwner(IEnumerable<FundingLine> lines) =>
        lines.Any(l => l.Source == FundingSource.OwnBudget && l.OwnUnitId is not null && l.CountsAsFunding);
}
