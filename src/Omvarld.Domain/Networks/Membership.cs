using Omvarld.Domain.Access;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Common;

namespace Omvarld.Domain.Networks;

/// <summary>What a membership is (BORAS-2009, appendix: an EU office, a federation of municipalities, a network).</summary>
public enum MembershipKind
{
    /// <summary>An EU and representation office, e.g. West Sweden in Brussels.</summary>
    EuOffice = 1,
    /// <summary>A federation or association of local authorities (<i>kommunalförbund</i>), e.g. Sjuhärads kommunalförbund.</summary>
    LocalAuthorityAssociation = 2,
    ThematicNetwork = 3,
    /// <summary>A regional network or body, e.g. InternationellaSjuhärad, Västra Götalandsregionen.</summary>
    RegionalNetwork = 4,
}

public enum NetworkLevel
{
    Regional = 1,
    National = 2,
    European = 3,
    Global = 4,
}

/// <summary>BORAS-2009, appendix: what West Sweden offers its members — the choices of the membership form.</summary>
public enum MembershipOffer
{
    /// <summary>"Stöd i utveckling av transnationella EU-projekt".</summary>
    EuProjectSupport = 1,
    /// <summary>"Nyhetsbrev och hemsida".</summary>
    Newsletters = 2,
    /// <summary>"Hjälp att ställa samman program vid studiebesök i Bryssel".</summary>
    BrusselsStudyVisits = 3,
    /// <summary>"Hitta partners och kontakter både i Bryssel och övriga Europa".</summary>
    PartnerSearch = 4,
}

/// <summary>What the membership form and the API send.</summary>
public sealed record MembershipInput(
    string? Name,
    MembershipKind? Kind,
    NetworkLevel? Level,
    DateOnly? MemberSince,
    DateOnly? MemberUntil,
    decimal? FeeSek,
    IReadOnlyList<Guid>? RepresentativeUserIds,
    string? RepresentativeNames,
    IReadOnlyList<MembershipOffer>? Offers,
    string? OtherOffers,
    string? Website);

/// <summary>
/// R18, BORAS-2009 appendix ("Borås Stad är även aktiv på den internationella arenan genom olika organisationer"):
/// an organisation or network the municipality is a member of (<i>medlemskap</i>), what it costs a year, who represents
/// the municipality in it and what it offers. The coordinator keeps the register; every member reads it.
/// </summary>
public sealed class Membership : ITenantOwned, IAudited, IVersioned
{
    public const int NameMaxLength = 200;
    public const int RepresentativeNamesMaxLength = 500;
    public const int OtherOffersMaxLength = 1000;
    public const int WebsiteMaxLength = 500;
    public const int MaxRepresentatives = 20;
    /// <summary>A fee above this is surely a typing error (a hundred million kronor a year).</summary>
    public const decimal MaxFeeSek = 100_000_000m;

    private Membership() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public MembershipKind Kind { get; private set; }
    public NetworkLevel Level { get; private set; }
    public DateOnly MemberSince { get; private set; }
    public DateOnly? MemberUntil { get; private set; }
    /// <summary>The yearly fee in SEK; null when unknown or none is charged.</summary>
    public decimal? FeeSek { get; private set; }
    /// <summary>Users of the municipality who represent it in the organisation.</summary>
    public Guid[] RepresentativeUserIds { get; private set; } = [];
    /// <summary>Representatives who are not users (politicians, staff without an account), as free text.</summary>
    public string? RepresentativeNames { get; private set; }
    public MembershipOffer[] Offers { get; private set; } = [];
    public string? OtherOffers { get; private set; }
    public string? Website { get; private set; }
    public int Version { get; set; }

    /// <summary>Active some day in <paramref name="year"/>: the whole yearly fee counts for that year.</summary>
    public bool IsActiveIn(int year) => MemberSince.Year <= year && (MemberUntil is not { } until || until.Year >= year);

    public bool IsActiveOn(DateOnly day) => MemberSince <= day && (MemberUntil is not { } until || until >= day);

    /// <param name="users">The ids of the municipality's users: a representative must be one of them.</param>
    public static (Membership? Value, Result Result) Create(Guid municipalityId, MembershipInput input, IReadOnlySet<Guid> users, AccessScope by)
    {
        var membership = new Membership { MunicipalityId = municipalityId, Id = Guid.CreateVersion7() };
        var result = membership.Update(input, users, by);
        return result.IsOk ? (membership, result) : (null, result);
    }

