using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Omvarld.Domain.Policies.Reading;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace Omvarld.Web.Features.Policies.Reading;

/// <summary>The pages of an uploaded policy document (PDF text layer, DOCX or plain text), or the resource key of why it cannot be read.</summary>
public sealed record DocumentText(IReadOnlyList<SourcePage>? Pages, string? ErrorKey)
{
    public static DocumentText Error(string key) => new(null, key);
}

/// <summary>
/// Extracts the text of a policy document by its content, not its name: <c>%PDF</c> is read through its text layer,
/// a ZIP package must be a Word document, anything else must be UTF-8 text. Nothing is stored.
/// </summary>
public static class PolicyDocumentText
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public static DocumentText Read(byte[] bytes)
    {
        if (bytes.Length > MaxBytes) return DocumentText.Error("PolicyRead_TooLarge");
        if (bytes.Length == 0) return DocumentText.Error("PolicyRead_Empty");
        if (bytes.AsSpan().StartsWith("%PDF"u8)) return Pdf(bytes);
        if (bytes.AsSpan().StartsWith("PK\u0003\u0004"u8)) return Docx(bytes);
        string text;
        try { text = new UTF8Encoding(false, true).GetString(bytes); }
        catch (DecoderFallbackException) { return DocumentText.Error("PolicyRead_UnknownFormat"); }
        if (text.Contains('\0')) return DocumentText.Error("PolicyRead_UnknownFormat");
        return Text(text.TrimStart('\uFEFF'));
    }

    public static DocumentText Text(string text) =>
        string.IsNullOrWhiteSpace(text) ? DocumentText.Error("PolicyRead_Empty") : new DocumentText(TextNormaliser.PlainTextPages(text), null);

    private static DocumentText Pdf(byte[] bytes)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            var pages = new List<SourcePage>();
            var offset = 0;
            foreach (var page in pdf.GetPages())
            {
                var text = PageText(page);
                pages.Add(new SourcePage(page.Number, text, offset));
                offset += text.Length + 1;
            }
            // A scan carries images, not text: say so rather than propose an empty draft.
            if (pages.Sum(p => p.Text.Count(char.IsLetter)) < 20) return DocumentText.Error("PolicyRead_NoTextLayer");
            return new DocumentText(pages, null);
        }
        catch (PdfDocumentEncryptedException) { return DocumentText.Error("PolicyRead_Encrypted"); }
        catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException
                                   or NullReferenceException or InvalidCastException or FormatException or KeyNotFoundException or OverflowException or EndOfStreamException)
        {
            return DocumentText.Error("PolicyRead_PdfUnreadable");
        }
    }

    /// <summary>
    /// A page's lines: words grouped by baseline, top to bottom, left to right; a vertical gap clearly larger than the
    /// page's usual line spacing becomes a blank line (a paragraph break).
    /// </summary>
    private static string PageText(Page page)
    {
        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        if (words.Count == 0) return "";
        var lines = new List<(double Y, double Height, List<Word> Words)>();
        foreach (var w in words.OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left))
        {
            var height = Math.Max(1, w.BoundingBox.Height);
            var line = lines.FirstOrDefault(l => Math.Abs(l.Y - w.BoundingBox.Bottom) < Math.Min(l.Height, height) * 0.5);
            if (line.Words is null) lines.Add((w.BoundingBox.Bottom, height, [w]));
            else line.Words.Add(w);
        }
        lines = lines.OrderByDescending(l => l.Y).ToList();
        var gaps = lines.Zip(lines.Skip(1), (a, b) => a.Y - b.Y).Where(g => g > 0).Order().ToList();
        // The usual spacing is the lower quartile, not the median: a short page may have as many paragraph breaks as
        // single line steps (a box of labelled fields, a bulleted list), and the median would then be a break.
        var usual = gaps.Count == 0 ? 0 : gaps[(gaps.Count - 1) / 4];
        var sb = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('\n');
                if (usual > 0 && lines[i - 1].Y - lines[i].Y > usual * 1.6) sb.Append('\n');
            }
            sb.Append(string.Join(' ', lines[i].Words.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)));
        }
        return sb.ToString();
    }

    private static DocumentText Docx(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var doc = WordprocessingDocument.Open(stream, false);
            var body = doc.MainDocumentPart?.Document?.Body;
            if (body is null) return DocumentText.Error("PolicyRead_NotWord");
            // One line per paragraph; an explicit page break starts a new page.
            var pages = new List<SourcePage>();
            var sb = new StringBuilder();
            var offset = 0;
            foreach (var p in body.Descendants<Paragraph>())
            {
                foreach (var run in p.Elements<Run>())
                {
                    foreach (var child in run.ChildElements)
                    {
                        if (child is Break { Type.Value: var type } && type == BreakValues.Page)
                        {
                            pages.Add(new SourcePage(pages.Count + 1, sb.ToString(), offset));
                            offset += sb.Length + 1;
                            sb.Clear();
                        }
                        else if (child is Text t) sb.Append(t.Text);
                        else if (child is TabChar) sb.Append('\t');
                    }
                }
                sb.Append('\n');
            }
            if (sb.Length > 0) pages.Add(new SourcePage(pages.Count + 1, sb.ToString().TrimEnd('\n'), offset));
            return pages.Sum(x => x.Text.Trim().Length) == 0 ? DocumentText.Error("PolicyRead_Empty") : new DocumentText(pages, null);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or InvalidOperationException or ArgumentException)
        {
            return DocumentText.Error("PolicyRead_NotWord");
        }
    }
}
