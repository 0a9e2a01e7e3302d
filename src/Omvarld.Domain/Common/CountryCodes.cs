namespace Omvarld.Domain.Common;

/// <summary>
/// ISO 3166-1 alpha-2 country codes. The domain knows no country list of its own: the caller passes the set it loaded
/// (the web project reads countries.csv), so a code is valid only if that set holds it.
/// </summary>
public static class CountryCodes
{
    /// <summary>Sweden: the home country of every municipality the system serves.</summary>
    public const string Sweden = "SE";

    /// <summary>The code trimmed and upper-cased, or null when it is not in <paramref name="known"/>.</summary>
    public static string? Normalise(string? code, IReadOnlySet<string> known)
    {
        code = code?.Trim().ToUpperInvariant();
        return code is { Length: 2 } && known.Contains(code) ? code : null;
    }
}
