using Omvarld.Domain.Countries;
using Omvarld.Domain.Policies;
using static Omvarld.Domain.Tests.Countries.ReferenceData;

namespace Omvarld.Domain.Tests.Countries;

/// <summary>The assessment on real rows of the shipped country data, under the default criteria unless a test says otherwise.</summary>
public class CountryAssessmentTests
{
    /// <summary>BORAS-2023's precondition, in the policy file's order.</summary>
    private static readonly PreconditionCriterion[] Boras2023 = [PreconditionCriterion.HumanRights, PreconditionCriterion.Democracy, PreconditionCriterion.RuleOfLaw];
    private static readonly DateOnly In2024 = new(2024, 6, 1);
    private static readonly DateOnly In2025 = new(2025, 6, 1);

    private static AssessmentResult Assess(CountryEvidence evidence, DateOnly on, PreconditionCriteria? criteria = null) =>
        CountryAssessment.Assess(evidence, criteria ?? PreconditionCriteria.Default, Boras2023, on);

    private static IndicatorReading Reading(AssessmentResult result, PreconditionCriterion criterion, Indicator indicator) =>
        Assert.Single(result.For(criterion)!.Readings, r => r.Indicator == indicator);

    [Fact]
    public void ReferenceFiles_AreReadWhole()
    {
        Assert.Equal(1080, Governance.Count);
        Assert.Equal(895, Regimes.Count);
        // A quoted field with commas and doubled quotes (PSE's notes) does not shift the columns.
        Assert.Equal(0.702m, Governance.Single(g => g.Iso3 == "PSE" && g.Year == 2019).RuleOfLaw);
    }

    [Fact]
    public void Assess_Sweden2023_MetOnEveryCriterionWithItsEvidence()
    {
        var result = Assess(Evidence("SWE", "SE", "Sverige", lastYear: 2023), In2024);

        Assert.Equal(AssessmentOutcome.Met, result.DataOutcome);
        Assert.Equal(AssessmentOutcome.Met, result.Outcome);
        Assert.Equal(Boras2023, result.Criteria.Select(c => c.Criterion));
        Assert.All(result.Criteria, c => Assert.Equal(AssessmentOutcome.Met, c.Outcome));

        var regime = Reading(result, PreconditionCriterion.Democracy, Indicator.VDemRegime);
        Assert.Equal((Regime.LiberalDemocracy, Regime.ElectoralDemocracy, 2023, RegimeRelease), (regime.Regime!.Value, regime.RequiredRegime!.Value, regime.Year!.Value, regime.Release!));
        Assert.Equal((0.881m, 0.844m, 0.921m), (regime.Value!.Value, regime.Low!.Value, regime.High!.Value));
        Assert.Contains("V-Dem v15", regime.Source, StringComparison.Ordinal);

        var wgi = Reading(result, PreconditionCriterion.RuleOfLaw, Indicator.WgiRuleOfLaw);
        Assert.Equal((93.4m, 1.604m, 0.165m, 50m, 2023, GovernanceRelease), (wgi.Value!.Value, wgi.Estimate!.Value, wgi.StdErr!.Value, wgi.Threshold, wgi.Year!.Value, wgi.Release!));
        Assert.Equal((0.991m, 0.6m), (Reading(result, PreconditionCriterion.RuleOfLaw, Indicator.VDemRuleOfLaw).Value!.Value, Reading(result, PreconditionCriterion.RuleOfLaw, Indicator.VDemRuleOfLaw).Threshold));
        Assert.Equal(0.961m, Reading(result, PreconditionCriterion.HumanRights, Indicator.VDemCivilLiberties).Value);
    }

