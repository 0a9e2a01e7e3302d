using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Features.Calendar;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Account;

/// <summary>The user's calendar feed of deadlines: create (the address is shown once), replace, revoke.</summary>
public sealed class CalendarModel(CalendarService calendar, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    public CalendarFeedDto Feed { get; private set; } = new(false, null);
    /// <summary>The new feed's address: shown on this one response only.</summary>
    public string? NewUrl { get; private set; }
    /// <summary>A feed belongs to a municipality: the system administrator, who belongs to none, has none.</summary>
    public bool Available => me.MunicipalityId is not null;

    public async Task OnGetAsync() => Feed = await calendar.StatusAsync(me.Id!.Value);

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var (feed, result) = await calendar.CreateAsync(me.Id!.Value, me.MunicipalityId, $"{Request.Scheme}://{Request.Host}{Request.PathBase}");
        if (feed is null) ModelState.AddModelError("", l.Message(result));
        else NewUrl = feed.Url;
        Feed = await calendar.StatusAsync(me.Id!.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync()
    {
        await calendar.RevokeAsync(me.Id!.Value);
        TempData["Flash"] = l["Calendar_Revoked"].Value;
        return RedirectToPage();
    }
}
