using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Omvarld.Domain.Common;
using Omvarld.Domain.Networks;

namespace Omvarld.Web.Features.Networks;

/// <summary>The membership form's fields; the domain checks them.</summary>
public sealed class MembershipForm
{
    [Display(Name = "Field_Name")] public string? Name { get; set; }
    [Display(Name = "Membership_Kind")] public MembershipKind? Kind { get; set; }
    [Display(Name = "Membership_Level")] public NetworkLevel? Level { get; set; }
    [Display(Name = "Membership_Since")] public DateOnly? MemberSince { get; set; }
    [Display(Name = "Membership_Until")] public DateOnly? MemberUntil { get; set; }
    /// <summary>As typed: "12 500", "12500,50". Parsed here, so that Swedish digit grouping works whatever the request culture.</summary>
    [Display(Name = "Membership_Fee")] public string? FeeSek { get; set; }
    public List<Guid> RepresentativeUserIds { get; set; } = [];
    [Display(Name = "Membership_RepresentativeNames")] public string? RepresentativeNames { get; set; }
    public List<MembershipOffer> Offers { get; set; } = [];
    [Display(Name = "Membership_OtherOffers")] public string? OtherOffers { get; set; }
    [Display(Name = "Field_Website")] public string? Website { get; set; }
    public int? Version { get; set; }

    /// <summary>The request, or the failure of a fee that is not a number.</summary>
    public (MembershipRequest? Request, Result Result) ToRequest()
    {
        if (!Money.TryParse(FeeSek, out var fee)) return (null, Result.Fail("Membership_FeeInvalid", nameof(FeeSek)));
        return (new MembershipRequest(Name, Kind, Level, MemberSince, MemberUntil, fee, RepresentativeUserIds, RepresentativeNames, Offers, OtherOffers, Website, Version), Result.Ok);
    }

    public static MembershipForm From(MembershipDto m) => new()
    {
        Name = m.Name, Kind = m.Kind, Level = m.Level, MemberSince = m.MemberSince, MemberUntil = m.MemberUntil,
        FeeSek = m.FeeSek?.ToString("0.##", CultureInfo.GetCultureInfo("sv-SE")), RepresentativeUserIds = m.Representatives.Select(r => r.Id).ToList(),
        RepresentativeNames = m.RepresentativeNames, Offers = m.Offers.ToList(), OtherOffers = m.OtherOffers, Website = m.Website, Version = m.Version,
    };
}

/// <summary>The twin-town form's fields; the domain checks them.</summary>
public sealed class TwinTownForm
{
    [Display(Name = "TwinTown_City")] public string? City { get; set; }
    [Display(Name = "Field_CountryCode")] public string? CountryCode { get; set; }
    [Display(Name = "TwinTown_Kind")] public TwinTownKind? Kind { get; set; }
    [Display(Name = "TwinTown_Since")] public DateOnly? Since { get; set; }
    [Display(Name = "TwinTown_Status")] public TwinTownStatus? Status { get; set; }
    [Display(Name = "TwinTown_CaseNumber")] public string? CaseNumber { get; set; }
    [Display(Name = "TwinTown_OurContact")] public Guid? OurContactUserId { get; set; }
    [Display(Name = "TwinTown_TheirContactName")] public string? TheirContactName { get; set; }
    [Display(Name = "TwinTown_TheirContactRole")] public string? TheirContactRole { get; set; }
    [Display(Name = "TwinTown_TheirContactDetails")] public string? TheirContactDetails { get; set; }
    public int? Version { get; set; }

    public TwinTownRequest ToRequest() =>
        new(City, CountryCode, Kind, Since, Status, CaseNumber, OurContactUserId, TheirContactName, TheirContactRole, TheirContactDetails, Version);

    public static TwinTownForm From(TwinTownDto t) => new()
    {
        City = t.City, CountryCode = t.CountryCode, Kind = t.Kind, Since = t.Since, Status = t.Status, CaseNumber = t.CaseNumber,
        OurContactUserId = t.OurContact?.Id, TheirContactName = t.TheirContactName, TheirContactRole = t.TheirContactRole,
        TheirContactDetails = t.TheirContactDetails, Version = t.Version,
    };
}

/// <summary>Kronor as a Swede types them: spaces (also non-breaking) between thousands, a decimal comma or point.</summary>
public static class Money
{
    /// <summary>"12 500 kr", "12 500,5 kr": öre only when there are any.</summary>
    public static string Text(decimal sek) => sek.ToString("#,##0.##", CultureInfo.GetCultureInfo("sv-SE")) + " kr";

    public static bool TryParse(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var clean = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '\u00a0' && c != '\u202f').ToArray())
            .Replace("kr", "", StringComparison.OrdinalIgnoreCase).Replace(',', '.').Replace('\u2212', '-');
        if (!decimal.TryParse(clean, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)) return false;
        value = parsed;
        return true;
    }
}
