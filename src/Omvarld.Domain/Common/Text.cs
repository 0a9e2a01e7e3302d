namespace Omvarld.Domain.Common;

public static class Text
{
    /// <summary>Trims and collapses inner runs of white space; null for empty input.</summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
