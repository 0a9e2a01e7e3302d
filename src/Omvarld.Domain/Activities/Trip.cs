using Omvarld.Domain.Common;

namespace Omvarld.Domain.Activities;

/// <summary>What the trip form and the API send for one trip.</summary>
/// <param name="Travellers">Who travels, as the unit writes it (names or roles). Personal data: never published.</param>
/// <param name="CostSek">The trip's total cost in SEK, when known.</param>
public sealed record TripInput(
    string? Travellers,
    int TravellerCount,
    string? City,
    string? CountryCode,
    DateOnly DepartOn,
    DateOnly ReturnOn,
    decimal? CostSek,
    string? Purpose);

/// <summary>A trip made for the activity: who travels, where, when, at what cost and why (R4).</summary>
public sealed class Trip : ITenantOwned, IAudited
{
    public const int TravellersMaxLength = 500;
    public const int MaxTravellerCount = 500;
    public const int CityMaxLength = 100;
    public const int PurposeMaxLength = 2000;

    private Trip() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public string Travellers { get; private set; } = "";
    public int TravellerCount { get; private set; }
    public string City { get; private set; } = "";
    public string CountryCode { get; private set; } = "";
    public DateOnly DepartOn { get; private set; }
    public DateOnly ReturnOn { get; private set; }
    public decimal? CostSek { get; private set; }
    public string? Purpose { get; private set; }

    internal static (Trip? Value, Result Result) Create(Guid municipalityId, Guid activityId, TripInput input, IReadOnlySet<string> countries)
    {
        var trip = new Trip { MunicipalityId = municipalityId, Id = Guid.CreateVersion7(), ActivityId = activityId };
        var result = trip.Apply(input, countries);
        return result.IsOk ? (trip, result) : (null, result);
    }

    internal Result Apply(TripInput input, IReadOnlySet<string> countries)
    {
        var travellers = Text.Clean(input.Travellers);
        if (travellers is null) return Result.Fail("Trip_TravellersRequired", nameof(Travellers));
        if (travellers.Length > TravellersMaxLength) return Result.Fail("Trip_TravellersTooLong", nameof(Travellers));
        if (input.TravellerCount is < 1 or > MaxTravellerCount) return Result.Fail("Trip_TravellerCountInvalid", nameof(TravellerCount));
        var city = Text.Clean(input.City);
        if (city is null) return Result.Fail("Trip_CityRequired", nameof(City));
        if (city.Length > CityMaxLength) return Result.Fail("Trip_CityTooLong", nameof(City));
        var country = CountryCodes.Normalise(input.CountryCode, countries);
        if (country is null) return Result.Fail("Trip_CountryUnknown", nameof(CountryCode));
        if (input.ReturnOn < input.DepartOn) return Result.Fail("Trip_ReturnBeforeDeparture", nameof(ReturnOn));
        if (input.CostSek is < 0 or > FundingLine.MaxAmount) return Result.Fail("Trip_CostInvalid", nameof(CostSek));
        var purpose = Text.CleanBlock(input.Purpose);
        if (purpose is { Length: > PurposeMaxLength }) return Result.Fail("Trip_PurposeTooLong", nameof(Purpose));

        Travellers = travellers;
        TravellerCount = input.TravellerCount;
        City = city;
        CountryCode = country;
        DepartOn = input.DepartOn;
        ReturnOn = input.ReturnOn;
        CostSek = input.CostSek;
        Purpose = purpose;
        return Result.Ok;
    }
}
