using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Activities;

/// <summary>Registers an activity (R4, R5) in one of the units the user may edit; it starts as a draft.</summary>
public sealed class CreateModel(ActivityService activities, ActivityFormOptions options, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public ActivityFormInput Input { get; set; } = new();
    public ActivityFormView Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = await me.GetScopeAsync();
        if (!scope.IsCoordinator && scope.EditableUnits.Count == 0) return Forbid();
        Input.ResponsibleUserId = me.Id;
        Form = await options.BuildAsync(Input);
        // An editor of one unit tree starts in its top unit; the coordinator chooses.
        if (!scope.IsCoordinator && Form.Units.Count > 0 && Guid.TryParse(Form.Units[0].Value, out var first)) Input.OwnerUnitId = first;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var result = await activities.CreateAsync(Input.ToInput());
            switch (result.Outcome)
            {
                case ActivityOutcome.Saved:
                    TempData["Flash"] = l["Activities_CreatedFlash"].Value;
                    return Redirect($"/aktiviteter/{result.Id}");
                case ActivityOutcome.Forbidden:
                    return Forbid();
                default:
                    ModelState.AddResult("Input.", result.Error, l);
                    break;
            }
        }
        Form = await options.BuildAsync(Input);
        return Page();
    }
}
