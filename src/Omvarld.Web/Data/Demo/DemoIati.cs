namespace Omvarld.Web.Data.Demo;

/// <summary>
/// The demo's IATI settings: Borås publishes (its public organisation number), Upplands-Bro has not set up IATI yet, so
/// the demo shows both the file and the message that nothing can be exported without an identifier.
/// </summary>
internal static class DemoIati
{
    public static IatiSetting? For(DemoMunicipality m, Guid municipalityId) => m == DemoOrganisations.Boras
        ? new IatiSetting
        {
            MunicipalityId = municipalityId, Id = Guid.CreateVersion7(), Version = 1,
            OrganisationIdentifier = "SE-ON-2120001561", ReportingOrgName = m.Name, ReportingOrgType = "11", DefaultLanguage = "sv",
        }
        : null;
}
