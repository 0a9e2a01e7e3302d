using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.FollowUp;
using Omvarld.Web.Data;
using Omvarld.Web.Features.FollowUp;

namespace Omvarld.Web.Features.Compilations;

/// <summary>
/// The yearly follow-up round of the compilation's year in the report (issue 15): the coordinator's summary for KS
/// (<see cref="CompilationSections.CoordinatorSummary"/>, first) and every unit's account with its answers and state
/// (<see cref="CompilationSections.UnitAccounts"/>, last). Both read <see cref="FollowUpService.ReportAsync"/> (four
/// queries). The summary speaks for the whole municipality, so a unit's part leaves it out and shows only the accounts of
/// the unit and its sub-units. Without a round for the year both sections say so; an open round's summary and accounts
/// are printed as they stand, with each account's state (ready, in progress, not started; late after its deadline).
/// </summary>
public sealed partial class CompilationFollowUp(FollowUpService followUp, OmvarldDbContext db, IStringLocalizer<SharedResource> l) : ICompilationPart
{
    public async Task<IReadOnlyList<CompilationSection>> BuildAsync(CompilationScope scope, CancellationToken ct)
    {
        var report = db.CurrentMunicipalityId is { } municipality ? await followUp.ReportAsync(municipality, scope.Year, ct) : null;
        var accounts = report?.Units.Where(u => scope.Units is null || scope.Units.Contains(u.UnitId)).ToList() ?? [];
        var basis = report is null
            ? new CompilationBasis(false, l["Compilation_FollowUpNone", scope.Year])
            : new CompilationBasis(false, l["Compilation_FollowUpBasis", report.Year, l["FollowUpRoundStatus_" + report.Status].Value.ToLower(CultureInfo.GetCultureInfo("sv-SE")),
                Day(report.Deadline), accounts.Count(a => a.Status == FollowUpSectionStatus.Ready), accounts.Count]);
        var sections = new List<CompilationSection>();

        if (scope.UnitId is null)
        {
            var paragraphs = report is null ? []
                : string.IsNullOrWhiteSpace(report.Summary) ? [l["Compilation_SummaryNone"].Value]
                : BlankLine().Split(report.Summary.Replace("\r", "", StringComparison.Ordinal)).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
            sections.Add(new(CompilationSections.CoordinatorSummary, l["Compilation_Section_" + CompilationSections.CoordinatorSummary], CompilationMeasure.Count, [], [])
            {
                Paragraphs = paragraphs,
                Compared = false,
                Basis = basis,
            });
        }

        IReadOnlyList<CompilationRow> rows = report is null ? [] :
        [
            new("ready", l["Compilation_AccountsReady"], accounts.Count(a => a.Status == FollowUpSectionStatus.Ready), 0),
            new("in-progress", l["Compilation_AccountsInProgress"], accounts.Count(a => a.Status == FollowUpSectionStatus.InProgress), 0),
            new("not-started", l["Compilation_AccountsNotStarted"], accounts.Count(a => a.Status == FollowUpSectionStatus.NotStarted), 0),
            new("late", l["Compilation_AccountsLate"], accounts.Count(a => a.Progress == FollowUpProgress.Late), 0),
        ];
        sections.Add(new(CompilationSections.UnitAccounts, l["Compilation_Section_" + CompilationSections.UnitAccounts], CompilationMeasure.Count, rows, [])
        {
            Notes = accounts.Select(Note).ToList(),
            NotesHeading = l["Compilation_AccountsHeading"],
            Compared = false,
            Basis = basis,
        });
        return sections;
    }

    /// <summary>One unit's account: "Kulturnämnden (Klar)", each question numbered with its answer below it, and who marked it ready.</summary>
    private CompilationNote Note(UnitAccountDto a)
    {
        var state = l["FollowUpSectionStatus_" + a.Status].Value;
        if (a.Progress == FollowUpProgress.Late) state = l["Compilation_AccountLate", state, Day(a.Deadline)];
        var text = a.Status == FollowUpSectionStatus.NotStarted && a.Answers.All(x => x.Answer.Length == 0)
            ? l["Compilation_AccountNotStarted"].Value
            : string.Join("\n\n", a.Answers.Select(x => $"{x.Position}. {x.Question}\n{(x.Answer.Length > 0 ? x.Answer : l["Compilation_AccountNoAnswer"].Value)}"));
        var by = a is { Status: FollowUpSectionStatus.Ready, ReadyAt: { } at } ? l["Compilation_AccountReadyBy", a.ReadyBy ?? "–", Day(DateOnly.FromDateTime(at.LocalDateTime))].Value : "";
        return new CompilationNote(l["Compilation_AccountSubject", a.UnitName, state], text, by);
    }

    private static string Day(DateOnly d) => Omvarld.Web.Features.Shared.Format.Date(d);

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLine();
}
