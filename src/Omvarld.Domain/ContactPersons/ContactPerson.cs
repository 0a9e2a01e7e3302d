using Omvarld.Domain.Common;
using Omvarld.Domain.Organisation;

namespace Omvarld.Domain.ContactPersons;

/// <summary>What the form and the API send for a contact person's appointment.</summary>
public sealed record ContactPersonDetails(Guid? UserId, Guid? DeputyUserId, DateOnly? From, DateOnly? To);

/// <summary>Another appointment's period for the same unit, which a new or changed period must not overlap.</summary>
public sealed record ContactPeriod(Guid Id, DateOnly From, DateOnly? To)
{
    public bool Overlaps(DateOnly from, DateOnly? to) => From <= (to ?? DateOnly.MaxValue) && (To ?? DateOnly.MaxValue) >= from;
}

/// <summary>
/// R15, UPPLANDSBRO-2020 4.3: a unit's contact person for international questions (<i>kontaktperson för
/// informationsspridning och inspiration</i>), with a deputy, for a period. Both are users of the unit's
/// municipality; one unit never has two contact persons whose periods overlap. Ending the period keeps the row and
/// its competence-development log as history.
/// </summary>
public sealed class ContactPerson : ITenantOwned, IAudited, IVersioned
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    private ContactPerson() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid UnitId { get; private set; }
    public Guid UserId { get; private set; }
    public Guid? DeputyUserId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }
    public int Version { get; set; }

    /// <summary>The contact person on <paramref name="day"/>: the period has begun and has not ended.</summary>
    public bool IsCurrentOn(DateOnly day) => From <= day && (To is null || To >= day);

    /// <param name="unit">The unit (null: not a unit of the municipality).</param>
    /// <param name="members">The ids of the municipality's active users.</param>
    /// <param name="unitPeriods">The other appointments of the same unit.</param>
    public static (ContactPerson? Value, Result Result) Create(Guid municipalityId, UnitNode? unit, ContactPersonDetails details,
        IReadOnlySet<Guid> members, IEnumerable<ContactPeriod> unitPeriods)
    {
        if (unit is not { } u) return (null, Result.Fail("ContactPerson_UnitUnknown", nameof(UnitId)));
        if (u.IsClosed) return (null, Result.Fail("ContactPerson_UnitClosed", nameof(UnitId)));
        var person = new ContactPerson { MunicipalityId = municipalityId, Id = Guid.CreateVersion7(), UnitId = u.Id };
        var result = person.Update(details, members, unitPeriods);
        return result.IsOk ? (person, result) : (null, result);
    }

    /// <summary>Changes the people and the period, every field or none (the unit stays).</summary>
    public Result Update(ContactPersonDetails details, IReadOnlySet<Guid> members, IEnumerable<ContactPeriod> unitPeriods)
    {
        if (details.UserId is not { } user || user == Guid.Empty) return Result.Fail("ContactPerson_UserRequired", nameof(UserId));
        if (!members.Contains(user)) return Result.Fail("ContactPerson_UserNotMember", nameof(UserId));
        if (details.DeputyUserId is { } deputy && deputy != Guid.Empty)
        {
            if (!members.Contains(deputy)) return Result.Fail("ContactPerson_DeputyNotMember", nameof(DeputyUserId));
            if (deputy == user) return Result.Fail("ContactPerson_DeputySameAsContact", nameof(DeputyUserId));
        }
        var check = CheckPeriod(details.From, details.To, unitPeriods);
        if (!check.IsOk) return check;
        UserId = user;
        DeputyUserId = details.DeputyUserId is { } d && d != Guid.Empty ? d : null;
        From = details.From!.Value;
        To = details.To;
        return Result.Ok;
    }

    /// <summary>Ends the period on <paramref name="on"/> (the last day the person serves); not before it began.</summary>
    public Result End(DateOnly? on)
    {
        if (on is not { } day) return Result.Fail("ContactPerson_EndRequired", nameof(To));
        if (day < From) return Result.Fail("ContactPerson_EndBeforeStart", nameof(To));
        if (To is { } to && day > to) return Result.Fail("ContactPerson_EndLater", nameof(To));
        To = day;
        return Result.Ok;
    }

    private Result CheckPeriod(DateOnly? from, DateOnly? to, IEnumerable<ContactPeriod> unitPeriods)
    {
        if (from is not { } f) return Result.Fail("ContactPerson_FromRequired", nameof(From));
        if (f.Year is < FirstYear or > LastYear) return Result.Fail("ContactPerson_DateOutOfRange", nameof(From), FirstYear, LastYear);
        if (to is { } t)
        {
            if (t.Year is < FirstYear or > LastYear) return Result.Fail("ContactPerson_DateOutOfRange", nameof(To), FirstYear, LastYear);
            if (t < f) return Result.Fail("ContactPerson_EndBeforeStart", nameof(To));
        }
        var clash = unitPeriods.Where(p => p.Id != Id && p.Overlaps(f, to)).OrderBy(p => p.From).FirstOrDefault();
        if (clash is not null)
            return Result.Fail("ContactPerson_Overlap", nameof(From), clash.From.ToString("yyyy-MM-dd"), clash.To?.ToString("yyyy-MM-dd") ?? "–");
        return Result.Ok;
    }
}

/// <summary>
/// A unit the coordinator has chosen to need a contact person although its kind does not demand one (offices always
/// do). Its presence is the choice; removing it undoes it.
/// </summary>
public sealed class ContactPersonUnit : ITenantOwned, IAudited, IVersioned
{
    private ContactPersonUnit() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid UnitId { get; private set; }
    public int Version { get; set; }

    public static (ContactPersonUnit? Value, Result Result) Create(Guid municipalityId, UnitNode? unit)
    {
        if (unit is not { } u) return (null, Result.Fail("ContactPerson_UnitUnknown", nameof(UnitId)));
        if (u.IsClosed) return (null, Result.Fail("ContactPerson_UnitClosed", nameof(UnitId)));
        return (new ContactPersonUnit { MunicipalityId = municipalityId, Id = Guid.CreateVersion7(), UnitId = u.Id }, Result.Ok);
    }
}
