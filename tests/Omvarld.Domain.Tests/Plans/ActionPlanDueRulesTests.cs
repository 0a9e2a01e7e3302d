using Omvarld.Domain.Plans;

namespace Omvarld.Domain.Tests.Plans;

public class ActionPlanDueRulesTests
{
    private static readonly ActionPlanDueRules Rules = ActionPlanDueRules.Default;
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Defaults_PlanDueEndOfJanuary_EvaluationDueEndOfFebruaryNextYear()
    {
        Assert.Equal(D(2026, 1, 31), Rules.PlanDue(2026));
        Assert.Equal(D(2026, 2, 28), Rules.EvaluationDue(2025));
    }

    [Fact]
    public void DayPastMonthEnd_IsTheMonthsLastDay()
    {
        var rules = new ActionPlanDueRules(planDueMonth: 2, planDueDay: 31, evaluationDueMonth: 2, evaluationDueDay: 29);
        Assert.Equal(D(2028, 2, 29), rules.PlanDue(2028));
        Assert.Equal(D(2026, 2, 28), rules.EvaluationDue(2025));
    }

    [Fact]
    public void Constructor_MonthOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ActionPlanDueRules(planDueMonth: 13));

    [Fact]
    public void Flags_NoPlanLongBeforeDue_Nothing() => Assert.Empty(Rules.Flags(2026, null, D(2025, 11, 1)));

    [Fact]
    public void Flags_NoPlanWithinDueSoonWindow_PlanDueSoon()
    {
        var flag = Assert.Single(Rules.Flags(2026, null, D(2026, 1, 10)));
        Assert.Equal((ActionPlanFlagKind.PlanDueSoon, 2026, D(2026, 1, 31)), (flag.Kind, flag.Year, flag.DueOn));
        Assert.False(flag.IsLate);
    }

    [Fact]
    public void Flags_NoPlanOnDueDay_StillOnlyDueSoon() =>
        Assert.Equal(ActionPlanFlagKind.PlanDueSoon, Assert.Single(Rules.Flags(2026, null, D(2026, 1, 31))).Kind);

    [Fact]
    public void Flags_NoPlanAfterDue_PlanMissing()
    {
        var flag = Assert.Single(Rules.Flags(2026, null, D(2026, 2, 1)));
        Assert.Equal(ActionPlanFlagKind.PlanMissing, flag.Kind);
        Assert.True(flag.IsLate);
    }

    [Fact]
    public void Flags_DraftAfterDue_PlanLate() =>
        Assert.Equal(ActionPlanFlagKind.PlanLate, Assert.Single(Rules.Flags(2026, ActionPlanStatus.Draft, D(2026, 3, 1))).Kind);

    [Fact]
    public void Flags_AdoptedDuringTheYear_NotFlagged()
    {
        Assert.Empty(Rules.Flags(2026, ActionPlanStatus.Adopted, D(2026, 2, 15)));
        Assert.Empty(Rules.Flags(2026, ActionPlanStatus.Adopted, D(2026, 12, 31)));
    }

    [Fact]
    public void Flags_AdoptedAfterYearEnd_EvaluationDue()
    {
        var flag = Assert.Single(Rules.Flags(2025, ActionPlanStatus.Adopted, D(2026, 1, 5)));
        Assert.Equal((ActionPlanFlagKind.EvaluationDue, D(2026, 2, 28)), (flag.Kind, flag.DueOn));
        Assert.False(flag.IsLate);
    }

    [Fact]
    public void Flags_AdoptedAfterEvaluationDue_EvaluationLate()
    {
        var flag = Assert.Single(Rules.Flags(2025, ActionPlanStatus.Adopted, D(2026, 3, 1)));
        Assert.Equal(ActionPlanFlagKind.EvaluationLate, flag.Kind);
        Assert.True(flag.IsLate);
    }

    [Fact]
    public void Flags_Evaluated_NeverFlagged()
    {
        Assert.Empty(Rules.Flags(2025, ActionPlanStatus.Evaluated, D(2026, 1, 5)));
        Assert.Empty(Rules.Flags(2025, ActionPlanStatus.Evaluated, D(2027, 6, 1)));
    }

    [Fact]
    public void Flags_CustomRules_Apply()
    {
        var rules = new ActionPlanDueRules(planDueMonth: 3, planDueDay: 15, evaluationDueMonth: 4, evaluationDueDay: 30, dueSoonDays: 0);
        Assert.Empty(rules.Flags(2026, null, D(2026, 3, 14)));
        Assert.Equal(ActionPlanFlagKind.PlanMissing, Assert.Single(rules.Flags(2026, null, D(2026, 3, 16))).Kind);
        Assert.Equal(ActionPlanFlagKind.EvaluationDue, Assert.Single(rules.Flags(2025, ActionPlanStatus.Adopted, D(2026, 4, 30))).Kind);
        Assert.Equal(ActionPlanFlagKind.EvaluationLate, Assert.Single(rules.Flags(2025, ActionPlanStatus.Adopted, D(2026, 5, 1))).Kind);
    }
}
