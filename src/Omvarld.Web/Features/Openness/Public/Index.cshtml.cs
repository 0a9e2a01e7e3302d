using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Features.Reference;

namespace Omvarld.Web.Features.Openness.Public;

/// <summary>R20: the municipality's published activities for anyone, filtered by year, kind, country, goal and SDG, paged.</summary>
public sealed class IndexModel(PublicQueries queries, ReferenceData reference, IStringLocalizer<SharedResource> l) : PublicPageModel(queries)
{
    public ParsedPublicQuery Query { get; private set; } = null!;
    public PublicPage? Result { get; private set; }
    public PublicFilterOptions Options { get; private set; } = null!;
    public bool IsFiltered => Query.Filter != PublicFilter.None;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(ct)) return NotFound();
        Query = PublicFilterParser.Parse(Request.Query, PublicFilterNames.Pages, reference, l);
        if (!Query.IsValid)
        {
            Options = await Queries.OptionsAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (await NotModifiedAsync(ct)) return NotModifiedResult();
        Options = await Queries.OptionsAsync(ct);
        Result = await Queries.ListAsync(Municipality, Query.Filter, Query.Page, PublicFilterParser.DefaultPageSize, BaseUrl, ct);
        return Page();
    }
}
