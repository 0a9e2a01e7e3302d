using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Access;
using Omvarld.Domain.Common;
using Omvarld.Domain.ContactPersons;
using Omvarld.Domain.Organisation;
using Omvarld.Domain.Policies.Checks;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Features.Shared;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.ContactPersons;

public sealed record ContactPersonInput(Guid? UnitId, Guid? UserId, Guid? DeputyUserId, DateOnly? From, DateOnly? To, int? Version = null);
public sealed record EndContactInput(DateOnly? To, int? Version);
public sealed record CompetenceInput(CompetenceKind? Kind, DateOnly? Date, decimal? Hours, bool? IsJoint, string? Description, Guid? ActivityId, int? Version = null);

public sealed record PersonRef(Guid Id, string Name, string? Email);

public enum ContactStatus { Current = 1, Future = 2, Ended = 3 }

public sealed record ContactPersonDto(Guid Id, Guid UnitId, string UnitName, UnitKind UnitKind, PersonRef Person, PersonRef? Deputy, DateOnly From, DateOnly? To,
    ContactStatus Status, int EntryCount, decimal Hours, bool CanEdit, bool CanLog, int Version);

public sealed record CompetenceEntryDto(Guid Id, Guid ContactPersonId, CompetenceKind Kind, DateOnly Date, decimal Hours, bool IsJoint, string Description,
    Guid? ActivityId, string? ActivityTitle, int Version);

/// <summary>The policy clause that demands contact persons (the ContactPersonPerOffice check of the version in force today).</summary>
public sealed record ContactRequirementDto(string PolicyKey, string PolicyLabel, string Clause, IReadOnlyList<UnitKind> UnitKinds);

public sealed record ContactGapDto(Guid UnitId, string UnitName, UnitKind UnitKind, ContactGapReason Reason, DateOnly? EndedOn, DateOnly? StartsOn, bool ByChoice, string Message);

/// <summary>The units without a current contact person; <see cref="Requirement"/> is null where no policy in force demands them.</summary>
public sealed record ContactGapsDto(DateOnly Today, ContactRequirementDto? Requirement, IReadOnlyList<ContactGapDto> Units);

/// <summary>One unit that needs a contact person, with today's and the next one.</summary>
public sealed record UnitCoverageDto(Guid UnitId, string UnitName, UnitKind UnitKind, bool ByChoice, bool CanAppoint, ContactPersonDto? Current, ContactPersonDto? Next);

public sealed record ContactOverviewDto(DateOnly Today, ContactRequirementDto? Requirement, IReadOnlyList<UnitCoverageDto> Units, IReadOnlyList<ContactGapDto> Gaps,
    IReadOnlyList<string> CurrentAddresses);

public enum ContactOutcome { Saved, NotFound, Forbidden, Conflict, Invalid }

public sealed record ContactSave(ContactOutcome Outcome, Guid? Id = null, Result Error = default)
{
    public static readonly ContactSave Forbidden = new(ContactOutcome.Forbidden);
    public static readonly ContactSave NotFound = new(ContactOutcome.NotFound);
    public static readonly ContactSave Conflict = new(ContactOutcome.Conflict);
    public static ContactSave Invalid(Result error) => new(ContactOutcome.Invalid, Error: error);
}

