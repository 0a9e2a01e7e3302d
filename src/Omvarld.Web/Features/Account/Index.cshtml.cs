using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Access;
using Omvarld.Web.Data;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Account;

public sealed class IndexModel(UserManager<AppUser> users, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    public AppUser? Account { get; private set; }
    public IReadOnlyList<Role> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Account = await users.GetUserAsync(User);
        if (Account is null) return Challenge();
        Roles = (await me.GetScopeAsync()).Roles.ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostRemindersAsync(bool enabled)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        user.EmailRemindersEnabled = enabled;
        await users.UpdateAsync(user);
        TempData["Flash"] = l[enabled ? "Account_RemindersOnFlash" : "Account_RemindersOffFlash"].Value;
        return RedirectToPage();
    }
}
