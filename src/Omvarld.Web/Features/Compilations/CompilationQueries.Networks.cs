using Microsoft.EntityFrameworkCore;

namespace Omvarld.Web.Features.Compilations;

public sealed partial class CompilationQueries
{
    /// <summary>
    /// R18: the <b>memberships</b> (active some day in the year, the whole yearly fee counted; the fees' total first) and
    /// the <b>twin towns</b> (each with its current status and the number of its activities active in the year), the
    /// activities done through each and each twin town's note of the year. Five queries, whatever the number of rows.
    /// The registers and their fees are the municipality's: a unit's part lists only the memberships and twin towns its
    /// own activities ran through (this year or the year before), so that a unit's annual report does not carry the
    /// municipality's fees.
    /// </summary>
    /// <param name="scoped">True for a unit's part.</param>
    /// <param name="now">The activities active in the year (in the compilation's scope), as the items they are listed as.</param>
    /// <param name="before">The ids of the activities active the year before.</param>
    private async Task<IReadOnlyList<CompilationSection>> NetworkSectionsAsync(int year, bool scoped, IReadOnlyDictionary<Guid, CompilationItem> now, IReadOnlySet<Guid> before,
        CancellationToken ct)
    {
        var first = new DateOnly(year - 1, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.MemberSince <= last && (m.MemberUntil == null || m.MemberUntil >= first)).ToListAsync(ct);
        var membershipIds = memberships.Select(m => m.Id).ToList();
        var membershipLinks = (await db.MembershipActivities.AsNoTracking().Where(x => membershipIds.Contains(x.MembershipId))
            .Select(x => new { x.MembershipId, x.ActivityId }).ToListAsync(ct)).ToLookup(x => x.MembershipId, x => x.ActivityId);
        decimal Fee(Domain.Networks.Membership m, int y) => m.IsActiveIn(y) ? m.FeeSek ?? 0 : 0;
        bool Worked(IEnumerable<Guid> activities) => !scoped || activities.Any(a => now.ContainsKey(a) || before.Contains(a));
        var active = memberships.Where(m => (m.IsActiveIn(year) || m.IsActiveIn(year - 1)) && Worked(membershipLinks[m.Id]))
            .OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        var membershipRows = new List<CompilationRow>
        {
            new("total", l["Compilation_MembershipTotal"], active.Sum(m => Fee(m, year)), active.Sum(m => Fee(m, year - 1))),
        };
        membershipRows.AddRange(active.Select(m => new CompilationRow(m.Id.ToString(), m.Name, Fee(m, year), Fee(m, year - 1))));
        var membershipItems = active.Where(m => m.IsActiveIn(year))
            .SelectMany(m => membershipLinks[m.Id].Where(now.ContainsKey).Select(a => now[a] with { Note = l["Compilation_MembershipActivityNote", m.Name] }))
            .OrderBy(i => i.Title, StringComparer.Ordinal).ToList();

        var towns = (await db.TwinTowns.AsNoTracking().Where(t => t.Since == null || t.Since <= last).ToListAsync(ct))
            .OrderBy(t => t.City, StringComparer.Ordinal).ToList();
        var townLinks = (await db.TwinTownActivities.AsNoTracking().Select(x => new { x.TwinTownId, x.ActivityId }).ToListAsync(ct))
            .ToLookup(x => x.TwinTownId, x => x.ActivityId);
        var notes = (await db.TwinTownNotes.AsNoTracking().Where(n => n.Year == year).Select(n => new { n.TwinTownId, n.Text, n.WrittenBy }).ToListAsync(ct))
            .ToDictionary(n => n.TwinTownId);
        string Name(Domain.Networks.TwinTown t) => $"{t.City}, {reference.Country(t.CountryCode)?.NameSv ?? t.CountryCode}";
        towns = towns.Where(t => Worked(townLinks[t.Id])).ToList();
        var townRows = towns.Select(t => new CompilationRow(t.Id.ToString(), l["Compilation_TwinTownRow", t.City, reference.Country(t.CountryCode)?.NameSv ?? t.CountryCode,
                l["TwinTownStatus_" + t.Status].Value],
            townLinks[t.Id].Count(now.ContainsKey), townLinks[t.Id].Count(before.Contains))).ToList();
        var townItems = towns.SelectMany(t => townLinks[t.Id].Where(now.ContainsKey).Select(a => now[a] with { Note = l["Compilation_TwinTownActivityNote", Name(t)] }))
            .OrderBy(i => i.Title, StringComparer.Ordinal).ToList();
        var townNotes = towns.Where(t => notes.ContainsKey(t.Id)).Select(t => new CompilationNote(Name(t), notes[t.Id].Text, notes[t.Id].WrittenBy)).ToList();

        return
        [
            new(CompilationSections.Memberships, l["Compilation_Section_" + CompilationSections.Memberships], CompilationMeasure.Sek, membershipRows, membershipItems),
            new(CompilationSections.TwinTownRegister, l["Compilation_Section_" + CompilationSections.TwinTownRegister], CompilationMeasure.Count, townRows, townItems)
                { Notes = townNotes },
        ];
    }
}
