namespace Omvarld.Domain.Plans;

public enum ActionPlanFlagKind
{
    /// <summary>The year's plan is due within <see cref="ActionPlanDueRules.DueSoonDays"/> days and not yet adopted.</summary>
    PlanDueSoon = 1,
    /// <summary>The due day has passed and the unit has no plan for the year at all.</summary>
    PlanMissing = 2,
    /// <summary>The due day has passed and the plan is still a draft (not adopted).</summary>
    PlanLate = 3,
    /// <summary>The year is over and its adopted plan awaits its evaluation.</summary>
    EvaluationDue = 4,
    /// <summary>The evaluation's due day has passed and the plan is not evaluated.</summary>
    EvaluationLate = 5,
}

public sealed record ActionPlanFlag(ActionPlanFlagKind Kind, int Year, DateOnly DueOn)
{
    public bool IsLate => Kind is ActionPlanFlagKind.PlanMissing or ActionPlanFlagKind.PlanLate or ActionPlanFlagKind.EvaluationLate;
}

/// <summary>
/// R12: when a unit's action plan and its evaluation are due, per municipality. The plan for a year is due (adopted) on
/// <see cref="PlanDueMonth"/>/<see cref="PlanDueDay"/> of that year (default 31 January); its evaluation on
/// <see cref="EvaluationDueMonth"/>/<see cref="EvaluationDueDay"/> of the next year (default 28 February). A day past the
/// month's end means its last day. A plan is flagged as due soon from <see cref="DueSoonDays"/> days before (default 30).
/// </summary>
public sealed record ActionPlanDueRules
{
    public ActionPlanDueRules(int planDueMonth = 1, int planDueDay = 31, int evaluationDueMonth = 2, int evaluationDueDay = 28, int dueSoonDays = 30)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(planDueMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(planDueMonth, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(planDueDay, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(planDueDay, 31);
        ArgumentOutOfRangeException.ThrowIfLessThan(evaluationDueMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(evaluationDueMonth, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(evaluationDueDay, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(evaluationDueDay, 31);
        ArgumentOutOfRangeException.ThrowIfNegative(dueSoonDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dueSoonDays, 365);
        PlanDueMonth = planDueMonth;
        PlanDueDay = planDueDay;
        EvaluationDueMonth = evaluationDueMonth;
        EvaluationDueDay = evaluationDueDay;
        DueSoonDays = dueSoonDays;
    }

    public static readonly ActionPlanDueRules Default = new();

    public int PlanDueMonth { get; }
    public int PlanDueDay { get; }
    public int EvaluationDueMonth { get; }
    public int EvaluationDueDay { get; }
    public int DueSoonDays { get; }

    public DateOnly PlanDue(int year) => Day(year, PlanDueMonth, PlanDueDay);

    /// <summary>The evaluation of <paramref name="year"/>'s plan is due in the next year.</summary>
    public DateOnly EvaluationDue(int year) => Day(year + 1, EvaluationDueMonth, EvaluationDueDay);

    private static DateOnly Day(int year, int month, int day) => new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));

    /// <summary>
    /// What to flag for a unit's plan of <paramref name="year"/> on <paramref name="today"/>, given the plan's status (null:
    /// no plan). Nothing once the plan is evaluated; the plan's own flag until it is adopted, the evaluation's after the year.
    /// </summary>
    public IReadOnlyList<ActionPlanFlag> Flags(int year, ActionPlanStatus? status, DateOnly today)
    {
        switch (status)
        {
            case null or ActionPlanStatus.Draft:
                var due = PlanDue(year);
                if (today > due) return [new(status is null ? ActionPlanFlagKind.PlanMissing : ActionPlanFlagKind.PlanLate, year, due)];
                if (today >= due.AddDays(-DueSoonDays)) return [new(ActionPlanFlagKind.PlanDueSoon, year, due)];
                return [];
            case ActionPlanStatus.Adopted:
                var evaluationDue = EvaluationDue(year);
                if (today > evaluationDue) return [new(ActionPlanFlagKind.EvaluationLate, year, evaluationDue)];
                if (today.Year > year) return [new(ActionPlanFlagKind.EvaluationDue, year, evaluationDue)];
                return [];
            default:
                return [];
        }
    }
}
