using Omvarld.Domain.Activities;
using static Omvarld.Domain.Tests.Activities.ActivityTestData;

namespace Omvarld.Domain.Tests.Activities;

public class TripTests
{
    private static TripInput Vilnius() =>
        new("Anna Andersson, Bo Berg", 2, "Vilnius", "lt", new DateOnly(2024, 9, 10), new DateOnly(2024, 9, 13), 18_500m, "Partnermöte");

    [Fact]
    public void AddTrip_Valid_IsStoredWithTheCountryCodeInUpperCase()
    {
        var activity = NewActivity();
        var (trip, result) = activity.AddTrip(Vilnius(), KnownCountries);
        Ok(result);
        Assert.Equal(("Vilnius", "LT", 2, 18_500m), (trip!.City, trip.CountryCode, trip.TravellerCount, trip.CostSek));
        Assert.Same(trip, Assert.Single(activity.Trips));
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("LTU")]
    [InlineData("")]
    [InlineData(null)]
    public void AddTrip_UnknownCountry_IsRefused(string? country)
    {
        var result = NewActivity().AddTrip(Vilnius() with { CountryCode = country }, KnownCountries).Result;
        Assert.Equal(("Trip_CountryUnknown", "CountryCode"), (result.Error, result.Field));
    }

    [Fact]
    public void AddTrip_ReturnBeforeDeparture_IsRefused() =>
        Assert.Equal("Trip_ReturnBeforeDeparture", NewActivity().AddTrip(Vilnius() with { ReturnOn = new DateOnly(2024, 9, 9) }, KnownCountries).Result.Error);

    [Theory]
    [InlineData(-1)]
    [InlineData(2_000_000_000)]
    public void AddTrip_NegativeOrAbsurdCost_IsRefused(decimal cost) =>
        Assert.Equal("Trip_CostInvalid", NewActivity().AddTrip(Vilnius() with { CostSek = cost }, KnownCountries).Result.Error);

    [Fact]
    public void AddTrip_NobodyTravelling_IsRefused()
    {
        Assert.Equal("Trip_TravellersRequired", NewActivity().AddTrip(Vilnius() with { Travellers = " " }, KnownCountries).Result.Error);
        Assert.Equal("Trip_TravellerCountInvalid", NewActivity().AddTrip(Vilnius() with { TravellerCount = 0 }, KnownCountries).Result.Error);
    }

    [Fact]
    public void UpdateTrip_RefusedInput_ChangesNothing()
    {
        var activity = NewActivity();
        var (trip, _) = activity.AddTrip(Vilnius(), KnownCountries);
        Assert.Equal("Trip_CountryUnknown", activity.UpdateTrip(trip!.Id, Vilnius() with { City = "Oslo", CountryCode = "ZZ" }, KnownCountries).Error);
        Assert.Equal("Vilnius", trip.City);
        Ok(activity.UpdateTrip(trip.Id, Vilnius() with { City = "Oslo", CountryCode = "NO" }, KnownCountries));
        Assert.Equal(("Oslo", "NO"), (trip.City, trip.CountryCode));
    }

    [Theory]
    [InlineData(ActivityStatus.Ongoing, true)]
    [InlineData(ActivityStatus.Completed, true)]
    [InlineData(ActivityStatus.Submitted, false)]
    [InlineData(ActivityStatus.ResultsReported, false)]
    [InlineData(ActivityStatus.Withdrawn, false)]
    public void AddTrip_WhileRunningAndForCostsAfterTheEnd(ActivityStatus status, bool allowed) =>
        Assert.Equal(allowed ? null : "Activity_NotEditable", InStatus(status).AddTrip(Vilnius(), KnownCountries).Result.Error);
}
