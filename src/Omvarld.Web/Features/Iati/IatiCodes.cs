using System.Text.RegularExpressions;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Partners;

namespace Omvarld.Web.Features.Iati;

/// <summary>
/// The few IATI 2.03 codes the export uses, from the IATI codelists (iatistandard.org/en/iati-standard/203/codelists):
/// OrganisationType, OrganisationRole, ActivityStatus, ActivityDateType, SectorVocabulary 1 (OECD DAC CRS 5-digit),
/// TagVocabulary 2 and 3 (SDG goals and targets), TransactionType, BudgetType, BudgetStatus, ResultType, IndicatorMeasure,
/// ContactType and DescriptionType.
/// </summary>
public static partial class IatiCodes
{
    public const string Version = "2.03";
    public const string Currency = "SEK";

    /// <summary>OrganisationType: the codes a municipality's reporting organisation may have, 11 (local government) first.</summary>
    public static readonly IReadOnlyList<string> ReportingOrgTypes = ["11", "10", "15", "30", "70", "90"];

    public const string LocalGovernment = "11", Government = "10", NationalNgo = "22", PartnerCountryNgo = "24", Multilateral = "40",
        PrivateSector = "70", Academic = "80", Other = "90";

    /// <summary>OrganisationRole.</summary>
    public const string RoleFunding = "1", RoleExtending = "2", RoleImplementing = "4";

    /// <summary>ActivityDateType.</summary>
    public const string PlannedStart = "1", ActualStart = "2", PlannedEnd = "3", ActualEnd = "4";

    /// <summary>TransactionType.</summary>
    public const string IncomingFunds = "1", IncomingCommitment = "11";

    /// <summary>DescriptionType: 1 general, 2 objectives.</summary>
    public const string DescriptionGeneral = "1", DescriptionObjectives = "2";

    /// <summary>ResultType 2 (outcome), IndicatorMeasure 5 (qualitative): a narrative report.</summary>
    public const string ResultOutcome = "2", MeasureQualitative = "5";

    /// <summary>SectorVocabulary 1: OECD DAC CRS purpose codes (5 digit); TagVocabulary 2: SDG goals, 3: SDG targets.</summary>
    public const string SectorDac5 = "1", TagSdgGoal = "2", TagSdgTarget = "3";

    /// <summary>
    /// ActivityStatus from the workflow: approved is 1 (pipeline/identification), ongoing 2 (implementation), completed 3
    /// (finalisation: the results are being reported), results reported 4 (closed). Null: not exported (draft, submitted, rejected, withdrawn).
    /// </summary>
    public static string? ActivityStatus(Domain.Activities.ActivityStatus status) => status switch
    {
        Domain.Activities.ActivityStatus.Approved => "1",
        Domain.Activities.ActivityStatus.Ongoing => "2",
        Domain.Activities.ActivityStatus.Completed => "3",
        Domain.Activities.ActivityStatus.ResultsReported => "4",
        _ => null,
    };

    /// <summary>OrganisationType of a partner; an NGO is national (22) in Sweden and partner-country based (24) abroad.</summary>
    public static string OrganisationType(PartnerType type, string countryCode) => type switch
    {
        PartnerType.Municipality or PartnerType.Region => LocalGovernment,
        PartnerType.University or PartnerType.School => Academic,
        PartnerType.Company => PrivateSector,
        PartnerType.Ngo => countryCode == "SE" ? NationalNgo : PartnerCountryNgo,
        PartnerType.Authority => Government,
        _ => Other,
    };

    /// <summary>OrganisationType of a funder: an EU programme is the EU (multilateral), a Swedish funder (ICLD, SI) a government body.</summary>
    public static string FunderType(FundingSource source, FunderKind? kind) => source switch
    {
        FundingSource.EuProgramme => Multilateral,
        FundingSource.OwnBudget => LocalGovernment,
        _ => kind == FunderKind.National ? Government : Other,
    };

    /// <summary>
    /// The DAC 5-digit sector of an activity: from its first SDG goal where the goal has an obvious purpose code, else
    /// 15112 (decentralisation and support to subnational government: what municipal partnerships are) for aid, and
    /// 43010 (multisector aid) for the other kinds a coordinator chooses.
    /// </summary>
    public static string Sector(ActivityKind kind, IEnumerable<int> sdgGoals)
    {
        foreach (var goal in sdgGoals)
            if (SectorBySdg.TryGetValue(goal, out var code)) return code;
        return kind == ActivityKind.AidOrDevelopmentCooperation ? "15112" : "43010";
    }

    private static readonly Dictionary<int, string> SectorBySdg = new()
    {
        [3] = "12110",  // Health policy and administrative management
        [4] = "11110",  // Education policy and administrative management
        [5] = "15170",  // Women's rights organisations and movements, and government institutions
        [6] = "14010",  // Water sector policy and administrative management
        [7] = "23110",  // Energy policy and administrative management
        [8] = "16020",  // Employment creation
        [11] = "43030", // Urban development and management
        [13] = "41010", // Environmental policy and administrative management
        [16] = "15112", // Decentralisation and support to subnational government
    };

    /// <summary>
    /// An organisation identifier: registration agency prefix (country and agency, e.g. <c>SE-ON</c>) and the organisation's
    /// number. A Swedish organisation number (SE-ON) has ten digits. No spaces, slashes, ampersands, question marks or bars.
    /// </summary>
    public static bool IsOrganisationIdentifier(string? value) =>
        value is not null && Identifier().IsMatch(value) && (!value.StartsWith("SE-ON-", StringComparison.Ordinal) || SwedishOrgNumber().IsMatch(value));

    [GeneratedRegex("^[A-Z]{2}-[A-Z0-9]{2,10}-[A-Za-z0-9][A-Za-z0-9._-]{0,80}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    [GeneratedRegex("^SE-ON-[0-9]{10}$", RegexOptions.CultureInvariant)]
    private static partial Regex SwedishOrgNumber();

    [GeneratedRegex("^[a-z]{2}$", RegexOptions.CultureInvariant)]
    public static partial Regex Language();

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    public static partial Regex CountryCode();
}
