using Omvarld.Domain.Common;
using Omvarld.Domain.Policies;

namespace Omvarld.Domain.Countries;

/// <summary>
/// R8: judges a partner country against the precondition of a policy version from the country data. Pure: the caller
/// loads the evidence, the version's criteria and its judgements. The rules and the reasons for them are in
/// <c>Countries/README.md</c>; in short:
/// <list type="bullet">
/// <item>each indicator is read at its newest year not after the assessment's year; a year more than
/// <see cref="PreconditionCriteria.MaxDataAgeYears"/> back, or no value at all, is unclear;</item>
/// <item>democracy: the newest V-Dem regime (the regime release when it is as new as the governance one), at least
/// <see cref="PreconditionCriteria.MinimumRegime"/>; unclear when the 68 % interval of <c>v2x_polyarchy</c> holds
/// the 0.5 cut-off that separates electoral democracy from electoral autocracy;</item>
/// <item>rule of law: V-Dem <c>v2x_rule</c> and the WGI percentile must both reach their levels; the WGI percentile
/// is unclear within <see cref="PreconditionCriteria.WgiPercentileMargin"/> of its level;</item>
/// <item>human rights: V-Dem <c>v2x_civlib</c>;</item>
/// <item>a criterion and the whole: not met if any part is not met, else unclear if any part is unclear, else met.</item>
/// </list>
/// </summary>
public static class CountryAssessment
{
    public const string Met = "Assessment_AtOrAboveLevel";
    public const string Below = "Assessment_BelowLevel";
    public const string NoData = "Assessment_NoData";
    public const string TooOld = "Assessment_TooOld";
    public const string NearLevel = "Assessment_NearLevel";
    public const string IntervalHoldsCutoff = "Assessment_IntervalHoldsCutoff";
    public const string RegimeAtLeast = "Assessment_RegimeAtLeast";
    public const string RegimeBelow = "Assessment_RegimeBelow";

    /// <param name="required">The criteria the policy version names (<see cref="PreconditionDefinition.Criteria"/>), in its order.</param>
    /// <param name="on">The day assessed: data of later years is not used, and the data's age is counted from its year.</param>
    public static AssessmentResult Assess(CountryEvidence evidence, PreconditionCriteria criteria, IReadOnlyCollection<PreconditionCriterion> required, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.Validate() is [var first, ..])
            throw new ArgumentException($"The criteria are not valid ({first.Error}); validate them when they are saved.", nameof(criteria));

        var judged = required.Distinct().Select(c => c switch
        {
            PreconditionCriterion.Democracy => Criterion(c, Democracy(evidence, criteria, on)),
            PreconditionCriterion.RuleOfLaw => Criterion(c, VDemIndex(Indicator.VDemRuleOfLaw, evidence, g => g.RuleOfLaw, criteria.MinimumVDemRuleOfLaw, criteria, on),
                WgiRuleOfLaw(evidence, criteria, on)),
            PreconditionCriterion.HumanRights => Criterion(c, VDemIndex(Indicator.VDemCivilLiberties, evidence, g => g.CivilLiberties, criteria.MinimumCivilLiberties, criteria, on)),
            _ => throw new ArgumentOutOfRangeException(nameof(required), c, "Unknown precondition criterion."),
        }).ToList();

