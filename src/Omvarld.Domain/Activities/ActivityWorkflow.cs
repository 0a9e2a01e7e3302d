namespace Omvarld.Domain.Activities;

/// <summary>The steps of an activity's workflow, each a method on <see cref="Activity"/>.</summary>
public enum ActivityAction
{
    Submit = 1,
    Approve = 2,
    Reject = 3,
    Withdraw = 4,
    Start = 5,
    Complete = 6,
    /// <summary>The final results report; yearly reports are no transition.</summary>
    ReportFinalResults = 7,
}

/// <summary>What the audit trail needs of one workflow step: what, from which status to which, who, when and why.</summary>
public sealed record ActivityTransition(Guid ActivityId, ActivityAction Action, ActivityStatus From, ActivityStatus To, Guid ByUserId, DateTimeOffset At, string? Comment);

/// <summary>
/// The workflow as a table: Draft → Submitted → Approved → Ongoing → Completed → ResultsReported. The approver may
/// reject a submitted activity with a comment; a rejected one is edited and submitted again. An activity can be
/// withdrawn until it starts. Once it runs it is not withdrawn but completed, early if need be, so that what it led
/// to is still reported (003: units must answer what their exchanges, projects and networks led to).
/// </summary>
public static class ActivityWorkflow
{
    private static readonly IReadOnlyDictionary<(ActivityStatus, ActivityAction), ActivityStatus> Table = new Dictionary<(ActivityStatus, ActivityAction), ActivityStatus>
    {
        [(ActivityStatus.Draft, ActivityAction.Submit)] = ActivityStatus.Submitted,
        [(ActivityStatus.Draft, ActivityAction.Withdraw)] = ActivityStatus.Withdrawn,
        [(ActivityStatus.Submitted, ActivityAction.Approve)] = ActivityStatus.Approved,
        [(ActivityStatus.Submitted, ActivityAction.Reject)] = ActivityStatus.Rejected,
        [(ActivityStatus.Submitted, ActivityAction.Withdraw)] = ActivityStatus.Withdrawn,
        [(ActivityStatus.Rejected, ActivityAction.Submit)] = ActivityStatus.Submitted,
        [(ActivityStatus.Rejected, ActivityAction.Withdraw)] = ActivityStatus.Withdrawn,
        [(ActivityStatus.Approved, ActivityAction.Start)] = ActivityStatus.Ongoing,
        [(ActivityStatus.Approved, ActivityAction.Withdraw)] = ActivityStatus.Withdrawn,
        [(ActivityStatus.Ongoing, ActivityAction.Complete)] = ActivityStatus.Completed,
        [(ActivityStatus.Completed, ActivityAction.ReportFinalResults)] = ActivityStatus.ResultsReported,
    };

    /// <summary>The status <paramref name="action"/> leads to from <paramref name="from"/>, or null when it is not allowed there.</summary>
    public static ActivityStatus? Next(ActivityStatus from, ActivityAction action) => Table.TryGetValue((from, action), out var to) ? to : null;

    public static bool Allows(ActivityStatus from, ActivityAction action) => Table.ContainsKey((from, action));

    /// <summary>The actions possible from <paramref name="status"/>, in workflow order, for the UI's buttons.</summary>
    public static IReadOnlyList<ActivityAction> ActionsFrom(ActivityStatus status) =>
        Table.Keys.Where(k => k.Item1 == status).Select(k => k.Item2).Order().ToList();

    /// <summary>The activity's details, goals, SDGs and partners are edited in a draft or after a rejection, never under review or after approval.</summary>
    public static bool CanEditDetails(ActivityStatus status) => status is ActivityStatus.Draft or ActivityStatus.Rejected;

    /// <summary>
    /// Funding lines are added and changed until the activity ends: applications are made and answered while a project
    /// runs (R21). Not while submitted: the approver judges what was submitted.
    /// </summary>
    public static bool CanEditFunding(ActivityStatus status) =>
        status is ActivityStatus.Draft or ActivityStatus.Rejected or ActivityStatus.Approved or ActivityStatus.Ongoing;

    /// <summary>A line's status (granted, paid) may still move after the end: money is often paid after the final report.</summary>
    public static bool CanChangeFundingStatus(ActivityStatus status) =>
        CanEditFunding(status) || status is ActivityStatus.Completed or ActivityStatus.ResultsReported;

    /// <summary>Trips are planned and made while the activity runs; their costs are often known only after it ends.</summary>
    public static bool CanEditTrips(ActivityStatus status) => CanEditFunding(status) || status == ActivityStatus.Completed;

    /// <summary>Yearly results are reported while the activity runs, and for its last year once it has ended.</summary>
    public static bool CanReportYearlyResults(ActivityStatus status) => status is ActivityStatus.Ongoing or ActivityStatus.Completed;

    /// <summary>Links and attachments document the activity and may be added in any status but withdrawn.</summary>
    public static bool CanEditLinks(ActivityStatus status) => status != ActivityStatus.Withdrawn;
}
