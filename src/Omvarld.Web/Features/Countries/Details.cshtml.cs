using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Omvarld.Domain.Countries;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Countries;

/// <summary>
/// One country's data: the regime classification (newest year and its trend), every indicator with its year, release
/// and uncertainty, and the attribution the data's licences require. The assessment is shown by <c>_CountryAssessment</c>.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.MemberOrSystemAdmin)]
public sealed class DetailsModel(CountryDataService countryData, ReferenceData reference) : PageModel
{
    private static readonly CultureInfo Sv = CultureInfo.GetCultureInfo("sv-SE");

    public Country Country { get; private set; } = null!;
    public CountryEvidence Evidence { get; private set; } = null!;
    public ReleasesInUse Releases { get; private set; } = null!;

    /// <summary>The newest classification: from the regime release (V-Dem v15) when it has the country, else from the governance release.</summary>
    public (Regime Regime, int Year, string? Release)? Latest =>
        Evidence.Regimes.LastOrDefault() is { } r ? (r.Regime, r.Year, Evidence.RegimeRelease)
        : Evidence.Governance.LastOrDefault(g => g.Regime is not null) is { } g ? (g.Regime!.Value, g.Year, Evidence.GovernanceRelease)
        : null;

    public async Task<IActionResult> OnGetAsync(string alpha2, CancellationToken ct)
    {
        if (reference.Country(alpha2) is not { } country) return NotFound();
        if (!string.Equals(country.Alpha2, alpha2, StringComparison.Ordinal)) return RedirectPermanent($"/lander/{country.Alpha2}");
        Country = country;
        Releases = await countryData.InUseAsync(ct);
        Evidence = (await countryData.EvidenceAsync(country.Alpha2, ct))!;
        return Page();
    }

    /// <summary>A value on its scale as Swedes write it (0,852; −1,007); a dash when the source has none.</summary>
    public static string N(decimal? d, string format = "0.000") => d is { } v ? v.ToString(format, Sv).Replace('-', '−') : "–";

    public static IEnumerable<string> Paragraphs(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
