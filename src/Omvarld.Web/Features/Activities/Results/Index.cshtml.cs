using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Omvarld.Domain.Activities;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Activities.Results;

/// <summary>R11: the results reports due and overdue, for a unit with its sub-units or the whole municipality.</summary>
public sealed class IndexModel(ResultsDueService service, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public ReportDueState? State { get; set; }

    public ResultsDueList List { get; private set; } = null!;
    public List<SelectListItem> Units { get; private set; } = [];

    public async Task OnGetAsync()
    {
        List = await service.ListAsync(Unit, State);
        var tree = await me.GetUnitTreeAsync();
        Units = tree.DepthFirst().Select(r => new SelectListItem(new string('\u00A0', r.Depth * 3) + r.Node.Name, r.Node.Id.ToString())).ToList();
    }
}
