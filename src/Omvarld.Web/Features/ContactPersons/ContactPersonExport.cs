using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Microsoft.Extensions.Localization;

namespace Omvarld.Web.Features.ContactPersons;

/// <summary>
/// The contact persons as a file: XLSX, or CSV for Swedish Excel (UTF-8 with BOM, semicolons). Swedish headers and
/// values; every text cell guarded against formula injection. Used by the list page's export and the API.
/// </summary>
public static class ContactPersonExport
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";
    private const char Separator = ';';

    private static readonly string[] HeaderKeys =
    [
        "ContactPersons_ColUnit", "ContactPersons_ColUnitKind", "ContactPersons_ColPerson", "ContactPersons_ColEmail", "ContactPersons_ColDeputy",
        "ContactPersons_ColDeputyEmail", "ContactPersons_ColFrom", "ContactPersons_ColTo", "ContactPersons_ColStatus", "ContactPersons_ColEntries", "ContactPersons_ColHours",
    ];

    public static string FileName(string extension, DateTimeOffset at) => $"kontaktpersoner-{at:yyyy-MM-dd}.{extension}";

    /// <summary>Hours the Swedish way, one decimal at most: "7,5".</summary>
    public static string Hours(decimal hours) => hours.ToString("0.#", CultureInfo.GetCultureInfo("sv-SE"));

    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string[] Values(ContactPersonDto c, IStringLocalizer l) =>
    [
        c.UnitName, l["UnitKind_" + c.UnitKind], c.Person.Name, c.Person.Email ?? "", c.Deputy?.Name ?? "", c.Deputy?.Email ?? "",
        Day(c.From), Day(c.To), l["ContactStatus_" + c.Status], c.EntryCount.ToString(CultureInfo.InvariantCulture),
        Hours(c.Hours),
    ];

    public static byte[] Csv(IReadOnlyList<ContactPersonDto> rows, IStringLocalizer l)
    {
        var text = new StringBuilder();
        void Line(IEnumerable<string> fields) => text.Append(string.Join(Separator, fields.Select(f => Infrastructure.Csv.Field(f, Separator)))).Append("\r\n");
        Line(HeaderKeys.Select(k => l[k].Value));
        foreach (var row in rows) Line(Values(row, l));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(IReadOnlyList<ContactPersonDto> rows, IStringLocalizer l)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(l["Nav_ContactPersons"].Value); // a sheet name holds at most 31 characters
        for (var c = 0; c < HeaderKeys.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(l[HeaderKeys[c]].Value);
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
        }
        for (var r = 0; r < rows.Count; r++)
        {
            var p = rows[r];
            var values = Values(p, l);
            for (var c = 0; c < values.Length; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                if (c == 6) cell.SetValue(p.From.ToDateTime(TimeOnly.MinValue)).Style.DateFormat.Format = "yyyy-mm-dd";
                else if (c == 7 && p.To is { } to) cell.SetValue(to.ToDateTime(TimeOnly.MinValue)).Style.DateFormat.Format = "yyyy-mm-dd";
                else if (c == 9) cell.SetValue(p.EntryCount);
                else if (c == 10) cell.SetValue(p.Hours);
                else cell.SetValue(Guard(values[c]));
            }
        }
        sheet.SheetView.FreezeRows(1);
        // Fixed widths: AdjustToContents needs GDI+, absent on Linux servers.
        double[] widths = [40, 16, 30, 34, 30, 34, 12, 12, 14, 10, 10];
        for (var c = 0; c < widths.Length; c++) sheet.Column(c + 1).Width = widths[c];
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>OWASP CSV injection applies to XLSX text cells opened elsewhere too: a leading =, +, - or @ gets a quote.</summary>
    private static string Guard(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
