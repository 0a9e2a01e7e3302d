using System.Text.Json;
using Omvarld.Domain.Common;
using Omvarld.Domain.Countries;

namespace Omvarld.Domain.Tests.Countries;

public class PreconditionCriteriaTests
{
    [Fact]
    public void Default_IsValid_WithTheDocumentedLevels()
    {
        var d = PreconditionCriteria.Default;
        Assert.Empty(d.Validate());
        Assert.Equal((Regime.ElectoralDemocracy, 0.6m, 50m, 5m, 0.7m, 3),
            (d.MinimumRegime, d.MinimumVDemRuleOfLaw, d.MinimumWgiRuleOfLawPercentile, d.WgiPercentileMargin, d.MinimumCivilLiberties, d.MaxDataAgeYears));
    }

    public static TheoryData<PreconditionCriteria, string, string> Invalid => new()
    {
        { PreconditionCriteria.Default with { MinimumRegime = Regime.ElectoralAutocracy }, "Criteria_MinimumRegimeInvalid", nameof(PreconditionCriteria.MinimumRegime) },
        { PreconditionCriteria.Default with { MinimumRegime = (Regime)7 }, "Criteria_MinimumRegimeInvalid", nameof(PreconditionCriteria.MinimumRegime) },
        { PreconditionCriteria.Default with { MinimumVDemRuleOfLaw = 1.01m }, "Criteria_VDemRuleOfLawOutOfRange", nameof(PreconditionCriteria.MinimumVDemRuleOfLaw) },
        { PreconditionCriteria.Default with { MinimumVDemRuleOfLaw = -0.1m }, "Criteria_VDemRuleOfLawOutOfRange", nameof(PreconditionCriteria.MinimumVDemRuleOfLaw) },
        { PreconditionCriteria.Default with { MinimumWgiRuleOfLawPercentile = 100.5m }, "Criteria_WgiPercentileOutOfRange", nameof(PreconditionCriteria.MinimumWgiRuleOfLawPercentile) },
        { PreconditionCriteria.Default with { WgiPercentileMargin = 26m }, "Criteria_WgiMarginOutOfRange", nameof(PreconditionCriteria.WgiPercentileMargin) },
        { PreconditionCriteria.Default with { WgiPercentileMargin = -1m }, "Criteria_WgiMarginOutOfRange", nameof(PreconditionCriteria.WgiPercentileMargin) },
        { PreconditionCriteria.Default with { MinimumCivilLiberties = 1.5m }, "Criteria_CivilLibertiesOutOfRange", nameof(PreconditionCriteria.MinimumCivilLiberties) },
        { PreconditionCriteria.Default with { MaxDataAgeYears = 0 }, "Criteria_MaxDataAgeOutOfRange", nameof(PreconditionCriteria.MaxDataAgeYears) },
        { PreconditionCriteria.Default with { MaxDataAgeYears = 11 }, "Criteria_MaxDataAgeOutOfRange", nameof(PreconditionCriteria.MaxDataAgeYears) },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_OutOfScale_NamesTheField(PreconditionCriteria criteria, string key, string field)
    {
        var error = Assert.Single(criteria.Validate());
        Assert.Equal((key, field), (error.Error, error.Field));
    }

    [Fact]
    public void Validate_EdgesOfTheScales_AreValid()
    {
        var edges = new PreconditionCriteria
        {
            MinimumRegime = Regime.LiberalDemocracy, MinimumVDemRuleOfLaw = 1m, MinimumWgiRuleOfLawPercentile = 0m,
            WgiPercentileMargin = 0m, MinimumCivilLiberties = 0m, MaxDataAgeYears = 10,
        };
        Assert.Empty(edges.Validate());
    }

    [Fact]
    public void Validate_EveryProblemAtOnce()
    {
        var all = new PreconditionCriteria { MinimumVDemRuleOfLaw = 2m, MinimumCivilLiberties = 2m, MaxDataAgeYears = 20 };
        Assert.Equal(["Criteria_VDemRuleOfLawOutOfRange", "Criteria_CivilLibertiesOutOfRange", "Criteria_MaxDataAgeOutOfRange"], all.Validate().Select(r => r.Error!));
    }

    [Fact]
    public void Json_RoundTrips_AndMissingFieldsTakeTheDefaults()
    {
        var criteria = PreconditionCriteria.Default with { MinimumVDemRuleOfLaw = 0.75m, MaxDataAgeYears = 2 };

        var back = JsonSerializer.Deserialize<PreconditionCriteria>(JsonSerializer.Serialize(criteria));
        var partial = JsonSerializer.Deserialize<PreconditionCriteria>("""{"MinimumCivilLiberties":0.8}""");

        Assert.Equal(criteria, back);
        Assert.Equal(PreconditionCriteria.Default with { MinimumCivilLiberties = 0.8m }, partial);
    }

    [Fact]
    public void ResultArgs_CarryTheLimits()
    {
        Result error = Assert.Single((PreconditionCriteria.Default with { MaxDataAgeYears = 0 }).Validate());
        Assert.Equal(new object[] { 1, 10 }, error.Args);
    }
}
