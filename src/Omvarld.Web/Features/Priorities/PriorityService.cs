using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Common;
using Omvarld.Domain.Plans;
using Omvarld.Web.Data;
using Omvarld.Web.Features.ActionPlans;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Priorities;

public sealed record PriorityGoalDto(string Code, string Name);
public sealed record PrioritySdgDto(int Goal, string Title);
public sealed record PriorityDto(Guid Id, int Year, string Title, string? Text, IReadOnlyList<PriorityGoalDto> Goals, IReadOnlyList<PrioritySdgDto> Sdgs,
    IReadOnlyList<PlanActivityDto> Activities, int Version)
{
    /// <summary>KS's decision that set the priority: date, minute paragraph (§), case number; null when not recorded.</summary>
    public DateOnly? DecidedOn { get; init; }
    public string? MinuteParagraph { get; init; }
    public string? CaseNumber { get; init; }
}
public sealed record PriorityUpdateInput(int Year, string? Title, string? Text, IReadOnlyList<string>? GoalCodes, IReadOnlyList<int>? Sdgs, int? Version,
    DateOnly? DecidedOn = null, string? MinuteParagraph = null, string? CaseNumber = null);
public sealed record PriorityLinkInput(Guid? ActivityId);

/// <summary>R17: KS's overall priorities for the international area per year, and the activities that serve them.</summary>
public sealed class PriorityService(OmvarldDbContext db, CurrentUser me, PolicyService policies, ReferenceData reference)
{
    public Task<List<PriorityDto>> ListAsync(int? year, CancellationToken ct = default) => ListAsync(year, year, ct);

    /// <summary>The priorities of the years <paramref name="from"/> to <paramref name="to"/> (either open), in one query.</summary>
    public async Task<List<PriorityDto>> ListAsync(int? from, int? to, CancellationToken ct = default)
    {
        var q = db.Priorities.AsNoTracking();
        if (from is { } f) q = q.Where(p => p.Year >= f);
        if (to is { } t) q = q.Where(p => p.Year <= t);
        var rows = await q.ToListAsync(ct);
        var ids = rows.Select(p => p.Id).ToList();
        var links = await db.ActivityPriorities.AsNoTracking().Where(l => ids.Contains(l.PriorityId))
            .Join(db.Activities, l => l.ActivityId, a => a.Id, (l, a) => new { l.PriorityId, a.Id, a.Title }).ToListAsync(ct);
        var goalNames = new Dictionary<int, Dictionary<string, string>>();
        foreach (var py in rows.Select(p => p.Year).Distinct())
            goalNames[py] = (await policies.ForYearAsync(py, ct))?.Definition.Version.Goals.ToDictionary(g => g.Code, g => g.Name) ?? [];
        return rows.OrderByDescending(p => p.Year).ThenBy(p => p.Title, StringComparer.Ordinal).Select(p => new PriorityDto(p.Id, p.Year, p.Title, p.Text,
            p.GoalCodes.Select(c => new PriorityGoalDto(c, goalNames[p.Year].GetValueOrDefault(c, c))).ToList(),
            p.Sdgs.Select(s => new PrioritySdgDto(s, reference.Sdg(s)?.TitleSv ?? "")).ToList(),
            links.Where(l => l.PriorityId == p.Id).Select(l => new PlanActivityDto(l.Id, l.Title)).OrderBy(a => a.Title, StringComparer.Ordinal).ToList(),
            p.Version) { DecidedOn = p.DecidedOn, MinuteParagraph = p.MinuteParagraph, CaseNumber = p.CaseNumber }).ToList();
    }

    public async Task<PriorityDto?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var year = await db.Priorities.AsNoTracking().Where(p => p.Id == id).Select(p => (int?)p.Year).FirstOrDefaultAsync(ct);
        return year is null ? null : (await ListAsync(year, ct)).FirstOrDefault(p => p.Id == id);
    }

    /// <summary>The codes of the goals of the policy in force in <paramref name="year"/>: what a priority of that year may stress.</summary>
    public async Task<IReadOnlySet<string>> GoalCodesAsync(int year, CancellationToken ct = default) =>
        (await policies.ForYearAsync(year, ct))?.Definition.Version.Goals.Select(g => g.Code).ToHashSet(StringComparer.Ordinal) ?? [];

    public async Task<PlanSave> CreateAsync(PriorityInput input, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.CanSetPriorities) return PlanSave.Forbidden;
        var (priority, result) = Priority.Create(db.CurrentMunicipalityId!.Value, input, await GoalCodesAsync(input.Year, ct), scope);
        if (!result.IsOk) return PlanSave.Invalid(result);
        db.Priorities.Add(priority!);
        await db.SaveChangesAsync(ct);
        return new(PlanOutcome.Saved, priority!.Id);
    }

    public async Task<PlanSave> UpdateAsync(Guid id, PriorityUpdateInput input, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.CanSetPriorities) return PlanSave.Forbidden;
        var priority = await db.Priorities.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (priority is null) return PlanSave.NotFound;
        if (input.Version is { } v && v != priority.Version) return PlanSave.Conflict;
        var changed = new PriorityInput(input.Year, input.Title, input.Text, input.GoalCodes, input.Sdgs, input.DecidedOn, input.MinuteParagraph, input.CaseNumber);
        var result = priority.Update(changed, await GoalCodesAsync(input.Year, ct), scope);
        if (!result.IsOk) return PlanSave.Invalid(result);
        if (input.Year != priority.Year && await db.ActionPlanItems.AnyAsync(i => i.PriorityId == id, ct))
            return PlanSave.Invalid(Result.Fail("Priority_YearInUse", "Year"));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return PlanSave.Conflict; }
        return new(PlanOutcome.Saved, id);
    }

    /// <summary>Links an activity to the priority it serves: the activity's editors, the coordinator and KS's secretariat may.</summary>
    public async Task<PlanSave> LinkAsync(Guid id, Guid? activityId, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.CanSetPriorities && scope.EditableUnits.Count == 0) return PlanSave.Forbidden;
        var priority = await db.Priorities.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (priority is null) return PlanSave.NotFound;
        if (activityId is not { } aid || await db.Activities.FirstOrDefaultAsync(a => a.Id == aid, ct) is not { } activity)
            return PlanSave.Invalid(Result.Fail("Priority_ActivityNotFound", "ActivityId"));
        var (link, result) = ActivityPriority.Link(activity, priority, scope);
        if (!result.IsOk) return result.Error == "Priority_LinkNotAllowed" ? PlanSave.Forbidden : PlanSave.Invalid(result);
        if (await db.ActivityPriorities.AnyAsync(l => l.ActivityId == aid && l.PriorityId == id, ct)) return new(PlanOutcome.Saved, id);
        db.ActivityPriorities.Add(link!);
        await db.SaveChangesAsync(ct);
        return new(PlanOutcome.Saved, id);
    }

    public async Task<PlanSave> UnlinkAsync(Guid id, Guid activityId, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.CanSetPriorities && scope.EditableUnits.Count == 0) return PlanSave.Forbidden;
        var link = await db.ActivityPriorities.FirstOrDefaultAsync(l => l.PriorityId == id && l.ActivityId == activityId, ct);
        if (link is null) return PlanSave.NotFound;
        var unit = await db.Activities.Where(a => a.Id == activityId).Select(a => a.OwnerUnitId).FirstAsync(ct);
        if (!scope.CanEditFor(unit) && !scope.CanSetPriorities) return PlanSave.Forbidden;
        db.ActivityPriorities.Remove(link);
        await db.SaveChangesAsync(ct);
        return new(PlanOutcome.Saved, id);
    }
}
