using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Partners;

/// <summary>Adds an organisation to the partner directory (unit editors and the coordinator).</summary>
public sealed class CreateModel(PartnerService partners, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public PartnerFormInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await partners.MayEditAsync() ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var result = await partners.CreateAsync(Input.ToInput());
            switch (result.Outcome)
            {
                case PartnerOutcome.Saved:
                    TempData["Flash"] = l["Partners_CreatedFlash", result.Partner!.Name].Value;
                    return Redirect("/partner?q=" + Uri.EscapeDataString(result.Partner.Name));
                case PartnerOutcome.Forbidden:
                    return Forbid();
                default:
                    ModelState.AddModelError(result.Error.Field is { } f ? "Input." + f : string.Empty, l.Message(result.Error));
                    break;
            }
        }
        return Page();
    }
}
