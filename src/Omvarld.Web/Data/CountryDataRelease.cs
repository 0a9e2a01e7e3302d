using Omvarld.Domain.Countries;

namespace Omvarld.Web.Data;

/// <summary>
/// One imported file of country data (<c>SeedData/Reference/README.md</c>): reference data shared by every
/// municipality, so not tenant-owned. The newest active release of each kind is the one in use; older releases are
/// kept, rows and all, so that an assessment can name and reread the release it was made with.
/// </summary>
public sealed class CountryDataRelease
{
    public const int NameMaxLength = 200;
    public const int FileNameMaxLength = 255;
    public const int ImportedByMaxLength = 256;
    public const int AttributionMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DataReleaseKind Kind { get; set; }
    /// <summary>E.g. "V-Dem v14 + WGI 2024" or "V-Dem v15 (ERT)"; shown beside every value read from it.</summary>
    public string Name { get; set; } = "";
    public DateTime ImportedAt { get; set; }
    public Guid? ImportedByUserId { get; set; }
    /// <summary>Who imported it, as shown: a user's e-mail, "kommandorad (user)" or the shipped data's marker.</summary>
    public string ImportedBy { get; set; } = "";
    public string FileName { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public int RowCount { get; set; }
    public int FirstYear { get; set; }
    public int LastYear { get; set; }
    /// <summary>The attribution the data's licences require, shown wherever the data is shown (paragraphs split by a blank line).</summary>
    public string Attribution { get; set; } = "";
    public bool IsActive { get; set; } = true;
}

/// <summary>One country-year of a governance release: <see cref="GovernanceYear"/> as stored.</summary>
public sealed class GovernanceRow
{
    public Guid ReleaseId { get; set; }
    public string Iso3 { get; set; } = "";
    public int Year { get; set; }
    public Regime? Regime { get; set; }
    public decimal? LiberalDemocracy { get; set; }
    public decimal? ElectoralDemocracy { get; set; }
    public decimal? CivilLiberties { get; set; }
    public decimal? RuleOfLaw { get; set; }
    public decimal? WgiVoiceEstimate { get; set; }
    public decimal? WgiVoiceStdErr { get; set; }
    public decimal? WgiVoicePercentile { get; set; }
    public decimal? WgiRuleOfLawEstimate { get; set; }
    public decimal? WgiRuleOfLawStdErr { get; set; }
    public decimal? WgiRuleOfLawPercentile { get; set; }
    public string Source { get; set; } = "";

    public static GovernanceRow From(Guid releaseId, GovernanceYear y) => new()
    {
        ReleaseId = releaseId, Iso3 = y.Iso3, Year = y.Year, Regime = y.Regime,
        LiberalDemocracy = y.LiberalDemocracy, ElectoralDemocracy = y.ElectoralDemocracy, CivilLiberties = y.CivilLiberties, RuleOfLaw = y.RuleOfLaw,
        WgiVoiceEstimate = y.WgiVoiceEstimate, WgiVoiceStdErr = y.WgiVoiceStdErr, WgiVoicePercentile = y.WgiVoicePercentile,
        WgiRuleOfLawEstimate = y.WgiRuleOfLawEstimate, WgiRuleOfLawStdErr = y.WgiRuleOfLawStdErr, WgiRuleOfLawPercentile = y.WgiRuleOfLawPercentile,
        Source = y.Source,
    };

    public GovernanceYear ToRecord() => new(Iso3, Year, Regime, LiberalDemocracy, ElectoralDemocracy, CivilLiberties, RuleOfLaw,
        WgiVoiceEstimate, WgiVoiceStdErr, WgiVoicePercentile, WgiRuleOfLawEstimate, WgiRuleOfLawStdErr, WgiRuleOfLawPercentile, Source);
}

/// <summary>One country-year of a regime release: <see cref="RegimeYear"/> as stored.</summary>
public sealed class RegimeRow
{
    public Guid ReleaseId { get; set; }
    public string Iso3 { get; set; } = "";
    public int Year { get; set; }
    public Regime Regime { get; set; }
    public decimal? ElectoralDemocracy { get; set; }
    public decimal? ElectoralDemocracyLow { get; set; }
    public decimal? ElectoralDemocracyHigh { get; set; }
    public string Source { get; set; } = "";

    public static RegimeRow From(Guid releaseId, RegimeYear y) => new()
    {
        ReleaseId = releaseId, Iso3 = y.Iso3, Year = y.Year, Regime = y.Regime,
        ElectoralDemocracy = y.ElectoralDemocracy, ElectoralDemocracyLow = y.ElectoralDemocracyLow, ElectoralDemocracyHigh = y.ElectoralDemocracyHigh,
        Source = y.Source,
    };

    public RegimeYear ToRecord() => new(Iso3, Year, Regime, ElectoralDemocracy, ElectoralDemocracyLow, ElectoralDemocracyHigh, Source);
}
