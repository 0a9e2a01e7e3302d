using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Omvarld.Web.Features.Compilations;

/// <summary>
/// The compilation as PDF for KS's agenda: A4, each section a heading and a three-column table (what, this year, the
/// year before), the listed activities after it, the scope and page numbers in the footer. Drawn with <see cref="SimplePdf"/>.
/// </summary>
public static class CompilationPdf
{
    private const double Margin = 50, RowHeight = 15, Width = SimplePdf.PageWidth - 2 * Margin, Body = 9;

    public static byte[] Render(Compilation c, IStringLocalizer l)
    {
        var pdf = new SimplePdf { Title = l["Compilation_Heading", c.Year, c.Scope] };
        var page = -1;
        double y = 0;
        void NewPage() { pdf.AddPage(); page++; y = Margin; }
        void Need(double height) { if (y + height > SimplePdf.PageHeight - Margin - 20) NewPage(); }
        void Text(string text, double x, double width, double size = Body, bool bold = false, bool right = false)
        {
            var fitted = Fit(text, size, bold, width);
            var at = right ? x + width - SimplePdf.Measure(fitted, size, bold) : x;
            pdf.Text(page, at, y + size, fitted, size, bold);
        }

        NewPage();
        Text(l["Compilation_Heading", c.Year, c.Scope], Margin, Width, 16, true);
        y += 30;
        var year = c.Year.ToString(CultureInfo.InvariantCulture);
        var previous = c.PreviousYear.ToString(CultureInfo.InvariantCulture);
        double[] cols = [Width - 200, 100, 100];
        foreach (var s in c.Sections)
        {
            Need(22 + 2 * RowHeight);
            y += 6;
            Text(s.Title, Margin, Width, 12, true);
            y += 20;
            void Row(string a, string b, string d, bool bold)
            {
                Need(RowHeight);
                Text(a, Margin, cols[0] - 6, bold: bold);
                Text(b, Margin + cols[0], cols[1] - 4, bold: bold, right: true);
                Text(d, Margin + cols[0] + cols[1], cols[2] - 4, bold: bold, right: true);
                pdf.Line(page, Margin, y + RowHeight - 2, Margin + Width, y + RowHeight - 2);
                y += RowHeight;
            }
            Row(l["Compilation_ColLabel"], year, previous, true);
            if (s.Rows.Count == 0) { Need(RowHeight); Text(l["Compilation_Empty"], Margin, Width); y += RowHeight; }
            foreach (var r in s.Rows) Row(r.Label, CompilationExport.Figure(r.Value, s.Measure), CompilationExport.Figure(r.Previous, s.Measure), false);
            if (s.Items.Count > 0)
            {
                y += 6;
                double[] ic = [Width * 0.35, Width * 0.25, Width * 0.2, Width * 0.2];
                void ItemRow(string[] v, bool bold)
                {
                    Need(RowHeight);
                    var x = Margin;
                    for (var i = 0; i < v.Length; i++) { Text(v[i], x, ic[i] - 4, bold: bold); x += ic[i]; }
                    y += RowHeight;
                }
                ItemRow([l["Compilation_ColActivity"], l["Compilation_ColUnit"], l["Compilation_ColPeriod"], l["Compilation_ColNote"]], true);
                foreach (var i in s.Items) ItemRow([i.Title, i.Unit, CompilationExport.Period(i), i.Note ?? ""], false);
            }
            if (s.Notes.Count > 0)
            {
                y += 6;
                Need(RowHeight);
                Text(l["Compilation_Notes"], Margin, Width, bold: true);
                y += RowHeight;
                foreach (var n in s.Notes)
                    foreach (var line in Wrap($"{n.Subject}: {n.Text} ({n.WrittenBy})", Body, Width))
                    {
                        Need(RowHeight);
                        Text(line, Margin, Width);
                        y += RowHeight;
                    }
            }
        }
        y += 10;
        Need(RowHeight);
        Text(l["Compilation_MadeAt", c.MadeAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)], Margin, Width);

        for (var p = 0; p < pdf.PageCount; p++)
        {
            var footer = $"{c.Scope} {c.Year} · {l["Compilation_PageOf", p + 1, pdf.PageCount]}";
            pdf.Text(p, Margin + (Width - SimplePdf.Measure(footer, 8, false)) / 2, SimplePdf.PageHeight - Margin + 10, footer, 8);
        }
        return pdf.Save();
    }

    /// <summary>A text broken into lines that fit <paramref name="width"/>, at spaces and line breaks.</summary>
    private static IEnumerable<string> Wrap(string text, double size, double width)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && SimplePdf.Measure(candidate, size, false) > width) { yield return line; line = word; }
                else line = candidate;
            }
            yield return line;
        }
    }

    /// <summary>Cuts a text that does not fit its column, ending it with an ellipsis (the full text is in the XLSX and DOCX).</summary>
    private static string Fit(string text, double size, bool bold, double width)
    {
        if (SimplePdf.Measure(text, size, bold) <= width) return text;
        var n = text.Length;
        while (n > 1 && SimplePdf.Measure(text[..n] + "…", size, bold) > width) n--;
        return text[..n] + "…";
    }
}
