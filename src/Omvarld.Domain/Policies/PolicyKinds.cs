namespace Omvarld.Domain.Policies;

/// <summary>The kinds of governing document (<i>styrdokument</i>).</summary>
public enum DocumentKind
{
    Strategy = 1,     // strategi
    Programme = 2,    // program
    Plan = 3,         // plan
    Policy = 4,       // policy
    Guidelines = 5,   // riktlinjer
    Rules = 6,        // regler
}

/// <summary>
/// Planning documents (<i>planerande</i>; the 2016 box calls the same group <i>aktiverande</i>) say what to do;
/// normative ones (<i>normerande</i>) say how the city acts.
/// </summary>
public enum DocumentKindGroup
{
    Planning = 1,
    Normative = 2,
}

public enum DecisionKind
{
    Adopted = 1,
    Revised = 2,
    Extended = 3,
    Replaced = 4,
}

public enum GoalKind
{
    Goal = 1,
    /// <summary><i>Syfte</i>: Borås 2009 names purposes, not goals.</summary>
    Purpose = 2,
}

/// <summary>What a partner country or city must respect (Borås 2023).</summary>
public enum PreconditionCriterion
{
    HumanRights = 1,
    Democracy = 2,
    RuleOfLaw = 3,
}

public static class DocumentKindExtensions
{
    public static DocumentKindGroup Group(this DocumentKind kind) => kind switch
    {
        DocumentKind.Strategy or DocumentKind.Programme or DocumentKind.Plan => DocumentKindGroup.Planning,
        _ => DocumentKindGroup.Normative,
    };
}
