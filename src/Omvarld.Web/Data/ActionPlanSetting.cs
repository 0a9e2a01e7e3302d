using Omvarld.Domain.Common;
using Omvarld.Domain.Plans;

namespace Omvarld.Web.Data;

/// <summary>R12: the municipality's due days for action plans and their evaluations. Absent: <see cref="ActionPlanDueRules.Default"/>.</summary>
public sealed class ActionPlanSetting : ITenantOwned, IAudited, IVersioned
{
    public Guid MunicipalityId { get; set; }
    public Guid Id { get; set; }
    public int PlanDueMonth { get; set; } = ActionPlanDueRules.Default.PlanDueMonth;
    public int PlanDueDay { get; set; } = ActionPlanDueRules.Default.PlanDueDay;
    public int EvaluationDueMonth { get; set; } = ActionPlanDueRules.Default.EvaluationDueMonth;
    public int EvaluationDueDay { get; set; } = ActionPlanDueRules.Default.EvaluationDueDay;
    public int DueSoonDays { get; set; } = ActionPlanDueRules.Default.DueSoonDays;
    public int Version { get; set; }

    public ActionPlanDueRules ToRules() => new(PlanDueMonth, PlanDueDay, EvaluationDueMonth, EvaluationDueDay, DueSoonDays);
}
