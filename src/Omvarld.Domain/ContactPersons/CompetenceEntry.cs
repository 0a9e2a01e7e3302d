using Omvarld.Domain.Common;

namespace Omvarld.Domain.ContactPersons;

/// <summary>The kinds of competence development (<i>kompetensutveckling</i>) a contact person takes part in.</summary>
public enum CompetenceKind
{
    Course = 1,
    NetworkMeeting = 2,
    StudyVisit = 3,
}

/// <summary>What the form and the API send for one entry of the log.</summary>
public sealed record CompetenceDetails(CompetenceKind? Kind, DateOnly? Date, decimal? Hours, bool? IsJoint, string? Description, Guid? ActivityId);

/// <summary>
/// One entry of a contact person's competence-development log (UPPLANDSBRO-2020 4.3: "gemensam och individuell
/// kompetensutveckling"): what kind, when, how many hours, joint (with the other contact persons) or individual, what
/// it was, and optionally the municipality's activity it belonged to.
/// </summary>
public sealed class CompetenceEntry : ITenantOwned, IAudited, IVersioned
{
    /// <summary>A working fortnight: more in one entry is a typing error (log a long course per part).</summary>
    public const decimal MaxHours = 80m;
    public const int DescriptionMaxLength = 2000;

    private CompetenceEntry() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid ContactPersonId { get; private set; }
    public CompetenceKind Kind { get; private set; }
    public DateOnly Date { get; private set; }
    /// <summary>Rounded to one decimal.</summary>
    public decimal Hours { get; private set; }
    public bool IsJoint { get; private set; }
    public string Description { get; private set; } = "";
    public Guid? ActivityId { get; private set; }
    public int Version { get; set; }

    /// <param name="knownActivities">The municipality's activities among those the details name (empty when none is named or it is unknown).</param>
    public static (CompetenceEntry? Value, Result Result) Create(ContactPerson person, CompetenceDetails details, IReadOnlySet<Guid> knownActivities)
    {
        var entry = new CompetenceEntry { MunicipalityId = person.MunicipalityId, Id = Guid.CreateVersion7(), ContactPersonId = person.Id };
        var result = entry.Update(details, knownActivities);
        return result.IsOk ? (entry, result) : (null, result);
    }

    public Result Update(CompetenceDetails details, IReadOnlySet<Guid> knownActivities)
    {
        if (details.Kind is not { } kind || !Enum.IsDefined(kind)) return Result.Fail("Competence_KindInvalid", nameof(Kind));
        if (details.Date is not { } date) return Result.Fail("Competence_DateRequired", nameof(Date));
        if (date.Year is < ContactPerson.FirstYear or > ContactPerson.LastYear)
            return Result.Fail("ContactPerson_DateOutOfRange", nameof(Date), ContactPerson.FirstYear, ContactPerson.LastYear);
        if (details.Hours is not { } raw) return Result.Fail("Competence_HoursRequired", nameof(Hours));
        var hours = Math.Round(raw, 1, MidpointRounding.AwayFromZero);
        if (hours <= 0 || hours > MaxHours) return Result.Fail("Competence_HoursInvalid", nameof(Hours), MaxHours);
        if (details.IsJoint is not { } joint) return Result.Fail("Competence_FormRequired", nameof(IsJoint));
        var description = Text.CleanBlock(details.Description);
        if (description is null) return Result.Fail("Competence_DescriptionRequired", nameof(Description));
        if (description.Length > DescriptionMaxLength) return Result.Fail("Competence_DescriptionTooLong", nameof(Description), DescriptionMaxLength);
        if (details.ActivityId is { } activity && activity != Guid.Empty && !knownActivities.Contains(activity))
            return Result.Fail("Competence_ActivityUnknown", nameof(ActivityId));

        Kind = kind;
        Date = date;
        Hours = hours;
        IsJoint = joint;
        Description = description;
        ActivityId = details.ActivityId is { } a && a != Guid.Empty ? a : null;
        return Result.Ok;
    }
}
