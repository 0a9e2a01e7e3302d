using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Data;

namespace Omvarld.Web.Features.Account;

public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l, ILogger<LoginWith2faModel> log) : PageModel
{
    [BindProperty] public CodeInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Validation_Required"), StringLength(7, MinimumLength = 6, ErrorMessage = "TwoFactor_CodeFormat")]
        [Display(Name = "Field_TotpCode")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Account/Login");
        if (!ModelState.IsValid) return Page();
        var code = Input.Code.Replace(" ", "").Replace("-", "");
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            log.LogInformation("User {UserId} signed in with a second factor", user.Id);
            if (user.MustChangePassword) return RedirectToPage("/Account/ChangePassword");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        log.LogWarning("Second factor failed for user {UserId}", user.Id);
        ModelState.AddModelError(nameof(Input) + "." + nameof(Input.Code), result.IsLockedOut ? l["Login_LockedOut"] : l["TwoFactor_CodeWrong"]);
        return Page();
    }
}
