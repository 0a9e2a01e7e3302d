using System.Text;
using System.Text.RegularExpressions;

namespace Omvarld.Domain.Policies.Reading;

/// <summary>One page of a source document: its 1-based number and its text, starting at <paramref name="SourceOffset"/> in the source.</summary>
public sealed record SourcePage(int Number, string Text, int SourceOffset);

/// <summary>Where one character of the normalised text came from: page number and offset in the whole source.</summary>
public readonly record struct SourcePosition(int Page, int Offset);

/// <summary>A span of the normalised text.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;
}

/// <summary>
/// A document's text normalised as the policy format prescribes (hyphenation at line ends joined, wrapped lines
/// joined with single spaces, page furniture left out), with a map from every character back to the source.
/// Inserted characters (the space or line break that replaces a line end) map to the source character before them.
/// </summary>
public sealed class NormalisedText
{
    private readonly SourcePosition[] map;

    internal NormalisedText(string text, SourcePosition[] map, IReadOnlyList<string> furniture)
    {
        if (text.Length != map.Length) throw new ArgumentException("Every character needs a source position.", nameof(map));
        Text = text;
        this.map = map;
        Furniture = furniture;
    }

    public string Text { get; }

    /// <summary>The running headers and footers that were removed (each once); a title often stands there.</summary>
    public IReadOnlyList<string> Furniture { get; }

    public SourcePosition SourceOf(int index) => map[index];

    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);
}

/// <summary>Normalises pages of extracted text (see <see cref="NormalisedText"/>).</summary>
public static partial class TextNormaliser
{
    private const char Soft = '\u00AD';

    /// <summary>Plain text: pages split at form feeds; a web transcript ("Transkript" followed by numbered pages) is split into its pages.</summary>
    public static NormalisedText FromPlainText(string source) => Normalise(PlainTextPages(source));

    public static IReadOnlyList<SourcePage> PlainTextPages(string source)
    {
        source = source.Replace("\r\n", "\n").Replace('\r', '\n');
        var transcript = TranscriptPages(source);
        if (transcript is not null) return transcript;
        var pages = new List<SourcePage>();
        var start = 0;
        for (var i = 0; i <= source.Length; i++)
        {
            if (i == source.Length || source[i] == '\f')
            {
                pages.Add(new SourcePage(pages.Count + 1, source[start..i], start));
                start = i + 1;
            }
        }
        return pages;
    }

    // Document-sharing sites print a PDF's text as "Transkript" followed by one paragraph per page, each opening with its
    // page number; what follows the last consecutively numbered page is the site's list of other documents.
    private static List<SourcePage>? TranscriptPages(string source)
    {
        var marker = TranscriptMarker().Match(source);
        if (!marker.Success) return null;
        var pages = new List<SourcePage>();
        var expected = 1;
        var at = marker.Index + marker.Length;
        foreach (Match para in TranscriptParagraph().Matches(source, at))
        {
            var number = PageNumberPrefix().Match(para.Value);
            if (!number.Success || int.Parse(number.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) != expected) break;
            var textStart = para.Index + number.Length;
            pages.Add(new SourcePage(expected, source[textStart..(para.Index + para.Length)], textStart));
            expected++;
        }
        return pages.Count >= 2 ? pages : null;
    }

    public static NormalisedText Normalise(IReadOnlyList<SourcePage> pages)
    {
        // 1. Lines of every page, with their source offsets, minus page numbers, tables of contents and markup.
        var pageLines = pages.Select(p => SplitLines(p)).ToList();
        var furniture = RemoveRunningFurniture(pageLines);
        foreach (var lines in pageLines)
        {
            lines.RemoveAll(l => PageNumberLine().IsMatch(l.Text));
        }
        RemoveTableOfContents(pageLines);

        // 2. Join lines into paragraphs.
        var sb = new StringBuilder();
        var map = new List<SourcePosition>();
        Line? previous = null;
        var blankSincePrevious = false;
        foreach (var lines in pageLines)
        {
            var maxLength = lines.Count == 0 ? 0 : lines.Max(l => l.Text.Trim().Length);
            blankSincePrevious = true;
            foreach (var line in lines)
            {
                if (line.Text.Trim().Length == 0) { blankSincePrevious = true; continue; }
                var (text, offsets) = line.Trimmed();
                if (previous is null)
                {
                    Append(sb, map, text, offsets, line.Page);
                }
                else
                {
                    var prevText = previous.Value.TrimmedText;
                    var join = Join(prevText, text, blankSincePrevious, maxLength);
                    var anchor = map.Count > 0 ? map[^1] : new SourcePosition(line.Page, offsets[0]);
                    switch (join)
                    {
                        case JoinKind.Dehyphenate:
                            sb.Length--; map.RemoveAt(map.Count - 1);
                            break;
                        case JoinKind.Space:
                            if (sb.Length > 0 && sb[^1] != ' ') { sb.Append(' '); map.Add(anchor); }
                            break;
                        case JoinKind.Line:
                            sb.Append('\n'); map.Add(anchor);
                            break;
                        case JoinKind.Paragraph:
                            sb.Append("\n\n"); map.Add(anchor); map.Add(anchor);
                            break;
                    }
                    Append(sb, map, text, offsets, line.Page);
                }
                previous = line;
                blankSincePrevious = false;
            }
        }
        return new NormalisedText(sb.ToString(), map.ToArray(), furniture);
    }

