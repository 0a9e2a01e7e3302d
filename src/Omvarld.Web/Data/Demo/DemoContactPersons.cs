using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.ContactPersons;
using Omvarld.Domain.Municipalities;
using Omvarld.Domain.Organisation;

namespace Omvarld.Web.Data.Demo;

/// <summary>
/// Demo contact persons (R15), fictitious and marked so. Upplands-Bro (whose 2020 policy demands one per office):
/// Kommunledningskontoret, Utbildningskontoret and Kultur- och fritidskontoret have one; Socialkontoret's period ended
/// in June 2025; Samhällsbyggnadskontoret and Gymnasie- och arbetsmarknadskontoret never named one — the start page flags
/// those three. Borås (no such rule): Internationella kontoret has one, Näringslivsenheten none.
/// </summary>
internal static class DemoContactPersons
{
    private sealed record DemoPerson(string Local, string Name);
    private sealed record DemoAppointment(string Unit, string Person, string? Deputy, DateOnly From, DateOnly? To);
    private sealed record DemoEntry(string Person, CompetenceKind Kind, DateOnly Date, decimal Hours, bool Joint, string Description);

    /// <summary>The people (readers of the municipality), created through <paramref name="createUser"/> (email, display name → user id).</summary>
    public static async Task AddAsync(OmvarldDbContext db, DemoMunicipality m, Municipality municipality, IReadOnlyDictionary<string, Unit> units,
        Func<string, string, Task<Guid>> createUser, CancellationToken ct)
    {
        var upplandsBro = m == DemoOrganisations.UpplandsBro;
        DemoPerson[] people = upplandsBro
            ? [new("kontakt.kommunledning", "Sara Holm (demo)"), new("kontakt.utbildning", "Maja Lindqvist (demo)"),
               new("kontakt.kultur", "Elias Berg (demo)"), new("kontakt.social", "Jonas Ek (demo)")]
            : [new("kontakt.internationella", "Lina Andersson (demo)")];
        var ids = new Dictionary<string, Guid>();
        foreach (var p in people) ids[p.Local] = await createUser($"{p.Local}@{m.Slug}.demo", p.Name);
        foreach (var local in new[] { "samordnare", "redaktor", "lasare" })
            ids[local] = await db.Users.Where(u => u.MunicipalityId == municipality.Id && u.Email == $"{local}@{m.Slug}.demo").Select(u => u.Id).FirstAsync(ct);

        DemoAppointment[] appointments = upplandsBro
            ?
            [
                new("Kommunledningskontoret", "kontakt.kommunledning", "samordnare", new(2023, 9, 1), null),
                new("Utbildningskontoret", "kontakt.utbildning", "redaktor", new(2025, 1, 1), null),
                new("Kultur- och fritidskontoret", "kontakt.kultur", null, new(2024, 2, 1), null),
                new("Socialkontoret", "kontakt.social", null, new(2023, 1, 1), new(2025, 6, 30)),
            ]
            : [new("Internationella kontoret", "kontakt.internationella", "samordnare", new(2024, 1, 1), null)];
        DemoEntry[] entries = upplandsBro
            ?
            [
                new("kontakt.utbildning", CompetenceKind.Course, new(2025, 3, 12), 6m, true, "Gemensam kurs för kontaktpersonerna om EU:s program Erasmus+ (demo)."),
                new("kontakt.utbildning", CompetenceKind.StudyVisit, new(2025, 5, 20), 16m, false, "Studiebesök i Tallinn om digitala läromedel (demo)."),
                new("kontakt.kommunledning", CompetenceKind.NetworkMeeting, new(2025, 10, 8), 3m, true, "Kontaktpersonernas nätverksträff hösten 2025 (demo)."),
                new("kontakt.kultur", CompetenceKind.NetworkMeeting, new(2026, 2, 10), 2.5m, false, "Regionalt nätverk för internationellt ungdomsutbyte (demo)."),
            ]
            : [new("kontakt.internationella", CompetenceKind.Course, new(2025, 4, 2), 7.5m, false, "Kurs om Interreg-ansökningar (demo).")];

        var tree = UnitTree.From(units.Values);
        var members = ids.Values.ToHashSet();
        var appointed = new Dictionary<string, ContactPerson>();
        foreach (var a in appointments)
        {
            var unit = units[a.Unit];
            var (person, result) = ContactPerson.Create(municipality.Id, tree[unit.Id],
                new ContactPersonDetails(ids[a.Person], a.Deputy is null ? null : ids[a.Deputy], a.From, a.To), members, []);
            if (!result.IsOk) throw new InvalidOperationException($"Demo contact person {a.Unit}: {result.Error}");
            db.ContactPersons.Add(person!);
            appointed[a.Person] = person!;
        }
        foreach (var e in entries)
        {
            var (entry, result) = CompetenceEntry.Create(appointed[e.Person], new CompetenceDetails(e.Kind, e.Date, e.Hours, e.Joint, e.Description, null), new HashSet<Guid>());
            if (!result.IsOk) throw new InvalidOperationException($"Demo competence entry {e.Description}: {result.Error}");
            db.CompetenceEntries.Add(entry!);
        }
        await db.SaveChangesAsync(ct);
    }
}
