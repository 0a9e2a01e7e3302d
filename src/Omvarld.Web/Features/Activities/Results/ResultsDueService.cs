using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Activities.Checks;
using Omvarld.Web.Data;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Activities.Results;

/// <summary>One report an activity owes (R11): a yearly one (<see cref="Year"/>) or the final one (no year).</summary>
public sealed record ResultsDueItem(Guid ActivityId, string Title, Guid UnitId, string UnitName, Guid ResponsibleUserId, string ResponsibleName,
    int? Year, DateOnly DueDate, ReportDueState State)
{
    public bool IsFinal => Year is null;
}

public sealed record ResultsDueList(DateOnly Today, IReadOnlyList<ResultsDueItem> Items);

/// <summary>The start page's view of the due list: counts by state and the most pressing items.</summary>
public sealed record ResultsDueSummary(int Overdue, int DueSoon, int Due, IReadOnlyList<ResultsDueItem> Top);

/// <summary>An owed report as loaded for one municipality, before names are added (the reminders use this too).</summary>
public sealed record OwedByActivity(Guid ActivityId, string Title, Guid OwnerUnitId, Guid ResponsibleUserId, OwedReport Report);

/// <summary>
/// R11: what results are due and overdue, for the municipality (coordinator, KS, and any member reading it) or for the
/// units a user edits, as <see cref="ResultsRule"/> answers it; names from the request's unit tree and one query for the
/// responsible people.
/// </summary>
public sealed class ResultsDueService(OmvarldDbContext db, CurrentUser me, TimeProvider clock, ResultsRule rule)
{
    public const int StartPageItems = 5;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <param name="unit">The unit and its sub-units; null for the whole municipality.</param>
    public async Task<ResultsDueList> ListAsync(Guid? unit, ReportDueState? state, DateOnly? today = null, CancellationToken ct = default)
    {
        var day = today ?? Today;
        IReadOnlyCollection<Guid>? units = null;
        if (unit is { } u)
        {
            var tree = await me.GetUnitTreeAsync(ct);
            units = tree.Contains(u) ? tree.SelfAndDescendants(u).ToList() : [u];
        }
        var owed = await rule.OwedAsync(units, day, ct);
        if (state is { } s) owed = owed.Where(o => o.Report.State == s).ToList();
        return new ResultsDueList(day, await NamedAsync(owed, ct));
    }

    /// <summary>
    /// The start page's section: the whole municipality for the coordinator and KS, the editable units (with their
    /// sub-units) for an editor; null for anyone else. Reports owed but not yet near their date are counted, not listed.
    /// </summary>
    public async Task<ResultsDueSummary?> SummaryAsync(CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        IReadOnlyCollection<Guid>? units;
        if (scope.IsCoordinator || scope.IsKsSecretariat) units = null;
        else if (scope.EditableUnits.Count > 0) units = scope.EditableUnits.ToList();
        else return null;
        var owed = await rule.OwedAsync(units, Today, ct);
        var pressing = owed.Where(o => o.Report.State != ReportDueState.Due).Take(StartPageItems).ToList();
        return new ResultsDueSummary(owed.Count(o => o.Report.State == ReportDueState.Overdue), owed.Count(o => o.Report.State == ReportDueState.DueSoon),
            owed.Count(o => o.Report.State == ReportDueState.Due), await NamedAsync(pressing, ct));
    }

    private async Task<List<ResultsDueItem>> NamedAsync(List<OwedByActivity> owed, CancellationToken ct)
    {
        var tree = await me.GetUnitTreeAsync(ct);
        var people = owed.Select(o => o.ResponsibleUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return owed.Select(o => new ResultsDueItem(o.ActivityId, o.Title, o.OwnerUnitId, tree.Contains(o.OwnerUnitId) ? tree[o.OwnerUnitId].Name : "–",
            o.ResponsibleUserId, names.GetValueOrDefault(o.ResponsibleUserId) ?? "–", o.Report.Year, o.Report.DueDate, o.Report.State)).ToList();
    }
}
