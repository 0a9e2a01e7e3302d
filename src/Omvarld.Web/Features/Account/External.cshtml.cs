using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Omvarld.Web.Features.Account.Oidc;

namespace Omvarld.Web.Features.Account;

/// <summary>Starts the sign-in with the municipality's OpenID Connect provider: a redirect to its authorization endpoint.</summary>
public sealed class ExternalModel(OidcSignInService oidc, ILogger<ExternalModel> log) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kommun")] public string Municipality { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
            return Redirect(await oidc.StartAsync(HttpContext, Municipality, returnUrl, ct));
        }
        catch (OidcException e)
        {
            log.LogWarning(e, "OpenID Connect sign-in could not start: {Reason}", e.Message);
            return RedirectToPage("/Account/Login", new { fel = e.Error.ToString() });
        }
    }
}
