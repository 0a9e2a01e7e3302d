using Omvarld.Domain.Activities;
using Omvarld.Domain.Partners;
using static Omvarld.Domain.Tests.Activities.ActivityTestData;

namespace Omvarld.Domain.Tests.Activities;

/// <summary>R6: Borås 2009's definitions, derived from partners and funding.</summary>
public class ActivityClassificationTests
{
    private static ActivityClassification Classify(Activity activity, params PartnerOrganisation[] partners)
    {
        foreach (var p in partners) Ok(activity.AddPartner(p, PartnerRole.Partner));
        return ActivityClassification.Of(activity, partners.ToDictionary(p => p.Id, p => p.CountryCode));
    }

    [Fact]
    public void EuFundedProjectWithOnlySwedishPartners_IsAnEuProjectButNotInternational()
    {
        var activity = NewActivity();
        activity.AddFunding(new FundingInput(FundingSource.EuProgramme, null, "ERASMUS_PLUS", null, null, 2_000_000, Currency.Sek, null, FundingStatus.Granted, new DateOnly(2024, 3, 1)));
        activity.AddFunding(Own(500_000));

        var c = Classify(activity, Partner("Högskolan i Borås", "SE", PartnerType.University), Partner("Ulricehamns kommun", "SE"));

        Assert.Equal(new ActivityClassification(IsInternational: false, IsEuropeanProject: false, IsEuProject: true), c);
    }

    [Fact]
    public void ForeignPartnerAndOwnBudgetOnly_IsInternationalOnly()
    {
        var activity = NewActivity();
        activity.AddFunding(Own(80_000));
        var c = Classify(activity, Partner("Kaunas miesto savivaldybė", "LT"));
        Assert.Equal(new ActivityClassification(true, false, false), c);
    }

    [Fact]
    public void ForeignPartnerOutsideTheEu_MakesItInternational() =>
        Assert.True(Classify(NewActivity(), Partner("Kisumu County", "KE")).IsInternational);

    [Fact]
    public void NoForeignPartnerButAimedAtEnablingInternationalWork_IsInternational()
    {
        var activity = NewActivity(Details(kind: ActivityKind.ConferenceOrTraining, aimedAtEnabling: true));
        Assert.Equal(new ActivityClassification(true, false, false), Classify(activity, Partner("Region Västra Götaland", "SE", PartnerType.Region)));
        Assert.False(Classify(NewActivity(Details(aimedAtEnabling: false))).IsInternational);
    }

    [Fact]
    public void ForeignPartnerAndMostlyExternalFunding_IsAEuropeanProject()
    {
        var activity = NewActivity();
        activity.AddFunding(Eu(40_000));     // 460 000 SEK
        activity.AddFunding(Own(440_000));

        var c = Classify(activity, Partner("Åbo stad", "FI"));

        Assert.Equal(new ActivityClassification(true, true, true), c);
    }

    [Fact]
    public void ExternalFundingOfExactlyHalf_IsNotMainlyExternal()
    {
        var activity = NewActivity();
        activity.AddFunding(Other("Nordplus", FunderKind.International, 100_000));
        activity.AddFunding(Own(100_000));
        Assert.False(Classify(activity, Partner("Åbo stad", "FI")).IsEuropeanProject);
    }

    [Fact]
    public void MostlyExternalFundingWithOnlySwedishPartners_IsNotAEuropeanProject()
    {
        var activity = NewActivity();
        activity.AddFunding(Eu(100_000));
        Assert.False(Classify(activity, Partner("Borås Energi och Miljö", "SE", PartnerType.Company)).IsEuropeanProject);
    }

    [Fact]
    public void ExternalShare_IsComparedInSekAfterConversion()
    {
        // 30 000 EUR × 11.5 = 345 000 SEK against 300 000 SEK own: external 53.5 %, though fewer units of currency.
        var activity = NewActivity();
        activity.AddFunding(Eu(30_000));
        activity.AddFunding(Own(300_000));
        Assert.True(Classify(activity, Partner("Åbo stad", "FI")).IsEuropeanProject);
    }

    [Theory]
    [InlineData(FundingStatus.Planned, false)]
    [InlineData(FundingStatus.Applied, true)]
    [InlineData(FundingStatus.Granted, true)]
    [InlineData(FundingStatus.Paid, true)]
    [InlineData(FundingStatus.Rejected, false)]
    public void EuProject_CountsEuLinesAppliedForGrantedOrPaid(FundingStatus status, bool euProject)
    {
        var activity = NewActivity();
        activity.AddFunding(Eu(50_000, status));
        Assert.Equal(euProject, Classify(activity).IsEuProject);
    }

    [Fact]
    public void RejectedExternalFunding_DoesNotMakeItEuropean()
    {
        var activity = NewActivity();
        activity.AddFunding(Eu(100_000, FundingStatus.Rejected));
        activity.AddFunding(Own(50_000));
        Assert.False(Classify(activity, Partner("Åbo stad", "FI")).IsEuropeanProject);
    }

    [Fact]
    public void PartnerWithoutAGivenCountry_IsACallerError()
    {
        var activity = NewActivity();
        Ok(activity.AddPartner(Partner("Åbo stad", "FI"), PartnerRole.Partner));
        Assert.Throws<KeyNotFoundException>(() => ActivityClassification.Of(activity, new Dictionary<Guid, string>()));
    }
}
