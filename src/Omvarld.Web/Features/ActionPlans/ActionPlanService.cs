using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Access;
using Omvarld.Domain.Common;
using Omvarld.Domain.Organisation;
using Omvarld.Domain.Plans;
using Omvarld.Domain.Policies.Checks;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Features.Shared;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.ActionPlans;

public sealed record ActionPlanInput(Guid? UnitId, int? Year, IReadOnlyList<ActionPlanItemInput>? Items);
public sealed record ItemsInput(IReadOnlyList<ActionPlanItemInput>? Items, int? Version);
public sealed record AdoptInput(DateOnly? AdoptedOn, string? AdoptedBy, string? MinuteParagraph, int? Version);
public sealed record EvaluateInput(IReadOnlyList<ItemEvaluationInput>? Items, string? Overall, int? Version);
public sealed record VersionInput(int? Version);
public sealed record DueSettingsInput(int? PlanDueMonth, int? PlanDueDay, int? EvaluationDueMonth, int? EvaluationDueDay, int? DueSoonDays, int? Version);

/// <summary>The policy clause that demands the plan (the YearlyActionPlan check of the version in force), cited beside every flag.</summary>
public sealed record PlanRequirementDto(string PolicyKey, string PolicyLabel, string Clause, IReadOnlyList<UnitKind> UnitKinds);

public sealed record PlanItemDto(Guid Id, int Position, string What, string? Why, string? GoalCode, string? GoalName, Guid? PriorityId, string? PriorityTitle,
    string? Who, string? When, decimal? BudgetSek, string? Indicator, string? Target, IReadOnlyList<PlanActivityDto> Activities, ItemOutcome? Outcome,
    string? LedTo, string? IndicatorOutcome);

public sealed record PlanActivityDto(Guid Id, string Title);

public sealed record ActionPlanDto(Guid Id, Guid UnitId, string UnitName, int Year, ActionPlanStatus Status, DateOnly? AdoptedOn, string? AdoptedBy,
    string? MinuteParagraph, string? OverallEvaluation, DateTimeOffset? EvaluatedAt, Guid? RevisedFromPlanId, Guid? RevisedIntoPlanId,
    IReadOnlyList<PlanItemDto> Items, decimal BudgetSek, bool IsReadOnly, bool CanEdit, IReadOnlyList<PlanFlagDto> Flags, PlanRequirementDto? Requirement,
    bool GoalRequired, int Version);

public sealed record ActionPlanSummaryDto(Guid Id, Guid UnitId, string UnitName, int Year, ActionPlanStatus Status, DateOnly? AdoptedOn, int ItemCount, int Version);

public sealed record PlanFlagDto(ActionPlanFlagKind Kind, int Year, DateOnly DueOn, bool IsLate, string Message);

/// <summary>One committee or company and one year: its plan (if any), what is flagged, and the clause that demands it.</summary>
public sealed record PlanStatusDto(Guid UnitId, string UnitName, UnitKind UnitKind, int Year, Guid? PlanId, ActionPlanStatus? Status,
    IReadOnlyList<PlanFlagDto> Flags, PlanRequirementDto? Requirement);

public sealed record DueSettingsDto(int PlanDueMonth, int PlanDueDay, int EvaluationDueMonth, int EvaluationDueDay, int DueSoonDays, bool IsDefault, int Version);

public enum PlanOutcome { Saved, NotFound, Forbidden, Conflict, Invalid }

public sealed record PlanSave(PlanOutcome Outcome, Guid? Id = null, Result Error = default)
{
    public static readonly PlanSave NotFound = new(PlanOutcome.NotFound);
    public static readonly PlanSave Forbidden = new(PlanOutcome.Forbidden);
    public static readonly PlanSave Conflict = new(PlanOutcome.Conflict);
    public static PlanSave Invalid(Result error) => new(PlanOutcome.Invalid, Error: error);
}

