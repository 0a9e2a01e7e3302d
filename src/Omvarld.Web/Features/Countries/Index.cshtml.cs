using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Countries;

/// <summary>The countries with their newest regime classification, filtered by name and region.</summary>
[Authorize(Policy = AuthorizationPolicies.MemberOrSystemAdmin)]
public sealed class IndexModel(CountryDataService countryData) : PageModel
{
    private static readonly CompareInfo Swedish = CultureInfo.GetCultureInfo("sv-SE").CompareInfo;

    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "region")] public string? Region { get; set; }

    public IReadOnlyList<string> Regions { get; private set; } = [];
    public IReadOnlyList<CountrySummary> Countries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await countryData.CountriesAsync(ct);
        Regions = all.Select(c => c.Country.Region).Where(r => r.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        var q = Q?.Trim();
        Countries = all
            .Where(c => string.IsNullOrEmpty(Region) || c.Country.Region == Region)
            .Where(c => string.IsNullOrEmpty(q)
                || Swedish.IndexOf(c.Country.NameSv, q, CompareOptions.IgnoreCase) >= 0
                || c.Country.NameEn.Contains(q, StringComparison.OrdinalIgnoreCase)
                || string.Equals(c.Country.Alpha2, q, StringComparison.OrdinalIgnoreCase)
                || string.Equals(c.Country.Alpha3, q, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }
}
