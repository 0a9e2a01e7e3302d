using Omvarld.Domain.Organisation;

namespace Omvarld.Domain.ContactPersons;

/// <summary>Why a unit that needs a contact person has none today.</summary>
public enum ContactGapReason
{
    /// <summary>No contact person was ever named.</summary>
    NeverNamed = 1,
    /// <summary>The last contact person's period has ended.</summary>
    Ended = 2,
    /// <summary>A contact person is named, but the period has not yet begun.</summary>
    NotYetStarted = 3,
}

/// <summary>One appointment's unit and period, as the coverage needs it.</summary>
public readonly record struct UnitPeriod(Guid UnitId, DateOnly From, DateOnly? To);

/// <summary>A unit without a current contact person: why, and when the last period ended or the next begins.</summary>
public sealed record ContactGap(UnitNode Unit, ContactGapReason Reason, DateOnly? EndedOn, DateOnly? StartsOn, bool ByChoice);

/// <summary>
/// R15: which units need a contact person — every open unit of the kinds the policy names (offices, UPPLANDSBRO-2020
/// 4.3) and every open unit the coordinator has chosen — and which of them have none on a given day. Closed units are
/// never flagged.
/// </summary>
public static class ContactPersonCoverage
{
    /// <summary>The kinds that always need one when no policy names any: offices.</summary>
    public static readonly IReadOnlySet<UnitKind> DefaultKinds = new HashSet<UnitKind> { UnitKind.Office };

    public static bool Needs(UnitNode unit, IReadOnlySet<UnitKind> kinds, IReadOnlySet<Guid> chosen) =>
        !unit.IsClosed && (kinds.Contains(unit.Kind) || chosen.Contains(unit.Id));

    public static IReadOnlyList<ContactGap> UnitsWithout(IEnumerable<UnitNode> units, IReadOnlySet<UnitKind> kinds, IReadOnlySet<Guid> chosen,
        IEnumerable<UnitPeriod> periods, DateOnly today)
    {
        var byUnit = periods.ToLookup(p => p.UnitId);
        var gaps = new List<ContactGap>();
        foreach (var unit in units.Where(u => Needs(u, kinds, chosen)))
        {
            var own = byUnit[unit.Id].ToList();
            if (own.Any(p => p.From <= today && (p.To is null || p.To >= today))) continue;
            var next = own.Where(p => p.From > today).Select(p => (DateOnly?)p.From).Min();
            var ended = own.Where(p => p.To < today).Select(p => p.To).Max();
            var reason = next is not null ? ContactGapReason.NotYetStarted : ended is not null ? ContactGapReason.Ended : ContactGapReason.NeverNamed;
            gaps.Add(new ContactGap(unit, reason, ended, next, !kinds.Contains(unit.Kind)));
        }
        return gaps;
    }
}
