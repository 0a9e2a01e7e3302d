using Microsoft.AspNetCore.Mvc.RazorPages;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Features.Reference;

namespace Omvarld.Web.Features.Partners;

/// <summary>The partner directory: search by name or city, filter by country, paged.</summary>
public sealed class IndexModel(PartnerService partners, ReferenceData reference) : PageModel
{
    public const int PageSize = 50;
    public string? Q { get; private set; }
    public string? Country { get; private set; }
    public Page<PartnerDto> List { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public IReadOnlyList<Country> Countries => reference.Countries;

    public async Task OnGetAsync()
    {
        Q = Request.Query["q"].FirstOrDefault() is { Length: > 0 } q ? q.Trim()[..Math.Min(q.Trim().Length, 200)] : null;
        Country = Request.Query["land"].FirstOrDefault() is { Length: 2 } c ? c.ToUpperInvariant() : null;
        var page = int.TryParse(Request.Query["sida"].FirstOrDefault(), out var p) && p >= 1 ? p : 1;
        List = await partners.ListAsync(Q, Country, page, PageSize);
        CanEdit = await partners.MayEditAsync();
    }
}
