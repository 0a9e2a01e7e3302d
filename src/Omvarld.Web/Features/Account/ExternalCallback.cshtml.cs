using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Omvarld.Web.Features.Account.Oidc;

namespace Omvarld.Web.Features.Account;

/// <summary>Where the provider sends the browser back: completes the sign-in, or tells on the login page why not.</summary>
public sealed class ExternalCallbackModel(OidcSignInService oidc, ILogger<ExternalCallbackModel> log) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kommun")] public string Municipality { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            var (_, returnUrl) = await oidc.CompleteAsync(HttpContext, Municipality, ct);
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
        }
        catch (OidcException e)
        {
            log.LogWarning(e, "OpenID Connect sign-in refused: {Reason}", e.Message);
            return RedirectToPage("/Account/Login", new { fel = e.Error.ToString() });
        }
    }
}
