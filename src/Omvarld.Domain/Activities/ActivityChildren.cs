using Omvarld.Domain.Common;

namespace Omvarld.Domain.Activities;

/// <summary>A goal of the policy version in force at the activity's start that the activity serves, and how (R7).</summary>
public sealed class ActivityGoal : ITenantOwned, IAudited
{
    private ActivityGoal() { }

    internal ActivityGoal(Guid municipalityId, Guid activityId, string goalCode, string how)
    {
        MunicipalityId = municipalityId;
        Id = Guid.CreateVersion7();
        ActivityId = activityId;
        GoalCode = goalCode;
        How = how;
    }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    /// <summary>The <see cref="Policies.GoalDefinition.Code"/> of the goal.</summary>
    public string GoalCode { get; private set; } = "";
    public string How { get; private set; } = "";

    internal void Describe(string how) => How = how;
}

/// <summary>A UN Sustainable Development Goal (<i>globala målen</i>) the activity contributes to, optionally one target.</summary>
public sealed class ActivitySdg : ITenantOwned, IAudited
{
    private ActivitySdg() { }

    internal ActivitySdg(Guid municipalityId, Guid activityId, Sdg sdg)
    {
        MunicipalityId = municipalityId;
        Id = Guid.CreateVersion7();
        ActivityId = activityId;
        Goal = sdg.Goal;
        Target = sdg.Target;
    }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    /// <summary>1–17.</summary>
    public int Goal { get; private set; }
    /// <summary>A target of <see cref="Goal"/> such as <c>11.3</c> or <c>11.a</c>; null for the goal as a whole.</summary>
    public string? Target { get; private set; }

    public Sdg ToSdg() => new(Goal, Target);
}

/// <summary>A partner organisation from the municipality's directory taking part in the activity, with its role.</summary>
public sealed class ActivityPartner : ITenantOwned, IAudited
{
    private ActivityPartner() { }

    internal ActivityPartner(Guid municipalityId, Guid activityId, Guid partnerId, PartnerRole role)
    {
        MunicipalityId = municipalityId;
        Id = Guid.CreateVersion7();
        ActivityId = activityId;
        PartnerId = partnerId;
        Role = role;
    }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    /// <summary>The <see cref="Partners.PartnerOrganisation"/>.</summary>
    public Guid PartnerId { get; private set; }
    public PartnerRole Role { get; private set; }

    internal void ChangeRole(PartnerRole role) => Role = role;
}

/// <summary>A link to something about the activity: its project site, a news item, a decision.</summary>
public sealed class ActivityLink : ITenantOwned, IAudited
{
    public const int UrlMaxLength = 2000;
    public const int TitleMaxLength = 200;

    private ActivityLink() { }

    internal ActivityLink(Guid municipalityId, Guid activityId, string url, string? title)
    {
        MunicipalityId = municipalityId;
        Id = Guid.CreateVersion7();
        ActivityId = activityId;
        Url = url;
        Title = title;
    }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public string Url { get; private set; } = "";
    public string? Title { get; private set; }
}

/// <summary>
/// A file attached to the activity. The domain keeps what the register shows; the web stores the content under
/// <see cref="StorageKey"/> (never under the user's file name) and limits size and type.
/// </summary>
public sealed class ActivityAttachment : ITenantOwned, IAudited
{
    public const int FileNameMaxLength = 255;
    public const int ContentTypeMaxLength = 100;

    private ActivityAttachment() { }

    internal ActivityAttachment(Guid municipalityId, Guid activityId, string fileName, string contentType, long sizeBytes, Guid storageKey, Guid uploadedByUserId, DateTimeOffset uploadedAt)
    {
        MunicipalityId = municipalityId;
        Id = Guid.CreateVersion7();
        ActivityId = activityId;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        StorageKey = storageKey;
        UploadedByUserId = uploadedByUserId;
        UploadedAt = uploadedAt;
    }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    /// <summary>The name shown to users, as uploaded.</summary>
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public Guid StorageKey { get; private set; }
    public Guid UploadedByUserId { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
}

/// <summary>An internal comment on the activity: never published (R20), kept in every status.</summary>
public sealed class ActivityComment : ITenantOwned, IAudited
{
    public const int TextMaxLength = 4000;

    private ActivityComment() { }

    internal ActivityComment(Guid municipalityId, Guid activityId, Guid authorUserId, DateTimeOffset at, string text)
    {
        MunicipalityId = municipalityId;
        Id = Guid.CreateVersion7();
        ActivityId = activityId;
        AuthorUserId = authorUserId;
        At = at;
        Text = text;
    }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public Guid AuthorUserId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Text { get; private set; } = "";
}

/// <summary>
/// What the activity led to (R10, R11): a yearly report for one calendar year while it runs, or the final report
/// when it has ended (<see cref="Year"/> null).
/// </summary>
public sealed class ResultReport : ITenantOwned, IAudited
{
    public const int TextMaxLength = 8000;

    private ResultReport() { }

    internal ResultReport(Guid municipalityId, Guid activityId, int? year, string text, Guid reportedByUserId, DateTimeOffset reportedAt)
    {
        MunicipalityId = municipalityId;
        Id = Guid.CreateVersion7();
        ActivityId = activityId;
        Year = year;
        Text = text;
        ReportedByUserId = reportedByUserId;
        ReportedAt = reportedAt;
    }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    /// <summary>The calendar year a yearly report covers; null for the final report.</summary>
    public int? Year { get; private set; }
    public bool IsFinal => Year is null;
    public string Text { get; private set; } = "";
    public Guid ReportedByUserId { get; private set; }
    public DateTimeOffset ReportedAt { get; private set; }

    internal void Revise(string text, Guid byUserId, DateTimeOffset at)
    {
        Text = text;
        ReportedByUserId = byUserId;
        ReportedAt = at;
    }
}
