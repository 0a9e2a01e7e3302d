using System.Globalization;

namespace Omvarld.Domain.Policies;

/// <summary>
/// How long a governing document version is valid, as the documents say it: through a year ("gäller till och
/// med 2027"), through a date, or until a later version replaces it.
/// </summary>
public readonly record struct Validity
{
    private Validity(int? year, DateOnly? date) { Year = year; Date = date; }

    public int? Year { get; }
    public DateOnly? Date { get; }
    public bool UntilReplaced => Year is null && Date is null;

    public static readonly Validity Replaced = new(null, null);
    public static Validity ThroughYear(int year) => new(year, null);
    public static Validity Through(DateOnly date) => new(null, date);

    /// <summary>The last day the version is valid, or null when it is valid until replaced.</summary>
    public DateOnly? LastDay => Date ?? (Year is { } y ? new DateOnly(y, 12, 31) : null);

    /// <summary>Parses <c>2027</c>, <c>2027-06-30</c> or <c>replaced</c>; null for anything else.</summary>
    public static Validity? Parse(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Equals("replaced", StringComparison.OrdinalIgnoreCase)) return Replaced;
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200)
            return ThroughYear(year);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return Through(date);
        return null;
    }

    public override string ToString() => UntilReplaced ? "replaced" : Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Year!.Value.ToString(CultureInfo.InvariantCulture);
}
