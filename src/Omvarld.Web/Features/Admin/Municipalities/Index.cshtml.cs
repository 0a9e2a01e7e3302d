using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Admin.Municipalities;

[Authorize(Policy = AuthorizationPolicies.SystemAdmin)]
public sealed class IndexModel(MunicipalityService municipalities) : PageModel
{
    public Page<MunicipalityDto> List { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "sida")] int page = 1) => List = await municipalities.ListAsync(page, 50);
}
