using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Organisation;
using Omvarld.Domain.Policies;
using Omvarld.Domain.Policies.Checks;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Compilations;

/// <summary>
/// R13, R14: the one query layer of the yearly compilation. Seven set-based queries, whatever the number of activities:
/// the activities of both years, then their goals, SDGs, partner countries, funding lines and result reports by the
/// activities' ids (one array parameter), and the KS exceptions; everything else is counted in memory (money too:
/// SQLite keeps decimals as text).
/// <para>
/// <b>Active in a year</b>: planned start on or before 31 December and no planned end or one on or after 1 January, or
/// actually ended during the year; in any status but draft, rejected and withdrawn. A submitted activity counts: the
/// unit has put it forward for the year and KS should see it; a draft is not yet put forward, a rejected one waits for
/// a new version, a withdrawn one never happened.
/// </para>
/// <para>
/// Funding lines count under their present status (applied, granted, rejected, paid), for the activities active in the
/// year, as the coordinator's pipeline does: the register keeps the latest status of a line, not its history.
/// </para>
/// </summary>
public sealed partial class CompilationQueries(OmvarldDbContext db, CurrentUser me, PolicyService policies, ReferenceData reference,
    TimeProvider clock, IStringLocalizer<SharedResource> l, IEnumerable<ICompilationPart> parts,
    Omvarld.Web.Features.Activities.Results.ResultsRule resultsRule)
{
    private static readonly ActivityStatus[] Counted =
        [ActivityStatus.Submitted, ActivityStatus.Approved, ActivityStatus.Ongoing, ActivityStatus.Completed, ActivityStatus.ResultsReported];

    private sealed record Row(Guid Id, string Title, ActivityKind Kind, ActivityStatus Status, Guid Unit, DateOnly Start, DateOnly? End,
        DateOnly? ActualStart, DateOnly? ActualEnd, bool Aimed, bool Child);

    /// <summary>The compilation of <paramref name="year"/>; for <paramref name="unit"/> and its sub-units when given. Null when the unit is not the municipality's.</summary>
    public async Task<Compilation?> BuildAsync(int year, Guid? unit, CancellationToken ct = default)
    {
        var tree = await me.GetUnitTreeAsync(ct);
        if (unit is { } u && !tree.Contains(u)) return null;
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == db.CurrentMunicipalityId).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "";

        var previous = year - 1;
        var from = new DateOnly(previous, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var q = db.Activities.AsNoTracking().Where(a => Counted.Contains(a.Status)
            && ((a.PlannedStart <= to && (a.PlannedEnd == null || a.PlannedEnd >= from)) || (a.ActualEnd >= from && a.ActualEnd <= to)));
        if (unit is { } scope)
        {
            var units = tree.SelfAndDescendants(scope).ToList();
            q = q.Where(a => units.Contains(a.OwnerUnitId));
        }
        var rows = (await q.Select(a => new { a.Id, a.Title, a.Kind, a.Status, a.OwnerUnitId, a.PlannedStart, a.PlannedEnd, a.ActualStart, a.ActualEnd,
                a.AimedAtEnablingInternationalWork, Child = a.ChildPerspective != null }).ToListAsync(ct))
            .Select(a => new Row(a.Id, a.Title, a.Kind, a.Status, a.OwnerUnitId, a.PlannedStart, a.PlannedEnd, a.ActualStart, a.ActualEnd, a.AimedAtEnablingInternationalWork, a.Child))
            .ToList();
        // The children are read by the ids already in hand (one array parameter), not by repeating the activity filter
        // as a subquery in each of the five queries (issue 17: each re-scanned the municipality's activities).
        var ids = rows.Select(a => a.Id).ToList();
        var goals = await db.ActivityGoals.AsNoTracking().Where(g => ids.Contains(g.ActivityId)).Select(g => new { g.ActivityId, g.GoalCode }).ToListAsync(ct);
        var sdgs = await db.ActivitySdgs.AsNoTracking().Where(s => ids.Contains(s.ActivityId)).Select(s => new { s.ActivityId, s.Goal }).Distinct().ToListAsync(ct);
        var countries = await db.ActivityPartners.AsNoTracking().Where(p => ids.Contains(p.ActivityId))
            .Join(db.Partners, ap => ap.PartnerId, p => p.Id, (ap, p) => new { ap.ActivityId, p.CountryCode }).Distinct().ToListAsync(ct);
        var funding = await db.FundingLines.AsNoTracking().Where(f => ids.Contains(f.ActivityId)).ToListAsync(ct);
        var reports = await db.ResultReports.AsNoTracking().Where(r => ids.Contains(r.ActivityId)).Select(r => new { r.ActivityId, r.Year }).ToListAsync(ct);
        // Exceptions are counted by their decision and validity dates, whatever the activity's dates.
        var exceptionsQuery = db.PreconditionExceptions.AsNoTracking().Where(e => e.DecidedOn <= to && e.ValidUntil >= from);
        if (unit is { } s2)
        {
            var units = tree.SelfAndDescendants(s2).ToList();
            var scoped = db.Activities.Where(a => units.Contains(a.OwnerUnitId)).Select(a => a.Id);
            exceptionsQuery = exceptionsQuery.Where(e => scoped.Contains(e.ActivityId));
        }
        var exceptions = await exceptionsQuery
            .Join(db.Activities, e => e.ActivityId, a => a.Id, (e, a) => new { e.ActivityId, e.DecidedOn, e.ValidUntil, e.MinuteParagraph, a.Title, a.OwnerUnitId, a.PlannedStart, a.PlannedEnd, e.PartnerId })
            .Join(db.Partners, x => x.PartnerId, p => p.Id, (x, p) => new { x.ActivityId, x.DecidedOn, x.ValidUntil, x.MinuteParagraph, x.Title, x.OwnerUnitId, x.PlannedStart, x.PlannedEnd, Partner = p.Name })
            .ToListAsync(ct);

        var goalsOf = goals.ToLookup(g => g.ActivityId, g => g.GoalCode);
        var sdgsOf = sdgs.ToLookup(s => s.ActivityId, s => s.Goal);
        var countriesOf = countries.ToLookup(c => c.ActivityId, c => c.CountryCode);
        var fundingOf = funding.ToLookup(f => f.ActivityId);
        var reportsOf = reports.ToLookup(r => r.ActivityId, r => r.Year);

        List<Row> ActiveIn(int y)
        {
            var first = new DateOnly(y, 1, 1);
            var last = new DateOnly(y, 12, 31);
            return rows.Where(a => (a.Start <= last && (a.End == null || a.End >= first)) || (a.ActualEnd >= first && a.ActualEnd <= last)).ToList();
        }
        var now = ActiveIn(year);
        var before = ActiveIn(previous);

        string UnitName(Guid id) => tree.Contains(id) ? tree[id].Name : "–";
        CompilationItem Item(Row a, string? note = null) => new(a.Id, a.Title, UnitName(a.Unit), a.Start, a.End, note);

        // Counts a key function over both years' activities: one row per key seen in either year.
        List<CompilationRow> CountBy(Func<Row, IEnumerable<string>> keys, Func<string, string> label, IEnumerable<string>? always = null, Func<CompilationRow, object>? order = null)
        {
            var thisYear = now.SelectMany(a => keys(a).Distinct()).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
            var lastYear = before.SelectMany(a => keys(a).Distinct()).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
            var all = (always ?? []).Concat(thisYear.Keys).Concat(lastYear.Keys).Distinct();
            var result = all.Select(k => new CompilationRow(k, label(k), thisYear.GetValueOrDefault(k), lastYear.GetValueOrDefault(k)));
            return (order is null ? result : result.OrderBy(order)).ToList();
        }
        CompilationSection Section(string key, CompilationMeasure measure, List<CompilationRow> sectionRows, List<CompilationItem>? items = null) =>
            new(key, l["Compilation_Section_" + key], measure, sectionRows, items ?? []);

        var sections = new List<CompilationSection>
        {
            Section(CompilationSections.Summary, CompilationMeasure.Count,
                [new("active", l["Compilation_ActiveActivities"], now.Count, before.Count)]),
            Section(CompilationSections.Kind, CompilationMeasure.Count,
                CountBy(a => [a.Kind.ToString()], k => l["ActivityKind_" + k], Enum.GetNames<ActivityKind>())),
        };

        var policyAtEnd = await policies.ActivityPolicyOnAsync(to, ct);

        // R6, derived as everywhere else: partners' countries and the funding lines.
        var classes = new[] { nameof(ActivityClassification.IsInternational), nameof(ActivityClassification.IsEuropeanProject), nameof(ActivityClassification.IsEuProject) };
        IEnumerable<string> Classes(Row a)
        {
            var c = ActivityClassification.Of(countriesOf[a.Id], a.Aimed, fundingOf[a.Id]);
            if (c.IsInternational) yield return "International";
            if (c.IsEuropeanProject) yield return "EuropeanProject";
            if (c.IsEuProject) yield return "EuProject";
        }
        sections.Add(Section(CompilationSections.Classification, CompilationMeasure.Count,
            CountBy(Classes, k => l["ActivityClass_" + k], ["International", "EuropeanProject", "EuProject"])));

        // By unit: the top level of the scope (the committees and companies under KF for the municipality, the unit's
        // own sub-units for a unit's part), each counting the work of the units below it.
        sections.Add(Section(CompilationSections.Unit, CompilationMeasure.Count,
            CountBy(a => [TopUnit(tree, a.Unit, unit).ToString()], k => UnitName(Guid.Parse(k)), order: r => r.Label)));

        // Goals by code, named from the policy in force that year (or the year before, for a goal that has since gone).
        var goalNames = new Dictionary<string, string>();
        foreach (var day in new[] { new DateOnly(previous, 12, 31), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31) })
            if (await policies.ActivityPolicyOnAsync(day, ct) is { } policy)
                foreach (var goal in policy.Definition.Version.Goals) goalNames[goal.Code] = goal.Name;
        // A goal of a version no longer (or not yet) in force in these years is named from any version that has it: the
        // report shows goals by their Swedish names, never by code.
        var unnamed = goals.Select(g => g.GoalCode).Where(c => !goalNames.ContainsKey(c)).ToHashSet();
        if (unnamed.Count > 0)
            foreach (var (code, name) in await GoalNamesOfAllVersionsAsync(ct))
                if (unnamed.Contains(code)) goalNames.TryAdd(code, name);
        sections.Add(Section(CompilationSections.Goal, CompilationMeasure.Count,
            CountBy(a => goalsOf[a.Id], k => goalNames.TryGetValue(k, out var name) ? name : Readable(k), order: r => r.Key)));
        sections.Add(Section(CompilationSections.Sdg, CompilationMeasure.Count,
            CountBy(a => sdgsOf[a.Id].Select(g => g.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                k => reference.Sdg(int.Parse(k, System.Globalization.CultureInfo.InvariantCulture)) is { } sdg ? l["Compilation_SdgLabel", k, sdg.TitleSv].Value : k,
                order: r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture))));
        sections.Add(Section(CompilationSections.Country, CompilationMeasure.Count,
            CountBy(a => countriesOf[a.Id], k => reference.Country(k)?.NameSv ?? k, order: r => r.Label)));

        // Funding, in SEK.
        List<FundingLine> LinesOf(List<Row> activities) => activities.SelectMany(a => fundingOf[a.Id]).ToList();
        var linesNow = LinesOf(now);
        var linesBefore = LinesOf(before);
        static decimal Own(List<FundingLine> ls) => ls.Where(f => !f.IsExternal && f.CountsAsFunding).Sum(f => f.AmountSek);
        static decimal External(List<FundingLine> ls) => ls.Where(f => f.IsExternal && f.CountsAsFunding).Sum(f => f.AmountSek);
        static decimal Status(IEnumerable<FundingLine> ls, FundingStatus s) => ls.Where(f => f.IsExternal && f.Status == s).Sum(f => f.AmountSek);
        sections.Add(Section(CompilationSections.Funding, CompilationMeasure.Sek,
        [
            new("own", l["Compilation_FundingOwn"], Own(linesNow), Own(linesBefore)),
            new("external", l["Compilation_FundingExternal"], External(linesNow), External(linesBefore)),
            new("applied", l["Compilation_FundingApplied"], Status(linesNow, FundingStatus.Applied), Status(linesBefore, FundingStatus.Applied)),
            new("granted", l["Compilation_FundingGranted"], Status(linesNow, FundingStatus.Granted), Status(linesBefore, FundingStatus.Granted)),
            new("rejected", l["Compilation_FundingRejected"], Status(linesNow, FundingStatus.Rejected), Status(linesBefore, FundingStatus.Rejected)),
            new("paid", l["Compilation_FundingPaid"], Status(linesNow, FundingStatus.Paid), Status(linesBefore, FundingStatus.Paid)),
        ]));
        string Programme(FundingLine f) => f.Source == FundingSource.EuProgramme ? "eu:" + f.ProgrammeCode : "other:" + f.FunderName;
        string ProgrammeName(string key) => key.StartsWith("eu:", StringComparison.Ordinal)
            ? reference.EuProgrammes.FirstOrDefault(p => p.Code == key[3..])?.NameSv ?? key[3..]
            : key[6..];
        foreach (var (key, status) in new[] { (CompilationSections.FundingApplied, FundingStatus.Applied), (CompilationSections.FundingGranted, FundingStatus.Granted),
                     (CompilationSections.FundingRejected, FundingStatus.Rejected), (CompilationSections.FundingPaid, FundingStatus.Paid) })
        {
            var a = linesNow.Where(f => f.IsExternal && f.Status == status).GroupBy(Programme).ToDictionary(g => g.Key, g => g.Sum(f => f.AmountSek));
            var b = linesBefore.Where(f => f.IsExternal && f.Status == status).GroupBy(Programme).ToDictionary(g => g.Key, g => g.Sum(f => f.AmountSek));
            sections.Add(Section(key, CompilationMeasure.Sek, a.Keys.Union(b.Keys)
                .Select(k => new CompilationRow(k, ProgrammeName(k), a.GetValueOrDefault(k), b.GetValueOrDefault(k))).OrderBy(r => r.Label).ToList()));
        }

        // KS's exceptions (R9): decided during the year, and in force on its last day.
        int Decided(int y) => exceptions.Count(e => e.DecidedOn.Year == y);
        int InForce(int y) => exceptions.Count(e => e.DecidedOn <= new DateOnly(y, 12, 31) && e.ValidUntil >= new DateOnly(y, 12, 31));
        sections.Add(Section(CompilationSections.Exceptions, CompilationMeasure.Count,
        [
            new("decided", l["Compilation_ExceptionsDecided"], Decided(year), Decided(previous)),
            new("in-force", l["Compilation_ExceptionsInForce"], InForce(year), InForce(previous)),
        ], exceptions.Where(e => e.DecidedOn.Year == year || (e.DecidedOn <= to && e.ValidUntil >= to)).OrderBy(e => e.DecidedOn)
            .Select(e => new CompilationItem(e.ActivityId, e.Title, UnitName(e.OwnerUnitId), e.PlannedStart, e.PlannedEnd,
                l["Compilation_ExceptionNote", e.Partner, Omvarld.Web.Features.Shared.Format.Date(e.DecidedOn), Omvarld.Web.Features.Shared.Format.Paragraph(e.MinuteParagraph), Omvarld.Web.Features.Shared.Format.Date(e.ValidUntil)]))
            .ToList()));

        // R11, as the due list and the findings answer it (ResultsRule): per activity the demand of the policy version in
        // force at its start; a year's yearly reports written or owed, the final reports of the activities that ended in it.
        var demandOn = await resultsRule.DemandsAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        ResultsTally Tally(int y) => rows.Where(a => a.ActualStart is not null).Select(a =>
        {
            var written = reportsOf[a.Id].ToList();
            var facts = new ResultsFacts(a.Status, a.ActualStart, a.ActualEnd, written.OfType<int>().ToHashSet(), written.Any(r => r is null));
            return ResultsDue.Tally(facts, y, today, demandOn(a.Start));
        }).Aggregate(default(ResultsTally), (sum, t) => sum + t);
        var (now11, before11) = (Tally(year), Tally(previous));
        var (finalNow, finalBefore, yearlyNow, yearlyBefore) = ((Reported: now11.FinalReported, Missing: now11.FinalMissing), (Reported: before11.FinalReported, Missing: before11.FinalMissing),
            (Reported: now11.YearlyReported, Missing: now11.YearlyMissing), (Reported: before11.YearlyReported, Missing: before11.YearlyMissing));
        // Results are "missing" where the policy in force demands reports (Borås 2009, Upplands-Bro 2020); elsewhere "not reported", for information.
        var resultsBasis = Basis(policyAtEnd, CheckKind.ResultsReported);
        var missing = resultsBasis.Demanded ? "missing" : "not-reported";
        sections.Add(Section(CompilationSections.Results, CompilationMeasure.Count,
        [
            new("final-reported", l["Compilation_FinalReported"], finalNow.Reported, finalBefore.Reported),
            new("final-" + missing, l[resultsBasis.Demanded ? "Compilation_FinalMissing" : "Compilation_FinalNotReported"], finalNow.Missing, finalBefore.Missing),
            new("yearly-reported", l["Compilation_YearlyReported"], yearlyNow.Reported, yearlyBefore.Reported),
            new("yearly-" + missing, l[resultsBasis.Demanded ? "Compilation_YearlyMissing" : "Compilation_YearlyNotReported"], yearlyNow.Missing, yearlyBefore.Missing),
        ]) with { Basis = resultsBasis });

        // Twin towns (001) and networks (R18): the activities themselves.
        foreach (var (key, kind) in new[] { (CompilationSections.TwinTowns, ActivityKind.TwinTownCooperation), (CompilationSections.Networks, ActivityKind.Network) })
            sections.Add(Section(key, CompilationMeasure.Count,
                [new("count", l["Compilation_Activities"], now.Count(a => a.Kind == kind), before.Count(a => a.Kind == kind))],
                now.Where(a => a.Kind == kind).OrderBy(a => a.Title).Select(a => Item(a, string.Join(", ", countriesOf[a.Id].Select(c => reference.Country(c)?.NameSv ?? c).Order()))).ToList()));

        // The child perspective: a duty only where the policy in force demands it (Upplands-Bro 2020, 5); elsewhere informational.
        var childBasis = Basis(policyAtEnd, CheckKind.ChildPerspective);
        sections.Add(Section(CompilationSections.ChildPerspective, CompilationMeasure.Count,
        [
            new("with", l["Compilation_ChildWith"], now.Count(a => a.Child), before.Count(a => a.Child)),
            new("without", l[childBasis.Demanded ? "Compilation_ChildMissing" : "Compilation_ChildWithout"], now.Count(a => !a.Child), before.Count(a => !a.Child)),
        ], now.Where(a => !a.Child).OrderBy(a => a.Title).Select(a => Item(a)).ToList()) with { Basis = childBasis });

        sections.AddRange(await LaterSectionsAsync(year, unit, tree, policyAtEnd, now.Select(a => a.Id).ToHashSet(), before.Select(a => a.Id).ToHashSet(), ct));
        sections.AddRange(await NetworkSectionsAsync(year, unit is not null, now.ToDictionary(a => a.Id, a => Item(a)), before.Select(a => a.Id).ToHashSet(), ct));
        var scopeOfParts = new CompilationScope(year, unit, unit is { } su ? tree.SelfAndDescendants(su).ToHashSet() : null,
            now.Select(a => a.Id).ToHashSet(), before.Select(a => a.Id).ToHashSet());
        foreach (var part in parts) sections.AddRange(await part.BuildAsync(scopeOfParts, ct));
        // Printed chapter by chapter (stable within a chapter).
        sections = sections.OrderBy(x => CompilationChapters.Order.ToList().IndexOf(x.Chapter) is var i && i < 0 ? int.MaxValue : i).ToList();
        return new Compilation(year, unit, municipality, unit is { } id ? UnitName(id) : null, clock.GetLocalNow(), sections);
    }

    /// <summary>
    /// What demands the figures of a duty of <paramref name="kind"/>: the check of the policy version in force on the
    /// year's last day, cited with its clause, or — no such check — that the figures are informational.
    /// </summary>
    private CompilationBasis Basis(ActivityPolicy? policy, CheckKind kind)
    {
        // "Internationell policy 2023": the document's title with the version's label.
        var version = policy is null ? null : $"{policy.Definition.Document.Title} {policy.Label}";
        if (policy?.Definition.Version.Checks.FirstOrDefault(c => c.Kind == kind) is { } check)
        {
            var clause = check.Clause.Split("\n\n", 2)[0].Trim();
            return new CompilationBasis(true, l["Compilation_BasisDemanded", version!, clause], version, check.Clause);
        }
        return new CompilationBasis(false, version is null ? l["Compilation_BasisNoPolicy"] : l["Compilation_BasisInformational", version], version);
    }

    /// <summary>Goal code → name over every policy version of the municipality (newest version's name wins). One query, rare.</summary>
    private async Task<Dictionary<string, string>> GoalNamesOfAllVersionsAsync(CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in await db.PolicyVersions.AsNoTracking().OrderByDescending(v => v.Key).Select(v => v.Source).ToListAsync(ct))
        {
            if (PolicyFileReader.Read(new StringReader(source)).Definition is not { } definition) continue;
            foreach (var goal in definition.Version.Goals) names.TryAdd(goal.Code, goal.Name);
        }
        return names;
    }

    /// <summary>A goal code no version names, as words ("DEMOKRATISKA_VARDERINGAR" → "Demokratiska varderingar"): never the bare code.</summary>
    internal static string Readable(string code)
    {
        var words = code.Replace('_', ' ').Replace('-', ' ').Trim().ToLowerInvariant();
        return words.Length == 0 ? code : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>
    /// KS's yearly <b>priorities</b> (R17: activities per priority, this year beside last) and the <b>action-plan
    /// evaluations</b> (R12: committees' and companies' plans evaluated, adopted, drafted or missing). One query each.
    /// </summary>
    private async Task<IReadOnlyList<CompilationSection>> LaterSectionsAsync(int year, Guid? unit, UnitTree tree, ActivityPolicy? policyAtEnd, IReadOnlySet<Guid> now,
        IReadOnlySet<Guid> before, CancellationToken ct)
    {
        var years = new[] { year, year - 1 };
        var links = await db.Priorities.AsNoTracking().Where(p => years.Contains(p.Year))
            .GroupJoin(db.ActivityPriorities, p => p.Id, ap => ap.PriorityId, (p, aps) => new { p.Id, p.Year, p.Title, Activities = aps.Select(a => a.ActivityId).ToList() })
            .ToListAsync(ct);
        var priorityRows = links.OrderByDescending(p => p.Year).ThenBy(p => p.Title).Select(p => new CompilationRow(p.Id.ToString(), $"{p.Title} ({p.Year})",
            p.Year == year ? p.Activities.Count(now.Contains) : 0, p.Year == year - 1 ? p.Activities.Count(before.Contains) : 0)).ToList();

        var plans = await db.ActionPlans.AsNoTracking().Where(p => years.Contains(p.Year)).Select(p => new { p.UnitId, p.Year, p.Status }).ToListAsync(ct);
        var scope = unit is { } u ? tree.SelfAndDescendants(u) : null;
        // Plans are "missing" only for the kinds of unit the policy in force demands them of (Upplands-Bro 2020: committees
        // and companies); without such a clause, committees and companies without a plan are counted for information.
        var requirement = ActionPlans.ActionPlanService.Requirement(policyAtEnd);
        var planBasis = Basis(policyAtEnd, CheckKind.YearlyActionPlan);
        IReadOnlyCollection<UnitKind> planKinds = requirement?.UnitKinds ?? [UnitKind.Committee, UnitKind.Company];
        var planUnits = tree.All.Where(n => !n.IsClosed && planKinds.Contains(n.Kind) && (scope is null || scope.Contains(n.Id))).Select(n => n.Id).ToList();
        decimal Count(int y, Func<Domain.Plans.ActionPlanStatus?, bool> state) =>
            planUnits.Count(id => state(plans.FirstOrDefault(p => p.UnitId == id && p.Year == y)?.Status));
        var planRows = new List<CompilationRow>
        {
            new("evaluated", l["Compilation_PlansEvaluated"], Count(year, s => s == Domain.Plans.ActionPlanStatus.Evaluated), Count(year - 1, s => s == Domain.Plans.ActionPlanStatus.Evaluated)),
            new("adopted", l["Compilation_PlansAdopted"], Count(year, s => s == Domain.Plans.ActionPlanStatus.Adopted), Count(year - 1, s => s == Domain.Plans.ActionPlanStatus.Adopted)),
            new("draft", l["Compilation_PlansDraft"], Count(year, s => s == Domain.Plans.ActionPlanStatus.Draft), Count(year - 1, s => s == Domain.Plans.ActionPlanStatus.Draft)),
            planBasis.Demanded
                ? new("missing", l["Compilation_PlansMissing"], Count(year, s => s is null), Count(year - 1, s => s is null))
                : new("without", l["Compilation_PlansWithout"], Count(year, s => s is null), Count(year - 1, s => s is null)),
        };
        var contactBasis = Basis(policyAtEnd, CheckKind.ContactPersonPerOffice);
        var (contactRows, competenceRows) = await ContactPersonRowsAsync(year, scope, ct);
        return
        [
            new(CompilationSections.ContactPersons, l["Compilation_Section_" + CompilationSections.ContactPersons], CompilationMeasure.Count, contactRows, []) { Basis = contactBasis },
            new(CompilationSections.Competence, l["Compilation_Section_" + CompilationSections.Competence], CompilationMeasure.Hours, competenceRows, []),
            new(CompilationSections.Priorities, l["Compilation_Section_" + CompilationSections.Priorities], CompilationMeasure.Count, priorityRows, []),
            new(CompilationSections.ActionPlans, l["Compilation_Section_" + CompilationSections.ActionPlans], CompilationMeasure.Count, planRows, []) { Basis = planBasis },
        ];
    }

    /// <summary>
    /// R15: the units that need a contact person (offices, the kinds the policy in force names, the coordinator's chosen
    /// units) with and without one on the year's last day (as appointed, for a year still running), and the competence development
    /// logged during the year: entries, hours, joint and individual. Three queries: units, chosen units, appointments
    /// with their entries of both years.
    /// </summary>
    private async Task<(List<CompilationRow> Contacts, List<CompilationRow> Competence)> ContactPersonRowsAsync(int year, IReadOnlySet<Guid>? scope, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Kind, u.ClosedOn }).ToListAsync(ct);
        var chosen = (await db.ContactPersonUnits.AsNoTracking().Select(c => c.UnitId).ToListAsync(ct)).ToHashSet();
        var periods = await db.ContactPersons.AsNoTracking().Select(c => new { c.Id, c.UnitId, c.From, c.To }).ToListAsync(ct);
        var first = new DateOnly(year - 1, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var entries = await db.CompetenceEntries.AsNoTracking().Where(e => e.Date >= first && e.Date <= last)
            .Select(e => new { e.ContactPersonId, e.Date, e.Hours, e.IsJoint }).ToListAsync(ct);
        var unitOf = periods.ToDictionary(p => p.Id, p => p.UnitId);

        async Task<(int With, int Without)> Coverage(int y)
        {
            var asOf = new DateOnly(y, 12, 31);
            var kinds = ContactPersons.ContactPersonService.Kinds(ContactPersons.ContactPersonService.Requirement(await policies.ActivityPolicyOnAsync(asOf, ct)));
            var needing = units.Where(u => (u.ClosedOn is null || u.ClosedOn > asOf) && (kinds.Contains(u.Kind) || chosen.Contains(u.Id))
                && (scope is null || scope.Contains(u.Id))).Select(u => u.Id).ToList();
            var covered = periods.Where(p => p.From <= asOf && (p.To is null || p.To >= asOf)).Select(p => p.UnitId).ToHashSet();
            var with = needing.Count(covered.Contains);
            return (with, needing.Count - with);
        }
        var (now, before) = (await Coverage(year), await Coverage(year - 1));
        var inScope = entries.Where(e => scope is null || (unitOf.TryGetValue(e.ContactPersonId, out var u) && scope.Contains(u))).ToList();
        decimal Sum(int y, Func<bool, bool> joint, bool hours) =>
            inScope.Where(e => e.Date.Year == y && joint(e.IsJoint)).Sum(e => hours ? e.Hours : 1m);
        return (
        [
            new("with", l["Compilation_ContactWith"], now.With, before.With),
            new("without", l["Compilation_ContactWithout"], now.Without, before.Without),
        ],
        [
            new("count", l["Compilation_CompetenceCount"], Sum(year, _ => true, false), Sum(year - 1, _ => true, false)),
            new("hours", l["Compilation_CompetenceHours"], Sum(year, _ => true, true), Sum(year - 1, _ => true, true)),
            new("joint", l["Compilation_CompetenceJoint"], Sum(year, j => j, false), Sum(year - 1, j => j, false)),
            new("individual", l["Compilation_CompetenceIndividual"], Sum(year, j => !j, false), Sum(year - 1, j => !j, false)),
        ]);
    }

    /// <summary>
    /// The unit an activity's owner is counted under: for the whole municipality the highest unit on its path that is
    /// not the council (a committee, a company, KS); for a unit's part the child of that unit on the path (or the unit).
    /// </summary>
    private static Guid TopUnit(UnitTree tree, Guid owner, Guid? scope)
    {
        if (!tree.Contains(owner)) return owner;
        var path = tree.PathTo(owner);
        if (scope is { } s)
        {
            var at = path.ToList().FindIndex(n => n.Id == s);
            return at >= 0 && at + 1 < path.Count ? path[at + 1].Id : s;
        }
        return path.FirstOrDefault(n => n.Kind != UnitKind.Council) is { Id: var top } && top != Guid.Empty ? top : owner;
    }
}
