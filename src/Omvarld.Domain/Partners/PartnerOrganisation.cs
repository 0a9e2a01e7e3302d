using Omvarld.Domain.Common;

namespace Omvarld.Domain.Partners;

/// <summary>What the partner form and the API send for one partner organisation.</summary>
public sealed record PartnerDetails(string? Name, PartnerType Type, string? City, string? CountryCode, string? Website);

/// <summary>
/// A partner organisation (<i>samarbetspart</i>) in a municipality's own directory, reused across its activities.
/// A Swedish partner is a partner like any other; whether it makes an activity international is for
/// <see cref="Activities.ActivityClassification"/> to say, from the country.
/// </summary>
public sealed class PartnerOrganisation : ITenantOwned, IAudited, IVersioned
{
    public const int NameMaxLength = 200;
    public const int CityMaxLength = 100;
    public const int WebsiteMaxLength = 500;

    private PartnerOrganisation() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public PartnerType Type { get; private set; }
    public string? City { get; private set; }
    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string CountryCode { get; private set; } = "";
    public string? Website { get; private set; }
    public int Version { get; set; }

    /// <param name="countries">The alpha-2 codes the caller knows (countries.csv).</param>
    public static (PartnerOrganisation? Value, Result Result) Create(Guid municipalityId, PartnerDetails details, IReadOnlySet<string> countries)
    {
        var partner = new PartnerOrganisation { MunicipalityId = municipalityId, Id = Guid.CreateVersion7() };
        var result = partner.Update(details, countries);
        return result.IsOk ? (partner, result) : (null, result);
    }

    /// <summary>Changes every field or none.</summary>
    public Result Update(PartnerDetails details, IReadOnlySet<string> countries)
    {
        var name = Text.Clean(details.Name);
        if (name is null) return Result.Fail("Partner_NameRequired", nameof(Name));
        if (name.Length > NameMaxLength) return Result.Fail("Partner_NameTooLong", nameof(Name));
        if (!Enum.IsDefined(details.Type)) return Result.Fail("Partner_TypeInvalid", nameof(Type));
        var city = Text.Clean(details.City);
        if (city is { Length: > CityMaxLength }) return Result.Fail("Partner_CityTooLong", nameof(City));
        if (string.IsNullOrWhiteSpace(details.CountryCode)) return Result.Fail("Partner_CountryRequired", nameof(CountryCode));
        var country = CountryCodes.Normalise(details.CountryCode, countries);
        if (country is null) return Result.Fail("Partner_CountryUnknown", nameof(CountryCode));
        string? website = null;
        if (!string.IsNullOrWhiteSpace(details.Website))
        {
            website = Text.WebAddress(details.Website, WebsiteMaxLength);
            if (website is null) return Result.Fail("Partner_WebsiteInvalid", nameof(Website));
        }

        Name = name;
        Type = details.Type;
        City = city;
        CountryCode = country;
        Website = website;
        return Result.Ok;
    }
}
