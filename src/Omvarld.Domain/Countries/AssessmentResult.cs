using Omvarld.Domain.Policies;

namespace Omvarld.Domain.Countries;

/// <summary>Whether a partner country or city fulfils the precondition (or one criterion of it).</summary>
public enum AssessmentOutcome
{
    Met = 1,
    NotMet = 2,
    /// <summary>The data cannot say: missing, too old, or too close to the level given its uncertainty.</summary>
    Unclear = 3,
}

/// <summary>The data series an assessment reads; each is a column (group) of the reference data.</summary>
public enum Indicator
{
    /// <summary>V-Dem <c>v2x_regime</c> (Regimes of the World), with <c>v2x_polyarchy</c> and its 68 % interval where the release gives it.</summary>
    VDemRegime = 1,
    /// <summary>V-Dem <c>v2x_rule</c>, rule of law, 0–1.</summary>
    VDemRuleOfLaw = 2,
    /// <summary>V-Dem <c>v2x_civlib</c>, civil liberties, 0–1.</summary>
    VDemCivilLiberties = 3,
    /// <summary>World Bank WGI Rule of Law: <c>wgi_rl_est</c> ± <c>wgi_rl_stderr</c> and <c>wgi_rl_pctrank</c> (the value judged).</summary>
    WgiRuleOfLaw = 4,
}

/// <summary>
/// One indicator as the assessment read it: the value and its year, where it comes from, the level it was held
/// against and what that gave. Nothing here is computed for display only: it is what the outcome rests on.
/// </summary>
/// <param name="Value">The value judged: the index (V-Dem), the percentile rank (WGI) or <c>v2x_polyarchy</c> (regime).</param>
/// <param name="Threshold">The level <see cref="Value"/> was held against; for the regime the electoral-democracy cut-off of <c>v2x_polyarchy</c>.</param>
/// <param name="Source">The row's own source text (names the dataset and its licence).</param>
/// <param name="Release">The data release the row was stored under (<see cref="CountryEvidence.GovernanceRelease"/> or <see cref="CountryEvidence.RegimeRelease"/>).</param>
/// <param name="ReasonKey">A resource key (<c>Assessment_…</c>) saying why this outcome.</param>
public sealed record IndicatorReading(
    Indicator Indicator,
    AssessmentOutcome Outcome,
    string ReasonKey,
    decimal Threshold,
    int? Year = null,
    decimal? Value = null,
    string? Source = null,
    string? Release = null)
{
    /// <summary>V-Dem's 68 % interval of <see cref="Value"/>, where the release gives it.</summary>
    public decimal? Low { get; init; }
    public decimal? High { get; init; }
    /// <summary>WGI: the estimate (about −2.5…2.5) and its standard error, shown as the uncertainty of the percentile.</summary>
    public decimal? Estimate { get; init; }
    public decimal? StdErr { get; init; }
    /// <summary>WGI: the margin around <see cref="Threshold"/> within which the percentile is unclear.</summary>
    public decimal? Margin { get; init; }
    /// <summary>Regime readings: the regime found and the lowest the criteria accept.</summary>
    public Regime? Regime { get; init; }
    public Regime? RequiredRegime { get; init; }
}

/// <summary>One criterion of the precondition, with the readings it was judged on.</summary>
/// <param name="ReasonKey">The reason of the reading that decided the outcome.</param>
public sealed record CriterionAssessment(
    PreconditionCriterion Criterion,
    AssessmentOutcome Outcome,
    string ReasonKey,
    IReadOnlyList<IndicatorReading> Readings);

/// <summary>
/// R8: the assessment of one partner country (or a city in it) on a date under a policy version's criteria.
/// <see cref="DataOutcome"/> is what the data says; <see cref="Outcome"/> follows a <see cref="Override"/> when a
/// person has judged, but the data, its readings and the criteria stay here: a judgement never hides the evidence.
/// </summary>
public sealed record AssessmentResult(
    string Iso3,
    string Alpha2,
    string CountryName,
    DateOnly On,
    PreconditionCriteria CriteriaUsed,
    IReadOnlyList<CriterionAssessment> Criteria,
    AssessmentOutcome DataOutcome,
    string? GovernanceRelease,
    string? RegimeRelease)
{
    /// <summary>The city assessed, when it is a city's standing; null for the country.</summary>
    public string? City { get; init; }

    /// <summary>The judgement that decides <see cref="Outcome"/>: the city's own when there is one, else the country's.</summary>
    public ManualJudgement? Override { get; init; }

    public AssessmentOutcome Outcome => Override?.Outcome ?? DataOutcome;

    public bool IsOverridden => Override is not null;

    public CriterionAssessment? For(PreconditionCriterion criterion) => Criteria.FirstOrDefault(c => c.Criterion == criterion);
}
