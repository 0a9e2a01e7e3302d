using System.Globalization;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Features.ActionPlans;
using Omvarld.Web.Features.Activities.Results;

namespace Omvarld.Web.Features.Compilations;

/// <summary>
/// "What remains owed": the results reports (R11) the compilation's activities still owe today for the year or earlier,
/// and the action plans and evaluations (R12) flagged for the year — flagged only where the policy in force demands plans,
/// as <see cref="ActionPlanService.StatusAsync"/> does. Reuses both services' queries (two and four queries).
/// </summary>
public sealed class CompilationOwed(ResultsDueService results, ActionPlanService plans, IStringLocalizer<SharedResource> l) : ICompilationPart
{
    public async Task<IReadOnlyList<CompilationSection>> BuildAsync(CompilationScope scope, CancellationToken ct)
    {
        var due = (await results.ListAsync(scope.UnitId, null, ct: ct)).Items
            .Where(i => (i.Year ?? i.DueDate.Year - 1) <= scope.Year && (scope.ActiveNow.Contains(i.ActivityId) || scope.ActiveBefore.Contains(i.ActivityId)))
            .ToList();
        var flagged = (await plans.StatusAsync(scope.Year, scope.Units, ct)).Where(p => p.Year == scope.Year && p.Flags.Count > 0).ToList();
        string State(ResultsDueItem i) => l["Compilation_OwedState_" + i.State].Value;
        var items = due.Select(i => new CompilationItem(i.ActivityId, i.Title, i.UnitName, default, null,
                i.IsFinal
                    ? l["Compilation_OwedFinal", Omvarld.Web.Features.Shared.Format.Date(i.DueDate), State(i)].Value
                    : l["Compilation_OwedYearly", i.Year!.Value, Omvarld.Web.Features.Shared.Format.Date(i.DueDate), State(i)].Value))
            .ToList();
        var notes = flagged.SelectMany(p => p.Flags.Select(f => new CompilationNote(p.UnitName, f.Message,
            p.Requirement is { } r ? l["Compilation_OwedPlanBasis", r.PolicyLabel].Value : ""))).ToList();
        IReadOnlyList<CompilationRow> rows =
        [
            new("yearly-reports", l["Compilation_OwedYearlyReports"], due.Count(i => !i.IsFinal), 0),
            new("final-reports", l["Compilation_OwedFinalReports"], due.Count(i => i.IsFinal), 0),
            new("plans", l["Compilation_OwedPlans"], notes.Count, 0),
        ];
        return [new(CompilationSections.Owed, l["Compilation_Section_" + CompilationSections.Owed], CompilationMeasure.Count, rows, items)
        {
            Notes = notes,
            Compared = false,
            Basis = new CompilationBasis(false, l["Compilation_OwedBasis"]),
        }];
    }
}
