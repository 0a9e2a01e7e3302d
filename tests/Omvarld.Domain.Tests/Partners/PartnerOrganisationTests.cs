using Omvarld.Domain.Partners;

namespace Omvarld.Domain.Tests.Partners;

public class PartnerOrganisationTests
{
    private static readonly Guid Municipality = Guid.NewGuid();
    private static readonly IReadOnlySet<string> Countries = new HashSet<string> { "SE", "FI", "LT", "KE" };

    private static PartnerDetails Turku(string? country = "FI", string? website = "https://www.turku.fi") =>
        new("  Åbo   stad ", PartnerType.Municipality, "Åbo", country, website);

    [Fact]
    public void Create_Valid_IsCleanedAndOwnedByTheMunicipality()
    {
        var (partner, result) = PartnerOrganisation.Create(Municipality, Turku(country: " fi "), Countries);
        Assert.True(result.IsOk, result.Error);
        Assert.Equal(("Åbo stad", "FI", Municipality), (partner!.Name, partner.CountryCode, partner.MunicipalityId));
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("FIN")]
    [InlineData("Finland")]
    public void Create_CountryNotInTheList_IsRefused(string country)
    {
        var (partner, result) = PartnerOrganisation.Create(Municipality, Turku(country: country), Countries);
        Assert.Null(partner);
        Assert.Equal(("Partner_CountryUnknown", "CountryCode"), (result.Error, result.Field));
    }

    [Fact]
    public void Create_NoCountry_IsRequired() =>
        Assert.Equal("Partner_CountryRequired", PartnerOrganisation.Create(Municipality, Turku(country: " "), Countries).Result.Error);

    [Theory]
    [InlineData("turku.fi")]
    [InlineData("ftp://turku.fi")]
    [InlineData("https://")]
    public void Create_WebsiteNotAWebAddress_IsRefused(string website) =>
        Assert.Equal("Partner_WebsiteInvalid", PartnerOrganisation.Create(Municipality, Turku(website: website), Countries).Result.Error);

    [Fact]
    public void Create_NoNameOrUnknownType_IsRefused()
    {
        Assert.Equal("Partner_NameRequired", PartnerOrganisation.Create(Municipality, Turku() with { Name = "" }, Countries).Result.Error);
        Assert.Equal("Partner_TypeInvalid", PartnerOrganisation.Create(Municipality, Turku() with { Type = (PartnerType)99 }, Countries).Result.Error);
    }

    [Fact]
    public void Update_RefusedInput_ChangesNothing()
    {
        var (partner, _) = PartnerOrganisation.Create(Municipality, Turku(), Countries);
        Assert.Equal("Partner_CountryUnknown", partner!.Update(Turku(country: "ZZ") with { Name = "Turun kaupunki" }, Countries).Error);
        Assert.Equal(("Åbo stad", "FI"), (partner.Name, partner.CountryCode));
    }
}
