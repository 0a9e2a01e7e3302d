using Omvarld.Domain.Common;

namespace Omvarld.Domain.Countries;

/// <summary>
/// How a policy version's partner precondition (BORAS-2023: human rights, democracy, rule of law) is judged from the
/// country data. One per policy version, set by the municipality; the web layer stores it as JSON. The defaults are
/// suggestions that the data supports (see <c>Countries/README.md</c> for the figures behind them), not verdicts:
/// KS decides exceptions and a person may override the data with a <see cref="ManualJudgement"/>.
/// </summary>
public sealed record PreconditionCriteria
{
    /// <summary>
    /// Regimes of the World: an electoral democracy has <c>v2x_polyarchy</c> above 0.5 (Lührmann, Tannenberg &amp;
    /// Lindberg 2018). Not configurable: it is part of V-Dem's classification, not the municipality's level.
    /// </summary>
    public const decimal ElectoralDemocracyCutoff = 0.5m;

    public const int MinDataAgeYears = 1, MaxDataAgeYearsLimit = 10;
    public const decimal MaxWgiPercentileMargin = 25m;

    public static readonly PreconditionCriteria Default = new();

    /// <summary>Democracy: the V-Dem regime is at least this (default: electoral democracy).</summary>
    public Regime MinimumRegime { get; init; } = Regime.ElectoralDemocracy;

    /// <summary>Rule of law: V-Dem <c>v2x_rule</c> (0–1) at least this (default 0.6).</summary>
    public decimal MinimumVDemRuleOfLaw { get; init; } = 0.6m;

    /// <summary>Rule of law: World Bank WGI Rule of Law percentile rank (0–100) at least this (default 50).</summary>
    public decimal MinimumWgiRuleOfLawPercentile { get; init; } = 50m;

    /// <summary>
    /// WGI is a perception composite with a standard error: a percentile closer than this many points to
    /// <see cref="MinimumWgiRuleOfLawPercentile"/> is unclear (default 5, about one standard error near the middle).
    /// </summary>
    public decimal WgiPercentileMargin { get; init; } = 5m;

    /// <summary>Human rights: V-Dem <c>v2x_civlib</c> (0–1) at least this (default 0.7).</summary>
    public decimal MinimumCivilLiberties { get; init; } = 0.7m;

    /// <summary>A value whose year is more than this many years before the assessment's year is unclear (default 3).</summary>
    public int MaxDataAgeYears { get; init; } = 3;

    /// <summary>Every problem of the configuration, one result key per field; empty when it is valid.</summary>
    public IReadOnlyList<Result> Validate()
    {
        var errors = new List<Result>();
        // 001: "är en demokrati": a level below electoral democracy would not ask for a democracy.
        if (MinimumRegime is not (Regime.ElectoralDemocracy or Regime.LiberalDemocracy))
            errors.Add(Result.Fail("Criteria_MinimumRegimeInvalid", nameof(MinimumRegime)));
        if (MinimumVDemRuleOfLaw is < 0m or > 1m)
            errors.Add(Result.Fail("Criteria_VDemRuleOfLawOutOfRange", nameof(MinimumVDemRuleOfLaw)));
        if (MinimumWgiRuleOfLawPercentile is < 0m or > 100m)
            errors.Add(Result.Fail("Criteria_WgiPercentileOutOfRange", nameof(MinimumWgiRuleOfLawPercentile)));
        if (WgiPercentileMargin is < 0m or > MaxWgiPercentileMargin)
            errors.Add(Result.Fail("Criteria_WgiMarginOutOfRange", nameof(WgiPercentileMargin), MaxWgiPercentileMargin));
        if (MinimumCivilLiberties is < 0m or > 1m)
            errors.Add(Result.Fail("Criteria_CivilLibertiesOutOfRange", nameof(MinimumCivilLiberties)));
        if (MaxDataAgeYears is < MinDataAgeYears or > MaxDataAgeYearsLimit)
            errors.Add(Result.Fail("Criteria_MaxDataAgeOutOfRange", nameof(MaxDataAgeYears), MinDataAgeYears, MaxDataAgeYearsLimit));
        return errors;
    }
}
