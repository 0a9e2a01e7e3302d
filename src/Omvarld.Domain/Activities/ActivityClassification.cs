using Omvarld.Domain.Common;

namespace Omvarld.Domain.Activities;

/// <summary>
/// R6: what an activity is by Borås 2009's definitions (003, "Definitioner"), derived from its partners' countries and
/// its funding, never typed by a user. The three are independent: an EU-funded project with only Swedish partners is an
/// EU project and not an international activity.
/// </summary>
/// <param name="IsInternational">
/// <i>Internationella aktiviteter</i>: done with organisations from other countries, in or outside the EU, or clearly
/// aimed at enabling such work (<see cref="Activity.AimedAtEnablingInternationalWork"/>).
/// </param>
/// <param name="IsEuropeanProject">
/// <i>Europeiska projekt</i>: partners outside Sweden and "i huvudsak" funded by funds and programmes, read as external
/// funding above half of the total in SEK (<see cref="FundingSummary.ExternalShare"/> &gt; 0.5).
/// </param>
/// <param name="IsEuProject">
/// <i>EU-projekt</i>: the EU co-finances it, read as at least one EU-programme line applied for, granted or paid. A
/// planned line is only an intention and a rejected one finances nothing (<see cref="FundingLine.CountsAsFunding"/>).
/// </param>
public sealed record ActivityClassification(bool IsInternational, bool IsEuropeanProject, bool IsEuProject)
{
    public static ActivityClassification Of(IEnumerable<string> partnerCountries, bool aimedAtEnablingInternationalWork, IEnumerable<FundingLine> funding, string homeCountry = CountryCodes.Sweden)
    {
        var lines = funding.ToList();
        var foreignPartner = partnerCountries.Any(c => !string.Equals(c, homeCountry, StringComparison.OrdinalIgnoreCase));
        var summary = FundingSummary.Of(lines);
        return new(
            foreignPartner || aimedAtEnablingInternationalWork,
            foreignPartner && summary.ExternalShare > 0.5m,
            lines.Any(l => l.Source == FundingSource.EuProgramme && l.CountsAsFunding));
    }

    /// <param name="partnerCountries">Partner id → alpha-2 country for every partner of the activity (the caller loads them).</param>
    public static ActivityClassification Of(Activity activity, IReadOnlyDictionary<Guid, string> partnerCountries, string homeCountry = CountryCodes.Sweden) =>
        Of(activity.Partners.Select(p => partnerCountries.TryGetValue(p.PartnerId, out var country)
                ? country
                : throw new KeyNotFoundException($"No country given for partner {p.PartnerId} of activity {activity.Id}.")),
            activity.AimedAtEnablingInternationalWork, activity.Funding, homeCountry);
}