/// <summary>
/// R15 (UPPLANDSBRO-2020 4.3): the contact persons for international questions of the municipality's offices and of the
/// units the coordinator chooses, their competence-development log, and the units without one. The coordinator appoints
/// for any unit and chooses the units; a unit editor appoints for their own units (the committees are responsible, per
/// the clause) and logs for those units' contact persons; a contact person logs their own development; every member reads.
/// </summary>
public sealed class ContactPersonService(OmvarldDbContext db, CurrentUser me, PolicyService policies, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int MaxPageSize = 200;
    public const int MaxExportRows = 10_000;
    private static readonly System.Globalization.CultureInfo Sv = System.Globalization.CultureInfo.GetCultureInfo("sv-SE");

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    // ---- reading ----

    // Member initialisation (not a constructor), so that EF can filter and order on the projection.
    private sealed class Row
    {
        public Guid Id { get; init; }
        public Guid UnitId { get; init; }
        public string UnitName { get; init; } = "";
        public UnitKind UnitKind { get; init; }
        public Guid UserId { get; init; }
        public string UserName { get; init; } = "";
        public string? UserEmail { get; init; }
        public Guid? DeputyId { get; init; }
        public string? DeputyName { get; init; }
        public string? DeputyEmail { get; init; }
        public DateOnly From { get; init; }
        public DateOnly? To { get; init; }
        public int Version { get; init; }
    }

    private IQueryable<Row> Rows() =>
        from c in db.ContactPersons.AsNoTracking()
        join u in db.Units on c.UnitId equals u.Id
        join p in db.Users on c.UserId equals p.Id
        join d in db.Users on c.DeputyUserId equals d.Id into deputies
        from d in deputies.DefaultIfEmpty()
        select new Row
        {
            Id = c.Id, UnitId = c.UnitId, UnitName = u.Name, UnitKind = u.Kind, UserId = c.UserId, UserName = p.DisplayName, UserEmail = p.Email,
            DeputyId = c.DeputyUserId, DeputyName = d.DisplayName, DeputyEmail = d.Email, From = c.From, To = c.To, Version = c.Version,
        };

    private async Task<List<ContactPersonDto>> DtosAsync(List<Row> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        // SQLite keeps decimals as text and cannot sum them: the (few) hours of these appointments are summed here.
        var entries = ids.Count == 0 ? [] : await db.CompetenceEntries.AsNoTracking().Where(e => ids.Contains(e.ContactPersonId))
            .Select(e => new { e.ContactPersonId, e.Hours }).ToListAsync(ct);
        var byPerson = entries.ToLookup(e => e.ContactPersonId, e => e.Hours);
        var scope = await me.GetScopeAsync(ct);
        var today = Today;
        return rows.Select(r => new ContactPersonDto(r.Id, r.UnitId, r.UnitName, r.UnitKind, new PersonRef(r.UserId, r.UserName, r.UserEmail),
            r.DeputyId is { } d ? new PersonRef(d, r.DeputyName ?? "", r.DeputyEmail) : null, r.From, r.To, StatusOn(r.From, r.To, today),
            byPerson[r.Id].Count(), byPerson[r.Id].Sum(), scope.CanEditFor(r.UnitId), MayLog(scope, r.UnitId, r.UserId), r.Version)).ToList();
    }

    private static ContactStatus StatusOn(DateOnly from, DateOnly? to, DateOnly day) =>
        from > day ? ContactStatus.Future : to < day ? ContactStatus.Ended : ContactStatus.Current;

    private bool MayLog(AccessScope scope, Guid unitId, Guid userId) => scope.CanEditFor(unitId) || me.Id == userId;

    private IQueryable<Row> Filtered(Guid? unitId, ContactStatus? status, string? q)
    {
        var today = Today;
        var query = Rows();
        if (unitId is { } u) query = query.Where(r => r.UnitId == u);
        query = status switch
        {
            ContactStatus.Current => query.Where(r => r.From <= today && (r.To == null || r.To >= today)),
            ContactStatus.Future => query.Where(r => r.From > today),
            ContactStatus.Ended => query.Where(r => r.To < today),
            _ => query,
        };
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLower();
            query = query.Where(r => r.UserName.ToLower().Contains(text) || r.UnitName.ToLower().Contains(text) || (r.DeputyName != null && r.DeputyName.ToLower().Contains(text)));
        }
        return query;
    }

    public async Task<Page<ContactPersonDto>> ListAsync(Guid? unitId, ContactStatus? status, string? q, int page, int pageSize, CancellationToken ct = default)
    {
        var query = Filtered(unitId, status, q);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(r => r.UnitName).ThenByDescending(r => r.From).ThenBy(r => r.Id).PageOf(page, pageSize).ToListAsync(ct);
        return new Page<ContactPersonDto>(await DtosAsync(rows, ct), page, pageSize, total);
    }

    /// <summary>Every appointment the filter selects, for the export; null when there are more than <see cref="MaxExportRows"/>.</summary>
    public async Task<List<ContactPersonDto>?> AllAsync(ContactStatus? status, CancellationToken ct = default)
    {
        var rows = await Filtered(null, status, null).OrderBy(r => r.UnitName).ThenByDescending(r => r.From).Take(MaxExportRows + 1).ToListAsync(ct);
        return rows.Count > MaxExportRows ? null : await DtosAsync(rows, ct);
    }

    public async Task<ContactPersonDto?> GetAsync(Guid id, CancellationToken ct = default) =>
        await Rows().Where(r => r.Id == id).ToListAsync(ct) is { Count: 1 } rows ? (await DtosAsync(rows, ct))[0] : null;

    public async Task<List<CompetenceEntryDto>> EntriesAsync(Guid contactPersonId, CancellationToken ct = default)
    {
        var rows = await (from e in db.CompetenceEntries.AsNoTracking().Where(e => e.ContactPersonId == contactPersonId)
                          join a in db.Activities on e.ActivityId equals a.Id into activities
                          from a in activities.DefaultIfEmpty()
                          select new { e, Title = a.Title }).ToListAsync(ct);
        return rows.OrderByDescending(r => r.e.Date).ThenBy(r => r.e.Id)
            .Select(r => new CompetenceEntryDto(r.e.Id, r.e.ContactPersonId, r.e.Kind, r.e.Date, r.e.Hours, r.e.IsJoint, r.e.Description, r.e.ActivityId, r.Title, r.e.Version)).ToList();
    }

    /// <summary>The municipality's active users, by name, for the form's choice lists.</summary>
    public async Task<List<PersonRef>> UsersAsync(CancellationToken ct = default) =>
        (await db.Users.AsNoTracking().Where(u => u.MunicipalityId == db.CurrentMunicipalityId && u.IsActive)
            .Select(u => new PersonRef(u.Id, u.DisplayName, u.Email)).ToListAsync(ct))
        .OrderBy(u => u.Name, StringComparer.Create(Sv, false)).ToList();

    /// <summary>The municipality's activities, newest first, for linking a log entry to one.</summary>
    public async Task<List<(Guid Id, string Title)>> ActivitiesAsync(CancellationToken ct = default) =>
        (await db.Activities.AsNoTracking().OrderByDescending(a => a.PlannedStart).Take(500).Select(a => new { a.Id, a.Title }).ToListAsync(ct))
        .Select(a => (a.Id, a.Title)).ToList();

    // ---- coverage ----

    public static ContactRequirementDto? Requirement(ActivityPolicy? policy)
    {
        if (policy?.Definition.Version.Checks.FirstOrDefault(c => c.Kind == CheckKind.ContactPersonPerOffice) is not { } check) return null;
        var kinds = check.Parameters.ContainsKey("unitKinds")
            ? check.List("unitKinds").Select(k => Enum.TryParse<UnitKind>(k, ignoreCase: true, out var kind) ? kind : (UnitKind?)null).OfType<UnitKind>().ToList()
            : [UnitKind.Office];
        return new ContactRequirementDto(policy.Definition.Key, policy.Label, check.Clause, kinds);
    }

    /// <summary>The kinds that need a contact person: offices always, and whatever else the policy in force names.</summary>
    public static IReadOnlySet<UnitKind> Kinds(ContactRequirementDto? requirement) =>
        ContactPersonCoverage.DefaultKinds.Concat(requirement?.UnitKinds ?? []).ToHashSet();

    public async Task<ContactRequirementDto?> RequirementAsync(CancellationToken ct = default) => Requirement(await policies.ActivityPolicyOnAsync(Today, ct));

    /// <summary>Three queries whatever the number of units: the tree, the chosen units, every appointment's unit and period.</summary>
    public async Task<ContactOverviewDto> OverviewAsync(CancellationToken ct = default)
    {
        var today = Today;
        var requirement = await RequirementAsync(ct);
        var kinds = Kinds(requirement);
        var tree = await me.GetUnitTreeAsync(ct);
        var chosen = (await db.ContactPersonUnits.AsNoTracking().Select(c => c.UnitId).ToListAsync(ct)).ToHashSet();
        var periods = await db.ContactPersons.AsNoTracking().Select(c => new UnitPeriod(c.UnitId, c.From, c.To)).ToListAsync(ct);
        var gaps = ContactPersonCoverage.UnitsWithout(tree.All, kinds, chosen, periods, today)
            .OrderBy(g => g.Unit.Name, StringComparer.Create(Sv, false)).Select(Gap).ToList();

        var needing = tree.All.Where(u => ContactPersonCoverage.Needs(u, kinds, chosen)).Select(u => u.Id).ToHashSet();
        var live = await DtosAsync(await Rows().Where(r => r.To == null || r.To >= today).ToListAsync(ct), ct);
        var current = live.Where(c => c.Status == ContactStatus.Current).ToLookup(c => c.UnitId);
        var next = live.Where(c => c.Status == ContactStatus.Future).OrderBy(c => c.From).ToLookup(c => c.UnitId);
        var scope = await me.GetScopeAsync(ct);
        var units = tree.All.Where(u => needing.Contains(u.Id) || current.Contains(u.Id) || next.Contains(u.Id))
            .OrderBy(u => u.Name, StringComparer.Create(Sv, false))
            .Select(u => new UnitCoverageDto(u.Id, u.Name, u.Kind, chosen.Contains(u.Id) && !kinds.Contains(u.Kind), !u.IsClosed && scope.CanEditFor(u.Id),
                current[u.Id].FirstOrDefault(), next[u.Id].FirstOrDefault())).ToList();
        var addresses = live.Where(c => c.Status == ContactStatus.Current && !string.IsNullOrEmpty(c.Person.Email)).Select(c => c.Person.Email!)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return new ContactOverviewDto(today, requirement, units, gaps, addresses);
    }

    public async Task<ContactGapsDto> GapsAsync(CancellationToken ct = default)
    {
        var o = await OverviewAsync(ct);
        return new ContactGapsDto(o.Today, o.Requirement, o.Gaps);
    }

    /// <summary>
    /// The start page's flag: the units without a contact person that the caller answers for (the coordinator: all; an
    /// editor: their units), only where a policy in force demands contact persons. Elsewhere nothing is flagged: the list
    /// page still shows the gaps, but no rule makes them a shortcoming.
    /// </summary>
    public async Task<ContactGapsDto?> MyFlagsAsync(CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.IsCoordinator && scope.EditableUnits.Count == 0) return null;
        var gaps = await GapsAsync(ct);
        if (gaps.Requirement is null) return null;
        var mine = gaps.Units.Where(g => scope.CanEditFor(g.UnitId)).ToList();
        return mine.Count == 0 ? null : gaps with { Units = mine };
    }

    private ContactGapDto Gap(ContactGap g) => new(g.Unit.Id, g.Unit.Name, g.Unit.Kind, g.Reason, g.EndedOn, g.StartsOn, g.ByChoice,
        g.Reason switch
        {
            ContactGapReason.Ended => l["ContactGap_Ended", Format.Date(g.EndedOn!.Value)],
            ContactGapReason.NotYetStarted => l["ContactGap_NotYetStarted", Format.Date(g.StartsOn!.Value)],
            _ => l["ContactGap_NeverNamed"],
        });

    // ---- appointing ----

    private async Task<IReadOnlySet<Guid>> MembersAsync(ContactPersonInput input, CancellationToken ct)
    {
        var ids = new[] { input.UserId, input.DeputyUserId }.OfType<Guid>().ToList();
        return (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.MunicipalityId == db.CurrentMunicipalityId && u.IsActive)
            .Select(u => u.Id).ToListAsync(ct)).ToHashSet();
    }

    private async Task<List<ContactPeriod>> PeriodsAsync(Guid unitId, CancellationToken ct) =>
        (await db.ContactPersons.AsNoTracking().Where(c => c.UnitId == unitId).Select(c => new { c.Id, c.From, c.To }).ToListAsync(ct))
        .Select(c => new ContactPeriod(c.Id, c.From, c.To)).ToList();

    public async Task<ContactSave> CreateAsync(ContactPersonInput input, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.IsCoordinator && scope.EditableUnits.Count == 0) return ContactSave.Forbidden;
        var tree = await me.GetUnitTreeAsync(ct);
        if (input.UnitId is not { } unitId || !tree.Contains(unitId)) return ContactSave.Invalid(Result.Fail("ContactPerson_UnitUnknown", "UnitId"));
        if (!scope.CanEditFor(unitId)) return ContactSave.Forbidden;
        var (person, result) = ContactPerson.Create(db.CurrentMunicipalityId!.Value, tree[unitId],
            new ContactPersonDetails(input.UserId, input.DeputyUserId, input.From, input.To), await MembersAsync(input, ct), await PeriodsAsync(unitId, ct));
        if (!result.IsOk) return ContactSave.Invalid(result);
        db.ContactPersons.Add(person!);
        await db.SaveChangesAsync(ct);
        return new(ContactOutcome.Saved, person!.Id);
    }

    public async Task<ContactSave> UpdateAsync(Guid id, ContactPersonInput input, CancellationToken ct = default) =>
        await ChangeAsync(id, input.Version, async person =>
            person.Update(new ContactPersonDetails(input.UserId, input.DeputyUserId, input.From, input.To), await MembersAsync(input, ct), await PeriodsAsync(person.UnitId, ct)), ct);

    public Task<ContactSave> EndAsync(Guid id, EndContactInput input, CancellationToken ct = default) =>
        ChangeAsync(id, input.Version, person => Task.FromResult(person.End(input.To)), ct);

    private async Task<ContactSave> ChangeAsync(Guid id, int? version, Func<ContactPerson, Task<Result>> change, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.IsCoordinator && scope.EditableUnits.Count == 0) return ContactSave.Forbidden;
        var person = await db.ContactPersons.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (person is null) return ContactSave.NotFound;
        if (!scope.CanEditFor(person.UnitId)) return ContactSave.Forbidden;
        if (version != person.Version) return ContactSave.Conflict;
        var result = await change(person);
        if (!result.IsOk) return ContactSave.Invalid(result);
        db.Entry(person).Property(p => p.Version).OriginalValue = version!.Value;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return ContactSave.Conflict; }
        return new(ContactOutcome.Saved, person.Id);
    }

    /// <summary>The coordinator chooses a unit (of any kind) to need a contact person, or undoes the choice.</summary>
    public async Task<ContactSave> SetChosenAsync(Guid unitId, bool chosen, CancellationToken ct = default)
    {
        if (!(await me.GetScopeAsync(ct)).IsCoordinator) return ContactSave.Forbidden;
        var tree = await me.GetUnitTreeAsync(ct);
        if (!tree.Contains(unitId)) return ContactSave.NotFound;
        var existing = await db.ContactPersonUnits.FirstOrDefaultAsync(c => c.UnitId == unitId, ct);
        if (chosen && existing is null)
        {
            var (choice, result) = ContactPersonUnit.Create(db.CurrentMunicipalityId!.Value, tree[unitId]);
            if (!result.IsOk) return ContactSave.Invalid(result);
            db.ContactPersonUnits.Add(choice!);
        }
        else if (!chosen && existing is not null) db.ContactPersonUnits.Remove(existing);
        else return new(ContactOutcome.Saved, unitId);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return new(ContactOutcome.Saved, unitId); } // chosen twice at once: the unique index kept one
        return new(ContactOutcome.Saved, unitId);
    }

    public async Task<List<(Guid UnitId, string Name)>> ChosenAsync(CancellationToken ct = default)
    {
        var tree = await me.GetUnitTreeAsync(ct);
        return (await db.ContactPersonUnits.AsNoTracking().Select(c => c.UnitId).ToListAsync(ct)).Where(tree.Contains)
            .Select(id => (id, tree[id].Name)).OrderBy(u => u.Name, StringComparer.Create(Sv, false)).ToList();
    }

    // ---- competence development ----

    private async Task<IReadOnlySet<Guid>> KnownActivitiesAsync(Guid? activityId, CancellationToken ct) =>
        activityId is { } a && a != Guid.Empty && await db.Activities.AnyAsync(x => x.Id == a, ct) ? new HashSet<Guid> { a } : new HashSet<Guid>();

    private static CompetenceDetails Details(CompetenceInput i) => new(i.Kind, i.Date, i.Hours, i.IsJoint, i.Description, i.ActivityId);

    private async Task<(ContactPerson? Person, ContactSave? Refusal)> LoggableAsync(Guid contactPersonId, CancellationToken ct)
    {
        var person = await db.ContactPersons.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contactPersonId, ct);
        if (person is null) return (null, ContactSave.NotFound);
        return MayLog(await me.GetScopeAsync(ct), person.UnitId, person.UserId) ? (person, null) : (null, ContactSave.Forbidden);
    }

    public async Task<ContactSave> AddEntryAsync(Guid contactPersonId, CompetenceInput input, CancellationToken ct = default)
    {
        var (person, refusal) = await LoggableAsync(contactPersonId, ct);
        if (refusal is not null) return refusal;
        var (entry, result) = CompetenceEntry.Create(person!, Details(input), await KnownActivitiesAsync(input.ActivityId, ct));
        if (!result.IsOk) return ContactSave.Invalid(result);
        db.CompetenceEntries.Add(entry!);
        await db.SaveChangesAsync(ct);
        return new(ContactOutcome.Saved, entry!.Id);
    }

    public async Task<ContactSave> UpdateEntryAsync(Guid contactPersonId, Guid entryId, CompetenceInput input, CancellationToken ct = default)
    {
        var (_, refusal) = await LoggableAsync(contactPersonId, ct);
        if (refusal is not null) return refusal;
        var entry = await db.CompetenceEntries.FirstOrDefaultAsync(e => e.Id == entryId && e.ContactPersonId == contactPersonId, ct);
        if (entry is null) return ContactSave.NotFound;
        if (input.Version != entry.Version) return ContactSave.Conflict;
        var result = entry.Update(Details(input), await KnownActivitiesAsync(input.ActivityId, ct));
        if (!result.IsOk) return ContactSave.Invalid(result);
        db.Entry(entry).Property(e => e.Version).OriginalValue = input.Version!.Value;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return ContactSave.Conflict; }
        return new(ContactOutcome.Saved, entry.Id);
    }

    public async Task<ContactSave> DeleteEntryAsync(Guid contactPersonId, Guid entryId, CancellationToken ct = default)
    {
        var (_, refusal) = await LoggableAsync(contactPersonId, ct);
        if (refusal is not null) return refusal;
        var entry = await db.CompetenceEntries.FirstOrDefaultAsync(e => e.Id == entryId && e.ContactPersonId == contactPersonId, ct);
        if (entry is null) return ContactSave.NotFound;
        db.CompetenceEntries.Remove(entry);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return ContactSave.NotFound; }
        return new(ContactOutcome.Saved);
    }

    public async Task<CompetenceEntryDto?> EntryAsync(Guid contactPersonId, Guid entryId, CancellationToken ct = default) =>
        (await EntriesAsync(contactPersonId, ct)).FirstOrDefault(e => e.Id == entryId);
}
