using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Features.Admin.Municipalities;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Admin.Users;

public sealed class CreateModel(UserAdminService users, MunicipalityService municipalities, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public FormInput Input { get; set; } = new();
    public List<MunicipalityDto> Municipalities { get; private set; } = [];
    public bool ChooseMunicipality { get; private set; }
    public UserDto? Created { get; private set; }
    public string? TemporaryPassword { get; private set; }

    public sealed class FormInput
    {
        [Required(ErrorMessage = "Validation_Required"), EmailAddress(ErrorMessage = "Validation_Email"), MaxLength(256, ErrorMessage = "Validation_MaxLength"), Display(Name = "Field_Email")]
        public string? Email { get; set; }
        [Required(ErrorMessage = "Validation_Required"), MaxLength(100, ErrorMessage = "Validation_MaxLength"), Display(Name = "Field_DisplayName")]
        public string? DisplayName { get; set; }
        [Display(Name = "Field_MunicipalityId")]
        public Guid? MunicipalityId { get; set; }
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid) return Page();
        var (user, password, result) = await users.CreateAsync(new CreateUserInput(Input.Email, Input.DisplayName, Input.MunicipalityId));
        if (!result.IsOk)
        {
            ModelState.AddModelError("Input." + (result.Field ?? "Email"), l[result.Error!]);
            return Page();
        }
        Created = user;
        TemporaryPassword = password;
        return Page();
    }

    private async Task LoadAsync()
    {
        ChooseMunicipality = (await me.GetScopeAsync()).IsSystemAdministrator;
        if (ChooseMunicipality) Municipalities = [.. (await municipalities.ListAsync(1, 500)).Items];
    }
}
