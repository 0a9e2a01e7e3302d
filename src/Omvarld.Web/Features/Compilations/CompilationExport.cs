using System.Globalization;
using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Features.Reference;

namespace Omvarld.Web.Features.Compilations;

public sealed record CompilationFile(byte[] Bytes, string ContentType, string FileName);

/// <summary>
/// The compilation as a file for KS's agenda or a unit's annual report (R13, R14): XLSX (ClosedXML), DOCX
/// (<see cref="CompilationDocx"/>, Open XML SDK) and PDF (<see cref="CompilationPdf"/>). Each renders the same
/// <see cref="Compilation"/> chapter by chapter, section by section: the section's title, its basis, chart, a table of
/// label, this year, the year before and the change, and the activities it lists.
/// </summary>
public static class CompilationExport
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string PdfContentType = "application/pdf";

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static bool IsFormat(string? format) => format is "xlsx" or "docx" or "pdf";

    public static CompilationFile Render(Compilation c, string format, IStringLocalizer l, ReferenceData reference) => new(format switch
    {
        "xlsx" => Xlsx(c, l),
        "docx" => CompilationDocx.Render(c, l, reference),
        "pdf" => CompilationPdf.Render(c, l, reference),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    }, ContentType(format), FileName(c, format));

    public static string ContentType(string format) => format switch
    {
        "xlsx" => XlsxContentType,
        "docx" => DocxContentType,
        "pdf" => PdfContentType,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static string FileName(Compilation c, string extension) => FileName(c.Year, c.UnitId, extension);

    public static string FileName(int year, Guid? unit, string extension) =>
        $"sammanstallning-{year}{(unit is { } u && u != Guid.Empty ? "-" + u.ToString("N")[..8] : "")}.{extension}";

    /// <summary>A figure as text: counts whole, money in kronor, both with Swedish digit grouping ("1 860 000 kr", a no-break space).</summary>
    public static string Figure(decimal value, CompilationMeasure measure) =>
        measure switch
        {
            CompilationMeasure.Sek => value.ToString("N0", Swedish) + "\u00a0kr",
            CompilationMeasure.Hours => value.ToString("#,##0.#", Swedish),
            _ => value.ToString("N0", Swedish),
        };

    /// <summary>This year's figure against the previous year's: "+3", "−1 200 kr" (a minus sign), "±0".</summary>
    public static string Change(decimal value, decimal previous, CompilationMeasure measure) =>
        value == previous ? "±0" : (value > previous ? "+" : "\u2212") + Figure(Math.Abs(value - previous), measure);

    public static string Period(CompilationItem i) => i.Start == default ? ""
        : $"{i.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} – {i.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""}";

    /// <summary>
    /// One sheet per section (a contents sheet first): the section's title and basis above a table of what, this year,
    /// the year before and the change, its header row frozen and filtered; the activities it lists below. Figures are
    /// numbers with number formats, so that a spreadsheet sums them: money <c>#,##0 "kr"</c>, which Excel and
    /// LibreOffice show with the reader's digit grouping ("1 860 000 kr" in a Swedish locale).
    /// </summary>
    public static byte[] Xlsx(Compilation c, IStringLocalizer l)
    {
        using var workbook = new XLWorkbook();
        var contents = workbook.Worksheets.Add(Sheet(l["Compilation_SheetContents"].Value, []));
        contents.Cell(1, 1).SetValue(Guard(l["Compilation_ReportTitle", c.Year].Value)).Style.Font.SetBold().Font.SetFontSize(14);
        contents.Cell(2, 1).SetValue(Guard(c.Scope));
        contents.Cell(3, 1).SetValue(l["Compilation_MadeAt", c.MadeAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)].Value);
        contents.Cell(5, 1).SetValue(l["Compilation_Contents"].Value).Style.Font.Bold = true;
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { contents.Name };
        var line = 6;
        string Money(CompilationMeasure m) => m switch { CompilationMeasure.Sek => "#,##0 \"kr\"", CompilationMeasure.Hours => "#,##0.0", _ => "#,##0" };
        string Signed(CompilationMeasure m) => m switch
        {
            CompilationMeasure.Sek => "+#,##0 \"kr\";-#,##0 \"kr\";0 \"kr\"",
            CompilationMeasure.Hours => "+#,##0.0;-#,##0.0;0",
            _ => "+#,##0;-#,##0;0",
        };
        foreach (var s in c.Sections)
        {
            var sheet = workbook.Worksheets.Add(Sheet(s.Title, used));
            used.Add(sheet.Name);
            var link = contents.Cell(line++, 1).SetValue(Guard(s.Title));
            link.Hyperlink = new XLHyperlink($"'{sheet.Name}'!A1");
            sheet.Cell(1, 1).SetValue(Guard(s.Title)).Style.Font.SetBold().Font.SetFontSize(13);
            var r = 2;
            if (s.Basis is { } basis) sheet.Cell(r++, 1).SetValue(Guard(basis.Text)).Style.Font.Italic = true;
            foreach (var paragraph in s.Paragraphs) sheet.Cell(r++, 1).SetValue(Guard(paragraph)).Style.Alignment.WrapText = true;
            r++;
            var header = r;
            string[] head = s.Compared
                ? [l["Compilation_ColLabel"].Value, c.Year.ToString(CultureInfo.InvariantCulture), c.PreviousYear.ToString(CultureInfo.InvariantCulture), l["Compilation_ColChange"].Value]
                : [l["Compilation_ColLabel"].Value, l["Compilation_ColNow"].Value];
            for (var i = 0; i < head.Length; i++) sheet.Cell(r, i + 1).SetValue(head[i]);
            sheet.Range(r, 1, r, head.Length).Style.Font.Bold = true;
            sheet.Range(r, 1, r, head.Length).Style.Fill.BackgroundColor = XLColor.FromHtml("#DCE6EF");
            r++;
            foreach (var row in s.Rows)
            {
                sheet.Cell(r, 1).SetValue(Guard(row.Label));
                sheet.Cell(r, 2).SetValue(row.Value).Style.NumberFormat.Format = Money(s.Measure);
                if (s.Compared)
                {
                    sheet.Cell(r, 3).SetValue(row.Previous).Style.NumberFormat.Format = Money(s.Measure);
                    sheet.Cell(r, 4).SetValue(row.Value - row.Previous).Style.NumberFormat.Format = Signed(s.Measure);
                }
                r++;
            }
            // The header row stays in sight and filters the figures below it.
            sheet.SheetView.FreezeRows(header);
            sheet.Range(header, 1, Math.Max(header, r - 1), head.Length).SetAutoFilter();
            if (s.Rows.Count == 0) sheet.Cell(r++, 1).SetValue(l["Compilation_Empty"].Value);
            if (s.Items.Count > 0)
            {
                r++;
                string[] itemHead = [l["Compilation_ColActivity"], l["Compilation_ColUnit"], l["Compilation_ColPeriod"], l["Compilation_ColNote"]];
                for (var i = 0; i < itemHead.Length; i++) sheet.Cell(r, i + 1).SetValue(itemHead[i]).Style.Font.Bold = true;
                r++;
                foreach (var item in s.Items)
                {
                    sheet.Cell(r, 1).SetValue(Guard(item.Title));
                    sheet.Cell(r, 2).SetValue(Guard(item.Unit));
                    sheet.Cell(r, 3).SetValue(Period(item));
                    sheet.Cell(r, 4).SetValue(Guard(item.Note ?? "")).Style.Alignment.WrapText = true;
                    r++;
                }
            }
            if (s.Notes.Count > 0)
            {
                r++;
                sheet.Cell(r++, 1).SetValue(s.NotesHeading ?? l["Compilation_Notes"].Value).Style.Font.Bold = true;
                foreach (var note in s.Notes)
                {
                    sheet.Cell(r, 1).SetValue(Guard(note.Subject)).Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
                    sheet.Cell(r, 2).SetValue(Guard(note.Text)).Style.Alignment.WrapText = true;
                    sheet.Cell(r, 4).SetValue(Guard(note.WrittenBy));
                    r++;
                }
            }
            // Fixed widths: AdjustToContents measures text with System.Drawing, which needs GDI+ (absent on Linux servers).
            sheet.Column(1).Width = 60;
            sheet.Column(2).Width = 18;
            sheet.Column(3).Width = 18;
            sheet.Column(4).Width = 40;
        }
        contents.Column(1).Width = 70;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook.</summary>
    private static string Sheet(string title, ICollection<string> used)
    {
        var name = new string(title.Select(ch => ch is '[' or ']' or ':' or '*' or '?' or '/' or '\\' ? ' ' : ch).ToArray()).Trim().Trim('\'');
        if (name.Length > 31) name = name[..31].TrimEnd();
        var candidate = name;
        for (var n = 2; used.Contains(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = (name.Length + suffix.Length > 31 ? name[..(31 - suffix.Length)] : name) + suffix;
        }
        return candidate;
    }

    /// <summary>OWASP CSV injection applies to XLSX text cells opened elsewhere too: a leading =, +, - or @ gets a quote.</summary>
    private static string Guard(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
