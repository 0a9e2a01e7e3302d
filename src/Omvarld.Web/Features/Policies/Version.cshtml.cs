using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Omvarld.Web.Features.Policies;

/// <summary>One policy version: its metadata, decisions, goals with their clauses, the partner precondition and the checks it demands.</summary>
public sealed class VersionModel(PolicyService policies) : PageModel
{
    public VersionDetails Details { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var details = await policies.GetVersionAsync(id);
        if (details is null) return NotFound();
        Details = details;
        return Page();
    }
}
