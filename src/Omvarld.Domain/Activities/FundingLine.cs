using Omvarld.Domain.Common;

namespace Omvarld.Domain.Activities;

/// <summary>Where money for an activity comes from (R21).</summary>
public enum FundingSource
{
    /// <summary>A unit's own budget.</summary>
    OwnBudget = 1,
    /// <summary>An EU programme (Interreg, Erasmus+, CERV, Horizon Europe ...), by its code in eu_funding_programmes.csv.</summary>
    EuProgramme = 2,
    /// <summary>Any other funder, named in free text with <see cref="FunderKind"/>.</summary>
    OtherFunder = 3,
}

/// <summary>Whether an other funder is Swedish (ICLD, Svenska institutet) or foreign or international (Nordplus, a foundation abroad).</summary>
public enum FunderKind
{
    National = 1,
    International = 2,
}

public enum FundingStatus
{
    Planned = 1,
    Applied = 2,
    Granted = 3,
    Rejected = 4,
    Paid = 5,
}

public enum Currency
{
    Sek = 1,
    /// <summary>Converted to SEK with the exchange rate the line records.</summary>
    Eur = 2,
}

/// <summary>What the funding form and the API send for one funding line.</summary>
/// <param name="ExchangeRate">SEK per EUR used for the line; required for EUR, ignored for SEK.</param>
/// <param name="StatusOn">The date of the status: applied on, decided on (granted or rejected) or paid on; none for planned.</param>
public sealed record FundingInput(
    FundingSource Source,
    Guid? OwnUnitId,
    string? ProgrammeCode,
    string? FunderName,
    FunderKind? FunderKind,
    decimal Amount,
    Currency Currency,
    decimal? ExchangeRate,
    FundingStatus Status,
    DateOnly? StatusOn,
    string? Note = null);

/// <summary>What a funding line may name, loaded by the caller: the municipality's units and the EU programme codes.</summary>
public sealed record FundingReferences(IReadOnlySet<Guid> UnitIds, IReadOnlySet<string> EuProgrammeCodes);

/// <summary>One source of money for an activity, with its amount and where its application stands (R21).</summary>
public sealed class FundingLine : ITenantOwned, IAudited
{
    /// <summary>More than a billion in one line is a typing error, not a municipal project.</summary>
    public const decimal MaxAmount = 1_000_000_000m;
    /// <summary>SEK per EUR above this is a typing error (the rate has been 8–12 since the euro began).</summary>
    public const decimal MaxExchangeRate = 100m;
    public const int FunderNameMaxLength = 200;
    public const int NoteMaxLength = 1000;

