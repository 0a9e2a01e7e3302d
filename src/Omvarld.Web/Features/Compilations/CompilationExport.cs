using System.Globalization;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Localization;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Omvarld.Web.Features.Compilations;

public sealed record CompilationFile(byte[] Bytes, string ContentType, string FileName);

/// <summary>
/// The compilation as a file for KS's agenda or a unit's annual report (R13, R14): XLSX (ClosedXML), DOCX (Open XML SDK)
/// and PDF (<see cref="CompilationPdf"/>). Each renders the same <see cref="Compilation"/> section by section: the
/// section's title, a table of label, this year, the year before, and the activities it lists.
/// </summary>
public static class CompilationExport
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string PdfContentType = "application/pdf";

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static bool IsFormat(string? format) => format is "xlsx" or "docx" or "pdf";

    public static CompilationFile Render(Compilation c, string format, IStringLocalizer l) => format switch
    {
        "xlsx" => new(Xlsx(c, l), XlsxContentType, FileName(c, "xlsx")),
        "docx" => new(Docx(c, l), DocxContentType, FileName(c, "docx")),
        "pdf" => new(CompilationPdf.Render(c, l), PdfContentType, FileName(c, "pdf")),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static string FileName(Compilation c, string extension) =>
        $"sammanstallning-{c.Year}{(c.UnitId is { } u ? "-" + u.ToString("N")[..8] : "")}.{extension}";

    /// <summary>A figure as text: counts whole, money in kronor with Swedish digit grouping.</summary>
    public static string Figure(decimal value, CompilationMeasure measure) =>
        measure switch
        {
            CompilationMeasure.Sek => value.ToString("N0", Swedish) + " kr",
            CompilationMeasure.Hours => value.ToString("0.#", Swedish),
            _ => value.ToString("0", Swedish),
        };

    public static string Period(CompilationItem i) => $"{i.Start:yyyy-MM-dd} – {i.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""}";

    public static byte[] Xlsx(Compilation c, IStringLocalizer l)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(c.Year.ToString(CultureInfo.InvariantCulture));
        var r = 1;
        sheet.Cell(r, 1).SetValue(Guard(l["Compilation_Heading", c.Year, c.Scope].Value)).Style.Font.SetBold().Font.SetFontSize(14);
        r += 2;
        foreach (var s in c.Sections)
        {
            sheet.Cell(r, 1).SetValue(Guard(s.Title)).Style.Font.SetBold().Font.SetFontSize(12);
            r++;
            sheet.Cell(r, 1).SetValue(l["Compilation_ColLabel"].Value);
            sheet.Cell(r, 2).SetValue(c.Year);
            sheet.Cell(r, 3).SetValue(c.PreviousYear);
            sheet.Range(r, 1, r, 3).Style.Font.Bold = true;
            r++;
            if (s.Rows.Count == 0) sheet.Cell(r++, 1).SetValue(l["Compilation_Empty"].Value);
            foreach (var row in s.Rows)
            {
                sheet.Cell(r, 1).SetValue(Guard(row.Label));
                // Numbers as numbers, so that a spreadsheet sums them; money with a kronor format.
                sheet.Cell(r, 2).SetValue(row.Value);
                sheet.Cell(r, 3).SetValue(row.Previous);
                if (s.Measure == CompilationMeasure.Sek) sheet.Range(r, 2, r, 3).Style.NumberFormat.Format = "# ##0 \"kr\"";
                if (s.Measure == CompilationMeasure.Hours) sheet.Range(r, 2, r, 3).Style.NumberFormat.Format = "0.#";
                r++;
            }
            if (s.Items.Count > 0)
            {
                r++;
                string[] head = [l["Compilation_ColActivity"], l["Compilation_ColUnit"], l["Compilation_ColPeriod"], l["Compilation_ColNote"]];
                for (var i = 0; i < head.Length; i++) sheet.Cell(r, i + 1).SetValue(head[i]).Style.Font.Bold = true;
                r++;
                foreach (var item in s.Items)
                {
                    sheet.Cell(r, 1).SetValue(Guard(item.Title));
                    sheet.Cell(r, 2).SetValue(Guard(item.Unit));
                    sheet.Cell(r, 3).SetValue(Period(item));
                    sheet.Cell(r, 4).SetValue(Guard(item.Note ?? ""));
                    r++;
                }
            }
            if (s.Notes.Count > 0)
            {
                r++;
                sheet.Cell(r++, 1).SetValue(l["Compilation_Notes"].Value).Style.Font.Bold = true;
                foreach (var note in s.Notes)
                {
                    sheet.Cell(r, 1).SetValue(Guard(note.Subject));
                    sheet.Cell(r, 2).SetValue(Guard(note.Text)).Style.Alignment.WrapText = true;
                    sheet.Cell(r, 4).SetValue(Guard(note.WrittenBy));
                    r++;
                }
            }
            r++;
        }
        sheet.Cell(r, 1).SetValue(l["Compilation_MadeAt", c.MadeAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)].Value);
        // Fixed widths: AdjustToContents measures text with System.Drawing, which needs GDI+ (absent on Linux servers).
        sheet.Column(1).Width = 70;
        sheet.Column(2).Width = 40;
        sheet.Column(3).Width = 24;
        sheet.Column(4).Width = 60;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public static byte[] Docx(Compilation c, IStringLocalizer l)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new W.Body();
            main.Document = new W.Document(body);
            AddStyles(main);
            body.Append(Paragraph(l["Compilation_Heading", c.Year, c.Scope], "Heading1"));
            foreach (var s in c.Sections)
            {
                body.Append(Paragraph(s.Title, "Heading2"));
                var rows = new List<string[]> { new[] { l["Compilation_ColLabel"].Value, c.Year.ToString(CultureInfo.InvariantCulture), c.PreviousYear.ToString(CultureInfo.InvariantCulture) } };
                rows.AddRange(s.Rows.Select(r => new[] { r.Label, Figure(r.Value, s.Measure), Figure(r.Previous, s.Measure) }));
                if (s.Rows.Count == 0) body.Append(Paragraph(l["Compilation_Empty"], null));
                else body.Append(Table(rows, [5400, 1800, 1800]));
                if (s.Items.Count > 0)
                {
                    var items = new List<string[]> { new[] { l["Compilation_ColActivity"].Value, l["Compilation_ColUnit"].Value, l["Compilation_ColPeriod"].Value, l["Compilation_ColNote"].Value } };
                    items.AddRange(s.Items.Select(i => new[] { i.Title, i.Unit, Period(i), i.Note ?? "" }));
                    body.Append(Paragraph("", null));
                    body.Append(Table(items, [3000, 2200, 2000, 1800]));
                }
                if (s.Notes.Count > 0)
                {
                    body.Append(Paragraph(l["Compilation_Notes"], null));
                    foreach (var note in s.Notes) body.Append(Paragraph($"{note.Subject}: {note.Text} ({note.WrittenBy})", null));
                }
            }
            body.Append(Paragraph(l["Compilation_MadeAt", c.MadeAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)], null));
            body.Append(new W.SectionProperties(new W.PageSize { Width = 11906, Height = 16838 },
                new W.PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        W.Style Heading(string id, string name, int halfPoints) => new(
            new W.StyleName { Val = name }, new W.BasedOn { Val = "Normal" }, new W.NextParagraphStyle { Val = "Normal" },
            new W.StyleParagraphProperties(new W.KeepNext(), new W.SpacingBetweenLines { Before = "240", After = "120" },
                new W.OutlineLevel { Val = id == "Heading1" ? 0 : 1 }),
            new W.StyleRunProperties(new W.Bold(), new W.FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }))
        { Type = W.StyleValues.Paragraph, StyleId = id };
        styles.Styles = new W.Styles(
            new W.DocDefaults(new W.RunPropertiesDefault(new W.RunPropertiesBaseStyle(
                new W.RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" }, new W.FontSize { Val = "22" }, new W.Languages { Val = "sv-SE" }))),
            new W.Style(new W.StyleName { Val = "Normal" }) { Type = W.StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading("Heading1", "heading 1", 32),
            Heading("Heading2", "heading 2", 26));
    }

    private static W.Paragraph Paragraph(string text, string? style)
    {
        var p = new W.Paragraph();
        if (style is not null) p.Append(new W.ParagraphProperties(new W.ParagraphStyleId { Val = style }));
        p.Append(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return p;
    }

    private static W.Table Table(List<string[]> rows, int[] widths)
    {
        var border = () => new W.TableBorders(
            new W.TopBorder { Val = W.BorderValues.Single, Size = 4 }, new W.BottomBorder { Val = W.BorderValues.Single, Size = 4 },
            new W.LeftBorder { Val = W.BorderValues.Single, Size = 4 }, new W.RightBorder { Val = W.BorderValues.Single, Size = 4 },
            new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4 }, new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4 });
        var table = new W.Table(new W.TableProperties(border(), new W.TableWidth { Type = W.TableWidthUnitValues.Dxa, Width = widths.Sum().ToString(CultureInfo.InvariantCulture) }),
            new W.TableGrid(widths.Select(w => new W.GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        for (var r = 0; r < rows.Count; r++)
        {
            var tr = new W.TableRow();
            // The first row is the header, repeated on every page (an accessible document's table has one).
            if (r == 0) tr.Append(new W.TableRowProperties(new W.TableHeader()));
            for (var c = 0; c < rows[r].Length; c++)
            {
                var run = new W.Run(new W.Text(rows[r][c]) { Space = SpaceProcessingModeValues.Preserve });
                if (r == 0) run.PrependChild(new W.RunProperties(new W.Bold()));
                var p = new W.Paragraph(run);
                if (c > 0 && widths.Length == 3) p.PrependChild(new W.ParagraphProperties(new W.Justification { Val = W.JustificationValues.Right }));
                tr.Append(new W.TableCell(new W.TableCellProperties(new W.TableCellWidth { Type = W.TableWidthUnitValues.Dxa, Width = widths[c].ToString(CultureInfo.InvariantCulture) }), p));
            }
            table.Append(tr);
        }
        return table;
    }

    /// <summary>OWASP CSV injection applies to XLSX text cells opened elsewhere too: a leading =, +, - or @ gets a quote.</summary>
    private static string Guard(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
