using System.Text;
using ClosedXML.Excel;
using Omvarld.Web.Features.Files;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Activities.Import;

/// <summary>One data row: its number as the spreadsheet shows it (the header is row 1) and its cells by column header.</summary>
public sealed record ImportRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string? this[string column] => Cells.TryGetValue(column, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}

/// <summary>A file-level problem: a resource key and its arguments.</summary>
public sealed record ImportFileError(string Key, params object[] Args);

/// <summary>
/// Reads an import file into rows, by content, not by name (ASVS 12.2.1): a CSV must be UTF-8 text (a BOM is fine;
/// semicolon or comma separated, told from the header line), an XLSX must be a spreadsheet package whose uncompressed
/// size and entry count are bounded (ASVS 12.1.2). The header must name exactly the template's columns, in any order.
/// </summary>
public static class ActivityImportFile
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 2_000;

    public static (List<ImportRow>? Rows, List<ImportFileError> Errors) Read(string? fileName, byte[] bytes)
    {
        if (bytes.Length == 0) return (null, [new("ActivityImport_FileRequired")]);
        if (bytes.Length > MaxBytes) return (null, [new("ActivityImport_FileTooLarge", MaxBytes / (1024 * 1024))]);
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        return extension switch
        {
            ".csv" or ".txt" => ReadCsv(bytes),
            ".xlsx" => FileKinds.IsArchiveOutOfProportion(bytes) ? (null, [new("ActivityImport_XlsxTooLarge")])
                : FileKinds.Xlsx.Matches(bytes) ? ReadXlsx(bytes) : (null, [new("ActivityImport_NotXlsx")]),
            _ => (null, [new("ActivityImport_FileType")]),
        };
    }

    private static (List<ImportRow>?, List<ImportFileError>) ReadCsv(byte[] bytes)
    {
        string text;
        try
        {
            var span = bytes.AsSpan();
            if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            return (null, [new("ActivityImport_NotUtf8")]);
        }
        if (text.Contains('\0')) return (null, [new("ActivityImport_NotText")]);

        var firstLine = text.AsSpan(0, text.IndexOfAny(['\r', '\n']) is var i and >= 0 ? i : text.Length);
        var separator = firstLine.Count(';') >= firstLine.Count(',') ? ';' : ',';
        List<CsvRecord> records;
        try
        {
            records = Csv.Read(new StringReader(text), separator).ToList();
        }
        catch (FormatException)
        {
            return (null, [new("ActivityImport_CsvBroken")]);
        }
        if (records.Count == 0) return (null, [new("ActivityImport_Empty")]);
        var header = records[0].Fields.Select(f => f.Trim()).ToList();
        var rows = records.Skip(1).Select((r, index) => (Number: index + 2, r.Fields)).ToList();
        return Table(header, rows);
    }

    private static (List<ImportRow>?, List<ImportFileError>) ReadXlsx(byte[] bytes)
    {
        try
        {
            // An XLSX of 5 MB with 2 000 rows unpacks to a few tens of MB; far more is a zip bomb (the rule every upload has).
            if (FileKinds.IsArchiveOutOfProportion(bytes)) return (null, [new("ActivityImport_XlsxTooLarge")]);
            using var workbook = new XLWorkbook(new MemoryStream(bytes, writable: false));
            var sheet = workbook.Worksheets.First();
            var lastRow = sheet.LastRowUsed()?.RowNumber() ?? 0;
            var lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
            if (lastRow == 0) return (null, [new("ActivityImport_Empty")]);
            // Counted before the cells are read: a sheet of 10 000 rows is refused at once.
            if (lastRow - 1 > MaxRows) return (null, [new("ActivityImport_TooManyRows", Count(lastRow - 1), Count(MaxRows))]);
            var header = Enumerable.Range(1, lastColumn).Select(c => CellText(sheet.Cell(1, c)).Trim()).ToList();
            var rows = Enumerable.Range(2, lastRow - 1)
                .Select(r => (Number: r, Fields: (IReadOnlyList<string>)Enumerable.Range(1, lastColumn).Select(c => CellText(sheet.Cell(r, c))).ToList()))
                .ToList();
            return Table(header, rows);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or ArgumentException or FormatException
                                      or System.Xml.XmlException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            return (null, [new("ActivityImport_XlsxBroken")]);
        }
    }

    /// <summary>A cell as text: dates as yyyy-MM-dd, numbers without grouping, formulas by their value.</summary>
    private static string CellText(IXLCell cell)
    {
        if (cell.IsEmpty()) return "";
        return cell.DataType switch
        {
            XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            XLDataType.Number => cell.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture),
            XLDataType.Boolean => cell.GetBoolean() ? "ja" : "nej",
            _ => cell.GetFormattedString(),
        };
    }

    private static (List<ImportRow>?, List<ImportFileError>) Table(List<string> header, List<(int Number, IReadOnlyList<string> Fields)> rows)
    {
        var errors = new List<ImportFileError>();
        // Trailing empty header cells (a sheet formatted further right) are no columns.
        while (header.Count > 0 && header[^1].Length == 0) header.RemoveAt(header.Count - 1);
        var known = ActivityImportColumns.All;
        var missing = known.Where(k => !header.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        var unknown = header.Where(h => !known.Contains(h, StringComparer.OrdinalIgnoreCase)).Select(h => h.Length == 0 ? "(tom)" : h).ToList();
        var duplicate = header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1 && g.Key.Length > 0).Select(g => g.Key).ToList();
        if (missing.Count > 0) errors.Add(new("ActivityImport_ColumnsMissing", string.Join(", ", missing.Select(Quote))));
        if (unknown.Count > 0) errors.Add(new("ActivityImport_ColumnsUnknown", string.Join(", ", unknown.Select(Quote))));
        if (duplicate.Count > 0) errors.Add(new("ActivityImport_ColumnsDuplicate", string.Join(", ", duplicate.Select(Quote))));
        if (errors.Count > 0) return (null, errors);

        var data = rows.Where(r => r.Fields.Any(f => !string.IsNullOrWhiteSpace(f))).ToList();
        if (data.Count > MaxRows) return (null, [new("ActivityImport_TooManyRows", Count(data.Count), Count(MaxRows))]);
        if (data.Count == 0) return (null, [new("ActivityImport_NoRows")]);
        var canonical = header.Select(h => known.First(k => k.Equals(h, StringComparison.OrdinalIgnoreCase))).ToList();
        return (data.Select(r => new ImportRow(r.Number,
            canonical.Select((name, i) => (name, value: i < r.Fields.Count ? r.Fields[i] : "")).ToDictionary(x => x.name, x => x.value))).ToList(), errors);
    }

    private static string Quote(string s) => $"”{s}”";

    /// <summary>10 000 as Swedish writes it, with a plain space (a no-break space in a message would surprise a search).</summary>
    private static string Count(int n) => n.ToString("#,0", new System.Globalization.NumberFormatInfo { NumberGroupSeparator = " " });
}
