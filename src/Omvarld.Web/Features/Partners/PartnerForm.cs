using System.ComponentModel.DataAnnotations;
using Omvarld.Domain.Partners;

namespace Omvarld.Web.Features.Partners;

/// <summary>The partner form's fields, shared by the create and edit pages; the domain checks them.</summary>
public sealed class PartnerFormInput
{
    [Display(Name = "Field_Name")] public string? Name { get; set; }
    [Display(Name = "Field_PartnerType")] public PartnerType? Type { get; set; }
    [Display(Name = "Field_City")] public string? City { get; set; }
    [Display(Name = "Field_CountryCode")] public string? CountryCode { get; set; }
    [Display(Name = "Field_Website")] public string? Website { get; set; }
    public int? Version { get; set; }

    public PartnerInput ToInput() => new(Name, Type, City, CountryCode, Website, Version);

    public static PartnerFormInput From(PartnerDto p) =>
        new() { Name = p.Name, Type = p.Type, City = p.City, CountryCode = p.CountryCode, Website = p.Website, Version = p.Version };
}
