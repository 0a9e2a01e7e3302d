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
        var activity = ctx.Activity;
        if (activity.ActualStart is not { } started || activity.Results.Any(r => r.IsFinal)) yield break;
        var rules = ctx.DueRules;
        var atCompletion = check.Boolean("atCompletion");

        if (check.Boolean("yearly"))
        {
            var lastYear = activity.ActualEnd is { } end ? (atCompletion ? end.Year - 1 : end.Year) : ctx.Today.Year;
            for (var year = started.Year; year <= lastYear; year++)
            {
                if (activity.Results.Any(r => r.Year == year)) continue;
                var due = rules.YearlyDue(year);
                if (ctx.Today > due)
                    yield return Finding.Of(ctx, check, FindingSeverity.Warning, "Finding_YearlyResultsOverdue", "Results", year, due);
                else if (due.DayNumber - ctx.Today.DayNumber <= rules.DueSoonDays)
                    yield return Finding.Of(ctx, check, FindingSeverity.Info, "Finding_YearlyResultsDueSoon", "Results", year, due);
            }
        }

        if (atCompletion && activity.Status == ActivityStatus.Completed && activity.ActualEnd is { } ended)
        {
            var due = rules.FinalDue(ended);
            yield return ctx.Today > due
                ? Finding.Of(ctx, check, FindingSeverity.Warning, "Finding_FinalResultsOverdue", "Results", due)
                : Finding.Of(ctx, check, FindingSeverity.Info, "Finding_FinalResultsDue", "Results", due);
        }
    }
}
