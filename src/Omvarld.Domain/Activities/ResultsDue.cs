using Omvarld.Domain.Activities.Checks;

namespace Omvarld.Domain.Activities;

/// <summary>Where a results report stands against its due date (R11).</summary>
public enum ReportDueState
{
    /// <summary>Owed (its period is over) but the due date is more than <see cref="ResultsDueRules.DueSoonDays"/> away.</summary>
    Due,
    /// <summary>Due within <see cref="ResultsDueRules.DueSoonDays"/> days (or today).</summary>
    DueSoon,
    /// <summary>The due date has passed.</summary>
    Overdue,
}

/// <summary>One report an activity owes: a yearly one (<see cref="Year"/>) or the final one (no year).</summary>
public sealed record OwedReport(int? Year, DateOnly DueDate, ReportDueState State)
{
    public bool IsFinal => Year is null;
    /// <summary>A stable name for the report: the year, or "final".</summary>
    public string Key => Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "final";
}

/// <summary>What the due dates depend on, as a list query loads it (no children but the reported years).</summary>
public sealed record ResultsFacts(ActivityStatus Status, DateOnly? ActualStart, DateOnly? ActualEnd, IReadOnlyCollection<int> ReportedYears, bool HasFinalReport)
{
    public static ResultsFacts Of(Activity activity) => new(activity.Status, activity.ActualStart, activity.ActualEnd,
        activity.Results.Where(r => r.Year is not null).Select(r => r.Year!.Value).ToList(), activity.Results.Any(r => r.IsFinal));
}

/// <summary>
/// R11: the reports an activity owes on a day, with <see cref="ResultsDueRules"/>' dates. Nothing before the actual start
/// and nothing once a final report is written. A yearly report is owed for each calendar year from the start until
/// today or the end (when a final report is demanded it covers the last year, so the yearly ones stop at the year
/// before); a year is listed once it is over or its due date is near. The final report is owed from completion.
/// <see cref="Checks.ResultsReportedRule"/> turns these into findings; the due list and the reminders list them.
/// </summary>
public static class ResultsDue
{
    public static IReadOnlyList<OwedReport> For(ResultsFacts facts, DateOnly today, ResultsDueRules rules, bool yearly = true, bool atCompletion = true)
    {
        var owed = new List<OwedReport>();
        if (facts.ActualStart is not { } started || facts.HasFinalReport) return owed;

        if (yearly)
        {
            var lastYear = facts.ActualEnd is { } end ? (atCompletion ? end.Year - 1 : end.Year) : today.Year;
            for (var year = started.Year; year <= lastYear; year++)
            {
                if (facts.ReportedYears.Contains(year)) continue;
                var due = rules.YearlyDue(year);
                var state = StateOf(due, today, rules);
                var periodOver = year < today.Year || facts.ActualEnd is { } ended && ended < today;
                if (state != ReportDueState.Due || periodOver) owed.Add(new OwedReport(year, due, state));
            }
        }

        if (atCompletion && facts.Status == ActivityStatus.Completed && facts.ActualEnd is { } actualEnd)
        {
            var due = rules.FinalDue(actualEnd);
            owed.Add(new OwedReport(null, due, StateOf(due, today, rules)));
        }
        return owed;
    }

    public static ReportDueState StateOf(DateOnly due, DateOnly today, ResultsDueRules rules) =>
        today > due ? ReportDueState.Overdue
        : due.DayNumber - today.DayNumber <= rules.DueSoonDays ? ReportDueState.DueSoon
        : ReportDueState.Due;
}
