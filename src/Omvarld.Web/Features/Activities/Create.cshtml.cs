using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Features.Partners;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Activities;

/// <summary>Registers an activity (R4, R5) in one of the units the user may edit; it starts as a draft.</summary>
public sealed class CreateModel(ActivityService activities, ActivityFormOptions options, PartnerService partners, CurrentUser me, IStringLocalizer<SharedResource> l)
    : ActivityFormPage(activities, options, partners, l)
{
    protected override Guid? ActivityId => null;

    protected override async Task<IActionResult?> PrepareAsync()
    {
        var scope = await me.GetScopeAsync();
        return !scope.IsCoordinator && scope.EditableUnits.Count == 0 ? Forbid() : null;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await PrepareAsync() is { } refused) return refused;
        var scope = await me.GetScopeAsync();
        Input.ResponsibleUserId = me.Id;
        // An editor of one unit tree starts in its top unit; the coordinator chooses.
        if (!scope.IsCoordinator && (await Options.BuildAsync(Input)).Units is [var first, ..] && Guid.TryParse(first.Value, out var unit)) Input.OwnerUnitId = unit;
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PrepareAsync() is { } refused) return refused;
        if (ModelState.IsValid)
        {
            var result = await Activities.CreateAsync(Input.ToInput());
            switch (result.Outcome)
            {
                case ActivityOutcome.Saved:
                    TempData["Flash"] = L["Activities_CreatedFlash"].Value;
                    return Redirect($"/aktiviteter/{result.Id}");
                case ActivityOutcome.Forbidden:
                    return Forbid();
                default:
                    ModelState.AddResult("Input.", result.Error, L);
                    break;
            }
        }
        return await ShowAsync();
    }
}
