using Omvarld.Domain.Common;

namespace Omvarld.Web.Data;

/// <summary>The licences a municipality may put its open data under (R20).</summary>
public enum OpenDataLicence
{
    /// <summary>Creative Commons Attribution 4.0: reuse with attribution. The default.</summary>
    CcBy40 = 1,
    /// <summary>Creative Commons Zero 1.0: no rights reserved.</summary>
    Cc0 = 2,
}

/// <summary>
/// R20, <i>offentlighetsprincipen</i>: how a municipality publishes its open data — under which licence, and which
/// function mailbox answers questions about it (public, so never a person's address). Absent: CC BY 4.0 and no contact.
/// </summary>
public sealed class OpenDataSetting : ITenantOwned, IAudited, IVersioned
{
    public const int ContactEmailMaxLength = 254;

    public Guid MunicipalityId { get; set; }
    public Guid Id { get; set; }
    public OpenDataLicence Licence { get; set; } = OpenDataLicence.CcBy40;
    public string? ContactEmail { get; set; }
    public int Version { get; set; }
}
