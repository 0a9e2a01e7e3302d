using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Features.Partners;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Activities;

/// <summary>Changes a draft or rejected activity; the row version read is sent back, and a save over someone else's names what they changed.</summary>
public sealed class EditModel(ActivityService activities, ActivityFormOptions options, PartnerService partners, CurrentUser me, IStringLocalizer<SharedResource> l)
    : ActivityFormPage(activities, options, partners, l)
{
    public string ActivityTitle { get; private set; } = "";
    /// <summary>When someone else saved first: the activity as it is now, and the fields where it differs from what was sent.</summary>
    public ActivityDto? Conflict { get; private set; }
    public IReadOnlyList<string> Changed { get; private set; } = [];

    protected override Guid? ActivityId => RouteData.Values["id"] is string id && Guid.TryParse(id, out var g) ? g : null;

    /// <summary>The stored activity: it must exist and the caller must edit for its unit.</summary>
    protected override async Task<IActionResult?> PrepareAsync()
    {
        if (ActivityId is not { } id || await Activities.GetAsync(id) is not { } existing) return NotFound();
        if (!(await me.GetScopeAsync()).CanEditFor(existing.OwnerUnitId)) return Forbid();
        ActivityTitle = existing.Title;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var activity = await Activities.GetAsync(id);
        if (activity is null) return NotFound();
        if (!(await me.GetScopeAsync()).CanEditFor(activity.OwnerUnitId)) return Forbid();
        if (!activity.CanEdit)
        {
            TempData["Flash"] = L["Activity_NotEditable"].Value;
            return Redirect($"/aktiviteter/{id}");
        }
        ActivityTitle = activity.Title;
        Input = ActivityFormInput.From(activity);
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await PrepareAsync() is { } refused) return refused;
        if (ModelState.IsValid)
        {
            var result = await Activities.UpdateAsync(id, Input.ToInput());
            switch (result.Outcome)
            {
                case ActivityOutcome.Saved:
                    TempData["Flash"] = L["Common_SavedFlash"].Value;
                    return Redirect($"/aktiviteter/{id}");
                case ActivityOutcome.NotFound:
                    return NotFound();
                case ActivityOutcome.Forbidden:
                    return Forbid();
                case ActivityOutcome.Conflict:
                    Conflict = result.Current;
                    Changed = result.Changed ?? [];
                    ModelState.AddModelError(string.Empty, Changed.Count == 0
                        ? L["Concurrency_Conflict"].Value
                        : L["Activities_ConflictChanged", string.Join(", ", Changed.Select(FieldName))].Value);
                    // Saving again overwrites the other change on purpose: the form keeps what this user typed.
                    Input.Version = result.Current!.Version;
                    break;
                default:
                    ModelState.AddResult("Input.", result.Error, L);
                    break;
            }
        }
        return await ShowAsync();
    }

    public string FieldName(string field) => L[field switch
    {
        "Kind" => "Field_ActivityKind",
        "Goals" => "Activities_GoalsLegend",
        _ => "Field_" + field,
    }].Value;
}