    private FundingLine() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public FundingSource Source { get; private set; }
    public Guid? OwnUnitId { get; private set; }
    public string? ProgrammeCode { get; private set; }
    public string? FunderName { get; private set; }
    public FunderKind? FunderKind { get; private set; }
    public decimal Amount { get; private set; }
    public Currency Currency { get; private set; }
    public decimal? ExchangeRate { get; private set; }
    public FundingStatus Status { get; private set; }
    public DateOnly? AppliedOn { get; private set; }
    /// <summary>When it was granted or rejected.</summary>
    public DateOnly? DecidedOn { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public string? Note { get; private set; }

    public bool IsExternal => Source != FundingSource.OwnBudget;

    /// <summary>The amount in SEK, at the line's own exchange rate for EUR, rounded to öre.</summary>
    public decimal AmountSek => Currency == Currency.Sek ? Amount : Math.Round(Amount * (ExchangeRate ?? 0m), 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Whether the line is part of the activity's funding for the classification (R6). An external line counts once it
    /// is applied for and until it is rejected: a plan to apply is not yet funding. Own budget counts from the plan on,
    /// since the unit decides it itself; a rejected own-budget request does not.
    /// </summary>
    public bool CountsAsFunding => IsExternal
        ? Status is FundingStatus.Applied or FundingStatus.Granted or FundingStatus.Paid
        : Status != FundingStatus.Rejected;

    internal static (FundingLine? Value, Result Result) Create(Guid municipalityId, Guid activityId, FundingInput input, FundingReferences references)
    {
        var line = new FundingLine { MunicipalityId = municipalityId, Id = Guid.CreateVersion7(), ActivityId = activityId };
        var result = line.Apply(input, references);
        return result.IsOk ? (line, result) : (null, result);
    }

    internal Result Apply(FundingInput input, FundingReferences references)
    {
        if (!Enum.IsDefined(input.Source)) return Result.Fail("Funding_SourceInvalid", nameof(Source));
        Guid? unit = null;
        string? programme = null, funder = null;
        FunderKind? funderKind = null;
        switch (input.Source)
        {
            case FundingSource.OwnBudget:
                if (input.OwnUnitId is not { } u || !references.UnitIds.Contains(u)) return Result.Fail("Funding_UnitRequired", nameof(OwnUnitId));
                unit = u;
                break;
            case FundingSource.EuProgramme:
                programme = input.ProgrammeCode?.Trim().ToUpperInvariant();
                if (string.IsNullOrEmpty(programme) || !references.EuProgrammeCodes.Contains(programme))
                    return Result.Fail("Funding_ProgrammeUnknown", nameof(ProgrammeCode));
                break;
            case FundingSource.OtherFunder:
                funder = Text.Clean(input.FunderName);
                if (funder is null) return Result.Fail("Funding_FunderRequired", nameof(FunderName));
                if (funder.Length > FunderNameMaxLength) return Result.Fail("Funding_FunderTooLong", nameof(FunderName));
                if (input.FunderKind is not { } kind || !Enum.IsDefined(kind)) return Result.Fail("Funding_FunderKindRequired", nameof(FunderKind));
                funderKind = kind;
                break;
        }
        if (input.Amount < 0 || input.Amount > MaxAmount) return Result.Fail("Funding_AmountInvalid", nameof(Amount));
        if (!Enum.IsDefined(input.Currency)) return Result.Fail("Funding_CurrencyInvalid", nameof(Currency));
        decimal? rate = null;
        if (input.Currency == Currency.Eur)
        {
            if (input.ExchangeRate is not { } r || r <= 0) return Result.Fail("Funding_RateRequired", nameof(ExchangeRate));
            if (r > MaxExchangeRate) return Result.Fail("Funding_RateInvalid", nameof(ExchangeRate));
            rate = r;
        }
        var note = Text.CleanBlock(input.Note);
        if (note is { Length: > NoteMaxLength }) return Result.Fail("Funding_NoteTooLong", nameof(Note));
        var status = CheckStatus(input.Status, input.StatusOn);
        if (!status.IsOk) return status;

        Source = input.Source;
        OwnUnitId = unit;
        ProgrammeCode = programme;
        FunderName = funder;
        FunderKind = funderKind;
        Amount = input.Amount;
        Currency = input.Currency;
        ExchangeRate = rate;
        Note = note;
        SetStatus(input.Status, input.StatusOn);
        return Result.Ok;
    }

    /// <summary>
    /// Moves the line along its pipeline. Any status may follow any other, so that a slip can be corrected (the audit
    /// trail keeps both); every status but planned needs its date, which is kept beside the earlier ones.
    /// </summary>
    internal Result ChangeStatus(FundingStatus status, DateOnly? on)
    {
        var check = CheckStatus(status, on);
        if (!check.IsOk) return check;
        SetStatus(status, on);
        return Result.Ok;
    }

    private static Result CheckStatus(FundingStatus status, DateOnly? on)
    {
        if (!Enum.IsDefined(status)) return Result.Fail("Funding_StatusInvalid", nameof(Status));
        if (status != FundingStatus.Planned && on is null) return Result.Fail("Funding_DateRequired", nameof(Status));
        return Result.Ok;
    }

    private void SetStatus(FundingStatus status, DateOnly? on)
    {
        Status = status;
        switch (status)
        {
            case FundingStatus.Applied: AppliedOn = on; break;
            case FundingStatus.Granted or FundingStatus.Rejected: DecidedOn = on; break;
            case FundingStatus.Paid: PaidOn = on; break;
        }
    }
}
