using Omvarld.Domain.Policies.Checks;

namespace Omvarld.Domain.Activities.Checks;

/// <summary>
/// R11: results are reported yearly while an activity runs (<c>yearly</c>) and when it ends (<c>atCompletion</c>), with
/// the due dates of <see cref="ResultsDueRules"/>. Nothing is due before the activity has started. A yearly report is
/// due for every calendar year from the actual start until today, or until the end; when a final report is demanded it
/// covers the last year, so the yearly ones stop at the year before the end. A final report, once written, answers
/// every demand. Info while a report is due soon (the final one from the day the activity is completed), a warning once
/// it is overdue.
/// </summary>
public sealed class ResultsReportedRule : IActivityRule
{
    public CheckKind Kind => CheckKind.ResultsReported;

    public IEnumerable<Finding> Evaluate(CheckDefinition check, ActivityCheckContext ctx)
    {
        // What is owed and when comes from ResultsDue with the check's demand, which the due list, the reminders, the
        // calendar and the compilation ask too. A yearly report that is owed but not yet near its date is not a finding.
        var owed = ResultsDue.For(ResultsFacts.Of(ctx.Activity), ctx.Today, ResultsDemand.Of(check, ctx.DueRules));
        foreach (var report in owed)
        {
            var overdue = report.State == ReportDueState.Overdue;
            if (report.Year is { } year)
            {
                if (overdue)
                    yield return Finding.Of(ctx, check, FindingSeverity.Warning, "Finding_YearlyResultsOverdue", "Results", year, report.DueDate);
                else if (report.State == ReportDueState.DueSoon)
                    yield return Finding.Of(ctx, check, FindingSeverity.Info, "Finding_YearlyResultsDueSoon", "Results", year, report.DueDate);
            }
            else
            {
                yield return overdue
                    ? Finding.Of(ctx, check, FindingSeverity.Warning, "Finding_FinalResultsOverdue", "Results", report.DueDate)
                    : Finding.Of(ctx, check, FindingSeverity.Info, "Finding_FinalResultsDue", "Results", report.DueDate);
            }
        }
    }
}
