using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Omvarld.Web.Features.Policies;

/// <summary>A version's policy file, to keep, compare or edit elsewhere and import again.</summary>
public sealed class SourceFileModel(PolicyService policies) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id) =>
        await policies.GetSourceAsync(id) is { } v
            ? File(Encoding.UTF8.GetBytes(v.Source), "application/yaml; charset=utf-8", v.Key.ToLowerInvariant() + ".yaml")
            : NotFound();
}
