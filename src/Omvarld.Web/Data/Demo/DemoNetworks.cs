using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Access;
using Omvarld.Domain.Municipalities;
using Omvarld.Domain.Networks;
using Omvarld.Domain.Organisation;

namespace Omvarld.Web.Data.Demo;

/// <summary>
/// Demo memberships and twin towns (R18). Borås's memberships are the organisations its 2009 policy's appendix names
/// (West Sweden, Sjuhärads kommunalförbund and its InternationellaSjuhärad network, Västra Götalandsregionen), with
/// fees and representatives made up for the demo; its twin towns are the demo's fictitious towns in Finland, Germany and
/// Lithuania (the Lithuanian one dormant), with yearly notes. Upplands-Bro gets one membership and one twin town.
/// </summary>
internal static class DemoNetworks
{
    private const string Marker = "Avgift och representanter är påhittade (demo).";

    private sealed record DemoMembership(string Name, MembershipKind Kind, NetworkLevel Level, DateOnly Since, decimal? Fee, MembershipOffer[] Offers,
        string? Other, string? Website, bool CoordinatorRepresents, string? OtherRepresentatives, string[] Activities);

    private sealed record DemoTwinTown(string City, string Country, TwinTownKind Kind, DateOnly? Since, TwinTownStatus Status, string? CaseNumber,
        string? TheirName, string? TheirRole, string? TheirDetails, (int Year, string Text)[] Notes, string[] Activities);

    private static readonly DemoMembership[] Boras =
    [
        new("West Sweden", MembershipKind.EuOffice, NetworkLevel.European, new(1993, 1, 1), 142_000m,
            [MembershipOffer.EuProjectSupport, MembershipOffer.Newsletters, MembershipOffer.BrusselsStudyVisits, MembershipOffer.PartnerSearch],
            "Västsveriges EU- och representationskontor i Bryssel. " + Marker, "https://www.westsweden.se", true, null,
            ["Cirkulär textil i Östersjöregionen", "Interreg ÖKS: gröna kompetenser i textilindustrin"]),
        new("Sjuhärads kommunalförbund", MembershipKind.LocalAuthorityAssociation, NetworkLevel.Regional, new(1998, 1, 1), 385_000m,
            [MembershipOffer.EuProjectSupport], "Utbildningar och kompetensutveckling i internationalisering och EU-frågor. " + Marker, null, false,
            "Kommunstyrelsens ordförande (demo)", ["Konferens om hållbar stadsutveckling med gäster från vänorterna"]),
        new("InternationellaSjuhärad", MembershipKind.RegionalNetwork, NetworkLevel.Regional, new(2005, 1, 1), 0m,
            [MembershipOffer.PartnerSearch], "Nätverk för de internationella samordnarna i Sjuhärads kommuner. " + Marker, null, true, null,
            ["Medlemskap i ett europeiskt textilnätverk"]),
        new("Västra Götalandsregionen", MembershipKind.RegionalNetwork, NetworkLevel.Regional, new(1999, 1, 1), null,
            [MembershipOffer.EuProjectSupport], "Kontaktpunkt för strukturfonderna i Västra Götaland. " + Marker, "https://www.vgregion.se", false, null, []),
    ];

    private static readonly DemoTwinTown[] BorasTowns =
    [
        new("Esimerkkilä", "FI", TwinTownKind.TwinTown, new(1988, 5, 20), TwinTownStatus.Active, "KS 1988/0042 (demo)",
            "Maija Esimerkki (fiktiv)", "Internationell samordnare", "maija.esimerkki@esimerkkila.example",
            [(2024, "Ungdomsutbytet kom i gång efter flera års uppehåll; båda städerna vill fortsätta. (Fiktivt exempel)"),
             (2025, "Samarbetet breddas till yrkesutbildning; ett gemensamt Erasmus+-projekt förbereds. (Fiktivt exempel)")],
            ["Vänortssamarbete med Esimerkkilä: ungdomsutbyte", "Yrkespraktik i Finland för elever på Textil- och modeprogrammet"]),
        new("Musterhausen", "DE", TwinTownKind.TwinTown, new(1991, 9, 1), TwinTownStatus.Active, "KS 1991/0117 (demo)",
            "Jonas Beispiel (fiktiv)", "Referent für Städtepartnerschaften", "+49 000 000 000 (fiktivt)",
            [(2025, "Vänortsmötet 2026 planeras; äldreomsorg och återbruk av byggmaterial är de starkaste spåren. (Fiktivt exempel)")],
            ["Vänortsmöte i Musterhausen 2026", "Studieresa om äldreomsorg i Musterhausen", "Återbruk av byggmaterial: benchmarking i Musterhausen"]),
        new("Pavyzdys", "LT", TwinTownKind.FriendshipTown, new(2004, 6, 1), TwinTownStatus.Dormant, null,
            null, null, null,
            [(2025, "Vilande sedan 2019; jobbskuggningen inom vuxenutbildningen kan bli en väg tillbaka. (Fiktivt exempel)")],
            ["Erasmus+ ackreditering för vuxenutbildningen"]),
    ];

