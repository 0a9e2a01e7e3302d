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

    private static bool IsProject(ActivityCheckContext ctx) =>
        ctx.Activity.Kind == ActivityKind.TransnationalProject
        || ctx.Policy.Version.Checks.Any(c => c.Kind == CheckKind.ProjectCooperationParties && ctx.GoalsServed.Contains(c.Text("goalCode")));

    private static FindingSeverity Severity(string code) => code switch
    {
        "info" => FindingSeverity.Info,
        "warning" => FindingSeverity.Warning,
        "blocking" => FindingSeverity.Blocking,
        _ => throw new InvalidOperationException($"Severity '{code}' is not in the check catalogue."),
    };
}
