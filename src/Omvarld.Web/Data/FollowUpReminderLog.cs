using Omvarld.Domain.Common;

namespace Omvarld.Web.Data;

/// <summary>
/// Issue 15: one follow-up reminder sent (or being sent) to one person about one section. The unique index on
/// (municipality, section, deadline, kind, recipient) makes the row a claim: of two runs or two app instances only the
/// one whose insert succeeds sends, so a reminder never goes twice for the same section and deadline. A moved deadline
/// is a new deadline and gets its reminders anew. Not business data, so not in the audit trail.
/// </summary>
public sealed class FollowUpReminderLog : ITenantOwned
{
    /// <summary>Before the deadline.</summary>
    public const string Before = "before";
    /// <summary>After the deadline, the section not ready.</summary>
    public const string After = "after";
    /// <summary>The coordinator's reminder, at most one a day per section and person: "manual:2026-03-02".</summary>
    public static string Manual(DateOnly day) => "manual:" + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    public const int KindMaxLength = 20;

    private FollowUpReminderLog() { }

    public FollowUpReminderLog(Guid municipalityId, Guid sectionId, DateOnly deadline, string kind, Guid recipientUserId, DateTime sentAtUtc)
    {
        MunicipalityId = municipalityId;
        Id = Guid.CreateVersion7();
        SectionId = sectionId;
        Deadline = deadline;
        Kind = kind;
        RecipientUserId = recipientUserId;
        SentAt = sentAtUtc;
    }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid SectionId { get; private set; }
    public DateOnly Deadline { get; private set; }
    public string Kind { get; private set; } = "";
    public Guid RecipientUserId { get; private set; }
    public DateTime SentAt { get; private set; }
}
