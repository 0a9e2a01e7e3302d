using Omvarld.Domain.Access;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Common;

namespace Omvarld.Domain.Networks;

/// <summary>A twin town (<i>vänort</i>) by formal agreement, or a friendship town (<i>vänskapsort</i>) by looser ties.</summary>
public enum TwinTownKind
{
    TwinTown = 1,
    FriendshipTown = 2,
}

public enum TwinTownStatus
{
    Active = 1,
    /// <summary>The agreement stands but nothing is done (<i>vilande</i>).</summary>
    Dormant = 2,
    Ended = 3,
}

/// <summary>What the twin-town form and the API send.</summary>
/// <param name="TheirContactDetails">E-mail and/or telephone, free text: personal data, shown to members only.</param>
public sealed record TwinTownInput(
    string? City,
    string? CountryCode,
    TwinTownKind? Kind,
    DateOnly? Since,
    TwinTownStatus? Status,
    string? CaseNumber,
    Guid? OurContactUserId,
    string? TheirContactName,
    string? TheirContactRole,
    string? TheirContactDetails);

/// <summary>
/// R18, BORAS-2023 ("Utveckling av arbetet med Borås Stads vänorter"): a town the municipality is twinned or friends with,
/// the agreement behind it, the contacts on each side and its status. Its country is assessed by the partner precondition
/// like any partner's. The coordinator keeps the register; every member reads it.
/// </summary>
public sealed class TwinTown : ITenantOwned, IAudited, IVersioned
{
    public const int CityMaxLength = 100;
    public const int CaseNumberMaxLength = 50;
    public const int ContactMaxLength = 200;

    private TwinTown() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public string City { get; private set; } = "";
    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string CountryCode { get; private set; } = "";
    public TwinTownKind Kind { get; private set; }
    public DateOnly? Since { get; private set; }
    public TwinTownStatus Status { get; private set; }
    /// <summary>The diary number (<i>diarienummer</i>) of the agreement's decision.</summary>
    public string? CaseNumber { get; private set; }
    /// <summary>Our contact: a user of the municipality.</summary>
    public Guid? OurContactUserId { get; private set; }
    public string? TheirContactName { get; private set; }
    public string? TheirContactRole { get; private set; }
    public string? TheirContactDetails { get; private set; }
    public int Version { get; set; }

    /// <param name="countries">The alpha-2 codes the caller knows (countries.csv).</param>
    /// <param name="users">The ids of the municipality's users: our contact must be one of them.</param>
    public static (TwinTown? Value, Result Result) Create(Guid municipalityId, TwinTownInput input, IReadOnlySet<string> countries, IReadOnlySet<Guid> users, AccessScope by)
    {
        var town = new TwinTown { MunicipalityId = municipalityId, Id = Guid.CreateVersion7() };
        var result = town.Update(input, countries, users, by);
        return result.IsOk ? (town, result) : (null, result);
    }

    /// <summary>Changes every field or none.</summary>
    public Result Update(TwinTownInput input, IReadOnlySet<string> countries, IReadOnlySet<Guid> users, AccessScope by)
    {
        if (!by.IsCoordinator) return Result.Fail("TwinTown_NotAllowed");
        var city = Text.Clean(input.City);
        if (city is null) return Result.Fail("TwinTown_CityRequired", nameof(City));
        if (city.Length > CityMaxLength) return Result.Fail("TwinTown_CityTooLong", nameof(City), CityMaxLength);
        if (string.IsNullOrWhiteSpace(input.CountryCode)) return Result.Fail("TwinTown_CountryRequired", nameof(CountryCode));
        var country = CountryCodes.Normalise(input.CountryCode, countries);
        if (country is null) return Result.Fail("TwinTown_CountryUnknown", nameof(CountryCode));
        if (country == CountryCodes.Sweden) return Result.Fail("TwinTown_CountrySweden", nameof(CountryCode));
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) return Result.Fail("TwinTown_KindRequired", nameof(Kind));
        if (input.Status is not { } status || !Enum.IsDefined(status)) return Result.Fail("TwinTown_StatusRequired", nameof(Status));
        if (input.Since is { } since && since.Year is < Activity.FirstYear - 100 or > Activity.LastYear)
            return Result.Fail("TwinTown_SinceInvalid", nameof(Since), Activity.FirstYear - 100, Activity.LastYear);
        var caseNumber = Text.Clean(input.CaseNumber);
        if (caseNumber is { Length: > CaseNumberMaxLength }) return Result.Fail("TwinTown_CaseNumberTooLong", nameof(CaseNumber), CaseNumberMaxLength);
        if (input.OurContactUserId is { } contact && !users.Contains(contact)) return Result.Fail("TwinTown_ContactUnknown", nameof(OurContactUserId));
        var theirName = Text.Clean(input.TheirContactName);
        var theirRole = Text.Clean(input.TheirContactRole);
        var theirDetails = Text.Clean(input.TheirContactDetails);
        if (theirName is { Length: > ContactMaxLength }) return Result.Fail("TwinTown_ContactTooLong", nameof(TheirContactName), ContactMaxLength);
        if (theirRole is { Length: > ContactMaxLength }) return Result.Fail("TwinTown_ContactTooLong", nameof(TheirContactRole), ContactMaxLength);
        if (theirDetails is { Length: > ContactMaxLength }) return Result.Fail("TwinTown_ContactTooLong", nameof(TheirContactDetails), ContactMaxLength);

