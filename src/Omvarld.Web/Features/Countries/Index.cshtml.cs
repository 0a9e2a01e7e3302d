using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Omvarld.Domain.Countries;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Features.Precondition;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Countries;

/// <summary>
/// The countries with their newest regime classification and — for a member of a municipality — the municipality's own
/// verdict under the policy in force today (met / not met / unclear, R8), filtered by name, region and verdict.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.MemberOrSystemAdmin)]
public sealed class IndexModel(CountryDataService countryData, PreconditionService precondition, PolicyService policies, CurrentUser me) : PageModel
{
    private static readonly CompareInfo Swedish = CultureInfo.GetCultureInfo("sv-SE").CompareInfo;

    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "region")] public string? Region { get; set; }

    /// <summary>The verdict to show: met, notmet or unclear (<see cref="AssessmentFormat.Css"/>); anything else shows all.</summary>
    [FromQuery(Name = "bedomning")] public string? Verdict { get; set; }

    public IReadOnlyList<string> Regions { get; private set; } = [];
    public IReadOnlyList<CountrySummary> Countries { get; private set; } = [];

    /// <summary>The municipality's verdict per country; null for a user without a municipality (the system administrator).</summary>
    public IReadOnlyDictionary<string, AssessmentResult>? Verdicts { get; private set; }

    /// <summary>The policy version the verdicts are judged under ("Internationell policy 2023"); null under the default criteria.</summary>
    public string? PolicyName { get; private set; }

    /// <summary>How many countries (after the name and region filters) have each verdict, for the filter's options.</summary>
    public IReadOnlyDictionary<AssessmentOutcome, int> VerdictCounts { get; private set; } = new Dictionary<AssessmentOutcome, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await countryData.CountriesAsync(ct);
        Regions = all.Select(c => c.Country.Region).Where(r => r.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        var q = Q?.Trim();
        var matching = all
            .Where(c => string.IsNullOrEmpty(Region) || c.Country.Region == Region)
            .Where(c => string.IsNullOrEmpty(q)
                || Swedish.IndexOf(c.Country.NameSv, q, CompareOptions.IgnoreCase) >= 0
                || c.Country.NameEn.Contains(q, StringComparison.OrdinalIgnoreCase)
                || string.Equals(c.Country.Alpha2, q, StringComparison.OrdinalIgnoreCase)
                || string.Equals(c.Country.Alpha3, q, StringComparison.OrdinalIgnoreCase))
            .ToList();

        var scope = await me.GetScopeAsync(ct);
        if (!scope.CanReadMunicipality)
        {
            Countries = matching;
            return;
        }
        var today = precondition.Today;
        var policy = await policies.ActivityPolicyOnAsync(today, ct);
        PolicyName = policy is null ? null : $"{policy.Definition.Document.Title} {policy.Label}";
        // One set-based assessment of every country: the evidence and the judgements are read once, not per row.
        Verdicts = await precondition.AssessAsync(all.Select(c => c.Country.Alpha2), today, policy, ct);
        VerdictCounts = matching.Select(OutcomeOf).OfType<AssessmentOutcome>().GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count());
        var wanted = Enum.GetValues<AssessmentOutcome>().Cast<AssessmentOutcome?>().FirstOrDefault(o => AssessmentFormat.Css(o!.Value) == Verdict);
        Countries = wanted is null ? matching : matching.Where(c => OutcomeOf(c) == wanted).ToList();
    }

    public AssessmentOutcome? OutcomeOf(CountrySummary c) => Verdicts?.GetValueOrDefault(c.Country.Alpha2)?.Outcome;
}
