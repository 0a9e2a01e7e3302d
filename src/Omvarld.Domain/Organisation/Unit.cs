using Omvarld.Domain.Common;

namespace Omvarld.Domain.Organisation;

/// <summary>
/// A unit (<i>enhet</i>) of a municipality's organisation: KF, KS, a committee, an administration, a company or
/// an office. Units form a tree; a closed unit keeps its history and its place in the tree.
/// </summary>
public sealed class Unit : ITenantOwned, IAudited, IVersioned
{
    public const int NameMaxLength = 150;

    private Unit() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public UnitKind Kind { get; private set; }
    public Guid? ParentId { get; private set; }
    /// <summary>For an administration: the committee it answers to (R15).</summary>
    public Guid? ReportsToCommitteeId { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public int Version { get; set; }

    public bool IsClosed => ClosedOn is not null;

    public static (Unit? Value, Result Result) Create(Guid municipalityId, string? name, UnitKind kind, Unit? parent)
    {
        var clean = Text.Clean(name);
        var check = ValidateName(clean);
        if (!check.IsOk) return (null, check);
        if (!Enum.IsDefined(kind)) return (null, Result.Fail("Unit_KindInvalid", nameof(Kind)));
        if (parent is not null)
        {
            if (parent.MunicipalityId != municipalityId) return (null, Result.Fail("Unit_ParentNotFound", nameof(ParentId)));
            if (parent.IsClosed) return (null, Result.Fail("Unit_ParentClosed", nameof(ParentId)));
        }
        return (new Unit
        {
            MunicipalityId = municipalityId,
            Id = Guid.CreateVersion7(),
            Name = clean!,
            Kind = kind,
            ParentId = parent?.Id,
        }, Result.Ok);
    }

    public Result Rename(string? name)
    {
        var clean = Text.Clean(name);
        var check = ValidateName(clean);
        if (!check.IsOk) return check;
        if (IsClosed) return Result.Fail("Unit_Closed");
        Name = clean!;
        return Result.Ok;
    }

    /// <summary>Moves the unit under <paramref name="newParent"/> (null: to the top). A unit cannot move under itself or its own descendant.</summary>
    public Result MoveTo(Unit? newParent, UnitTree tree)
    {
        if (IsClosed) return Result.Fail("Unit_Closed");
        if (newParent is not null)
        {
            if (newParent.MunicipalityId != MunicipalityId) return Result.Fail("Unit_ParentNotFound", nameof(ParentId));
            if (newParent.Id == Id || tree.IsDescendantOf(newParent.Id, Id))
                return Result.Fail("Unit_MoveUnderDescendant", nameof(ParentId));
            if (newParent.IsClosed) return Result.Fail("Unit_ParentClosed", nameof(ParentId));
        }
        ParentId = newParent?.Id;
        return Result.Ok;
    }

    /// <summary>Sets the committee an administration answers to.</summary>
    public Result AnswerTo(Unit? committee)
    {
        if (committee is null) { ReportsToCommitteeId = null; return Result.Ok; }
        if (Kind != UnitKind.Administration) return Result.Fail("Unit_OnlyAdministrationsAnswerToCommittee", nameof(ReportsToCommitteeId));
        if (committee.MunicipalityId != MunicipalityId || committee.Kind != UnitKind.Committee)
            return Result.Fail("Unit_CommitteeInvalid", nameof(ReportsToCommitteeId));
        ReportsToCommitteeId = committee.Id;
        return Result.Ok;
    }

    /// <summary>Closes the unit. Its sub-units must be closed first, so that no open unit hangs under a closed one.</summary>
    public Result Close(DateOnly on, UnitTree tree)
    {
        if (IsClosed) return Result.Fail("Unit_Closed");
        if (tree.HasOpenChildren(Id)) return Result.Fail("Unit_HasOpenChildren");
        ClosedOn = on;
        return Result.Ok;
    }

    public Result Reopen(Unit? parent)
    {
        if (!IsClosed) return Result.Ok;
        if (parent is { IsClosed: true }) return Result.Fail("Unit_ParentClosed", nameof(ParentId));
        ClosedOn = null;
        return Result.Ok;
    }

    private static Result ValidateName(string? clean)
    {
        if (clean is null) return Result.Fail("Validation_NameRequired", nameof(Name));
        if (clean.Length > NameMaxLength) return Result.Fail("Validation_NameTooLong", nameof(Name));
        return Result.Ok;
    }
}
