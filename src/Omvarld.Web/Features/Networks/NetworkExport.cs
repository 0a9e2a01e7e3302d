using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Features.Compilations;

namespace Omvarld.Web.Features.Networks;

/// <summary>
/// The membership and twin-town lists as files: XLSX (ClosedXML) or CSV for Swedish Excel (UTF-8 with BOM, semicolons),
/// Swedish headers and values, every text cell guarded against formula injection. No personal data beyond the register's
/// own facts: contacts are not exported.
/// </summary>
public static class NetworkExport
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";
    private const char Separator = ';';

    private static readonly string[] MembershipHeaders =
        ["Networks_ColId", "Field_Name", "Membership_Kind", "Membership_Level", "Membership_Since", "Membership_Until", "Membership_Fee", "Networks_ColState", "Networks_ColActivities"];
    private static readonly string[] TwinTownHeaders =
        ["Networks_ColId", "TwinTown_City", "Field_CountryCode", "TwinTown_Kind", "TwinTown_Since", "TwinTown_Status", "TwinTown_CaseNumber", "Networks_ColActivities"];

    public static CompilationFile Memberships(IReadOnlyList<MembershipListItem> rows, string format, DateOnly today, IStringLocalizer l) =>
        Render(rows.Select(m => new object?[]
        {
            m.Id.ToString(), m.Name, l["MembershipKind_" + m.Kind].Value, l["NetworkLevel_" + m.Level].Value, m.MemberSince, m.MemberUntil, m.FeeSek,
            l[m.IsActive ? "Membership_Active" : "Membership_Inactive"].Value, m.ActivityCount,
        }).ToList(), MembershipHeaders, l["Memberships_Title"].Value, $"medlemskap-{today:yyyy-MM-dd}", format, l);

    public static CompilationFile TwinTowns(IReadOnlyList<TwinTownListItem> rows, string format, DateOnly today, IStringLocalizer l) =>
        Render(rows.Select(t => new object?[]
        {
            t.Id.ToString(), t.City, t.CountryName, l["TwinTownKind_" + t.Kind].Value, t.Since, l["TwinTownStatus_" + t.Status].Value, t.CaseNumber ?? "", t.ActivityCount,
        }).ToList(), TwinTownHeaders, l["TwinTowns_Title"].Value, $"vanorter-{today:yyyy-MM-dd}", format, l);

    private static CompilationFile Render(List<object?[]> rows, string[] headerKeys, string sheetName, string baseName, string format, IStringLocalizer l) => format switch
    {
        "xlsx" => new(Xlsx(rows, headerKeys, sheetName, l), XlsxContentType, baseName + ".xlsx"),
        "csv" => new(Csv(rows, headerKeys, l), CsvContentType, baseName + ".csv"),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    private static string Text(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.##", CultureInfo.GetCultureInfo("sv-SE")),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static byte[] Csv(List<object?[]> rows, string[] headerKeys, IStringLocalizer l)
    {
        var text = new StringBuilder();
        void Line(IEnumerable<string> fields) => text.Append(string.Join(Separator, fields.Select(f => Infrastructure.Csv.Field(f, Separator)))).Append("\r\n");
        Line(headerKeys.Select(k => l[k].Value));
        foreach (var row in rows) Line(row.Select(Text));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static byte[] Xlsx(List<object?[]> rows, string[] headerKeys, string sheetName, IStringLocalizer l)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(sheetName);
        for (var c = 0; c < headerKeys.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(l[headerKeys[c]].Value);
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
        }
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                // Dates as dates and money as numbers (a spreadsheet sorts and sums them); text as text, never a formula.
                switch (rows[r][c])
                {
                    case DateOnly d: cell.SetValue(d.ToDateTime(TimeOnly.MinValue)).Style.DateFormat.Format = "yyyy-mm-dd"; break;
                    case decimal m: cell.SetValue(m).Style.NumberFormat.Format = "# ##0 \"kr\""; break;
                    case int i: cell.SetValue(i); break;
                    case null: break;
                    case var v: cell.SetValue(Guard(v.ToString() ?? "")); break;
                }
            }
        sheet.SheetView.FreezeRows(1);
        // Fixed widths: ClosedXML's AdjustToContents needs GDI+, absent on Linux servers.
        for (var c = 0; c < headerKeys.Length; c++) sheet.Column(c + 1).Width = c is 0 or 1 ? 40 : 20;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static string Guard(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
