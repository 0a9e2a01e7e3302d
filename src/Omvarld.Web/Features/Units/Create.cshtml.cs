using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Units;

[Authorize(Policy = AuthorizationPolicies.Coordinator)]
public sealed class CreateModel(UnitService units, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public UnitFormInput Input { get; set; } = new();
    public UnitFieldsView Fields { get; private set; } = null!;

    public async Task OnGetAsync(Guid? parent)
    {
        Input.ParentId = parent;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var result = await units.CreateAsync(Input.ToInput());
            if (result.Outcome == SaveOutcome.Saved)
            {
                TempData["Flash"] = l["Units_CreatedFlash", result.Unit!.Name].Value;
                return Redirect($"/enheter/{result.Unit.Id}");
            }
            ModelState.AddModelError("Input." + (result.Error.Field ?? "Name"), l[result.Error.Error!]);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var tree = await units.TreeAsync();
        Fields = new(Input, true, UnitOptions.Parents(tree, null), UnitOptions.Committees(tree));
    }
}
