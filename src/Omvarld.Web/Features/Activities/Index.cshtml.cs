using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Activities;

/// <summary>R10: the municipality's activities, filtered, sorted and paged in a GET form, with the same filters as a file.</summary>
public sealed class IndexModel(ActivityQueries queries, CurrentUser me, PolicyService policies, ReferenceData reference, TimeProvider clock,
    Omvarld.Web.Features.DecisionQueue.DecisionQueueService decisionQueue, Results.ResultsRule results, ActivityService activities,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Issue 16.4: what stands in an activity's way, said in the list: a short label and the reason in words.</summary>
    public sealed record RowState(string Kind, string Label, string Reason);

    /// <summary>The states of the activities on this page (those with none are not in it).</summary>
    public Dictionary<Guid, List<RowState>> States { get; private set; } = [];

    /// <summary>The filters in use, each with the address of the list without it (the removable chips).</summary>
    public List<(string Label, string Value, string Without)> ActiveFilters { get; private set; } = [];

    public const int PageSize = 50;

    public ActivityFilter Filter { get; private set; } = new();
    public Page<ActivityListItem> List { get; private set; } = null!;
    public List<SelectListItem> Units { get; private set; } = [];
    public List<SelectListItem> Goals { get; private set; } = [];
    public IReadOnlyList<Country> Countries => reference.Countries;
    public IReadOnlyList<SdgGoal> Sdgs => reference.Sdgs;
    public IReadOnlyList<FundingProgramme> Programmes => reference.EuProgrammes;
    public bool CanCreate { get; private set; }
    public bool CanImport { get; private set; }
    public string ExportQuery { get; private set; } = "";
    public string CountryName(string code) => reference.Country(code)?.NameSv ?? code;

    public async Task OnGetAsync()
    {
        Filter = ActivityListQuery.Parse(Request.Query);
        var page = ActivityListQuery.Page(Request.Query);
        List = await queries.ListAsync(Filter, page, PageSize);
        // A page past the last one stays what it is: the pager answers 400 with the way to the last page (issue 17).
        var scope = await me.GetScopeAsync();
        CanCreate = scope.IsCoordinator || scope.EditableUnits.Count > 0;
        CanImport = scope.IsCoordinator;
        var tree = await me.GetUnitTreeAsync();
        Units = tree.DepthFirst().Select(r => new SelectListItem(new string('\u00A0', r.Depth * 3) + r.Node.Name, r.Node.Id.ToString())).ToList();
        // The goals of the policy in force today and, when a year is chosen, in the middle of that year.
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        foreach (var date in new[] { today, Filter.Year is { } y ? new DateOnly(y, 7, 1) : today }.Distinct())
            if (await policies.ActivityPolicyOnAsync(date) is { } policy)
                foreach (var g in policy.Definition.Version.Goals.Where(g => Goals.All(o => o.Value != g.Code)))
                    Goals.Add(new SelectListItem($"{g.Name} ({policy.Label})", g.Code));
        await StatesAsync(today);
        ActiveFilters = ActiveFilterChips();
        var export = ActivityListQuery.ToQueryString(Filter);
        ExportQuery = export.Length == 0 ? "?" : export + "&";
    }

    /// <summary>
    /// Waits for KS (the partner precondition, per partner), blocked (any other blocking finding of the policy's checks on an
    /// activity not yet approved) and results overdue (per report): a fixed handful of set queries for the page, whatever
    /// its rows.
    /// </summary>
    private async Task StatesAsync(DateOnly today)
    {
        var ids = List.Items.Select(i => i.Id).ToList();
        if (ids.Count == 0) return;
        void Add(Guid id, RowState state)
        {
            if (!States.TryGetValue(id, out var list)) States[id] = list = [];
            list.Add(state);
        }
        foreach (var (id, reasons) in await decisionQueue.WaitingForKsAsync(ids))
            Add(id, new RowState("ks", l["Activities_StateWaitingForKs"], string.Join(" ", reasons)));
        await BlockedAsync(Add);
        var onPage = ids.ToHashSet();
        foreach (var o in (await results.OwedAsync(null, today)).Where(o => onPage.Contains(o.ActivityId) && o.Report.State == Omvarld.Domain.Activities.ReportDueState.Overdue))
            Add(o.ActivityId, new RowState("results", l["Activities_StateResultsMissing"],
                l["Activities_StateResultsMissingReason", o.Report.Year is { } y ? l["ResultsDue_Yearly", y].Value : l["ResultsDue_Final"].Value, Omvarld.Web.Features.Shared.Format.Date(o.Report.DueDate)]));
    }

    /// <summary>
    /// "Blockerad": the blocking findings that stand in the way of approval (R7), evaluated as on the activity's page
    /// (<see cref="ActivityService.EvaluateManyAsync"/>) for the page's drafts, submitted and rejected activities. A
    /// submitted activity already said to wait for KS is not also said to be blocked by the same precondition.
    /// </summary>
    private async Task BlockedAsync(Action<Guid, RowState> add)
    {
        var open = List.Items.Where(i => i.Status is Domain.Activities.ActivityStatus.Draft or Domain.Activities.ActivityStatus.Submitted
            or Domain.Activities.ActivityStatus.Rejected).Select(i => i.Id).ToList();
        foreach (var (activity, _, findings) in await activities.EvaluateManyAsync(open))
        {
            var waitsForKs = States.TryGetValue(activity.Id, out var states) && states.Any(x => x.Kind == "ks");
            var blocking = findings.Where(f => f.Severity == Domain.Activities.Checks.FindingSeverity.Blocking)
                .Where(f => !(waitsForKs && f.Check == Domain.Policies.Checks.CheckKind.PartnerPrecondition))
                .ToList();
            if (blocking.Count > 0)
                add(activity.Id, new RowState("blocked", l["Activities_StateBlocked"], string.Join(" ", blocking.Select(f => l[f.MessageKey, [.. f.Args]].Value))));
        }
    }

    private List<(string Label, string Value, string Without)> ActiveFilterChips()
    {
        var chips = new List<(string, string, string)>();
        var query = Request.Query;
        void Chip(string key, string label, Func<string, string> shown)
        {
            if (!query.TryGetValue(key, out var v) || string.IsNullOrWhiteSpace(v.ToString())) return;
            var rest = query.Where(q => q.Key != key && q.Key != ActivityListQuery.PageNumber && !string.IsNullOrWhiteSpace(q.Value.ToString()))
                .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
            var without = string.Join("&", rest);
            chips.Add((label, shown(v.ToString()), "/aktiviteter" + (without.Length == 0 ? "" : "?" + without)));
        }
        Chip(ActivityListQuery.Text, l["Common_Search"], v => v);
        Chip(ActivityListQuery.Unit, l["Activities_FilterUnit"], v => Units.FirstOrDefault(u => u.Value == v)?.Text.Trim('\u00A0') ?? v);
        Chip(ActivityListQuery.Kind, l["Field_ActivityKind"], v => Filter.Kind is { } k ? l["ActivityKind_" + k] : v);
        Chip(ActivityListQuery.Status, l["Field_Status"], v => Filter.Status is { } st ? l["ActivityStatus_" + st] : v);
        Chip(ActivityListQuery.Country, l["Activities_FilterCountry"], CountryName);
        Chip(ActivityListQuery.Goal, l["Activities_FilterGoal"], v => Goals.FirstOrDefault(g => g.Value == v)?.Text ?? v);
        Chip(ActivityListQuery.Sdg, l["Activities_FilterSdg"], v => Sdgs.FirstOrDefault(g => g.Goal.ToString() == v) is { } g ? $"{g.Goal}. {g.TitleSv}" : v);
        Chip(ActivityListQuery.Year, l["Activities_FilterYear"], v => v);
        Chip(ActivityListQuery.Funding, l["Activities_FilterFunding"], v => v switch
        {
            "own" => l["Activities_FundingOwn"], "eu" => l["Activities_FundingEu"], "other" => l["Activities_FundingOther"], "none" => l["Activities_FundingNone"],
            _ => Programmes.FirstOrDefault(p => p.Code == v)?.NameSv ?? v,
        });
        Chip(ActivityListQuery.Classification, l["Activities_FilterClassification"], v => Filter.Classification is { } c ? l["ActivityClass_" + c] : v);
        Chip(ActivityListQuery.Published, l["Openness_FilterPublished"], v => v == "true" ? l["Openness_FilterPublishedYes"] : l["Openness_FilterPublishedNo"]);
        return chips;
    }
}
