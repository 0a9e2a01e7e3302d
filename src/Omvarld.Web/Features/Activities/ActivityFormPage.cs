using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Features.Partners;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Activities;

/// <summary>
/// What the create and edit pages share: the form's own steps that re-render it without saving (a partner row more or
/// less, a new partner organisation put in the directory and chosen), and the live findings of the form as it stands.
/// Each step works as a plain submit button without JavaScript; site.js does the row steps in place and fetches the
/// findings (<see cref="OnPostFindingsAsync"/>) while the user types.
/// </summary>
public abstract class ActivityFormPage(ActivityService activities, ActivityFormOptions options, PartnerService partners, IStringLocalizer<SharedResource> l) : PageModel
{
    protected ActivityService Activities { get; } = activities;
    protected ActivityFormOptions Options { get; } = options;
    protected IStringLocalizer<SharedResource> L { get; } = l;

    [BindProperty] public ActivityFormInput Input { get; set; } = new();
    public ActivityFormView Form { get; protected set; } = null!;
    /// <summary>The findings of the form as it stands (the same checks the saved activity gets).</summary>
    public FindingsView Findings { get; protected set; } = null!;
    /// <summary>A form step's outcome, announced and focused (a partner added to the directory).</summary>
    public string? FormStatus { get; protected set; }

    /// <summary>The activity edited; null while registering a new one.</summary>
    protected abstract Guid? ActivityId { get; }

    /// <summary>Loads what the page shows besides the form; false when the caller may not use the page (Forbid or NotFound).</summary>
    protected abstract Task<IActionResult?> PrepareAsync();

    protected async Task<IActionResult> ShowAsync(int emptyPartnerRows = 1)
    {
        Form = await Options.BuildAsync(Input, emptyPartnerRows);
        var preview = await Activities.PreviewAsync(ActivityId, Input.ToInput());
        Findings = preview is null ? new FindingsView(null, [], null) : new FindingsView(preview);
        return Page();
    }

    /// <summary>"Lägg till samarbetspart" without JavaScript: the form again with one empty row more.</summary>
    public async Task<IActionResult> OnPostAddPartnerAsync()
    {
        if (await PrepareAsync() is { } refused) return refused;
        ModelState.Clear();
        return await ShowAsync(Input.Partners.Count(p => p.PartnerId is null) + 1);
    }

    /// <summary>"Ta bort" on a partner row without JavaScript: the form again without that row.</summary>
    public async Task<IActionResult> OnPostRemovePartnerAsync(int removeIndex)
    {
        if (await PrepareAsync() is { } refused) return refused;
        ModelState.Clear();
        if (removeIndex >= 0 && removeIndex < Input.Partners.Count) Input.Partners.RemoveAt(removeIndex);
        return await ShowAsync();
    }

    /// <summary>
    /// A partner organisation missing from the directory: added to it (as on the partner page) and chosen in a new row,
    /// without leaving the form. A refusal names the field of the new partner's row.
    /// </summary>
    public async Task<IActionResult> OnPostNewPartnerAsync()
    {
        if (await PrepareAsync() is { } refused) return refused;
        ModelState.Clear();
        var n = Input.NewPartner;
        var saved = await partners.CreateAsync(new PartnerInput(n.Name, n.Type, n.City, n.CountryCode?.Trim().ToUpperInvariant(), null));
        switch (saved.Outcome)
        {
            case PartnerOutcome.Saved:
                Input.Partners.Add(new ActivityFormInput.PartnerRow { PartnerId = saved.Partner!.Id, Role = n.Role });
                Input.NewPartner = new();
                FormStatus = L["Activities_NewPartnerAdded", saved.Partner.Name].Value;
                break;
            case PartnerOutcome.Forbidden:
                return Forbid();
            default:
                ModelState.AddModelError(saved.Error.Field is { } f ? "Input.NewPartner." + f : string.Empty, L.Message(saved.Error));
                break;
        }
        return await ShowAsync();
    }

    /// <summary>The live findings: the findings partial for the form as posted, nothing saved.</summary>
    public async Task<IActionResult> OnPostFindingsAsync()
    {
        if (await PrepareAsync() is { } refused) return refused;
        var preview = await Activities.PreviewAsync(ActivityId, Input.ToInput());
        if (preview is null) return Forbid();
        return Partial("_Findings", new FindingsView(preview));
    }
}
