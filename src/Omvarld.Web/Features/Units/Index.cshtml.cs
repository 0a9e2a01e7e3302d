using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Omvarld.Domain.Organisation;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Units;

/// <summary>The organisation as an indented tree. A municipality has at most a few hundred units: one query, no paging needed here (the API pages).</summary>
public sealed class IndexModel(UnitService units, CurrentUser me) : PageModel
{
    public List<(UnitNode Node, int Depth)> Rows { get; private set; } = [];
    public bool CanManage { get; private set; }
    [BindProperty(SupportsGet = true, Name = "stangda")] public bool IncludeClosed { get; set; }

    public async Task OnGetAsync()
    {
        var tree = await units.TreeAsync();
        Rows = tree.DepthFirst().Where(r => IncludeClosed || !r.Node.IsClosed).ToList();
        CanManage = (await me.GetScopeAsync()).CanManageOrganisation;
    }
}
