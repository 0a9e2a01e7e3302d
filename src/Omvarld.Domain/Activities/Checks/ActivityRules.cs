using Omvarld.Domain.Policies.Checks;

namespace Omvarld.Domain.Activities.Checks;

/// <summary>The registry of activity rules, and the evaluation of every activity check a policy version demands.</summary>
public static class ActivityRules
{
    private static readonly IReadOnlyDictionary<CheckKind, IActivityRule> Rules = new IActivityRule[]
    {
        new GoalLinkageRule(),
        new MotivationWhenNoGoalRule(),
        new ProjectCooperationPartiesRule(),
        new ExternalFundingSoughtRule(),
        new ProjectBudgetOwnerRule(),
        new ChildPerspectiveRule(),
        new ResultsReportedRule(),
        new PartnerPreconditionRule(),
    }.ToDictionary(r => r.Kind);

    /// <summary>
    /// Checks that are not (yet) evaluated against an activity here:
    /// YearlyActionPlan is about a unit's action plan (issue 7); ContactPersonPerOffice about an office (issue 8).
    /// </summary>
    public static readonly IReadOnlySet<CheckKind> NotActivityChecks = new HashSet<CheckKind>
    {
        CheckKind.YearlyActionPlan,
        CheckKind.ContactPersonPerOffice,
    };

    public static IActivityRule? For(CheckKind kind) => Rules.GetValueOrDefault(kind);

    /// <summary>
    /// Runs every check of the context's policy version that has an activity rule, in the order the version lists them;
    /// then R11's own results demand when the version has no <c>results-reported</c> check.
    /// </summary>
    public static IReadOnlyList<Finding> Evaluate(ActivityCheckContext ctx)
    {
        // A version judges only the units it applies to: a company's activity under a version for "nämnder och
        // förvaltningar" is not covered, and the caller says so instead of judging it.
        if (!ctx.Covered) return [];
        var findings = new List<Finding>();
        foreach (var check in ctx.Policy.Version.Checks)
        {
            if (NotActivityChecks.Contains(check.Kind)) continue;
            var rule = For(check.Kind) ?? throw new InvalidOperationException($"No activity rule for check kind {check.Kind}.");
            findings.AddRange(rule.Evaluate(check, ctx));
        }
        // R11 holds where the version is silent on results (ResultsDemand): the finding agrees with the due list.
        if (ctx.Policy.Version.Checks.All(c => c.Kind != CheckKind.ResultsReported))
            findings.AddRange(For(CheckKind.ResultsReported)!.Evaluate(ResultsDemand.R11Check, ctx));
        return findings;
    }

    public static bool AnyBlocking(IEnumerable<Finding> findings) => findings.Any(f => f.Severity == FindingSeverity.Blocking);
}
