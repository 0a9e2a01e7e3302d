using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Activities;

/// <summary>Changes a draft or rejected activity; the row version read is sent back, and a save over someone else's names what they changed.</summary>
public sealed class EditModel(ActivityService activities, ActivityFormOptions options, CurrentUser me, PolicyService policies, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public ActivityFormInput Input { get; set; } = new();
    public ActivityFormView Form { get; private set; } = null!;
    public string ActivityTitle { get; private set; } = "";
    /// <summary>When someone else saved first: the activity as it is now, and the fields where it differs from what was sent.</summary>
    public ActivityDto? Conflict { get; private set; }
    public IReadOnlyList<string> Changed { get; private set; } = [];
    /// <summary>The stored activity, whose findings stand beside the form until the next save.</summary>
    public ActivityDto? Stored { get; private set; }
    public string? PolicyTitle { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var activity = await activities.GetAsync(id);
        if (activity is null) return NotFound();
        if (!(await me.GetScopeAsync()).CanEditFor(activity.OwnerUnitId)) return Forbid();
        if (!activity.CanEdit)
        {
            TempData["Flash"] = l["Activity_NotEditable"].Value;
            return Redirect($"/aktiviteter/{id}");
        }
        ActivityTitle = activity.Title;
        await StoredAsync(activity);
        Input = ActivityFormInput.From(activity);
        Form = await options.BuildAsync(Input);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var existing = await activities.GetAsync(id);
        if (existing is null) return NotFound();
        if (!(await me.GetScopeAsync()).CanEditFor(existing.OwnerUnitId)) return Forbid();
        ActivityTitle = existing.Title;
        await StoredAsync(existing);
        if (ModelState.IsValid)
        {
            var result = await activities.UpdateAsync(id, Input.ToInput());
            switch (result.Outcome)
            {
                case ActivityOutcome.Saved:
                    TempData["Flash"] = l["Common_SavedFlash"].Value;
                    return Redirect($"/aktiviteter/{id}");
                case ActivityOutcome.NotFound:
                    return NotFound();
                case ActivityOutcome.Forbidden:
                    return Forbid();
                case ActivityOutcome.Conflict:
                    Conflict = result.Current;
                    Changed = result.Changed ?? [];
                    ModelState.AddModelError(string.Empty, Changed.Count == 0
                        ? l["Concurrency_Conflict"].Value
                        : l["Activities_ConflictChanged", string.Join(", ", Changed.Select(FieldName))].Value);
                    // Saving again overwrites the other change on purpose: the form keeps what this user typed.
                    Input.Version = result.Current!.Version;
                    break;
                default:
                    ModelState.AddResult("Input.", result.Error, l);
                    break;
            }
        }
        Form = await options.BuildAsync(Input);
        return Page();
    }

    public string FieldName(string field) => l[field switch
    {
        "Kind" => "Field_ActivityKind",
        "Goals" => "Activities_GoalsLegend",
        _ => "Field_" + field,
    }].Value;

    private async Task StoredAsync(ActivityDto activity)
    {
        Stored = activity;
        if (activity.Policy is not null && await policies.ActivityPolicyOnAsync(activity.Start) is { } policy)
            PolicyTitle = policy.Definition.Document.Title;
    }
}