        City = city;
        CountryCode = country;
        Kind = kind;
        Since = input.Since;
        Status = status;
        CaseNumber = caseNumber;
        OurContactUserId = input.OurContactUserId;
        TheirContactName = theirName;
        TheirContactRole = theirRole;
        TheirContactDetails = theirDetails;
        return Result.Ok;
    }
}

/// <summary>R18: an activity done with a twin town (many-to-many). Additive: the activity itself does not change.</summary>
public sealed class TwinTownActivity : ITenantOwned, IAudited
{
    private TwinTownActivity() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid TwinTownId { get; private set; }
    public Guid ActivityId { get; private set; }

    public static (TwinTownActivity? Value, Result Result) Link(TwinTown town, Activity activity, AccessScope by)
    {
        if (!by.IsCoordinator) return (null, Result.Fail("TwinTown_NotAllowed"));
        if (activity.MunicipalityId != town.MunicipalityId) return (null, Result.Fail("Networks_ActivityUnknown", "ActivityId"));
        return (new TwinTownActivity { MunicipalityId = town.MunicipalityId, Id = Guid.CreateVersion7(), TwinTownId = town.Id, ActivityId = activity.Id }, Result.Ok);
    }
}

/// <summary>
/// BORAS-2023 ("Utveckling av arbetet med Borås Stads vänorter"): one note a year on how the work with a twin town is
/// developing. Revised in place; who wrote it last and when is kept here, every revision in the audit trail.
/// </summary>
public sealed class TwinTownNote : ITenantOwned, IAudited, IVersioned
{
    public const int TextMaxLength = 4000;

    private TwinTownNote() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid TwinTownId { get; private set; }
    public int Year { get; private set; }
    public string Text { get; private set; } = "";
    public Guid? WrittenByUserId { get; private set; }
    public string WrittenBy { get; private set; } = "";
    public DateTimeOffset WrittenAt { get; private set; }
    public int Version { get; set; }

    public static (TwinTownNote? Value, Result Result) Write(TwinTown town, int year, string? text, Guid? userId, string userName, DateTimeOffset at, AccessScope by)
    {
        if (year is < Activity.FirstYear or > Activity.LastYear) return (null, Result.Fail("TwinTownNote_YearInvalid", nameof(Year), Activity.FirstYear, Activity.LastYear));
        var note = new TwinTownNote { MunicipalityId = town.MunicipalityId, Id = Guid.CreateVersion7(), TwinTownId = town.Id, Year = year };
        var result = note.Revise(text, userId, userName, at, by);
        return result.IsOk ? (note, result) : (null, result);
    }

    public Result Revise(string? text, Guid? userId, string userName, DateTimeOffset at, AccessScope by)
    {
        if (!by.IsCoordinator) return Result.Fail("TwinTown_NotAllowed");
        var clean = Common.Text.CleanBlock(text);
        if (clean is null) return Result.Fail("TwinTownNote_TextRequired", nameof(Text));
        if (clean.Length > TextMaxLength) return Result.Fail("TwinTownNote_TextTooLong", nameof(Text), TextMaxLength);
        Text = clean;
        WrittenByUserId = userId;
        WrittenBy = userName;
        WrittenAt = at;
        return Result.Ok;
    }
}
