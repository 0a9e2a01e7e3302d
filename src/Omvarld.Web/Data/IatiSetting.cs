using Omvarld.Domain.Common;

namespace Omvarld.Web.Data;

/// <summary>
/// The municipality's IATI publisher settings: its organisation identifier (<c>SE-ON-2120001561</c>: the Swedish
/// registration agency prefix and the organisation number), the reporting organisation's name and type, and the
/// default language. The currency is always SEK: funding lines are converted to SEK when they are entered.
/// Absent: nothing can be exported.
/// </summary>
public sealed class IatiSetting : ITenantOwned, IAudited, IVersioned
{
    public const int IdentifierMaxLength = 100;
    public const int NameMaxLength = 200;

    public Guid MunicipalityId { get; set; }
    public Guid Id { get; set; }
    public string OrganisationIdentifier { get; set; } = "";
    public string ReportingOrgName { get; set; } = "";
    /// <summary>A code of the IATI OrganisationType codelist (11 = local government).</summary>
    public string ReportingOrgType { get; set; } = "11";
    /// <summary>ISO 639-1, lower case.</summary>
    public string DefaultLanguage { get; set; } = "sv";
    public int Version { get; set; }
}
