namespace Omvarld.Domain.Activities;

/// <summary>
/// R21: an activity's funding pipeline in SEK, by status, and whether external funding has been sought. Each line
/// counts once, under its present status.
/// </summary>
public sealed record FundingSummary(
    decimal PlannedSek,
    decimal AppliedSek,
    decimal GrantedSek,
    decimal RejectedSek,
    decimal PaidSek,
    decimal OwnSek,
    decimal ExternalSek,
    bool ExternalFundingSought)
{
    /// <summary>Own plus external funding among the lines that count (<see cref="FundingLine.CountsAsFunding"/>).</summary>
    public decimal TotalSek => OwnSek + ExternalSek;

    /// <summary>The external part of <see cref="TotalSek"/>, 0–1; 0 when there is no funding.</summary>
    public decimal ExternalShare => TotalSek == 0 ? 0 : ExternalSek / TotalSek;

    public static FundingSummary Of(IEnumerable<FundingLine> lines)
    {
        var list = lines.ToList();
        decimal Sum(FundingStatus status) => list.Where(l => l.Status == status).Sum(l => l.AmountSek);
        var counted = list.Where(l => l.CountsAsFunding).ToList();
        return new(
            Sum(FundingStatus.Planned),
            Sum(FundingStatus.Applied),
            Sum(FundingStatus.Granted),
            Sum(FundingStatus.Rejected),
            Sum(FundingStatus.Paid),
            counted.Where(l => !l.IsExternal).Sum(l => l.AmountSek),
            counted.Where(l => l.IsExternal).Sum(l => l.AmountSek),
            // Sought: any external line at all. A planned line records the intention, a rejected one that it was tried:
            // both answer 001's "där så är möjligt" and 003's "prövar möjligheterna".
            list.Any(l => l.IsExternal));
    }
}
