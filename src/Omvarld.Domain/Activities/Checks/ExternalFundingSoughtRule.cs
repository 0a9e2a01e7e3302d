using Omvarld.Domain.Policies.Checks;

namespace Omvarld.Domain.Activities.Checks;

/// <summary>
/// R7, R21: a project seeks external funding where possible (2009 "prövar möjligheterna", 2023 "bör även finnas extern
/// finansiering", Upplands-Bro "aktivt arbeta för att ta del av EU:s fonder"). Asked of projects only: an activity of the
/// kind transnational project, or one serving the goal that the version's project-cooperation check names (2023 puts
/// the sentence in the Projektsamverkan bullet). Sought means any external funding line, whatever its status
/// (<see cref="FundingSummary.ExternalFundingSought"/>). The severity is the check's own parameter.
/// </summary>
public sealed class ExternalFundingSoughtRule : IActivityRule
{
    public CheckKind Kind => CheckKind.ExternalFundingSought;

    public IEnumerable<Finding> Evaluate(CheckDefinition check, ActivityCheckContext ctx)
    {
        if (!IsProject(ctx)) yield break;
        if (FundingSummary.Of(ctx.Activity.Funding).ExternalFundingSought) yield break;
        yield return Finding.Of(ctx, check, Severity(check.Text("severity")), "Finding_ExternalFundingNotSought", "Funding");
    }

    private static bool IsProject(ActivityCheckContext ctx) => IsProject(ctx.Activity.Kind, ctx.GoalsServed, ctx.Policy);

    /// <summary>
    /// R21's one definition of a project from which external funding is asked, used by this check and by the funding
    /// pipeline's list of projects without external funding: a transnational project, or an activity serving the goal
    /// the version's project-cooperation check names (Borås 2023's <i>projektsamverkan</i>).
    /// </summary>
    public static bool IsProject(ActivityKind kind, IEnumerable<string> goalCodes, Policies.PolicyDefinition? policy) =>
        kind == ActivityKind.TransnationalProject
        || (policy is not null && policy.Version.Checks.Any(c => c.Kind == CheckKind.ProjectCooperationParties && goalCodes.Contains(c.Text("goalCode"), StringComparer.Ordinal)));

    /// <summary>A check's <c>severity</c> parameter as a finding's severity.</summary>
    internal static FindingSeverity Severity(string code) => code switch
    {
        "info" => FindingSeverity.Info,
        "warning" => FindingSeverity.Warning,
        "blocking" => FindingSeverity.Blocking,
        _ => throw new InvalidOperationException($"Severity '{code}' is not in the check catalogue."),
    };
}
