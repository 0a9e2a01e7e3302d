using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Omvarld.Web.Features.Audit;

/// <summary>
/// The audit log, newest first: the municipality's for the coordinator and KS's secretariat, the installation-wide
/// entries for the system administrator.
/// </summary>
public sealed class IndexModel(AuditQueries audit) : PageModel
{
    public Page<AuditDto> List { get; private set; } = null!;
    public bool Installation { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "historik")] int page = 1, CancellationToken ct = default)
    {
        Installation = await audit.ShowsInstallationAsync(ct);
        List = await audit.LogAsync(null, null, page, 50, ct);
    }
}
