using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Common;
using Omvarld.Domain.Organisation;
using Omvarld.Web.Data;

namespace Omvarld.Web.Features.Units;

public sealed record UnitDto(Guid Id, string Name, UnitKind Kind, Guid? ParentId, Guid? ReportsToCommitteeId, DateOnly? ClosedOn, int Version)
{
    public static UnitDto From(Unit u) => new(u.Id, u.Name, u.Kind, u.ParentId, u.ReportsToCommitteeId, u.ClosedOn, u.Version);
}

/// <summary>What a user sends to create or change a unit; the same for the form and the API.</summary>
public sealed record UnitInput(string? Name, UnitKind? Kind, Guid? ParentId, Guid? ReportsToCommitteeId, int? Version);

public enum SaveOutcome { Saved, Invalid, NotFound, Conflict }

public sealed record SaveResult(SaveOutcome Outcome, Result Error = default, Unit? Unit = null, UnitDto? Current = null);

/// <summary>
/// Creating and changing units, shared by the pages and the API so both keep the same rules. Reads go through the
/// tenant filter: a unit of another municipality is simply not found.
/// </summary>
public sealed class UnitService(OmvarldDbContext db, TimeProvider clock)
{
    public async Task<UnitTree> TreeAsync(CancellationToken ct = default) =>
        UnitTree.From(await db.Units.AsNoTracking().ToListAsync(ct));

    public Task<Unit?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);

    public async Task<SaveResult> CreateAsync(UnitInput input, CancellationToken ct = default)
    {
        if (input.Kind is null) return new(SaveOutcome.Invalid, Result.Fail("Unit_KindRequired", "Kind"));
        Unit? parent = null;
        if (input.ParentId is { } pid && (parent = await db.Units.FirstOrDefaultAsync(u => u.Id == pid, ct)) is null)
            return new(SaveOutcome.Invalid, Result.Fail("Unit_ParentNotFound", "ParentId"));
        var (unit, result) = Unit.Create(db.CurrentMunicipalityId!.Value, input.Name, input.Kind.Value, parent);
        if (!result.IsOk) return new(SaveOutcome.Invalid, result);
        if (input.ReportsToCommitteeId is { } cid)
        {
            var committee = await db.Units.FirstOrDefaultAsync(u => u.Id == cid, ct);
            var r = committee is null ? Result.Fail("Unit_CommitteeInvalid", "ReportsToCommitteeId") : unit!.AnswerTo(committee);
            if (!r.IsOk) return new(SaveOutcome.Invalid, r);
        }
        db.Units.Add(unit!);
        await db.SaveChangesAsync(ct);
        return new(SaveOutcome.Saved, Unit: unit);
    }

    /// <summary>Renames, moves and sets the committee in one save, refused when someone else saved in between.</summary>
    public async Task<SaveResult> UpdateAsync(Guid id, UnitInput input, CancellationToken ct = default)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return new(SaveOutcome.NotFound);
        if (input.Version is not { } version) return new(SaveOutcome.Invalid, Result.Fail("Concurrency_VersionRequired", "Version"));
        if (version != unit.Version) return new(SaveOutcome.Conflict, Current: UnitDto.From(unit));
        db.Entry(unit).Property(u => u.Version).OriginalValue = version;

        if (!string.Equals(input.Name?.Trim(), unit.Name, StringComparison.Ordinal))
        {
            var r = unit.Rename(input.Name);
            if (!r.IsOk) return new(SaveOutcome.Invalid, r);
        }
        if (input.ParentId != unit.ParentId)
        {
            Unit? parent = null;
            if (input.ParentId is { } pid && (parent = await db.Units.FirstOrDefaultAsync(u => u.Id == pid, ct)) is null)
                return new(SaveOutcome.Invalid, Result.Fail("Unit_ParentNotFound", "ParentId"));
            var r = unit.MoveTo(parent, await TreeAsync(ct));
            if (!r.IsOk) return new(SaveOutcome.Invalid, r);
        }
        if (input.ReportsToCommitteeId != unit.ReportsToCommitteeId)
        {
            Unit? committee = null;
            if (input.ReportsToCommitteeId is { } cid && (committee = await db.Units.FirstOrDefaultAsync(u => u.Id == cid, ct)) is null)
                return new(SaveOutcome.Invalid, Result.Fail("Unit_CommitteeInvalid", "ReportsToCommitteeId"));
            var r = unit.AnswerTo(committee);
            if (!r.IsOk) return new(SaveOutcome.Invalid, r);
        }
        return await SaveAsync(unit, ct);
    }

    public async Task<SaveResult> CloseAsync(Guid id, int version, DateOnly? on, CancellationToken ct = default)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return new(SaveOutcome.NotFound);
        if (version != unit.Version) return new(SaveOutcome.Conflict, Current: UnitDto.From(unit));
        var r = unit.Close(on ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime), await TreeAsync(ct));
        return r.IsOk ? await SaveAsync(unit, ct) : new(SaveOutcome.Invalid, r);
    }

    public async Task<SaveResult> ReopenAsync(Guid id, int version, CancellationToken ct = default)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return new(SaveOutcome.NotFound);
        if (version != unit.Version) return new(SaveOutcome.Conflict, Current: UnitDto.From(unit));
        var parent = unit.ParentId is { } pid ? await db.Units.FirstOrDefaultAsync(u => u.Id == pid, ct) : null;
        var r = unit.Reopen(parent);
        return r.IsOk ? await SaveAsync(unit, ct) : new(SaveOutcome.Invalid, r);
    }

    private async Task<SaveResult> SaveAsync(Unit unit, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new(SaveOutcome.Saved, Unit: unit);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unit.Id, ct);
            return current is null ? new(SaveOutcome.NotFound) : new(SaveOutcome.Conflict, Current: UnitDto.From(current));
        }
    }
}
