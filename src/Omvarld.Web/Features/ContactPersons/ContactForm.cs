using Omvarld.Domain.ContactPersons;

namespace Omvarld.Web.Features.ContactPersons;

/// <summary>The appointment form's fields, shared by the create and edit pages; the domain checks them.</summary>
public sealed class ContactFormInput
{
    public Guid? UnitId { get; set; }
    public Guid? UserId { get; set; }
    public Guid? DeputyUserId { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public int? Version { get; set; }

    public ContactPersonInput ToInput() => new(UnitId, UserId, DeputyUserId, From, To, Version);

    public static ContactFormInput Of(ContactPersonDto c) =>
        new() { UnitId = c.UnitId, UserId = c.Person.Id, DeputyUserId = c.Deputy?.Id, From = c.From, To = c.To, Version = c.Version };
}

/// <summary>The competence-log form's fields.</summary>
public sealed class CompetenceFormInput
{
    public CompetenceKind? Kind { get; set; }
    public DateOnly? Date { get; set; }
    public decimal? Hours { get; set; }
    public bool? IsJoint { get; set; }
    public string? Description { get; set; }
    public Guid? ActivityId { get; set; }

    public CompetenceInput ToInput() => new(Kind, Date, Hours, IsJoint, Description, ActivityId);
}

/// <summary>What the shared fields partial needs: the input and the municipality's users.</summary>
public sealed record ContactFieldsView(ContactFormInput Input, IReadOnlyList<PersonRef> Users);
