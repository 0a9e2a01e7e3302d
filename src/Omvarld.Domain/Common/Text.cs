namespace Omvarld.Domain.Common;

public static class Text
{
    /// <summary>Trims and collapses inner runs of white space; null for empty input.</summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// For text written in paragraphs (a description, a report): keeps the line breaks, unifies them to <c>\n</c>,
    /// trims each line and the whole, and keeps at most one empty line between paragraphs; null for empty input.
    /// </summary>
    public static string? CleanBlock(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var lines = value.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.Trim());
        var kept = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length == 0 && (kept.Count == 0 || kept[^1].Length == 0)) continue;
            kept.Add(line);
        }
        while (kept.Count > 0 && kept[^1].Length == 0) kept.RemoveAt(kept.Count - 1);
        return string.Join('\n', kept);
    }

    /// <summary>An absolute http or https address, trimmed; null when the text is not one.</summary>
    public static string? WebAddress(string? value, int maxLength = 2000)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > maxLength) return null;
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(uri.Host)
            ? value
            : null;
    }
}
