using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Access;
using Omvarld.Domain.Municipalities;
using Omvarld.Domain.Organisation;
using Omvarld.Domain.Plans;
using Omvarld.Web.Features.ActionPlans;
using Omvarld.Web.Features.Policies;

namespace Omvarld.Web.Data.Demo;

/// <summary>
/// Demo KS priorities (R17) and action plans (R12), fictitious and written so: in Borås one KS priority a year for
/// 2025 and 2026 (Borås's policy demands no action plans); in Upplands-Bro, whose 2020 policy does, Utbildningsnämnden's
/// 2025 plan adopted, evaluated and revised into an adopted 2026 plan, Kultur- och fritidsnämnden's 2026 plan still a draft
/// (late), and Socialnämnden without a 2026 plan (missing).
/// </summary>
internal static class DemoPlans
{
    private sealed record DemoItem(string What, string Why, string? Goal, string Who, string When, decimal? Budget, string Indicator, string Target);

    public static async Task AddAsync(OmvarldDbContext db, PolicyService policies, DemoMunicipality m, Municipality municipality,
        IReadOnlyDictionary<string, Unit> units, CancellationToken ct)
    {
        var scope = new AccessScope(false, [(Role.Coordinator, null)], UnitTree.From(units.Values));
        if (m == DemoOrganisations.Boras) await BorasAsync(db, policies, municipality, scope, ct);
        else await UpplandsBroAsync(db, policies, municipality, units, scope, ct);
        await db.SaveChangesAsync(ct);
    }

    private static async Task BorasAsync(OmvarldDbContext db, PolicyService policies, Municipality municipality, AccessScope scope, CancellationToken ct)
    {
        var priorities = new (int Year, string Title, string Text, string[] Goals, int[] Sdgs)[]
        {
            (2025, "Fler verksamheter i EU-finansierade projekt (demo)",
                "Kommunstyrelsen prioriterar 2025 att fler förvaltningar och bolag deltar i EU-finansierade projekt, med stöd av den internationella samordnaren.",
                ["PROJEKTSAMVERKAN", "VERKSAMHETSUTVECKLING"], [8, 17]),
            (2026, "Textil och cirkulär ekonomi (demo)",
                "Kommunstyrelsen prioriterar 2026 internationellt samarbete om textilåtervinning och cirkulär ekonomi, där Borås kan dela sin kunskap.",
                ["KUNSKAPSUTBYTEN", "PROFILERING"], [9, 12]),
        };
        foreach (var p in priorities)
        {
            var goals = (await policies.ForYearAsync(p.Year, ct))?.Definition.Version.Goals.Select(g => g.Code).ToHashSet(StringComparer.Ordinal) ?? [];
            var (priority, result) = Priority.Create(municipality.Id, new PriorityInput(p.Year, p.Title, p.Text, p.Goals, p.Sdgs), goals, scope);
            if (!result.IsOk) throw new InvalidOperationException($"Demo priority {p.Title}: {result.Error}");
            db.Priorities.Add(priority!);
            // Activities of the year that serve the priority's goals are linked to it: the first two by start and title, the same on every provider.
            var served = await db.ActivityGoals.Where(g => p.Goals.Contains(g.GoalCode))
                .Join(db.Activities.Where(a => a.PlannedStart.Year == p.Year), g => g.ActivityId, a => a.Id, (g, a) => a).Distinct().OrderBy(a => a.PlannedStart).ThenBy(a => a.Title).Take(2).ToListAsync(ct);
            foreach (var activity in served)
                db.ActivityPriorities.Add(ActivityPriority.Link(activity, priority!, scope).Value!);
        }
    }

