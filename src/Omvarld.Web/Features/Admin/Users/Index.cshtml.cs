using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Omvarld.Web.Features.Audit;

namespace Omvarld.Web.Features.Admin.Users;

public sealed class IndexModel(UserAdminService users) : PageModel
{
    public Page<UserDto> List { get; private set; } = null!;
    [BindProperty(SupportsGet = true, Name = "sok")] public string? Search { get; set; }

    public async Task OnGetAsync([FromQuery(Name = "sida")] int page = 1) =>
        List = await users.ListAsync(null, Search?.Length > 100 ? Search[..100] : Search, page, 50);
}
