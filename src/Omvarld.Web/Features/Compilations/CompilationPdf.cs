using System.Globalization;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Features.Reference;

namespace Omvarld.Web.Features.Compilations;

/// <summary>
/// The compilation as an accessible PDF for KS's agenda (tagged, see <see cref="SimplePdf"/>): a title page, the contents
/// with page numbers, then chapter by chapter (H1) each section (H2) with its basis, its chart or the world map (a
/// Figure with its text alternative), a table of what, this year, the year before and the change (header cells tagged
/// TH with their scope, the header row repeated on a new page), the activities it lists and its notes. Cells wrap
/// their text: nothing is cut off. The scope runs in the page header, "Sida N av M" in the footer.
/// </summary>
public static class CompilationPdf
{
    private const double Margin = 50, Top = 62, Bottom = 58, Width = SimplePdf.PageWidth - 2 * Margin, Body = 9, Leading = 11.5, Pad = 3;
    private static readonly (double, double, double) HeaderFill = (0.863, 0.902, 0.937);

    public static byte[] Render(Compilation c, IStringLocalizer l, ReferenceData reference)
    {
        var title = l["Compilation_ReportTitle", c.Year].Value;
        var pdf = new SimplePdf { Title = $"{title}: {c.Scope}", Subject = l["Compilation_ReportSubtitle"], Author = c.MunicipalityName };
        var page = -1;
        double y = 0;
        void NewPage() { pdf.AddPage(); page++; y = Top; }
        var repeatHeader = (Action?)null;
        void Need(double height)
        {
            if (y + height <= SimplePdf.PageHeight - Bottom) return;
            NewPage();
            repeatHeader?.Invoke();
        }
        void Lines(SimplePdf.Element e, string text, double size, bool bold = false, double grey = 0, double indent = 0)
        {
            foreach (var line in Wrap(text, size, bold, Width - indent))
            {
                Need(size * 1.3);
                var at = y;
                pdf.Mark(page, e, () => pdf.Text(page, Margin + indent, at + size, line, size, bold, grey));
                y += size * 1.3;
            }
        }

        // Title page.
        NewPage();
        y = 250;
        Lines(pdf.Open("H1"), title, 26, bold: true);
        y += 10;
        Lines(pdf.Open("P"), l["Compilation_ReportSubtitle"], 15, grey: 0.25);
        Lines(pdf.Open("P"), c.Scope, 15, grey: 0.25);
        y += 20;
        Lines(pdf.Open("P"), l["Compilation_ReportDate", Omvarld.Web.Features.Shared.Format.Date(c.MadeAt.UtcDateTime)], 11);
        Lines(pdf.Open("P"), l["Compilation_ReportPeriod", c.Year, c.PreviousYear], 11);

        // Contents: its pages are reserved now (one line per chapter and section) and written when the pages are known.
        var chapters = c.Sections.Select(s => s.Chapter).Distinct().ToList();
        var entries = chapters.Count + c.Sections.Count;
        const double TocLine = 15;
        var tocPerPage = (int)((SimplePdf.PageHeight - Bottom - Top - 30) / TocLine);
        var tocPages = (entries + tocPerPage - 1) / tocPerPage;
        var tocHeading = pdf.Open("H1");
        var toc = pdf.Open("TOC");
        var tocFirst = page + 1;
        for (var i = 0; i < tocPages; i++) NewPage();
        var tocEntries = new List<(string Text, bool Chapter, int Page)>();

        // The chapters and sections.
        NewPage();
        string? chapter = null;
        var year = c.Year.ToString(CultureInfo.InvariantCulture);
        var previous = c.PreviousYear.ToString(CultureInfo.InvariantCulture);
        foreach (var s in c.Sections)
        {
            if (s.Chapter != chapter)
            {
                chapter = s.Chapter;
                Need(80);
                if (y > Top) y += 10;
                var text = l["Compilation_Chapter_" + chapter].Value;
                tocEntries.Add((text, true, page));
                Lines(pdf.Open("H1"), text, 16, bold: true);
                y += 4;
            }
            ChartImage? chart = s.Chart switch
            {
                CompilationChart.Bars => CompilationCharts.Bars(s, c, l, ChartFormat.Rgb, 2.5f),
                CompilationChart.Map => CompilationCharts.WorldMap(c, reference, l, ChartFormat.Rgb, 4f),
                _ => null,
            };
            // The heading stays with what follows it: its basis and chart, or the table's first rows.
            var basisHeight = s.Basis is { } b ? Wrap(b.Text, 8.5, false, Width).Count() * 8.5 * 1.3 + 3 : 0;
            Need(30 + basisHeight + (chart is null ? 50 : Width * chart.Height / chart.Width + 8));
            y += 6;
            tocEntries.Add((s.Title, false, page));
            Lines(pdf.Open("H2"), s.Title, 12, bold: true);
            y += 3;
            if (s.Basis is { } basis) { Lines(pdf.Open("P"), basis.Text, 8.5, grey: 0.3); y += 3; }
            foreach (var paragraph in s.Paragraphs) { Lines(pdf.Open("P"), paragraph, Body); y += 3; }

            if (chart is not null)
            {
                var height = Width * chart.Height / chart.Width;
                Need(height + 8);
                var at = y;
                pdf.Mark(page, pdf.Open("Figure", alt: chart.Alt), () => pdf.DrawImage(page, Margin, at, Width, height, chart.Width, chart.Height, chart.Rgb));
                y += height + 6;
            }

            if (s.Rows.Count == 0 && s.Items.Count == 0 && s.Notes.Count == 0 && s.Paragraphs.Count == 0) Lines(pdf.Open("P"), l["Compilation_Empty"], Body);
            if (s.Rows.Count > 0)
            {
                string[] head = s.Compared ? [l["Compilation_ColLabel"], year, previous, l["Compilation_ColChange"]] : [l["Compilation_ColLabel"], l["Compilation_ColNow"]];
                double[] cols = s.Compared ? [Width - 255, 85, 85, 85] : [Width - 120, 120];
                Table(head, s.Rows.Select(r => s.Compared
                    ? new[] { r.Label, CompilationExport.Figure(r.Value, s.Measure), CompilationExport.Figure(r.Previous, s.Measure), CompilationExport.Change(r.Value, r.Previous, s.Measure) }
                    : [r.Label, CompilationExport.Figure(r.Value, s.Measure)]).ToList(), cols, numeric: true);
            }
            if (s.Items.Count > 0)
            {
                y += 6;
                Table([l["Compilation_ColActivity"], l["Compilation_ColUnit"], l["Compilation_ColPeriod"], l["Compilation_ColNote"]],
                    s.Items.Select(i => new[] { i.Title, i.Unit, CompilationExport.Period(i), i.Note ?? "" }).ToList(),
                    [Width * 0.29, Width * 0.18, Width * 0.17, Width * 0.36], numeric: false);
            }
            if (s.Notes.Count > 0)
            {
                y += 6;
                Lines(pdf.Open("P"), s.NotesHeading ?? l["Compilation_Notes"], Body, bold: true);
                foreach (var n in s.Notes)
                {
                    if (!n.Text.Contains('\n'))
                    {
                        Lines(pdf.Open("P"), $"{n.Subject}: {n.Text}" + (n.WrittenBy.Length > 0 ? $" ({n.WrittenBy})" : ""), Body);
                        continue;
                    }
                    // A text of several paragraphs (a unit's account): the subject as its own line, the text below it.
                    y += 4;
                    Lines(pdf.Open("P"), n.Subject, Body, bold: true);
                    foreach (var paragraph in n.Text.Replace("\r", "").Split("\n\n")) { Lines(pdf.Open("P"), paragraph, Body, indent: 10); y += 2; }
                    if (n.WrittenBy.Length > 0) Lines(pdf.Open("P"), n.WrittenBy, 8.5, grey: 0.3, indent: 10);
                }
            }
            y += 4;
        }
        y += 10;
        Lines(pdf.Open("P"), l["Compilation_MadeAt", Omvarld.Web.Features.Shared.Format.DateTime(c.MadeAt)], 8, grey: 0.3);

        // The contents, now that every heading's page is known.
        for (var i = 0; i < tocEntries.Count; i++)
        {
            var p = tocFirst + i / tocPerPage;
            var at = Top + 30 + (i % tocPerPage) * TocLine;
            if (i % tocPerPage == 0)
            {
                void Heading() => pdf.Text(p, Margin, Top + 14, l["Compilation_Contents"], 14, true);
                if (i == 0) pdf.Mark(p, tocHeading, Heading);
                else pdf.Artifact(p, Heading);
            }
            var (text, isChapter, onPage) = tocEntries[i];
            var number = (onPage + 1).ToString(CultureInfo.InvariantCulture);
            var indent = isChapter ? 0 : 14;
            var fitted = Wrap(text, 10, isChapter, Width - indent - 40).First();
            pdf.Mark(p, pdf.Open("TOCI", toc), () =>
            {
                pdf.Text(p, Margin + indent, at, fitted, 10, isChapter);
                pdf.Text(p, Margin + Width - SimplePdf.Measure(number, 10, isChapter), at, number, 10, isChapter);
            });
        }

        // Header and footer of every page but the title page: not content.
        for (var p = 1; p < pdf.PageCount; p++)
        {
            var head = $"{c.Scope} · {l["Compilation_ReportSubtitle"].Value} {c.Year}";
            var foot = l["Compilation_PageOf", p + 1, pdf.PageCount].Value;
            var at = p;
            pdf.Artifact(at, () =>
            {
                pdf.Text(at, Margin, 34, Wrap(head, 8, false, Width).First(), 8, grey: 0.35);
                pdf.Line(at, Margin, 40, Margin + Width, 40, 0.8);
                pdf.Text(at, Margin + (Width - SimplePdf.Measure(foot, 8, false)) / 2, SimplePdf.PageHeight - 30, foot, 8, grey: 0.35);
            });
        }
        return pdf.Save();

        // A table whose cells wrap; a row never splits, and the header row is repeated (as an artifact) on a new page.
        void Table(string[] head, List<string[]> rows, double[] cols, bool numeric)
        {
            var table = pdf.Open("Table");
            double Height(string[] cells, bool bold) =>
                cells.Select((t, i) => Wrap(t, Body, bold, cols[i] - 2 * Pad).Count()).Max() * Leading + 2 * Pad;
            void Row(string[] cells, bool header, SimplePdf.Element? tr)
            {
                var height = Height(cells, header);
                Need(height);
                var top = y;
                if (header) pdf.Artifact(page, () => pdf.Box(page, Margin, top, Width, height, HeaderFill));
                var x = Margin;
                for (var i = 0; i < cells.Length; i++)
                {
                    var lines = Wrap(cells[i], Body, header, cols[i] - 2 * Pad).ToList();
                    var (cx, width, right) = (x, cols[i], numeric && i > 0);
                    void Draw()
                    {
                        for (var k = 0; k < lines.Count; k++)
                        {
                            var tx = right ? cx + width - Pad - SimplePdf.Measure(lines[k], Body, header) : cx + Pad;
                            pdf.Text(page, tx, top + Pad + Body + k * Leading, lines[k], Body, header);
                        }
                    }
                    if (tr is null) pdf.Artifact(page, Draw);
                    else
                    {
                        var cell = pdf.Open(header || i == 0 ? "TH" : "TD", tr);
                        if (header) cell.Scope = "Column";
                        else if (i == 0) cell.Scope = "Row";
                        pdf.Mark(page, cell, Draw);
                    }
                    x += cols[i];
                }
                var bottom = top + height;
                pdf.Artifact(page, () => pdf.Line(page, Margin, bottom, Margin + Width, bottom));
                y += height;
            }
            Need(Height(head, true) + (rows.Count > 0 ? Height(rows[0], false) : 0));
            Row(head, true, pdf.Open("TR", table));
            repeatHeader = () => Row(head, true, null);
            foreach (var r in rows) Row(r, false, pdf.Open("TR", table));
            repeatHeader = null;
            y += 4;
        }
    }

    /// <summary>A text broken into lines that fit <paramref name="width"/>, at spaces and line breaks; a word longer than the width is broken.</summary>
    internal static IEnumerable<string> Wrap(string text, double size, bool bold, double width)
    {
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (SimplePdf.Measure(candidate, size, bold) <= width) { line = candidate; continue; }
                if (line.Length > 0) yield return line;
                line = word;
                while (SimplePdf.Measure(line, size, bold) > width && line.Length > 1)
                {
                    var n = line.Length - 1;
                    while (n > 1 && SimplePdf.Measure(line[..n], size, bold) > width) n--;
                    yield return line[..n];
                    line = line[n..];
                }
            }
            yield return line;
        }
    }
}