    [Fact]
    public void Assess_China2023_NotMetOnEveryCriterion()
    {
        var result = Assess(Evidence("CHN", "CN", "Kina", lastYear: 2023), In2024);

        Assert.Equal(AssessmentOutcome.NotMet, result.DataOutcome);
        Assert.All(result.Criteria, c => Assert.Equal(AssessmentOutcome.NotMet, c.Outcome));
        Assert.Equal(Regime.ClosedAutocracy, Reading(result, PreconditionCriterion.Democracy, Indicator.VDemRegime).Regime);
        Assert.Equal(CountryAssessment.RegimeBelow, result.For(PreconditionCriterion.Democracy)!.ReasonKey);
        Assert.Equal(0.172m, Reading(result, PreconditionCriterion.HumanRights, Indicator.VDemCivilLiberties).Value);
        // WGI puts China at the 52.8th percentile, within 5 points of 50: unclear on its own. V-Dem's 0.237 decides.
        Assert.Equal((AssessmentOutcome.Unclear, CountryAssessment.NearLevel), (Reading(result, PreconditionCriterion.RuleOfLaw, Indicator.WgiRuleOfLaw).Outcome, Reading(result, PreconditionCriterion.RuleOfLaw, Indicator.WgiRuleOfLaw).ReasonKey));
        Assert.Equal((AssessmentOutcome.NotMet, CountryAssessment.Below), (result.For(PreconditionCriterion.RuleOfLaw)!.Outcome, result.For(PreconditionCriterion.RuleOfLaw)!.ReasonKey));
    }

    [Fact]
    public void Assess_HungaryInV15Release2024_ElectoralAutocracyIsNotADemocracy()
    {
        var result = Assess(Evidence("HUN", "HU", "Ungern"), In2025);

        var democracy = result.For(PreconditionCriterion.Democracy)!;
        Assert.Equal((AssessmentOutcome.NotMet, CountryAssessment.RegimeBelow), (democracy.Outcome, democracy.ReasonKey));
        var regime = Assert.Single(democracy.Readings);
        Assert.Equal((Regime.ElectoralAutocracy, 2024, RegimeRelease), (regime.Regime!.Value, regime.Year!.Value, regime.Release!));
        Assert.Equal((0.436m, 0.386m, 0.488m), (regime.Value!.Value, regime.Low!.Value, regime.High!.Value));
        // Civil liberties (0.822 in 2023) are above 0.7: not every criterion fails.
        Assert.Equal(AssessmentOutcome.Met, result.For(PreconditionCriterion.HumanRights)!.Outcome);
        Assert.Equal(AssessmentOutcome.NotMet, result.DataOutcome);
    }

    [Fact]
    public void Assess_Hungary2020_IntervalHoldsTheCutOff_DemocracyUnclear()
    {
        // V-Dem v15 2020: electoral autocracy, polyarchy 0.468 with a 68 % interval of 0.402–0.514.
        var result = Assess(Evidence("HUN", "HU", "Ungern", lastYear: 2020), new DateOnly(2021, 3, 1));

        var democracy = result.For(PreconditionCriterion.Democracy)!;
        Assert.Equal((AssessmentOutcome.Unclear, CountryAssessment.IntervalHoldsCutoff), (democracy.Outcome, democracy.ReasonKey));
        Assert.Equal(PreconditionCriteria.ElectoralDemocracyCutoff, democracy.Readings[0].Threshold);
    }

    [Fact]
    public void Assess_Hungary_WithLiberalDemocracyRequired_JudgedOnTheRegimeAlone()
    {
        var criteria = PreconditionCriteria.Default with { MinimumRegime = Regime.LiberalDemocracy };
        var result = Assess(Evidence("HUN", "HU", "Ungern", lastYear: 2020), new DateOnly(2021, 3, 1), criteria);
        Assert.Equal((AssessmentOutcome.NotMet, CountryAssessment.RegimeBelow), (result.For(PreconditionCriterion.Democracy)!.Outcome, result.For(PreconditionCriterion.Democracy)!.ReasonKey));
    }

    [Fact]
    public void Assess_WithoutTheRegimeRelease_UsesTheGovernanceRegime()
    {
        var result = Assess(Evidence("HUN", "HU", "Ungern", withRegimeRelease: false), In2025);

        var regime = Reading(result, PreconditionCriterion.Democracy, Indicator.VDemRegime);
        Assert.Equal((Regime.ElectoralAutocracy, 2023, GovernanceRelease, AssessmentOutcome.NotMet), (regime.Regime!.Value, regime.Year!.Value, regime.Release!, regime.Outcome));
        Assert.Null(regime.Low);
    }

    [Fact]
    public void Assess_LaterYearsThanTheAssessment_AreNotUsed()
    {
        var result = Assess(Evidence("HUN", "HU", "Ungern"), new DateOnly(2022, 6, 1));
        Assert.All(result.Criteria.SelectMany(c => c.Readings), r => Assert.Equal(2022, r.Year));
    }