    /// <summary>Changes every field or none.</summary>
    public Result Update(MembershipInput input, IReadOnlySet<Guid> users, AccessScope by)
    {
        if (!by.IsCoordinator) return Result.Fail("Membership_NotAllowed");
        var name = Text.Clean(input.Name);
        if (name is null) return Result.Fail("Membership_NameRequired", nameof(Name));
        if (name.Length > NameMaxLength) return Result.Fail("Membership_NameTooLong", nameof(Name), NameMaxLength);
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) return Result.Fail("Membership_KindRequired", nameof(Kind));
        if (input.Level is not { } level || !Enum.IsDefined(level)) return Result.Fail("Membership_LevelRequired", nameof(Level));
        if (input.MemberSince is not { } since) return Result.Fail("Membership_SinceRequired", nameof(MemberSince));
        if (since.Year is < Activity.FirstYear or > Activity.LastYear) return Result.Fail("Membership_DateInvalid", nameof(MemberSince), Activity.FirstYear, Activity.LastYear);
        if (input.MemberUntil is { } until)
        {
            if (until.Year > Activity.LastYear) return Result.Fail("Membership_DateInvalid", nameof(MemberUntil), Activity.FirstYear, Activity.LastYear);
            if (until < since) return Result.Fail("Membership_UntilBeforeSince", nameof(MemberUntil));
        }
        if (input.FeeSek is { } fee)
        {
            if (fee < 0) return Result.Fail("Membership_FeeNegative", nameof(FeeSek));
            if (fee > MaxFeeSek || decimal.Round(fee, 2) != fee) return Result.Fail("Membership_FeeInvalid", nameof(FeeSek));
        }
        var representatives = (input.RepresentativeUserIds ?? []).Distinct().ToArray();
        if (representatives.Length > MaxRepresentatives) return Result.Fail("Membership_TooManyRepresentatives", nameof(RepresentativeUserIds), MaxRepresentatives);
        if (representatives.Any(u => !users.Contains(u))) return Result.Fail("Membership_RepresentativeUnknown", nameof(RepresentativeUserIds));
        var names = Text.Clean(input.RepresentativeNames);
        if (names is { Length: > RepresentativeNamesMaxLength }) return Result.Fail("Membership_RepresentativeNamesTooLong", nameof(RepresentativeNames), RepresentativeNamesMaxLength);
        var offers = (input.Offers ?? []).Distinct().Order().ToArray();
        if (offers.Any(o => !Enum.IsDefined(o))) return Result.Fail("Membership_OfferInvalid", nameof(Offers));
        var other = Text.CleanBlock(input.OtherOffers);
        if (other is { Length: > OtherOffersMaxLength }) return Result.Fail("Membership_OtherOffersTooLong", nameof(OtherOffers), OtherOffersMaxLength);
        string? website = null;
        if (!string.IsNullOrWhiteSpace(input.Website))
        {
            website = Text.WebAddress(input.Website, WebsiteMaxLength);
            if (website is null) return Result.Fail("Membership_WebsiteInvalid", nameof(Website));
        }

        Name = name;
        Kind = kind;
        Level = level;
        MemberSince = since;
        MemberUntil = input.MemberUntil;
        FeeSek = input.FeeSek;
        RepresentativeUserIds = representatives;
        RepresentativeNames = names;
        Offers = offers;
        OtherOffers = other;
        Website = website;
        return Result.Ok;
    }
}

/// <summary>R18: an activity done through a membership (many-to-many). Additive: the activity itself does not change.</summary>
public sealed class MembershipActivity : ITenantOwned, IAudited
{
    private MembershipActivity() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid MembershipId { get; private set; }
    public Guid ActivityId { get; private set; }

    public static (MembershipActivity? Value, Result Result) Link(Membership membership, Activity activity, AccessScope by)
    {
        if (!by.IsCoordinator) return (null, Result.Fail("Membership_NotAllowed"));
        if (activity.MunicipalityId != membership.MunicipalityId) return (null, Result.Fail("Networks_ActivityUnknown", "ActivityId"));
        return (new MembershipActivity { MunicipalityId = membership.MunicipalityId, Id = Guid.CreateVersion7(), MembershipId = membership.Id, ActivityId = activity.Id }, Result.Ok);
    }
}
