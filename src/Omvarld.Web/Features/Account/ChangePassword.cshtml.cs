using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Data;

namespace Omvarld.Web.Features.Account;

public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public PasswordInput Input { get; set; } = new();
    public bool Forced { get; private set; }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Validation_Required"), MaxLength(200, ErrorMessage = "Validation_MaxLength"), Display(Name = "Field_CurrentPassword")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Validation_Required"), MaxLength(200, ErrorMessage = "Validation_MaxLength"), Display(Name = "Field_NewPassword")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Validation_Required"), Compare(nameof(NewPassword), ErrorMessage = "Password_Mismatch"), Display(Name = "Field_ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Forced = user.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Forced = user.MustChangePassword;
        if (!ModelState.IsValid) return Page();
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword", e.Description);
            return Page();
        }
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = l["Password_Changed"].Value;
        return RedirectToPage("/Account/Index");
    }
}
