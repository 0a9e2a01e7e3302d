using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;
using Omvarld.Web.Data;

namespace Omvarld.Web.Features.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, IStringLocalizer<SharedResource> l,
    ILogger<LoginModel> log, Oidc.OidcSignInService oidc, IWebHostEnvironment env, OmvarldDbContext db, IConfiguration configuration) : PageModel
{
    /// <summary>Issue 16.8: in Development with the demo seeded, the demo accounts and where their passwords are (else null).</summary>
    public DemoHint? Demo { get; private set; }

    public sealed record DemoAccount(string Municipality, string Role, string Email);
    public sealed record DemoHint(string LoginsFile, IReadOnlyList<DemoAccount> Accounts);

    /// <summary>The municipalities' OpenID Connect providers that are enabled: one button each.</summary>
    public IReadOnlyList<Oidc.OidcButton> ExternalProviders { get; private set; } = [];
    /// <summary>Why an external sign-in was refused (an <see cref="Oidc.OidcError"/> name), shown as a Swedish message.</summary>
    [BindProperty(SupportsGet = true, Name = "fel")] public string? ExternalError { get; set; }

    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Validation_Required"), EmailAddress(ErrorMessage = "Validation_Email"), MaxLength(256, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Field_Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation_Required"), MaxLength(200, ErrorMessage = "Validation_MaxLength"), DataType(DataType.Password)]
        [Display(Name = "Field_Password")]
        public string Password { get; set; } = "";
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ExternalProviders = await oidc.ButtonsAsync(ct);
        Demo = await DemoHintAsync(ct);
        if (Enum.TryParse<Oidc.OidcError>(ExternalError, ignoreCase: false, out var error) && Enum.IsDefined(error))
            ModelState.AddModelError(string.Empty, l["Oidc_Error_" + error]);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ExternalProviders = await oidc.ButtonsAsync(HttpContext.RequestAborted);
        Demo = await DemoHintAsync(HttpContext.RequestAborted);
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email);
        if (user is null || !user.IsActive)
        {
            // The password is hashed all the same, so that an unknown or inactive address costs what a known one does:
            // the time of the answer must not tell which e-mail addresses have an account (ASVS 2.2, user enumeration).
            _ = hasher.HashPassword(user ?? new AppUser(), Input.Password);
            log.LogWarning("Sign-in refused: unknown or inactive account");
            ModelState.AddModelError(string.Empty, l["Login_Failed"]);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl });
        if (result.IsLockedOut)
        {
            log.LogWarning("Sign-in refused: user {UserId} is locked out", user.Id);
            ModelState.AddModelError(string.Empty, l["Login_LockedOut"]);
            return Page();
        }
        if (!result.Succeeded)
        {
            log.LogWarning("Sign-in failed for user {UserId}", user.Id);
            ModelState.AddModelError(string.Empty, l["Login_Failed"]);
            return Page();
        }
        log.LogInformation("User {UserId} signed in", user.Id);
        return AfterSignIn(user, ReturnUrl);
    }

    /// <summary>A user whose password was reset must choose a new one first; otherwise back to where they were going.</summary>
    internal IActionResult AfterSignIn(AppUser user, string? returnUrl)
    {
        if (user.MustChangePassword) return RedirectToPage("/Account/ChangePassword");
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>
    /// Only in Development and only for accounts the demo seeder made (marked IsDemo): one per role and municipality,
    /// the e-mail and role, never a password (those are random and kept in the logins file and the start-up output).
    /// </summary>
    private async Task<DemoHint?> DemoHintAsync(CancellationToken ct)
    {
        if (!env.IsDevelopment()) return null;
        var demoEmails = (await db.Users.AsNoTracking().Where(u => u.IsDemo && u.IsActive).Select(u => u.Email).ToListAsync(ct))
            .OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (demoEmails.Count == 0) return null;
        var accounts = Omvarld.Web.Data.Demo.DemoOrganisations.Accounts()
            .Where(a => demoEmails.Contains(a.Email)).Select(a => new DemoAccount(a.Municipality, a.Role, a.Email)).ToList();
        if (accounts.Count == 0) return null;
        var folder = Path.GetFullPath(configuration["Data:Folder"] ?? "App_Data", env.ContentRootPath);
        return new DemoHint(Path.Combine(folder, "demo-logins.txt"), accounts);
    }
}
