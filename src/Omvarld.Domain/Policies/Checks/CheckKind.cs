namespace Omvarld.Domain.Policies.Checks;

/// <summary>The checks a policy version can demand. Each activity check is evaluated by its own rule class in <c>Activities/Checks</c>.</summary>
public enum CheckKind
{
    /// <summary>Every activity serves at least <c>minimumGoals</c> goals (Borås 2016, 2023).</summary>
    GoalLinkage = 1,
    /// <summary>An activity serving none of the purposes carries a written motivation (Borås 2009).</summary>
    MotivationWhenNoGoal = 2,
    /// <summary>An activity serving the <i>projektsamverkan</i> goal has at least <c>minimumParties</c> parties (Borås 2023).</summary>
    ProjectCooperationParties = 3,
    /// <summary>External funding such as EU funds is sought where possible.</summary>
    ExternalFundingSought = 4,
    /// <summary>The partner respects human rights, democracy and the rule of law, or KS has decided an exception (Borås 2023).</summary>
    PartnerPrecondition = 5,
    /// <summary>Each committee and company keeps an evaluable yearly action plan (<i>handlingsplan</i>; Upplands-Bro 2020).</summary>
    YearlyActionPlan = 6,
    /// <summary>Each office names a contact person (Upplands-Bro 2020).</summary>
    ContactPersonPerOffice = 7,
    /// <summary>An activity says how children and young people are affected or take part (Upplands-Bro 2020).</summary>
    ChildPerspective = 8,
    /// <summary>Results are reported yearly and/or at completion (Borås 2009, Upplands-Bro 2020).</summary>
    ResultsReported = 9,
    /// <summary>A project names the committee or company that bears its cost (Upplands-Bro 2020 section 4.3).</summary>
    ProjectBudgetOwner = 10,
}