    [Fact]
    public void Assess_SouthAfrica_WgiPercentileNearTheLevel_RuleOfLawUnclear()
    {
        var result = Assess(Evidence("ZAF", "ZA", "Sydafrika"), In2025);

        var wgi = Reading(result, PreconditionCriterion.RuleOfLaw, Indicator.WgiRuleOfLaw);
        Assert.Equal((54.2m, 0.086m, 0.160m, 5m, CountryAssessment.NearLevel), (wgi.Value!.Value, wgi.Estimate!.Value, wgi.StdErr!.Value, wgi.Margin!.Value, wgi.ReasonKey));
        Assert.Equal(AssessmentOutcome.Met, Reading(result, PreconditionCriterion.RuleOfLaw, Indicator.VDemRuleOfLaw).Outcome);
        Assert.Equal(AssessmentOutcome.Unclear, result.For(PreconditionCriterion.RuleOfLaw)!.Outcome);
        Assert.Equal(AssessmentOutcome.Unclear, result.DataOutcome);

        // A margin of 4 points puts 54.2 clear of 50: met.
        var narrower = Assess(Evidence("ZAF", "ZA", "Sydafrika"), In2025, PreconditionCriteria.Default with { WgiPercentileMargin = 4m });
        Assert.Equal(AssessmentOutcome.Met, narrower.DataOutcome);
    }

    [Fact]
    public void Assess_CountryInNoFile_UnclearForLackOfData()
    {
        var result = Assess(Evidence("VAT", "VA", "Vatikanstaten"), In2024);

        Assert.Equal(AssessmentOutcome.Unclear, result.DataOutcome);
        Assert.All(result.Criteria.SelectMany(c => c.Readings), r => Assert.Equal((AssessmentOutcome.Unclear, CountryAssessment.NoData, (int?)null), (r.Outcome, r.ReasonKey, r.Year)));
        Assert.Null(result.GovernanceRelease);
    }

    [Fact]
    public void Assess_AndorraWithWgiOnly_UnclearWhereVDemIsSilent()
    {
        var result = Assess(Evidence("AND", "AD", "Andorra"), In2024);

        Assert.Equal(AssessmentOutcome.Met, Reading(result, PreconditionCriterion.RuleOfLaw, Indicator.WgiRuleOfLaw).Outcome);
        Assert.Equal(CountryAssessment.NoData, Reading(result, PreconditionCriterion.RuleOfLaw, Indicator.VDemRuleOfLaw).ReasonKey);
        Assert.Equal(CountryAssessment.NoData, result.For(PreconditionCriterion.Democracy)!.ReasonKey);
        Assert.Equal(AssessmentOutcome.Unclear, result.DataOutcome);
    }

    [Fact]
    public void Assess_DataOlderThanTheMaximumAge_Unclear()
    {
        var sweden = Evidence("SWE", "SE", "Sverige", lastYear: 2023);

        var threeYears = Assess(sweden, new DateOnly(2026, 12, 31));
        var fourYears = Assess(sweden, new DateOnly(2027, 1, 1));

        Assert.Equal(AssessmentOutcome.Met, threeYears.DataOutcome);
        Assert.Equal(AssessmentOutcome.Unclear, fourYears.DataOutcome);
        Assert.All(fourYears.Criteria.SelectMany(c => c.Readings), r => Assert.Equal((CountryAssessment.TooOld, 2023), (r.ReasonKey, r.Year!.Value)));
        Assert.Equal(AssessmentOutcome.Met, Assess(sweden, new DateOnly(2027, 1, 1), PreconditionCriteria.Default with { MaxDataAgeYears = 4 }).DataOutcome);
    }

    [Fact]
    public void Assess_OnlyTheRequiredCriteria()
    {
        var result = CountryAssessment.Assess(Evidence("HUN", "HU", "Ungern"), PreconditionCriteria.Default, [PreconditionCriterion.HumanRights], In2025);
        Assert.Equal(PreconditionCriterion.HumanRights, Assert.Single(result.Criteria).Criterion);
        Assert.Equal(AssessmentOutcome.Met, result.DataOutcome);
    }

    [Fact]
    public void Assess_InvalidCriteria_IsABugOfTheCaller()
    {
        Assert.Throws<ArgumentException>(() => Assess(Evidence("SWE", "SE", "Sverige"), In2024, PreconditionCriteria.Default with { MaxDataAgeYears = 0 }));
    }

