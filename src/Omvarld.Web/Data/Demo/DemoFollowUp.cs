using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Access;
using Omvarld.Domain.FollowUp;
using Omvarld.Domain.Municipalities;
using Omvarld.Domain.Organisation;

namespace Omvarld.Web.Data.Demo;

/// <summary>
/// Demo follow-up round (issue 15), fictitious and written so: Borås's round for 2025, opened 45 days before today
/// with its deadline three weeks ahead and the coordinator's summary begun. Four committees and one company have marked their sections ready, four
/// committees are writing (among them Gymnasie- och vuxenutbildningsnämnden, the demo editor's), and Borås Djurpark AB,
/// whose board met earlier and so got an earlier deadline of its own, is late. The dates follow the app's clock, so that
/// "late" and "not yet due" hold whatever day the demo starts.
/// </summary>
internal static class DemoFollowUp
{
    private static readonly string[] Questions =
    [
        "Vad ledde det internationella arbetet till under året?",
        "Vad fungerade inte, och varför?",
        "Vilka planer har ni för det internationella arbetet nästa år?",
    ];

    /// <summary>The coordinator's summary for KS as written so far (the round is still open).</summary>
    private const string Summary =
        "Under 2025 har nämnderna och bolagen fortsatt sitt internationella arbete med tyngdpunkt på utbyten inom EU och arbetet i Eurocities. (demo)\n\n" +
        "Flera nämnder efterfrågar mer stöd i att söka EU-medel; samordnaren föreslår en gemensam ansökningsverkstad under våren 2026. (demo)";

    private static readonly Dictionary<string, string[]> Ready = new()
    {
        ["Kulturnämnden"] =
        [
            "Utställningsutbytet med Kaunas gav två gemensamma utställningar och nya kontakter för konsthallen. (demo)",
            "Ansökan till Kreativa Europa blev inte klar i tid; vi behöver mer stöd i EU-ansökningar. (demo)",
            "Söka Kreativa Europa tillsammans med Kaunas och en partner i Polen. (demo)",
        ],
        ["Tekniska nämnden"] =
        [
            "Studiebesök i Tammerfors om snöröjning med sensorer gav underlag till en ny upphandling. (demo)",
            "Få medarbetare kunde åka; vi sprider erfarenheterna genom en intern workshop i stället. (demo)",
            "Delta i Eurocities arbetsgrupp om smarta gator. (demo)",
        ],
        ["Förskolenämnden"] =
        [
            "Erasmus+ jobbskuggning i Odense: tolv pedagoger har prövat utomhuspedagogik i nya former. (demo)",
            "Vikarier saknades under resveckorna. (demo)",
            "Ny Erasmus+ ansökan för 2026 med fokus på språkutveckling. (demo)",
        ],
        ["Fritids- och folkhälsonämnden"] =
        [
            "Ungdomsutbyte med Ljubljana om spontanidrott; 24 ungdomar deltog. (demo)",
            "Rekryteringen av unga ledare tog längre tid än planerat. (demo)",
            "Ett andra utbyte i Borås hösten 2026. (demo)",
        ],
        ["Borås Energi och Miljö AB"] =
        [
            "Samarbetet om textilåtervinning med partner i Nederländerna gav en gemensam förstudie. (demo)",
            "Svårt att få ihop tidplanerna med partnerna. (demo)",
            "Söka Interreg Nordsjön tillsammans med förstudiens partner. (demo)",
        ],
    };

    private static readonly Dictionary<string, string[]> Writing = new()
    {
        ["Gymnasie- och vuxenutbildningsnämnden"] = ["Elevutbytet med Riga fortsatte; 30 elever deltog. (demo)", "", ""],
        ["Grundskolenämnden"] = ["eTwinning-projekt i fyra skolor. (demo)", "", ""],
        ["Vård- och äldrenämnden"] = ["", "Ingen resa kunde genomföras under året. (demo)", ""],
        ["Samhällsbyggnadsnämnden"] = ["Nätverket för hållbar stadsplanering har träffats två gånger. (demo)", "", ""],
        ["Borås Djurpark AB"] = ["Samarbete om bevarandeprogram med två europeiska djurparker. (demo)", "", ""],
    };

    public static async Task AddAsync(OmvarldDbContext db, TimeProvider clock, DemoMunicipality m, Municipality municipality, IReadOnlyDictionary<string, Unit> units,
        CancellationToken ct)
    {
        if (m != DemoOrganisations.Boras) return;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var coordinator = await UserAsync("samordnare@");
        var approver = await UserAsync("godkannare@");
        var editor = await UserAsync("redaktor@");
        var coordinatorScope = new AccessScope(false, [(Role.Coordinator, null)], UnitTree.From(units.Values));
        var opened = today.AddDays(-45);
        var covered = units.Values.Where(u => FollowUpRound.DefaultUnitKinds.Contains(u.Kind)).ToList();
        var (round, sections, result) = FollowUpRound.Open(municipality.Id, new FollowUpRoundInput(2025, today.AddDays(21), Questions), covered,
            coordinatorScope, coordinator, opened);
        Check(result);
        Check(round!.WriteSummary(Summary, coordinatorScope));
        // Every section is written and marked ready as if by the unit's own editor and approver.
        var tree = UnitTree.From(units.Values);
        foreach (var section in sections)
        {
            var name = units.Values.First(u => u.Id == section.UnitId).Name;
            var unitScope = new AccessScope(false, [(Role.UnitEditor, section.UnitId), (Role.UnitApprover, section.UnitId)], tree);
            var at = new DateTimeOffset(opened.AddDays(20).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
            if (Ready.TryGetValue(name, out var answers))
            {
                Check(section.Write(round!, answers, unitScope, editor, at));
                Check(section.MarkReady(round!, unitScope, approver, at.AddDays(3)));
            }
            else if (Writing.TryGetValue(name, out var draft)) Check(section.Write(round!, draft, unitScope, editor, at));
            if (name == "Borås Djurpark AB") Check(section.SetDeadline(round!, today.AddDays(-10), coordinatorScope));
        }
        db.FollowUpRounds.Add(round!);
        db.FollowUpSections.AddRange(sections);
        await db.SaveChangesAsync(ct);

        Task<Guid> UserAsync(string prefix) =>
            db.Users.Where(u => u.MunicipalityId == municipality.Id && u.Email!.StartsWith(prefix)).Select(u => u.Id).FirstAsync(ct);
    }

    private static void Check(Domain.Common.Result result)
    {
        if (!result.IsOk) throw new InvalidOperationException($"Demo follow-up: {result.Error}");
    }
}
