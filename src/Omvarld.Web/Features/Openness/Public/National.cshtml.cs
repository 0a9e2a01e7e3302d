using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Omvarld.Web.Features.Openness.Public;

/// <summary>R20: the municipalities that publish their international work through Omvärld (the national catalogue's home page).</summary>
public sealed class NationalModel(PublicQueries queries) : PageModel
{
    public List<PublicMunicipality> Municipalities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Municipalities = await queries.PublishingMunicipalitiesAsync(ct);
        Response.Headers.CacheControl = PublicCache.CacheControl;
    }
}