/// <summary>
/// R12: the yearly action plans of committees and companies — writing, adoption, evaluation and revision through the
/// domain's rules — and which plans and evaluations are due or late, citing the policy clause that demands them.
/// The unit's editors (and the coordinator) write; every member reads.
/// </summary>
public sealed class ActionPlanService(OmvarldDbContext db, CurrentUser me, PolicyService policies, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private static readonly System.Globalization.CultureInfo Sv = System.Globalization.CultureInfo.GetCultureInfo("sv-SE");

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private Task<ActionPlan?> LoadAsync(Guid id, CancellationToken ct) =>
        db.ActionPlans.Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>Someone who may write some plan: the coordinator or an editor of some unit. Everyone else is refused before anything is looked up.</summary>
    private static bool MayWritePlans(AccessScope scope) => scope.IsCoordinator || scope.EditableUnits.Count > 0;

    // ---- reading ----

    public async Task<List<ActionPlanSummaryDto>> ListAsync(Guid? unitId, int? year, ActionPlanStatus? status, CancellationToken ct = default)
    {
        var q = db.ActionPlans.AsNoTracking();
        if (unitId is { } u) q = q.Where(p => p.UnitId == u);
        if (year is { } y) q = q.Where(p => p.Year == y);
        if (status is { } s) q = q.Where(p => p.Status == s);
        var rows = await q.Select(p => new { p.Id, p.UnitId, p.Year, p.Status, p.AdoptedOn, Items = p.Items.Count, p.Version }).ToListAsync(ct);
        var tree = await me.GetUnitTreeAsync(ct);
        return rows.Select(p => new ActionPlanSummaryDto(p.Id, p.UnitId, tree.Contains(p.UnitId) ? tree[p.UnitId].Name : "–", p.Year, p.Status, p.AdoptedOn, p.Items, p.Version))
            .OrderByDescending(p => p.Year).ThenBy(p => p.UnitName, StringComparer.Create(Sv, false)).ToList();
    }

    public async Task<ActionPlanDto?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var plan = await db.ActionPlans.AsNoTracking().Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return null;
        var scope = await me.GetScopeAsync(ct);
        var tree = await me.GetUnitTreeAsync(ct);
        var policy = await policies.ForYearAsync(plan.Year, ct);
        var goals = policy?.Definition.Version.Goals.ToDictionary(g => g.Code, g => g.Name) ?? [];
        var priorityIds = plan.Items.Where(i => i.PriorityId != null).Select(i => i.PriorityId!.Value).Distinct().ToList();
        var priorities = await db.Priorities.AsNoTracking().Where(p => priorityIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        var activityIds = plan.Items.SelectMany(i => i.ActivityIds).Distinct().ToList();
        var activities = await db.Activities.AsNoTracking().Where(a => activityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, ct);
        var revisedInto = await db.ActionPlans.AsNoTracking().Where(p => p.RevisedFromPlanId == plan.Id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        var requirement = Requirement(policy);
        var rules = await RulesAsync(ct);
        var flags = requirement is not null && tree.Contains(plan.UnitId) && requirement.UnitKinds.Contains(tree[plan.UnitId].Kind)
            ? Flags(rules.Flags(plan.Year, plan.Status, Today)) : [];
        return new ActionPlanDto(plan.Id, plan.UnitId, tree.Contains(plan.UnitId) ? tree[plan.UnitId].Name : "–", plan.Year, plan.Status, plan.AdoptedOn,
            plan.AdoptedBy, plan.MinuteParagraph, plan.OverallEvaluation, plan.EvaluatedAt, plan.RevisedFromPlanId, revisedInto,
            plan.Items.OrderBy(i => i.Position).Select(i => new PlanItemDto(i.Id, i.Position, i.What, i.Why, i.GoalCode,
                i.GoalCode is { } c ? goals.GetValueOrDefault(c, c) : null, i.PriorityId, i.PriorityId is { } p ? priorities.GetValueOrDefault(p) : null,
                i.Who, i.When, i.BudgetSek, i.Indicator, i.Target,
                i.ActivityIds.Where(activities.ContainsKey).Select(a => new PlanActivityDto(a, activities[a])).ToList(), i.Outcome, i.LedTo, i.IndicatorOutcome)).ToList(),
            plan.Items.Sum(i => i.BudgetSek ?? 0), plan.IsReadOnly, scope.CanEditFor(plan.UnitId) && !plan.IsReadOnly, flags, requirement,
            HasGoalLinkage(policy), plan.Version);
    }

    // ---- changing ----

    public async Task<PlanSave> CreateAsync(ActionPlanInput input, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!MayWritePlans(scope)) return PlanSave.Forbidden;
        if (input.UnitId is not { } unitId || await db.Units.FirstOrDefaultAsync(u => u.Id == unitId, ct) is not { } unit)
            return PlanSave.Invalid(Result.Fail("ActionPlan_UnitInvalid", "UnitId"));
        if (!scope.CanEditFor(unit.Id)) return PlanSave.Forbidden;
        if (input.Year is not { } year) return PlanSave.Invalid(Result.Fail("ActionPlan_YearInvalid", "Year", Domain.Activities.Activity.FirstYear, Domain.Activities.Activity.LastYear));
        var items = input.Items ?? [];
        var (plan, result) = ActionPlan.Create(db.CurrentMunicipalityId!.Value, unit, year, items, await ReferencesAsync(year, items, ct), scope);
        if (!result.IsOk) return PlanSave.Invalid(result);
        if (await DuplicateAsync(unit, year, ct) is { } duplicate) return PlanSave.Invalid(duplicate);
        db.ActionPlans.Add(plan!);
        return await SaveAsync(plan!, null, ct);
    }

    public Task<PlanSave> UpdateItemsAsync(Guid id, ItemsInput input, CancellationToken ct = default) =>
        ChangeAsync(id, input.Version, async (plan, scope) => plan.UpdateItems(input.Items ?? [], await ReferencesAsync(plan.Year, input.Items ?? [], ct), scope), ct);

    public Task<PlanSave> AddItemAsync(Guid id, ActionPlanItemInput item, int? version, CancellationToken ct = default) =>
        ChangeAsync(id, version, async (plan, scope) => plan.AddItem(item, await ReferencesAsync(plan.Year, [item], ct), scope).Result, ct);

    public Task<PlanSave> RemoveItemAsync(Guid id, Guid itemId, int? version, CancellationToken ct = default) =>
        ChangeAsync(id, version, (plan, scope) => Task.FromResult(plan.RemoveItem(itemId, scope)), ct);

    public Task<PlanSave> AdoptAsync(Guid id, AdoptInput input, CancellationToken ct = default) =>
        ChangeAsync(id, input.Version, async (plan, scope) =>
            plan.Adopt(input.AdoptedOn, input.AdoptedBy, input.MinuteParagraph, scope, Today, (await ReferencesAsync(plan.Year, [], ct)).GoalRequired), ct);

    public Task<PlanSave> EvaluateAsync(Guid id, EvaluateInput input, CancellationToken ct = default) =>
        ChangeAsync(id, input.Version, (plan, scope) => Task.FromResult(plan.Evaluate(input.Items ?? [], input.Overall, scope, me.Id!.Value, clock.GetUtcNow())), ct);

    /// <summary>Next year's draft from this evaluated plan; the evaluated plan stays as it is.</summary>
    public async Task<PlanSave> ReviseAsync(Guid id, int? version, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!MayWritePlans(scope)) return PlanSave.Forbidden;
        var plan = await LoadAsync(id, ct);
        if (plan is null) return PlanSave.NotFound;
        if (!scope.CanEditFor(plan.UnitId)) return PlanSave.Forbidden;
        if (version is { } v && v != plan.Version) return PlanSave.Conflict;
        var unit = await db.Units.FirstAsync(u => u.Id == plan.UnitId, ct);
        var copied = plan.Items.Select(i => new ActionPlanItemInput(i.What, null, null, null, null, null, null, null, null, i.ActivityIds)).ToList();
        var (next, result) = plan.Revise(unit, await ReferencesAsync(plan.Year + 1, copied, ct), scope);
        if (!result.IsOk) return PlanSave.Invalid(result);
        if (await DuplicateAsync(unit, plan.Year + 1, ct) is { } duplicate) return PlanSave.Invalid(duplicate);
        db.ActionPlans.Add(next!);
        return await SaveAsync(next!, null, ct);
    }

    private async Task<PlanSave> ChangeAsync(Guid id, int? version, Func<ActionPlan, AccessScope, Task<Result>> change, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!MayWritePlans(scope)) return PlanSave.Forbidden;
        var plan = await LoadAsync(id, ct);
        if (plan is null) return PlanSave.NotFound;
        if (!scope.CanEditFor(plan.UnitId)) return PlanSave.Forbidden;
        if (version is { } v && v != plan.Version) return PlanSave.Conflict;
        var result = await change(plan, scope);
        if (!result.IsOk) return PlanSave.Invalid(result);
        return await SaveAsync(plan, version ?? plan.Version, ct);
    }

    private async Task<PlanSave> SaveAsync(ActionPlan plan, int? version, CancellationToken ct)
    {
        if (version is { } v)
        {
            // A change to an item is a change to the plan: its version moves, so a concurrent edit of either is caught.
            db.Entry(plan).Property(p => p.Version).OriginalValue = v;
            if (db.Entry(plan).State == EntityState.Unchanged) db.Entry(plan).State = EntityState.Modified;
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return PlanSave.Conflict; }
        catch (DbUpdateException e) when (version is null && e.IsUniqueViolation())
        {
            // Two plans for the same unit and year at once: the unique index decides.
            db.ChangeTracker.Clear();
            return PlanSave.Invalid(Result.Fail("ActionPlan_DuplicateYear", "Year", plan.Year));
        }
        return new(PlanOutcome.Saved, plan.Id);
    }

    private async Task<Result?> DuplicateAsync(Unit unit, int year, CancellationToken ct) =>
        await db.ActionPlans.AnyAsync(p => p.UnitId == unit.Id && p.Year == year, ct) ? Result.Fail("ActionPlan_Duplicate", "Year", unit.Name, year) : null;

    /// <summary>What the items of a plan for <paramref name="year"/> may name: the goals of the policy in force that year, KS's priorities of the year, the named activities.</summary>
    private async Task<ActionPlanReferences> ReferencesAsync(int year, IEnumerable<ActionPlanItemInput> items, CancellationToken ct)
    {
        var policy = await policies.ForYearAsync(year, ct);
        var goals = policy?.Definition.Version.Goals.Select(g => g.Code).ToHashSet(StringComparer.Ordinal) ?? [];
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.Year == year).Select(p => p.Id).ToListAsync(ct);
        var named = items.SelectMany(i => i.ActivityIds ?? []).Distinct().ToList();
        var activities = named.Count == 0 ? [] : await db.Activities.AsNoTracking().Where(a => named.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        return new ActionPlanReferences(goals, HasGoalLinkage(policy), priorities.ToHashSet(), activities.ToHashSet());
    }

    private static bool HasGoalLinkage(ActivityPolicy? policy) => policy?.Definition.Version.Checks.Any(c => c.Kind == CheckKind.GoalLinkage) == true;

    // ---- due and late (R12) ----

    public static PlanRequirementDto? Requirement(ActivityPolicy? policy)
    {
        if (policy?.Definition.Version.Checks.FirstOrDefault(c => c.Kind == CheckKind.YearlyActionPlan) is not { } check) return null;
        var kinds = check.Parameters.ContainsKey("unitKinds")
            ? check.List("unitKinds").Select(k => Enum.TryParse<UnitKind>(k, ignoreCase: true, out var kind) ? kind : (UnitKind?)null).OfType<UnitKind>().ToList()
            : [UnitKind.Committee, UnitKind.Company];
        return new PlanRequirementDto(policy.Definition.Key, policy.Label, check.Clause, kinds);
    }

    /// <summary>
    /// Every open committee and company with its plan's status for <paramref name="year"/> and the year before (whose
    /// evaluation falls due in this one), and the flags of each. Flags are raised only where the policy in force that year
    /// demands a yearly plan of that kind of unit (UPPLANDSBRO-2020); elsewhere plans may be kept, unflagged.
    /// </summary>
    public async Task<List<PlanStatusDto>> StatusAsync(int? year = null, IReadOnlySet<Guid>? onlyUnits = null, CancellationToken ct = default)
    {
        var y = year ?? Today.Year;
        var years = new[] { y - 1, y };
        var units = await db.Units.AsNoTracking().Where(u => u.ClosedOn == null && (u.Kind == UnitKind.Committee || u.Kind == UnitKind.Company))
            .Select(u => new { u.Id, u.Name, u.Kind }).ToListAsync(ct);
        if (onlyUnits is not null) units = units.Where(u => onlyUnits.Contains(u.Id)).ToList();
        var plans = await db.ActionPlans.AsNoTracking().Where(p => years.Contains(p.Year)).Select(p => new { p.Id, p.UnitId, p.Year, p.Status }).ToListAsync(ct);
        var rules = await RulesAsync(ct);
        var requirements = new Dictionary<int, PlanRequirementDto?>();
        foreach (var py in years) requirements[py] = Requirement(await policies.ForYearAsync(py, ct));
        var today = Today;
        var sv = StringComparer.Create(Sv, false);
        return units.OrderBy(u => u.Name, sv).SelectMany(u => years.Select(py =>
        {
            var plan = plans.FirstOrDefault(p => p.UnitId == u.Id && p.Year == py);
            var requirement = requirements[py] is { } r && r.UnitKinds.Contains(u.Kind) ? r : null;
            var flags = requirement is null ? [] : Flags(rules.Flags(py, plan?.Status, today));
            return new PlanStatusDto(u.Id, u.Name, u.Kind, py, plan?.Id, plan?.Status, flags, requirement);
        })).ToList();
    }

    /// <summary>What is due or late for the caller: the coordinator sees every unit, an editor the units they edit.</summary>
    public async Task<List<PlanStatusDto>> MyDueAsync(CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.IsCoordinator && scope.EditableUnits.Count == 0) return [];
        return (await StatusAsync(null, scope.IsCoordinator ? null : scope.EditableUnits, ct)).Where(s => s.Flags.Count > 0).ToList();
    }

    private List<PlanFlagDto> Flags(IEnumerable<ActionPlanFlag> flags) => flags.Select(f => new PlanFlagDto(f.Kind, f.Year, f.DueOn, f.IsLate,
        l["ActionPlanFlag_" + f.Kind, f.Year, Format.Date(f.DueOn)])).ToList();

    // ---- settings ----

    public async Task<ActionPlanDueRules> RulesAsync(CancellationToken ct = default) =>
        (await db.ActionPlanSettings.AsNoTracking().FirstOrDefaultAsync(ct))?.ToRules() ?? ActionPlanDueRules.Default;

    public async Task<DueSettingsDto> SettingsAsync(CancellationToken ct = default)
    {
        var s = await db.ActionPlanSettings.AsNoTracking().FirstOrDefaultAsync(ct);
        var r = s?.ToRules() ?? ActionPlanDueRules.Default;
        return new DueSettingsDto(r.PlanDueMonth, r.PlanDueDay, r.EvaluationDueMonth, r.EvaluationDueDay, r.DueSoonDays, s is null, s?.Version ?? 0);
    }

    /// <summary>The coordinator sets the municipality's due days; every value given or the default kept.</summary>
    public async Task<PlanSave> SetSettingsAsync(DueSettingsInput input, CancellationToken ct = default)
    {
        if (!(await me.GetScopeAsync(ct)).IsCoordinator) return PlanSave.Forbidden;
        var d = ActionPlanDueRules.Default;
        var (pm, pd, em, ed, soon) = (input.PlanDueMonth ?? d.PlanDueMonth, input.PlanDueDay ?? d.PlanDueDay, input.EvaluationDueMonth ?? d.EvaluationDueMonth,
            input.EvaluationDueDay ?? d.EvaluationDueDay, input.DueSoonDays ?? d.DueSoonDays);
        if (pm is < 1 or > 12 || em is < 1 or > 12) return PlanSave.Invalid(Result.Fail("ActionPlanSettings_MonthInvalid", "PlanDueMonth"));
        if (pd is < 1 or > 31 || ed is < 1 or > 31) return PlanSave.Invalid(Result.Fail("ActionPlanSettings_DayInvalid", "PlanDueDay"));
        if (soon is < 0 or > 365) return PlanSave.Invalid(Result.Fail("ActionPlanSettings_DueSoonInvalid", "DueSoonDays"));
        var setting = await db.ActionPlanSettings.FirstOrDefaultAsync(ct);
        if ((setting?.Version ?? 0) != (input.Version ?? setting?.Version ?? 0)) return PlanSave.Conflict;
        if (setting is null)
        {
            setting = new ActionPlanSetting { MunicipalityId = db.CurrentMunicipalityId!.Value, Id = Guid.CreateVersion7(), Version = 1 };
            db.ActionPlanSettings.Add(setting);
        }
        (setting.PlanDueMonth, setting.PlanDueDay, setting.EvaluationDueMonth, setting.EvaluationDueDay, setting.DueSoonDays) = (pm, pd, em, ed, soon);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return PlanSave.Conflict; }
        // Two first saves at once: the other request's row took the municipality's unique key.
        catch (DbUpdateException e) when (e.IsUniqueViolation()) { db.ChangeTracker.Clear(); return PlanSave.Conflict; }
        return new(PlanOutcome.Saved, setting.Id);
    }
}

public static class PlanPolicies
{
    /// <summary>
    /// The policy version a plan or a priority of <paramref name="year"/> answers to: the one in force on 1 January, or,
    /// when the year began without one (a policy adopted during the year), the one in force on 31 December.
    /// </summary>
    public static async Task<ActivityPolicy?> ForYearAsync(this PolicyService policies, int year, CancellationToken ct = default) =>
        year is < Domain.Activities.Activity.FirstYear or > Domain.Activities.Activity.LastYear ? null
            : await policies.ActivityPolicyOnAsync(new DateOnly(year, 1, 1), ct) ?? await policies.ActivityPolicyOnAsync(new DateOnly(year, 12, 31), ct);
}