    public static async Task AddAsync(OmvarldDbContext db, DemoMunicipality m, Municipality municipality, IReadOnlyDictionary<string, Unit> units, CancellationToken ct)
    {
        var scope = new AccessScope(false, [(Role.Coordinator, null)], UnitTree.From(units.Values));
        var users = await db.Users.Where(u => u.MunicipalityId == municipality.Id).Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var userIds = users.Select(u => u.Id).ToHashSet();
        var coordinator = users.First(u => u.Email!.StartsWith("samordnare@", StringComparison.Ordinal)).Id;
        var countries = new HashSet<string>(StringComparer.Ordinal) { "FI", "DE", "LT" };
        var activities = (await db.Activities.ToListAsync(ct)).GroupBy(a => a.Title).ToDictionary(g => g.Key, g => g.First());

        var (memberships, towns) = m == DemoOrganisations.Boras
            ? (Boras, BorasTowns)
            : ([new("Stockholmsregionens Europaförening", MembershipKind.EuOffice, NetworkLevel.European, new(2012, 1, 1), 58_000m,
                    [MembershipOffer.EuProjectSupport, MembershipOffer.Newsletters, MembershipOffer.PartnerSearch], Marker, null, true, null,
                    ["EU-bevakning av hållbart byggande"])],
               new DemoTwinTown[]
               {
                   new("Beispielstadt", "DE", TwinTownKind.FriendshipTown, new(2015, 3, 1), TwinTownStatus.Active, "KS 2015/0231 (demo)",
                       "Anna Muster (fiktiv)", "Jugendpflegerin", "anna.muster@beispielstadt.example",
                       [(2025, "Fritidsgårdsutbytet fortsätter; ungdomarna har själva valt temat demokrati. (Fiktivt exempel)")],
                       ["Vänortssamarbete med Beispielstadt om fritidsgårdar"]),
               });

        foreach (var d in memberships)
        {
            var (membership, result) = Membership.Create(municipality.Id, new MembershipInput(d.Name, d.Kind, d.Level, d.Since, null, d.Fee,
                d.CoordinatorRepresents ? [coordinator] : [], d.OtherRepresentatives, d.Offers, d.Other, d.Website), userIds, scope);
            if (!result.IsOk) throw new InvalidOperationException($"Demo membership {d.Name}: {result.Error}");
            db.Memberships.Add(membership!);
            foreach (var title in d.Activities)
                if (activities.TryGetValue(title, out var activity))
                    db.MembershipActivities.Add(MembershipActivity.Link(membership!, activity, scope).Value!);
        }

        var written = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);
        foreach (var d in towns)
        {
            var (town, result) = TwinTown.Create(municipality.Id, new TwinTownInput(d.City, d.Country, d.Kind, d.Since, d.Status, d.CaseNumber,
                coordinator, d.TheirName, d.TheirRole, d.TheirDetails), countries, userIds, scope);
            if (!result.IsOk) throw new InvalidOperationException($"Demo twin town {d.City}: {result.Error}");
            db.TwinTowns.Add(town!);
            foreach (var (year, text) in d.Notes)
                db.TwinTownNotes.Add(TwinTownNote.Write(town!, year, text, coordinator, $"Demo Internationell samordnare ({municipality.Name})", written, scope).Value!);
            foreach (var title in d.Activities)
                if (activities.TryGetValue(title, out var activity))
                    db.TwinTownActivities.Add(TwinTownActivity.Link(town!, activity, scope).Value!);
        }
        await db.SaveChangesAsync(ct);
    }
}
