using Omvarld.Domain.Access;
using Omvarld.Domain.Networks;
using Omvarld.Domain.Tests.Activities;

namespace Omvarld.Domain.Tests.Networks;

public sealed class MembershipTests
{
    private static readonly Guid Municipality = ActivityTestData.Municipality;
    private static readonly Guid Representative = Guid.NewGuid();
    private static readonly IReadOnlySet<Guid> Users = new HashSet<Guid> { Representative };
    private static readonly AccessScope Coordinator = new(false, [(Role.Coordinator, null)], null);
    private static readonly AccessScope Editor = new(false, [(Role.UnitEditor, ActivityTestData.Culture.Id)], null);

    private static MembershipInput Input(decimal? fee = 142_000m, DateOnly? since = null, DateOnly? until = null, Guid[]? representatives = null,
        string? name = "West Sweden", string? website = "https://www.westsweden.se") =>
        new(name, MembershipKind.EuOffice, NetworkLevel.European, since ?? new DateOnly(1993, 1, 1), until, fee, representatives ?? [Representative],
            "  Kommunstyrelsens   ordförande ", [MembershipOffer.PartnerSearch, MembershipOffer.EuProjectSupport, MembershipOffer.PartnerSearch], null, website);

    [Fact]
    public void Create_ValidInput_CleansAndKeepsEverything()
    {
        var (m, result) = Membership.Create(Municipality, Input(), Users, Coordinator);
        Assert.True(result.IsOk, result.Error);
        Assert.Equal("Kommunstyrelsens ordförande", m!.RepresentativeNames);
        Assert.Equal([MembershipOffer.EuProjectSupport, MembershipOffer.PartnerSearch], m.Offers);
        Assert.Equal([Representative], m.RepresentativeUserIds);
    }

    [Theory]
    [InlineData(-1, "Membership_FeeNegative")]
    [InlineData(0.001, "Membership_FeeInvalid")]
    public void Create_BadFee_Refused(double fee, string error) =>
        Assert.Equal(error, Membership.Create(Municipality, Input((decimal)fee), Users, Coordinator).Result.Error);

    [Fact]
    public void Create_ZeroOrNoFee_Accepted()
    {
        Assert.True(Membership.Create(Municipality, Input(0m), Users, Coordinator).Result.IsOk);
        Assert.True(Membership.Create(Municipality, Input(null), Users, Coordinator).Result.IsOk);
    }

    [Fact]
    public void Create_UntilBeforeSince_Refused() =>
        Assert.Equal("Membership_UntilBeforeSince", Membership.Create(Municipality, Input(since: new(2024, 1, 1), until: new(2023, 12, 31)), Users, Coordinator).Result.Error);

    [Fact]
    public void Create_RepresentativeNotAUserOfTheMunicipality_Refused() =>
        Assert.Equal("Membership_RepresentativeUnknown", Membership.Create(Municipality, Input(representatives: [Guid.NewGuid()]), Users, Coordinator).Result.Error);

    [Fact]
    public void Create_NotCoordinator_Refused() =>
        Assert.Equal("Membership_NotAllowed", Membership.Create(Municipality, Input(), Users, Editor).Result.Error);

    [Fact]
    public void Create_BadNameOrWebsite_Refused()
    {
        Assert.Equal("Membership_NameRequired", Membership.Create(Municipality, Input(name: "  "), Users, Coordinator).Result.Error);
        Assert.Equal("Membership_WebsiteInvalid", Membership.Create(Municipality, Input(website: "javascript:alert(1)"), Users, Coordinator).Result.Error);
    }

    [Fact]
    public void Update_Refused_ChangesNothing()
    {
        var (m, _) = Membership.Create(Municipality, Input(), Users, Coordinator);
        Assert.False(m!.Update(Input(fee: -5m, name: "Annat"), Users, Coordinator).IsOk);
        Assert.Equal(("West Sweden", 142_000m), (m.Name, m.FeeSek));
    }

    [Theory]
    [InlineData(2019, false)]
    [InlineData(2020, true)]
    [InlineData(2023, true)]
    [InlineData(2024, false)]
    public void IsActiveIn_CountsEveryYearTouched(int year, bool active)
    {
        var (m, _) = Membership.Create(Municipality, Input(since: new(2020, 11, 1), until: new(2023, 1, 31)), Users, Coordinator);
        Assert.Equal(active, m!.IsActiveIn(year));
    }

    [Fact]
    public void Link_ActivityOfAnotherMunicipality_Refused()
    {
        var (m, _) = Membership.Create(Guid.NewGuid(), Input(), Users, Coordinator);
        var (link, result) = MembershipActivity.Link(m!, ActivityTestData.NewActivity(), Coordinator);
        Assert.Null(link);
        Assert.Equal("Networks_ActivityUnknown", result.Error);
    }

    [Fact]
    public void Link_Coordinator_LinksActivity()
    {
        var (m, _) = Membership.Create(Municipality, Input(), Users, Coordinator);
        var activity = ActivityTestData.NewActivity();
        var (link, result) = MembershipActivity.Link(m!, activity, Coordinator);
        Assert.True(result.IsOk);
        Assert.Equal((m!.Id, activity.Id), (link!.MembershipId, link.ActivityId));
        Assert.Equal("Membership_NotAllowed", MembershipActivity.Link(m, activity, Editor).Result.Error);
    }
}
