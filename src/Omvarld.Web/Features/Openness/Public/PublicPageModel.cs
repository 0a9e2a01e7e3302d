using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Omvarld.Web.Features.Openness.Public;

/// <summary>
/// The open pages' common steps: the municipality from the address (404 for an unknown slug), its name in the
/// header, and the caching rules (ETag, 304, five minutes in shared caches).
/// </summary>
public abstract class PublicPageModel(PublicQueries queries) : PageModel
{
    [FromRoute(Name = "kommun")] public string? Kommun { get; set; }

    public PublicMunicipality Municipality { get; private set; } = null!;
    protected PublicQueries Queries => queries;
    protected string BaseUrl => PublicCache.BaseUrl(Request);

    /// <summary>False when the slug names no municipality: the page answers 404.</summary>
    protected async Task<bool> ResolveAsync(CancellationToken ct)
    {
        if (await queries.MunicipalityAsync(Kommun, ct) is not { } m) return false;
        Municipality = m;
        ViewData["Municipality"] = m.Name;
        ViewData["Slug"] = m.Slug;
        return true;
    }

    /// <summary>Sets the caching headers; true when the client's copy is current (answer 304).</summary>
    protected async Task<bool> NotModifiedAsync(CancellationToken ct) => PublicCache.NotModified(HttpContext, await queries.StampAsync(Municipality, ct));

    protected static IActionResult NotModifiedResult() => new StatusCodeResult(StatusCodes.Status304NotModified);
}
