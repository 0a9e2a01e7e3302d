using Microsoft.AspNetCore.Mvc;
using Omvarld.Web.Features.Reference;

namespace Omvarld.Web.Features.Openness.Public;

/// <summary>R20: one country and the published activities with a partner there. An unknown code is a 404.</summary>
public sealed class CountryModel(PublicQueries queries, ReferenceData reference) : PublicPageModel(queries)
{
    public Country Country { get; private set; } = null!;
    public List<PublicActivity> Activities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? alpha2, CancellationToken ct)
    {
        if (!await ResolveAsync(ct)) return NotFound();
        // Model binding makes a blank route value null.
        if (alpha2 is not { Length: 2 } || !alpha2.All(char.IsAsciiLetter) || reference.Country(alpha2.ToUpperInvariant()) is not { } country) return NotFound();
        if (await NotModifiedAsync(ct)) return NotModifiedResult();
        Country = country;
        Activities = await Queries.AllAsync(Municipality, new PublicFilter(Country: country.Alpha2), BaseUrl, ct);
        return Page();
    }
}
