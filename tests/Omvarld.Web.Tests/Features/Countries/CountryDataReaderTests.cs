using Omvarld.Domain.Countries;
using Omvarld.Web.Features.Countries;
using static Omvarld.Web.Tests.Features.Countries.CountryFiles;

namespace Omvarld.Web.Tests.Features.Countries;

public sealed class CountryDataReaderTests
{
    private readonly CountryDataReader _reader = Reader();

    [Fact]
    public void Read_ShippedGovernance_AllRows()
    {
        var file = _reader.Read(DataReleaseKind.Governance, Bytes(GovernanceLines()));
        Assert.Empty(file.Errors);
        Assert.Equal(1080, file.Governance.Count);
        var sweden = file.Governance.Single(g => g.Iso3 == "SWE" && g.Year == 2023);
        Assert.Equal(Regime.LiberalDemocracy, sweden.Regime);
        Assert.Equal(0.852m, sweden.LiberalDemocracy);
        Assert.Equal(1.575m, sweden.WgiVoiceEstimate);
        Assert.Equal(0.111m, sweden.WgiVoiceStdErr);
        Assert.Equal(97.1m, sweden.WgiVoicePercentile);
        // WGI-only rows have no regime; V-Dem's own entity codes are accepted.
        Assert.Null(file.Governance.First(g => g.Iso3 == "AND").Regime);
        Assert.Contains(file.Governance, g => g.Iso3 == "SML");
    }

    [Fact]
    public void Read_ShippedRegime_AllRows()
    {
        var file = _reader.Read(DataReleaseKind.Regime, Bytes(RegimeLines()));
        Assert.Empty(file.Errors);
        Assert.Equal(895, file.Regimes.Count);
        var sweden = file.Regimes.Single(r => r.Iso3 == "SWE" && r.Year == 2024);
        Assert.Equal(new RegimeYear("SWE", 2024, Regime.LiberalDemocracy, 0.881m, 0.844m, 0.921m, sweden.Source), sweden);
    }

    [Fact]
    public void Read_WrongKind_NamesUnknownAndMissingColumns()
    {
        var file = _reader.Read(DataReleaseKind.Regime, Bytes(Only(GovernanceLines(), "SWE")));
        Assert.False(file.IsValid);
        Assert.Empty(file.Regimes);
        Assert.All(file.Errors, e => Assert.Equal(1, e.Line));
        Assert.Contains(file.Errors, e => e.Field == "v2x_libdem" && e.Message.Contains("Okänd kolumn"));
        Assert.Contains(file.Errors, e => e.Field == "v2x_polyarchy_codelow" && e.Message.Contains("saknas"));
    }

    [Fact]
    public void Read_RenamedColumn_UnknownAndMissing()
    {
        var lines = Only(GovernanceLines(), "SWE");
        lines[0] = lines[0].Replace("v2x_rule", "v2x_rules");
        var file = _reader.Read(DataReleaseKind.Governance, Bytes(lines));
        Assert.Equal([(1, "v2x_rules"), (1, "v2x_rule")], file.Errors.Select(e => (e.Line, e.Field)));
    }

    [Theory]
    [InlineData("iso3", "XXX", "ingen känd landskod")]
    [InlineData("year", "1850", "inget år")]
    [InlineData("v2x_libdem", "1.2", "utanför skalan 0–1")]
    [InlineData("v2x_civlib", "hög", "inget tal")]
    [InlineData("wgi_va_est", "-3.5", "utanför skalan")]
    [InlineData("wgi_va_stderr", "-0.1", "mindre än 0")]
    [InlineData("wgi_rl_pctrank", "100.5", "utanför skalan 0–100")]
    [InlineData("v2x_regime", "4", "ingen klassificering")]
    [InlineData("regime_label", "Electoral democracy", "stämmer inte")]
    [InlineData("source", "", "Värde saknas")]
    public void Read_BadGovernanceValue_LineAndField(string column, string value, string message)
    {
        var lines = Only(GovernanceLines(), "SWE");
        lines[3] = With(lines[0], lines[3], column, value);
        var file = _reader.Read(DataReleaseKind.Governance, Bytes(lines));
        var error = Assert.Single(file.Errors);
        Assert.Equal((4, column), (error.Line, error.Field));
        Assert.Contains(message, error.Message);
        Assert.Empty(file.Governance);
    }

    [Theory]
    [InlineData("v2x_polyarchy", "0.95", "utanför sitt intervall")]
    [InlineData("v2x_polyarchy_codelow", "0.99", "större än den övre")]
    [InlineData("regime_label", "Liberal Democracy", "stämmer inte")]
    [InlineData("v2x_regime", "", "Värde saknas")]
    public void Read_BadRegimeValue_LineAndField(string column, string value, string message)
    {
        var lines = Only(RegimeLines(), "SWE");
        lines[2] = With(lines[0], lines[2], column, value);
        var file = _reader.Read(DataReleaseKind.Regime, Bytes(lines));
        var error = Assert.Single(file.Errors, e => e.Field == column);
        Assert.Equal(3, error.Line);
        Assert.Contains(message, error.Message);
        Assert.Empty(file.Regimes);
    }

    [Fact]
    public void Read_DuplicateCountryYear_NamesTheFirstLine()
    {
        var lines = Only(RegimeLines(), "SWE");
        lines.Add(lines[1]);
        var file = _reader.Read(DataReleaseKind.Regime, Bytes(lines));
        var error = Assert.Single(file.Errors);
        Assert.Equal((7, "year"), (error.Line, error.Field));
        Assert.Contains("rad 2", error.Message);
    }

    [Fact]
    public void Read_ShortRowAndNotUtf8_Rejected()
    {
        var lines = Only(RegimeLines(), "SWE");
        lines[1] = "SWE,Sweden,2020";
        Assert.Equal((2, ""), _reader.Read(DataReleaseKind.Regime, Bytes(lines)).Errors.Select(e => (e.Line, e.Field)).Single());
        Assert.Contains("UTF-8", _reader.Read(DataReleaseKind.Regime, [0x69, 0x73, 0x6f, 0xff, 0xfe]).Errors.Single().Message);
    }

    [Fact]
    public void Read_ManyErrors_CappedButCounted()
    {
        var lines = GovernanceLines().Select((l, i) => i == 0 ? l : "XXX" + l[3..]).ToList();
        var file = _reader.Read(DataReleaseKind.Governance, Bytes(lines));
        Assert.Equal(CountryDataReader.MaxErrors, file.Errors.Count);
        Assert.True(file.ErrorCount >= 1080);
    }
}
