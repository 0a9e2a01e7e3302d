using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Policies;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Policies;

/// <summary>
/// The municipality's governing documents, each version with its derived status, what is in force today or on a chosen
/// day (R1, R2), and the municipality's rule for a gap in each document (issue 19, the coordinator's to choose).
/// </summary>
public sealed class IndexModel(PolicyService policies, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    public List<DocumentDto> Documents { get; private set; } = [];
    public List<InForceDto> InForceToday { get; private set; } = [];
    /// <summary>The in-force answer on <see cref="Datum"/>, when one is asked.</summary>
    public List<InForceDto>? InForceOnDay { get; private set; }
    public bool CanImport { get; private set; }
    public bool CanChooseGapRule { get; private set; }

    /// <summary>The day asked for (<c>?datum=yyyy-mm-dd</c>).</summary>
    [BindProperty(SupportsGet = true)] public string? Datum { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Documents = await policies.ListAsync();
        InForceToday = Documents.Select(d => d.InForceOn(policies.Today)).ToList();
        var scope = await me.GetScopeAsync();
        CanImport = CanChooseGapRule = scope.IsCoordinator;
        if (!string.IsNullOrWhiteSpace(Datum))
        {
            if (DateOnly.TryParseExact(Datum.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                InForceOnDay = Documents.Select(d => d.InForceOn(day)).ToList();
            else
                ModelState.AddModelError(nameof(Datum), l["Policies_DateInvalid"]);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostGapRuleAsync(Guid documentId, PolicyGapRule? rule)
    {
        if (!(await me.GetScopeAsync()).IsCoordinator) return Forbid();
        var (result, found) = await policies.ChooseGapRuleAsync(documentId, rule);
        if (!found) return NotFound();
        TempData["Flash"] = result.IsOk ? l["GapRule_SavedFlash"].Value : l[result.Error!].Value;
        return RedirectToPage();
    }
}
