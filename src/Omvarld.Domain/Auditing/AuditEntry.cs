namespace Omvarld.Domain.Auditing;

public enum AuditAction
{
    Created = 1,
    Modified = 2,
    Deleted = 3,
}

/// <summary>
/// One change to business data, append-only: who, when, which municipality, which entity, which fields from what to what.
/// Written by the data layer for every save; never updated or deleted (the database refuses it too).
/// An entry belongs to its municipality like every other row and is read only in that municipality; an entry without
/// one is installation-wide (a country data release, the account of a system administrator who belongs to no
/// municipality) and is read only by the system administrator.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(Guid? municipalityId, DateTime at, Guid? userId, string? userName, string entityType, Guid entityId, AuditAction action, string changesJson, string? comment = null)
    {
        MunicipalityId = municipalityId;
        Id = Guid.CreateVersion7();
        At = at;
        UserId = userId;
        UserName = userName;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Changes = changesJson;
        Comment = comment;
    }

    /// <summary>Null: an installation-wide entry, the system administrator's to read.</summary>
    public Guid? MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public DateTime At { get; private set; }
    public Guid? UserId { get; private set; }
    public string? UserName { get; private set; }
    public string EntityType { get; private set; } = "";
    public Guid EntityId { get; private set; }
    public AuditAction Action { get; private set; }
    /// <summary>JSON object: field name → [old, new].</summary>
    public string Changes { get; private set; } = "{}";
    public string? Comment { get; private set; }
}
