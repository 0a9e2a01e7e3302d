using Omvarld.Domain.Policies.Checks;

namespace Omvarld.Domain.Activities.Checks;

/// <summary>
/// Borås 2023: "Projektsamverkan, där en förutsättning är att flera parter medverkar." An activity that serves the goal
/// <c>goalCode</c> has at least <c>minimumParties</c> parties. The municipality is itself one of the parties of a
/// cooperation it takes part in ("Borås Stads deltagande i internationella samarbeten"), so the parties are the
/// municipality plus each distinct partner organisation, Swedish or not: with the seed's minimum of 2, at least one
/// partner. "En förutsättning": blocking.
/// </summary>
public sealed class ProjectCooperationPartiesRule : IActivityRule
{
    public CheckKind Kind => CheckKind.ProjectCooperationParties;

    public IEnumerable<Finding> Evaluate(CheckDefinition check, ActivityCheckContext ctx)
    {
        if (!ctx.GoalsServed.Contains(check.Text("goalCode"))) yield break;
        var minimum = check.Integer("minimumParties");
        var parties = 1 + ctx.Activity.Partners.Select(p => p.PartnerId).Distinct().Count();
        if (parties < minimum)
            yield return Finding.Of(ctx, check, FindingSeverity.Blocking, "Finding_ProjectCooperationTooFewParties", "Partners", minimum, parties);
    }
}
