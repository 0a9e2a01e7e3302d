using Omvarld.Domain.Common;

namespace Omvarld.Web.Data;

/// <summary>
/// R11: one reminder sent (or being sent) by e-mail: to whom, about which activity's report, in which ISO week. The
/// unique index on (municipality, activity, report, recipient, week) makes the row a claim: of two instances or two
/// runs, only the one whose insert succeeds sends. The coordinator's digest has no activity (<see cref="Guid.Empty"/>)
/// and the report key <see cref="DigestKey"/>. Not business data, so not in the audit trail.
/// </summary>
public sealed class ReminderLog : ITenantOwned
{
    public const string DigestKey = "digest";
    public const int ReportKeyMaxLength = 16;

    private ReminderLog() { }

    public ReminderLog(Guid municipalityId, Guid activityId, string reportKey, Guid recipientUserId, DateOnly sentOn, DateTime sentAtUtc)
    {
        MunicipalityId = municipalityId;
        Id = Guid.CreateVersion7();
        ActivityId = activityId;
        ReportKey = reportKey;
        RecipientUserId = recipientUserId;
        SentOn = sentOn;
        Week = WeekOf(sentOn);
        SentAt = sentAtUtc;
    }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    /// <summary>The activity whose report is due; <see cref="Guid.Empty"/> for the coordinator's digest.</summary>
    public Guid ActivityId { get; private set; }
    /// <summary>The year of a yearly report, "final", or <see cref="DigestKey"/>.</summary>
    public string ReportKey { get; private set; } = "";
    public Guid RecipientUserId { get; private set; }
    /// <summary>The ISO week of <see cref="SentOn"/> as yyyyww (202648).</summary>
    public int Week { get; private set; }
    public DateOnly SentOn { get; private set; }
    public DateTime SentAt { get; private set; }

    public static int WeekOf(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return System.Globalization.ISOWeek.GetYear(date) * 100 + System.Globalization.ISOWeek.GetWeekOfYear(date);
    }
}
