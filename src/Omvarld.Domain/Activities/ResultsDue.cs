using Omvarld.Domain.Activities.Checks;
using Omvarld.Domain.Policies.Checks;

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
/// R11 as one policy version demands it: yearly reports while the activity runs (<see cref="Yearly"/>), a final one when
/// it ends (<see cref="AtCompletion"/>), with the due dates of <see cref="Rules"/>. The version's <c>results-reported</c>
/// check decides (its <c>yearly</c>, <c>atCompletion</c> and optional <c>yearlyDueMonth</c>, <c>finalDueDays</c>); a
/// version without that check, or an activity under no version, answers to R11 itself: yearly and at completion, with
/// the default dates. The check then cited is <see cref="R11Check"/>, whose clause is empty (no policy text demands it).
/// </summary>
public sealed record ResultsDemand(bool Yearly, bool AtCompletion, ResultsDueRules Rules, CheckDefinition Check)
{
    /// <summary>R11's own demand, where no policy version words one.</summary>
    public static readonly CheckDefinition R11Check = new(Policies.Checks.CheckKind.ResultsReported,
        new Dictionary<string, object> { ["yearly"] = true, ["atCompletion"] = true }, "");

    public static readonly ResultsDemand R11Default = Of(R11Check);

    /// <summary>True when no policy clause demands the reports (R11's default applies).</summary>
    public bool IsR11Default => Check.Clause.Length == 0;

    public static ResultsDemand Of(CheckDefinition check, ResultsDueRules? baseRules = null)
    {
        if (check.Kind != Policies.Checks.CheckKind.ResultsReported) throw new ArgumentException($"Not a results check: {check.Kind}.", nameof(check));
        var rules = baseRules ?? ResultsDueRules.Default;
        var month = check.Parameters.GetValueOrDefault("yearlyDueMonth") is int m ? m : rules.YearlyDueMonth;
        var days = check.Parameters.GetValueOrDefault("finalDueDays") is int d ? d : rules.FinalDueDays;
        return new ResultsDemand(check.Boolean("yearly"), check.Boolean("atCompletion"), new ResultsDueRules(month, days, rules.DueSoonDays), check);
    }

    /// <summary>The demand of <paramref name="policy"/> (the version in force at the activity's start, R7); R11's when null or silent.</summary>
    public static ResultsDemand Of(Policies.PolicyDefinition? policy, ResultsDueRules? baseRules = null) =>
        policy?.Version.Checks.FirstOrDefault(c => c.Kind == Policies.Checks.CheckKind.ResultsReported) is { } check
            ? Of(check, baseRules)
            : baseRules is null ? R11Default : Of(R11Check, baseRules);
}

/// <summary>One year's count of an activity's reports for the yearly compilation: reported, and owed but missing.</summary>
public readonly record struct ResultsTally(int YearlyReported, int YearlyMissing, int FinalReported, int FinalMissing)
{
    public static ResultsTally operator +(ResultsTally a, ResultsTally b) =>
        new(a.YearlyReported + b.YearlyReported, a.YearlyMissing + b.YearlyMissing, a.FinalReported + b.FinalReported, a.FinalMissing + b.FinalMissing);
}

/// <summary>
/// R11, answered once: the reports an activity owes on a day under its <see cref="ResultsDemand"/>. Nothing before the
/// actual start and nothing once a final report is written. A yearly report is owed for each calendar year from the
/// start until today or the end (when a final report is demanded it covers the last year, so the yearly ones stop at the
/// year before); a year is listed once it is over or its due date is near. The final report is owed from completion.
/// The activity's finding (<see cref="Checks.ResultsReportedRule"/>), the due list, the reminders, the calendar, the
/// follow-up round and the compilation (<see cref="Tally"/>) all ask this, so they cannot disagree.
/// </summary>
public static class ResultsDue
{
    public static IReadOnlyList<OwedReport> For(ResultsFacts facts, DateOnly today, ResultsDueRules rules, bool yearly = true, bool atCompletion = true) =>
        For(facts, today, new ResultsDemand(yearly, atCompletion, rules, ResultsDemand.R11Check));

    public static IReadOnlyList<OwedReport> For(ResultsFacts facts, DateOnly today, ResultsDemand demand)
    {
        var owed = new List<OwedReport>();
        if (facts.ActualStart is not { } started || facts.HasFinalReport) return owed;
        var rules = demand.Rules;

        if (demand.Yearly)
        {
            for (var year = started.Year; year <= LastYearlyReport(facts, today, demand); year++)
            {
                if (facts.ReportedYears.Contains(year)) continue;
                var due = rules.YearlyDue(year);
                var state = StateOf(due, today, rules);
                var periodOver = year < today.Year || facts.ActualEnd is { } ended && ended < today;
                if (state != ReportDueState.Due || periodOver) owed.Add(new OwedReport(year, due, state));
            }
        }

        if (demand.AtCompletion && facts.Status == ActivityStatus.Completed && facts.ActualEnd is { } actualEnd)
        {
            var due = rules.FinalDue(actualEnd);
            owed.Add(new OwedReport(null, due, StateOf(due, today, rules)));
        }
        return owed;
    }

    /// <summary>The last calendar year a yearly report is demanded for (seen from <paramref name="today"/>).</summary>
    private static int LastYearlyReport(ResultsFacts facts, DateOnly today, ResultsDemand demand) =>
        facts.ActualEnd is { } end ? (demand.AtCompletion ? end.Year - 1 : end.Year) : today.Year;

    /// <summary>
    /// The compilation's count for <paramref name="year"/>, seen on <paramref name="today"/>: a yearly report of the year
    /// is reported when written, missing when <see cref="For"/> owes it; the final report counts in the year the activity
    /// ended, reported when written, missing when owed. A final report answers every demand, so once it is written no
    /// year counts as missing.
    /// </summary>
    public static ResultsTally Tally(ResultsFacts facts, int year, DateOnly today, ResultsDemand demand)
    {
        if (facts.ActualStart is not { } started || started.Year > year) return default;
        var owed = For(facts, today, demand);
        var endedThisYear = facts.ActualEnd?.Year == year && facts.Status is ActivityStatus.Completed or ActivityStatus.ResultsReported;
        return new ResultsTally(
            facts.ReportedYears.Contains(year) ? 1 : 0,
            owed.Count(o => o.Year == year),
            endedThisYear && facts.HasFinalReport ? 1 : 0,
            endedThisYear && owed.Any(o => o.IsFinal) ? 1 : 0);
    }

    public static ReportDueState StateOf(DateOnly due, DateOnly today, ResultsDueRules rules) =>
        today > due ? ReportDueState.Overdue
        : due.DayNumber - today.DayNumber <= rules.DueSoonDays ? ReportDueState.DueSoon
        : ReportDueState.Due;
}