        return new AssessmentResult(evidence.Iso3, evidence.Alpha2, evidence.NameSv, on, criteria, judged,
            Combine(judged.Select(c => c.Outcome)), evidence.GovernanceRelease, evidence.RegimeRelease);
    }

    /// <summary>
    /// Applies the judgements made for the country (<paramref name="city"/> null) or for a city in it: a city's own
    /// newest judgement wins; without one the city inherits the country's newest. Judgements of other countries and
    /// other cities are ignored. The data result is kept as it is.
    /// </summary>
    public static AssessmentResult Judge(AssessmentResult data, IEnumerable<ManualJudgement> judgements, string? city = null)
    {
        city = Text.Clean(city);
        var forCountry = judgements.Where(j => string.Equals(j.CountryAlpha2, data.Alpha2, StringComparison.OrdinalIgnoreCase)).ToList();
        var cityJudgement = city is null ? null
            : forCountry.Where(j => string.Equals(j.City, city, StringComparison.OrdinalIgnoreCase)).MaxBy(j => j.JudgedAt);
        var countryJudgement = forCountry.Where(j => j.City is null).MaxBy(j => j.JudgedAt);
        return data with { City = city, Override = cityJudgement ?? countryJudgement };
    }

    /// <summary>Not met if any is not met, else unclear if any is unclear, else met (also when nothing is required).</summary>
    public static AssessmentOutcome Combine(IEnumerable<AssessmentOutcome> outcomes)
    {
        var all = outcomes.ToList();
        if (all.Contains(AssessmentOutcome.NotMet)) return AssessmentOutcome.NotMet;
        return all.Contains(AssessmentOutcome.Unclear) ? AssessmentOutcome.Unclear : AssessmentOutcome.Met;
    }

    private static CriterionAssessment Criterion(PreconditionCriterion criterion, params IndicatorReading[] readings)
    {
        var outcome = Combine(readings.Select(r => r.Outcome));
        return new CriterionAssessment(criterion, outcome, readings.First(r => r.Outcome == outcome).ReasonKey, readings);
    }

    private static IndicatorReading Democracy(CountryEvidence evidence, PreconditionCriteria criteria, DateOnly on)
    {
        const decimal cutoff = PreconditionCriteria.ElectoralDemocracyCutoff;
        var latest = evidence.Regimes.Where(r => r.Year <= on.Year).MaxBy(r => r.Year);
        var older = evidence.Governance.Where(g => g.Year <= on.Year && g.Regime is not null).MaxBy(g => g.Year);

        IndicatorReading reading;
        // The regime release is the newer V-Dem version; the governance file's regime only fills in where it is newer or the only one.
        if (latest is not null && (older is null || latest.Year >= older.Year))
            reading = new IndicatorReading(Indicator.VDemRegime, AssessmentOutcome.Unclear, "", cutoff, latest.Year, latest.ElectoralDemocracy, latest.Source, evidence.RegimeRelease)
            {
                Regime = latest.Regime, Low = latest.ElectoralDemocracyLow, High = latest.ElectoralDemocracyHigh,
            };
        else if (older is not null)
            reading = new IndicatorReading(Indicator.VDemRegime, AssessmentOutcome.Unclear, "", cutoff, older.Year, older.ElectoralDemocracy, older.Source, evidence.GovernanceRelease)
            {
                Regime = older.Regime,
            };
        else
            return new IndicatorReading(Indicator.VDemRegime, AssessmentOutcome.Unclear, NoData, cutoff) { RequiredRegime = criteria.MinimumRegime };

        reading = reading with { RequiredRegime = criteria.MinimumRegime };
        if (IsTooOld(reading.Year!.Value, criteria, on)) return reading with { ReasonKey = TooOld };

        // The 0.5 cut-off separates electoral democracy from electoral autocracy (and a liberal democracy needs it too);
        // a closed autocracy holds no multiparty elections, so its polyarchy interval does not put its class in doubt.
        // Only that boundary has an interval in the data: a liberal-democracy level is judged on the regime alone.
        if (criteria.MinimumRegime == Regime.ElectoralDemocracy && reading.Regime != Regime.ClosedAutocracy
            && reading is { Low: { } low, High: { } high } && low <= cutoff && cutoff <= high)
            return reading with { ReasonKey = IntervalHoldsCutoff };

        return reading.Regime >= criteria.MinimumRegime
            ? reading with { Outcome = AssessmentOutcome.Met, ReasonKey = RegimeAtLeast }
            : reading with { Outcome = AssessmentOutcome.NotMet, ReasonKey = RegimeBelow };
    }

    private static IndicatorReading VDemIndex(Indicator indicator, CountryEvidence evidence, Func<GovernanceYear, decimal?> value, decimal level, PreconditionCriteria criteria, DateOnly on)
    {
        var row = evidence.Governance.Where(g => g.Year <= on.Year && value(g) is not null).MaxBy(g => g.Year);
        if (row is null) return new IndicatorReading(indicator, AssessmentOutcome.Unclear, NoData, level);
        var reading = new IndicatorReading(indicator, AssessmentOutcome.Unclear, "", level, row.Year, value(row), row.Source, evidence.GovernanceRelease);
        // v2x_rule and v2x_civlib come without an interval in the governance file: judged on the point estimate.
        return Hold(reading, criteria, on, margin: 0m);
    }

    private static IndicatorReading WgiRuleOfLaw(CountryEvidence evidence, PreconditionCriteria criteria, DateOnly on)
    {
        var level = criteria.MinimumWgiRuleOfLawPercentile;
        var row = evidence.Governance.Where(g => g.Year <= on.Year && g.WgiRuleOfLawPercentile is not null).MaxBy(g => g.Year);
        if (row is null) return new IndicatorReading(Indicator.WgiRuleOfLaw, AssessmentOutcome.Unclear, NoData, level) { Margin = criteria.WgiPercentileMargin };
        var reading = new IndicatorReading(Indicator.WgiRuleOfLaw, AssessmentOutcome.Unclear, "", level, row.Year, row.WgiRuleOfLawPercentile, row.Source, evidence.GovernanceRelease)
        {
            Estimate = row.WgiRuleOfLawEstimate, StdErr = row.WgiRuleOfLawStdErr, Margin = criteria.WgiPercentileMargin,
        };
        return Hold(reading, criteria, on, criteria.WgiPercentileMargin);
    }

    private static IndicatorReading Hold(IndicatorReading reading, PreconditionCriteria criteria, DateOnly on, decimal margin)
    {
        if (IsTooOld(reading.Year!.Value, criteria, on)) return reading with { ReasonKey = TooOld };
        var value = reading.Value!.Value;
        if (margin > 0m && Math.Abs(value - reading.Threshold) < margin) return reading with { ReasonKey = NearLevel };
        return value >= reading.Threshold
            ? reading with { Outcome = AssessmentOutcome.Met, ReasonKey = Met }
            : reading with { Outcome = AssessmentOutcome.NotMet, ReasonKey = Below };
    }

    private static bool IsTooOld(int year, PreconditionCriteria criteria, DateOnly on) => on.Year - year > criteria.MaxDataAgeYears;
}
