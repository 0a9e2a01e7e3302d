using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Activities;

/// <summary>R10: the municipality's activities, filtered, sorted and paged in a GET form, with the same filters as a file.</summary>
public sealed class IndexModel(ActivityQueries queries, CurrentUser me, PolicyService policies, ReferenceData reference, TimeProvider clock) : PageModel
{
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
        if (List.Items.Count == 0 && page > 1) List = await queries.ListAsync(Filter, List.PageCount, PageSize);
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
        var export = ActivityListQuery.ToQueryString(Filter);
        ExportQuery = export.Length == 0 ? "?" : export + "&";
    }
}
