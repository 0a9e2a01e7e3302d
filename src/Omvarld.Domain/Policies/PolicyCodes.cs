using Omvarld.Domain.Policies.Checks;

namespace Omvarld.Domain.Policies;

/// <summary>A two-way table between an enum and the codes a policy file writes for it.</summary>
public sealed class CodeTable<T> where T : struct, Enum
{
    private readonly IReadOnlyDictionary<string, T> byCode;
    private readonly IReadOnlyDictionary<T, string> byValue;

    public CodeTable(params (string Code, T Value)[] entries)
    {
        byCode = entries.ToDictionary(e => e.Code, e => e.Value, StringComparer.Ordinal);
        byValue = entries.GroupBy(e => e.Value).ToDictionary(g => g.Key, g => g.First().Code);
        Codes = entries.Select(e => e.Code).ToList();
    }

    /// <summary>Every code, in the order the format documents them.</summary>
    public IReadOnlyList<string> Codes { get; }

    public T? Parse(string? code) => code is not null && byCode.TryGetValue(code, out var value) ? value : null;

    public string Code(T value) => byValue[value];
}

/// <summary>The codes of the <c>omvarld-policy/1</c> format (see SeedData/Policies/README.md in the web project).</summary>
public static class PolicyCodes
{
    public const string Format = "omvarld-policy/1";

    public static readonly CodeTable<DocumentKind> DocumentKinds = new(
        ("strategi", DocumentKind.Strategy), ("program", DocumentKind.Programme), ("plan", DocumentKind.Plan),
        ("policy", DocumentKind.Policy), ("riktlinjer", DocumentKind.Guidelines), ("regler", DocumentKind.Rules));

    // 2023's box heads planning documents "Planerande", 2016's "Aktiverande": one group under two names.
    public static readonly CodeTable<DocumentKindGroup> DocumentKindGroups = new(
        ("planerande", DocumentKindGroup.Planning), ("aktiverande", DocumentKindGroup.Planning), ("normerande", DocumentKindGroup.Normative));

    public static readonly CodeTable<DecisionKind> DecisionKinds = new(
        ("adopted", DecisionKind.Adopted), ("revised", DecisionKind.Revised), ("extended", DecisionKind.Extended), ("replaced", DecisionKind.Replaced));

    public static readonly CodeTable<ClauseHandling> ClauseHandlings = new(("report", ClauseHandling.Report), ("text", ClauseHandling.Text));

    public static readonly CodeTable<GoalKind> GoalKinds = new(("goal", GoalKind.Goal), ("purpose", GoalKind.Purpose));

    public static readonly CodeTable<PreconditionCriterion> Criteria = new(
        ("human-rights", PreconditionCriterion.HumanRights), ("democracy", PreconditionCriterion.Democracy), ("rule-of-law", PreconditionCriterion.RuleOfLaw));

    public static readonly CodeTable<CheckKind> CheckKinds = new(
        ("goal-linkage", CheckKind.GoalLinkage),
        ("motivation-when-no-goal", CheckKind.MotivationWhenNoGoal),
        ("project-cooperation-parties", CheckKind.ProjectCooperationParties),
        ("external-funding-sought", CheckKind.ExternalFundingSought),
        ("partner-precondition", CheckKind.PartnerPrecondition),
        ("yearly-action-plan", CheckKind.YearlyActionPlan),
        ("contact-person-per-office", CheckKind.ContactPersonPerOffice),
        ("child-perspective", CheckKind.ChildPerspective),
        ("results-reported", CheckKind.ResultsReported),
        ("project-budget-owner", CheckKind.ProjectBudgetOwner));
}
