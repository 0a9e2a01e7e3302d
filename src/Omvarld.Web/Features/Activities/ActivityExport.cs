using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Activities;

/// <summary>
/// The activity list as a file (R10): XLSX, or CSV for Swedish Excel (UTF-8 with BOM, semicolons). Swedish headers and
/// values; every text cell guarded against formula injection. Used by the list page's export and the API.
/// </summary>
public static class ActivityExport
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";
    private const char Separator = ';';

    private static readonly string[] HeaderKeys =
        ["Activities_ColId", "Activities_ColTitle", "Activities_ColKind", "Activities_ColStatus", "Activities_ColUnit", "Activities_ColStart", "Activities_ColEnd", "Activities_ColCountries", "Activities_ColExceptions"];

    public static string FileName(string extension, DateTimeOffset at) => $"aktiviteter-{at:yyyy-MM-dd}.{extension}";

    private static string[] Values(ActivityListItem a, IStringLocalizer l) =>
    [
        a.Id.ToString(), a.Title, l["ActivityKind_" + a.Kind], l["ActivityStatus_" + a.Status], a.OwnerUnitName,
        a.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        string.Join(", ", a.Countries),
        string.Join("; ", a.Exceptions),
    ];

    public static byte[] Csv(IReadOnlyList<ActivityListItem> rows, IStringLocalizer l)
    {
        var text = new StringBuilder();
        void Line(IEnumerable<string> fields) => text.Append(string.Join(Separator, fields.Select(f => Infrastructure.Csv.Field(f, Separator)))).Append("\r\n");
        Line(HeaderKeys.Select(k => l[k].Value));
        foreach (var row in rows) Line(Values(row, l));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(IReadOnlyList<ActivityListItem> rows, IStringLocalizer l)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(l["Activities_Title"].Value);
        for (var c = 0; c < HeaderKeys.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(l[HeaderKeys[c]].Value);
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
        }
        for (var r = 0; r < rows.Count; r++)
        {
            var a = rows[r];
            var values = Values(a, l);
            for (var c = 0; c < values.Length; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                // Dates as dates (a spreadsheet sorts and filters them); text as text, never a formula.
                if (c == 5) cell.SetValue(a.Start.ToDateTime(TimeOnly.MinValue)).Style.DateFormat.Format = "yyyy-mm-dd";
                else if (c == 6 && a.End is { } end) cell.SetValue(end.ToDateTime(TimeOnly.MinValue)).Style.DateFormat.Format = "yyyy-mm-dd";
                else cell.SetValue(Guard(values[c]));
            }
        }
        sheet.SheetView.FreezeRows(1);
        // Fixed widths: ClosedXML measures text for AdjustToContents with System.Drawing, which needs GDI+ (absent on Linux servers).
        double[] widths = [38, 50, 40, 22, 40, 12, 12, 20, 60];
        for (var c = 0; c < widths.Length; c++) sheet.Column(c + 1).Width = widths[c];
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>OWASP CSV injection applies to XLSX text cells opened elsewhere too: a leading =, +, - or @ gets a quote.</summary>
    private static string Guard(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
