using System.Globalization;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Activities.Checks;
using Omvarld.Web.Features.Activities;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Compilations;

/// <summary>
/// <i>Avvikelser som kvarstår</i> (issue 15): the policy checks' blocking findings and warnings that still stand today on
/// the activities the compilation counts for its year, each with the activity and the clause it rests on (document,
/// version, clause). Evaluated exactly as on the activity page, set based (<see cref="ActivityService.EvaluateManyAsync"/>:
/// the version in force at each start, only where it covers the owning unit, with the partners' standings of R8/R9).
/// Information-level findings (a report due soon, an exception in force) are not deviations and are left out.
/// </summary>
public sealed class CompilationFindings(ActivityService activities, CurrentUser me, IStringLocalizer<SharedResource> l) : ICompilationPart
{
    public async Task<IReadOnlyList<CompilationSection>> BuildAsync(CompilationScope scope, CancellationToken ct)
    {
        var tree = await me.GetUnitTreeAsync(ct);
        var standing = (await activities.EvaluateManyAsync(scope.ActiveNow.ToList(), ct))
            .SelectMany(x => x.Findings.Where(f => f.Severity is FindingSeverity.Blocking or FindingSeverity.Warning)
                .Select(f => (x.Activity, x.Policy, Finding: f)))
            .OrderBy(x => x.Activity.Title, StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), false)).ThenBy(x => x.Activity.Id)
            .ThenByDescending(x => x.Finding.Severity)
            .ToList();

        string Source(ActivityPolicy policy, Finding f)
        {
            var version = $"{policy.Definition.Document.Title} {f.PolicyVersionLabel}";
            var clause = f.Clause.Split("\n\n", 2)[0].Trim();
            return clause.Length == 0 ? l["Activities_FindingSourceR11", version] : l["Compilation_FindingSource", version, clause];
        }
        var items = standing.Select(x => new CompilationItem(x.Activity.Id, x.Activity.Title, tree.Contains(x.Activity.OwnerUnitId) ? tree[x.Activity.OwnerUnitId].Name : "–",
                x.Activity.PlannedStart, x.Activity.PlannedEnd,
                $"{l["FindingSeverity_" + x.Finding.Severity]}: {l[x.Finding.MessageKey, [.. x.Finding.Args]]}\n{Source(x.Policy, x.Finding)}"))
            .ToList();
        IReadOnlyList<CompilationRow> rows =
        [
            new("blocking", l["Compilation_FindingsBlocking"], standing.Count(x => x.Finding.Severity == FindingSeverity.Blocking), 0),
            new("warning", l["Compilation_FindingsWarning"], standing.Count(x => x.Finding.Severity == FindingSeverity.Warning), 0),
            new("activities", l["Compilation_FindingsActivities"], standing.Select(x => x.Activity.Id).Distinct().Count(), 0),
        ];
        return [new(CompilationSections.Findings, l["Compilation_Section_" + CompilationSections.Findings], CompilationMeasure.Count, rows, items)
        {
            Compared = false,
            Basis = new CompilationBasis(false, l["Compilation_FindingsBasis"]),
        }];
    }
}