    [Theory]
    [InlineData(new[] { AssessmentOutcome.Met, AssessmentOutcome.Unclear, AssessmentOutcome.NotMet }, AssessmentOutcome.NotMet)]
    [InlineData(new[] { AssessmentOutcome.Met, AssessmentOutcome.Unclear }, AssessmentOutcome.Unclear)]
    [InlineData(new[] { AssessmentOutcome.Met, AssessmentOutcome.Met }, AssessmentOutcome.Met)]
    [InlineData(new AssessmentOutcome[0], AssessmentOutcome.Met)]
    public void Combine_NotMetBeforeUnclearBeforeMet(AssessmentOutcome[] parts, AssessmentOutcome expected) =>
        Assert.Equal(expected, CountryAssessment.Combine(parts));

    // ---- Manual judgement ----------------------------------------------------------------------------------------

    private static readonly Guid Municipality = Guid.NewGuid();
    private static readonly IReadOnlySet<string> Countries = new HashSet<string> { "SE", "CN", "HU" };
    private static readonly DateTimeOffset Morning = new(2025, 5, 2, 9, 0, 0, TimeSpan.FromHours(2));

    private static ManualJudgement Judgement(string country, string? city, AssessmentOutcome outcome, DateTimeOffset at, string reason = "Partnern är en fristående stiftelse med egen granskning.")
    {
        var (judgement, result) = ManualJudgement.Create(Municipality, new JudgementDetails(country, city, outcome, reason, "Sida-rapport 2024"), Countries, Guid.NewGuid(), at);
        Assert.True(result.IsOk, result.Error);
        return judgement!;
    }

    [Fact]
    public void Judge_OverrideDecidesTheOutcome_TheDataStays()
    {
        var data = Assess(Evidence("CHN", "CN", "Kina", lastYear: 2023), In2024);
        var judgement = Judgement("CN", null, AssessmentOutcome.Met, Morning);

        var judged = CountryAssessment.Judge(data, [judgement]);

        Assert.Equal(AssessmentOutcome.Met, judged.Outcome);
        Assert.True(judged.IsOverridden);
        Assert.Same(judgement, judged.Override);
        Assert.Equal(AssessmentOutcome.NotMet, judged.DataOutcome);
        Assert.Equal(data.Criteria, judged.Criteria);
        Assert.Equal(0.237m, Reading(judged, PreconditionCriterion.RuleOfLaw, Indicator.VDemRuleOfLaw).Value);
    }

    [Fact]
    public void Judge_NewestCountryJudgementWins_OtherCountriesIgnored()
    {
        var data = Assess(Evidence("SWE", "SE", "Sverige"), In2025);
        var judged = CountryAssessment.Judge(data,
            [Judgement("SE", null, AssessmentOutcome.NotMet, Morning), Judgement("SE", null, AssessmentOutcome.Met, Morning.AddDays(1)), Judgement("CN", null, AssessmentOutcome.NotMet, Morning.AddDays(2))]);
        Assert.Equal(AssessmentOutcome.Met, judged.Outcome);
        Assert.Equal(Morning.AddDays(1), judged.Override!.JudgedAt);
    }

    [Fact]
    public void Judge_CityInheritsTheCountry_UnlessItHasItsOwn()
    {
        var data = Assess(Evidence("HUN", "HU", "Ungern"), In2025);
        var country = Judgement("HU", null, AssessmentOutcome.NotMet, Morning);
        var pecs = Judgement("HU", "Pécs", AssessmentOutcome.Met, Morning);

        var inherited = CountryAssessment.Judge(data, [country, pecs], "Debrecen");
        var own = CountryAssessment.Judge(data, [country, pecs], " pécs ");
        var noJudgement = CountryAssessment.Judge(data, [pecs], "Debrecen");

        Assert.Equal(("Debrecen", AssessmentOutcome.NotMet), (inherited.City, inherited.Outcome));
        Assert.Same(country, inherited.Override);
        Assert.Same(pecs, own.Override);
        Assert.Equal(AssessmentOutcome.Met, own.Outcome);
        Assert.Equal(AssessmentOutcome.NotMet, own.DataOutcome);
        Assert.Null(noJudgement.Override);
        Assert.Equal(AssessmentOutcome.NotMet, noJudgement.Outcome);
    }
}