    private enum JoinKind { Dehyphenate, Space, Line, Paragraph }

    private static JoinKind Join(string a, string b, bool blankBetween, int maxLength)
    {
        if (IsBullet(b)) return blankBetween ? JoinKind.Paragraph : JoinKind.Line;
        var bStartsLower = b.Length > 0 && char.IsLower(b[0]);
        if (a.Length >= 2 && a[^1] == '-' && char.IsLetter(a[^2]) && b.Length > 0 && char.IsLetter(b[0]) && !ConjunctionStart().IsMatch(b))
            return JoinKind.Dehyphenate;
        // A paragraph break before a lower-case word is a break inside a sentence (a layout gap, not a new paragraph).
        if (bStartsLower) return JoinKind.Space;
        if (blankBetween) return JoinKind.Paragraph;
        if (a.EndsWith(':') || IsBullet(a) && a.Length < maxLength * 0.6) return JoinKind.Line;
        var terminal = a[^1] is '.' or '!' or '?' or ':';
        if (!terminal && a.Length >= maxLength * 0.6 && !LabelLine().IsMatch(a)) return JoinKind.Space;
        if (a[^1] == ',') return JoinKind.Space;
        return JoinKind.Line;
    }

    public static bool IsBullet(string line) => BulletStart().IsMatch(line);

    private static void Append(StringBuilder sb, List<SourcePosition> map, string text, int[] offsets, int page)
    {
        for (var i = 0; i < text.Length; i++)
        {
            sb.Append(text[i]);
            map.Add(new SourcePosition(page, offsets[i]));
        }
    }

    private readonly record struct Line(int Page, string Text, int[] Offsets)
    {
        public string TrimmedText => Trimmed().Text;

        /// <summary>The line with markup (**bold**, soft hyphens) dropped, tabs and runs of spaces as one space, ends trimmed.</summary>
        public (string Text, int[] Offsets) Trimmed()
        {
            var sb = new StringBuilder();
            var offs = new List<int>();
            for (var i = 0; i < Text.Length; i++)
            {
                var c = Text[i];
                if (c == '*' && (i + 1 < Text.Length && Text[i + 1] == '*' || i > 0 && Text[i - 1] == '*')) continue;
                if (c == Soft) continue;
                if (char.IsWhiteSpace(c))
                {
                    if (sb.Length == 0 || sb[^1] == ' ') continue;
                    c = ' ';
                }
                sb.Append(c);
                offs.Add(Offsets[i]);
            }
            while (sb.Length > 0 && sb[^1] == ' ') { sb.Length--; offs.RemoveAt(offs.Count - 1); }
            return (sb.ToString(), offs.ToArray());
        }
    }

