using Microsoft.AspNetCore.Mvc;

namespace Omvarld.Web.Features.Openness.Public;

/// <summary>R20: what the municipality's open data are, under which licence, whom to ask, and where to fetch them.</summary>
public sealed class OpenDataModel(PublicQueries queries) : PublicPageModel(queries)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(ct)) return NotFound();
        return await NotModifiedAsync(ct) ? NotModifiedResult() : Page();
    }
}
