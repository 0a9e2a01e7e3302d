using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Omvarld.Domain.Policies;

namespace Omvarld.Web.Features.Policies;

/// <summary>Two versions side by side: goals, checks, the partner precondition and the SDGs added, removed or changed.</summary>
public sealed class CompareModel(PolicyService policies) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "fran")] public Guid? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "till")] public Guid? To { get; set; }
    public List<DocumentDto> Documents { get; private set; } = [];
    public VersionDetails? FromVersion { get; private set; }
    public VersionDetails? ToVersion { get; private set; }
    public PolicyComparison? Comparison { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Documents = await policies.ListAsync();
        if (From is null && To is null)
        {
            // Opened without a choice: the latest change of the policy — the newest version with text against the one
            // before it — never the same version on both sides.
            var known = Documents.Where(d => d.Kind == DocumentKind.Policy).SelectMany(d => d.Versions)
                .Where(v => v.AdoptedOn is not null && v.TextKnown).OrderBy(v => v.AdoptedOn).ToList();
            if (known.Count >= 2) (From, To) = (known[^2].Id, known[^1].Id);
        }
        if (From is { } from && To is { } to)
        {
            FromVersion = await policies.GetVersionAsync(from);
            ToVersion = await policies.GetVersionAsync(to);
            if (FromVersion is null || ToVersion is null) return NotFound();
            Comparison = PolicyComparison.Between(FromVersion.Content.Version, ToVersion.Content.Version);
        }
        return Page();
    }
}