    private static async Task UpplandsBroAsync(OmvarldDbContext db, PolicyService policies, Municipality municipality, IReadOnlyDictionary<string, Unit> units,
        AccessScope scope, CancellationToken ct)
    {
        var coordinator = await db.Users.Where(u => u.MunicipalityId == municipality.Id && u.Email!.StartsWith("samordnare@")).Select(u => u.Id).FirstAsync(ct);
        DemoItem[] education =
        [
            new("Studiebesök i Tallinn om digitala läromedel (demo)", "Lärare lär av Estlands skolor hur digitala läromedel används.", "KUNSKAPSUTBYTE",
                "Utbildningskontoret", "Våren", 60000m, "Antal lärare som deltar och sprider erfarenheterna", "12 lärare"),
            new("Ansöka om Erasmus+ ackreditering (demo)", "EU-medel för personalens kompetensutveckling.", "KOMPETENSUTVECKLING",
                "Utbildningskontoret, EU-samordnare", "Ansökan senast oktober", 0m, "Ansökan inlämnad", "Inlämnad"),
            new("Omvärldsbevakning inom skolutveckling (demo)", "Följa europeiska nätverk om skolans digitalisering.", "OMVARLDSBEVAKNING",
                "Skolchef", "Hela året", 15000m, "Antal spridda omvärldsrapporter", "4"),
        ];
        var plan2025 = Create(units["Utbildningsnämnden"], 2025, education);
        Check(plan2025.Adopt(new DateOnly(2025, 1, 28), "Utbildningsnämnden", "§ 6", scope, new DateOnly(2025, 1, 28)));
        Check(plan2025.Evaluate(
        [
            new(plan2025.Items[0].Id, ItemOutcome.Done, "Två skolor inför digitala läromedel efter besöket.", "14 lärare"),
            new(plan2025.Items[1].Id, ItemOutcome.Partly, "Ansökan påbörjad; lämnas in nästa år.", "Inte inlämnad"),
            new(plan2025.Items[2].Id, ItemOutcome.Done, "Rapporter till skolledarnas möten.", "5"),
        ], "Ett år med nya kontakter i Estland. Ackrediteringen tar längre tid än planerat och följer med till 2026. (demo)", scope, coordinator,
            new DateTimeOffset(2026, 2, 12, 9, 0, 0, TimeSpan.Zero)));
        var (plan2026, revised) = plan2025.Revise(units["Utbildningsnämnden"], await ReferencesAsync(2026), scope);
        Check(revised);
        Check(plan2026!.Adopt(new DateOnly(2026, 1, 27), "Utbildningsnämnden", "§ 4", scope, new DateOnly(2026, 1, 27)));

        var culture = Create(units["Kultur- och fritidsnämnden"], 2026,
        [
            new("Ungdomsutbyte med vänorten (demo)", "Unga i Upplands-Bro möter unga i en annan europeisk kommun.", "KUNSKAPSUTBYTE",
                "Kultur- och fritidskontoret", "Sommaren", 80000m, "Antal deltagande ungdomar", "20"),
        ]);
        db.ActionPlans.AddRange(plan2025, plan2026, culture);
        // Socialnämnden has no plan for 2026: the due list shows it as missing.
        return;

        ActionPlan Create(Unit unit, int year, DemoItem[] items)
        {
            var references = ReferencesAsync(year).GetAwaiter().GetResult();
            var (plan, result) = ActionPlan.Create(municipality.Id, unit, year,
                items.Select(i => new ActionPlanItemInput(i.What, i.Why, i.Goal, null, i.Who, i.When, i.Budget, i.Indicator, i.Target)).ToList(), references, scope);
            Check(result);
            return plan!;
        }

        async Task<ActionPlanReferences> ReferencesAsync(int year)
        {
            var goals = (await policies.ForYearAsync(year, ct))?.Definition.Version.Goals.Select(g => g.Code).ToHashSet(StringComparer.Ordinal) ?? [];
            return new ActionPlanReferences(goals, false, new HashSet<Guid>(), new HashSet<Guid>());
        }

        static void Check(Domain.Common.Result result)
        {
            if (!result.IsOk) throw new InvalidOperationException($"Demo action plan: {result.Error}");
        }
    }
}
