using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Account;

public sealed class ApiTokensModel(ApiTokenService tokens, CurrentUser me, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    /// <summary>Now, by the app's clock: a token past its expiry is shown as expired.</summary>
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public List<ApiTokenDto> Tokens { get; private set; } = [];
    /// <summary>The new token's secret: shown on this one response only.</summary>
    public string? NewSecret { get; private set; }

    [BindProperty] public TokenInput Input { get; set; } = new();

    public sealed class TokenInput
    {
        [Required(ErrorMessage = "Validation_Required"), MaxLength(100, ErrorMessage = "Validation_MaxLength"), Display(Name = "Field_TokenName")]
        public string Name { get; set; } = "";

        [Range(1, ApiTokenService.MaxDays, ErrorMessage = "Token_DaysRange"), Display(Name = "Field_TokenDays")]
        public int Days { get; set; } = 90;
    }

    public async Task OnGetAsync() => Tokens = await tokens.ListAsync(me.Id!.Value);

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (ModelState.IsValid)
        {
            var (_, secret, result) = await tokens.CreateAsync(me.Id!.Value, me.MunicipalityId, Input.Name, Input.Days);
            if (result.IsOk) NewSecret = secret;
            else ModelState.AddModelError("Input." + (result.Field ?? "Name"), l[result.Error!]);
        }
        Tokens = await tokens.ListAsync(me.Id!.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        if (!await tokens.RevokeAsync(me.Id!.Value, id)) return NotFound();
        TempData["Flash"] = l["Token_Revoked"].Value;
        return RedirectToPage();
    }
}
