namespace Omvarld.Domain.Countries;

/// <summary>V-Dem's Regimes of the World classification (<c>v2x_regime</c>).</summary>
public enum Regime
{
    ClosedAutocracy = 0,
    ElectoralAutocracy = 1,
    ElectoralDemocracy = 2,
    LiberalDemocracy = 3,
}

/// <summary>The kind of file a data release was read from: its columns differ.</summary>
public enum DataReleaseKind
{
    /// <summary><c>country_governance.csv</c>: V-Dem (regime, liberal and electoral democracy, civil liberties, rule of law) and World Bank WGI (Voice and Accountability, Rule of Law) per country-year.</summary>
    Governance = 1,
    /// <summary><c>country_regime_vdem_v15.csv</c>: V-Dem regime and electoral democracy with its interval per country-year.</summary>
    Regime = 2,
}

/// <summary>
/// One country-year of <c>country_governance.csv</c>, as the file gives it (null where the source has no value).
/// V-Dem indices are on 0–1 (higher is better); WGI estimates on about −2.5…2.5 with their standard error, and the
/// percentile rank 0–100.
/// </summary>
public sealed record GovernanceYear(
    string Iso3,
    int Year,
    Regime? Regime,
    decimal? LiberalDemocracy,
    decimal? ElectoralDemocracy,
    decimal? CivilLiberties,
    decimal? RuleOfLaw,
    decimal? WgiVoiceEstimate,
    decimal? WgiVoiceStdErr,
    decimal? WgiVoicePercentile,
    decimal? WgiRuleOfLawEstimate,
    decimal? WgiRuleOfLawStdErr,
    decimal? WgiRuleOfLawPercentile,
    string Source);

/// <summary>One country-year of <c>country_regime_vdem_v15.csv</c>: the regime and electoral democracy with V-Dem's 68 % interval.</summary>
public sealed record RegimeYear(
    string Iso3,
    int Year,
    Regime Regime,
    decimal? ElectoralDemocracy,
    decimal? ElectoralDemocracyLow,
    decimal? ElectoralDemocracyHigh,
    string Source);

/// <summary>
/// Everything known about one country for an assessment: the rows of the data releases in use (each release named),
/// newest year last. Built by the caller from the stored releases.
/// </summary>
public sealed record CountryEvidence(
    string Iso3,
    string Alpha2,
    string NameSv,
    IReadOnlyList<GovernanceYear> Governance,
    IReadOnlyList<RegimeYear> Regimes,
    string? GovernanceRelease,
    string? RegimeRelease);
