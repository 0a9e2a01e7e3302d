using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Omvarld.Web.Features.Audit;

/// <summary>The municipality's audit log, newest first, for the coordinator and KS's secretariat.</summary>
public sealed class IndexModel(AuditQueries audit) : PageModel
{
    public Page<AuditDto> List { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "historik")] int page = 1) => List = await audit.ListAsync(null, null, page, 50);
}