    private static List<Line> SplitLines(SourcePage page)
    {
        var lines = new List<Line>();
        var start = 0;
        var text = page.Text;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                var offsets = Enumerable.Range(page.SourceOffset + start, i - start).ToArray();
                lines.Add(new Line(page.Number, text[start..i], offsets));
                start = i + 1;
            }
        }
        return lines;
    }

    // A running header or footer repeats (page numbers aside) at the top or bottom of at least half the pages, and of
    // at least two; a flattened page (one line) carries it as the first or last words of that line.
    private static List<string> RemoveRunningFurniture(List<List<Line>> pageLines)
    {
        var removed = new List<string>();
        var withText = pageLines.Where(l => l.Any(x => x.Text.Trim().Length > 0)).ToList();
        if (withText.Count < 3) return removed;
        var threshold = Math.Max(2, (withText.Count + 1) / 2);
        foreach (var atEnd in new[] { true, false })
        {
            for (var words = 8; words >= 1; words--)
            {
                var keys = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var lines in withText)
                {
                    var key = EdgeKey(lines, atEnd, words);
                    if (key is not null) keys[key] = keys.GetValueOrDefault(key) + 1;
                }
                var best = keys.Where(k => k.Value >= threshold && k.Key.Length >= 4).OrderByDescending(k => k.Value).FirstOrDefault();
                if (best.Key is null) continue;
                foreach (var lines in withText)
                {
                    if (EdgeKey(lines, atEnd, words) == best.Key) CutEdge(lines, atEnd, words);
                }
                removed.Add(best.Key);
                break;
            }
        }
        return removed;
    }

    private static int EdgeLineIndex(List<Line> lines, bool atEnd)
    {
        if (atEnd) { for (var i = lines.Count - 1; i >= 0; i--) if (lines[i].Text.Trim().Length > 0) return i; }
        else { for (var i = 0; i < lines.Count; i++) if (lines[i].Text.Trim().Length > 0) return i; }
        return -1;
    }

    /// <summary>The first or last <paramref name="words"/> non-numeric words of the page's edge line, with any page number beside them.</summary>
    private static string? EdgeKey(List<Line> lines, bool atEnd, int words)
    {
        var range = EdgeWordRange(lines, atEnd, words);
        return range?.Key;
    }

    private static (int LineIndex, int CutAt, string Key)? EdgeWordRange(List<Line> lines, bool atEnd, int words)
    {
        var index = EdgeLineIndex(lines, atEnd);
        if (index < 0) return null;
        var text = lines[index].Text;
        var tokens = Regex.Matches(text, @"\S+").ToList();
        if (atEnd) tokens.Reverse();
        var taken = new List<string>();
        var cut = atEnd ? text.Length : 0;
        foreach (var t in tokens)
        {
            var numeric = PageNumberToken().IsMatch(t.Value);
            if (!numeric)
            {
                if (taken.Count == words) break;
                taken.Add(t.Value);
            }
            cut = atEnd ? t.Index : t.Index + t.Length;
        }
        if (taken.Count < words) return null;
        if (atEnd) taken.Reverse();
        return (index, cut, string.Join(' ', taken));
    }

    private static void CutEdge(List<Line> lines, bool atEnd, int words)
    {
        var range = EdgeWordRange(lines, atEnd, words);
        if (range is null) return;
        var (index, cut, _) = range.Value;
        var line = lines[index];
        lines[index] = atEnd
            ? line with { Text = line.Text[..cut], Offsets = line.Offsets[..cut] }
            : line with { Text = line.Text[cut..], Offsets = line.Offsets[cut..] };
    }

    private static void RemoveTableOfContents(List<List<Line>> pageLines)
    {
        foreach (var lines in pageLines)
        {
            lines.RemoveAll(l => TocEntry().IsMatch(l.Text) && DottedLeader().IsMatch(l.Text));
            for (var i = 0; i < lines.Count; i++)
            {
                if (!TocHeading().IsMatch(lines[i].Text)) continue;
                var j = i + 1;
                var entries = 0;
                while (j < lines.Count && (lines[j].Text.Trim().Length == 0 || TocEntry().IsMatch(lines[j].Text)))
                {
                    if (lines[j].Text.Trim().Length > 0) entries++;
                    j++;
                }
                if (entries >= 2) lines.RemoveRange(i, j - i);
            }
        }
    }

    [GeneratedRegex(@"^\s*Transkript\s*$", RegexOptions.Multiline)]
    private static partial Regex TranscriptMarker();

    [GeneratedRegex(@"(?<=^|\n)[^\n]+(?:\n(?!\s*\n)[^\n]+)*", RegexOptions.None)]
    private static partial Regex TranscriptParagraph();

    [GeneratedRegex(@"^\s*(\d{1,3})(?:\s+|$)")]
    private static partial Regex PageNumberPrefix();

    [GeneratedRegex(@"^\s*(?:(?:Sida|sida|s\.)\s*)?\d{1,3}(?:\s*(?:\(\s*\d{1,3}\s*\)|/\s*\d{1,3}|av\s+\d{1,3}))?\s*$")]
    private static partial Regex PageNumberLine();

    [GeneratedRegex(@"^(?:\d{1,3}|\(\d{1,3}\)|\d{1,3}\(\d{1,3}\)|\d{1,3}/\d{1,3})$")]
    private static partial Regex PageNumberToken();

    [GeneratedRegex(@"^\s*(?:Innehållsförteckning|Innehåll)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TocHeading();

    [GeneratedRegex(@"^\s*(?:\d+(?:\.\d+)*\s+|\t)?[^\t]*?(?:\.{3,}|\t)\s*\d{1,3}\s*$|^\s*\d+(?:\.\d+)*\s+\S.*\s\d{1,3}\s*$")]
    private static partial Regex TocEntry();

    [GeneratedRegex(@"\.{4,}\s*\d{1,3}\s*$")]
    private static partial Regex DottedLeader();

    [GeneratedRegex(@"^\s*(?:[•·▪●◦‣○■–*]|-(?=\s)|\d{1,2}[.)](?=\s)|[a-z]\)(?=\s))")]
    private static partial Regex BulletStart();

    [GeneratedRegex(@"^(?:och|eller|samt|till|respektive)\b")]
    private static partial Regex ConjunctionStart();

    [GeneratedRegex(@"^[^:]{2,60}:\s*\S")]
    private static partial Regex LabelLine();
}
