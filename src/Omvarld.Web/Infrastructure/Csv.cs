using System.Text;

namespace Omvarld.Web.Infrastructure;

/// <summary>One CSV record: the line it starts on (1-based) and its fields.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside, comma or semicolon separated.</summary>
public static class Csv
{
    /// <summary>Reads every record; a quote left open at the end is a <see cref="FormatException"/> naming its line.</summary>
    public static IEnumerable<CsvRecord> Read(TextReader reader, char separator = ',')
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            any = true;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
                continue;
            }
            if (ch == '"' && field.Length == 0) quoted = true;
            else if (ch == separator) { fields.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r') { }
            else if (ch == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                if (!(fields.Count == 1 && fields[0].Length == 0)) yield return new CsvRecord(recordLine, fields.ToArray());
                fields.Clear();
                line++;
                recordLine = line;
                any = false;
            }
            else field.Append(ch);
        }
        if (quoted) throw new FormatException($"A quoted field opened on line {recordLine} is never closed.");
        if (any)
        {
            fields.Add(field.ToString());
            if (!(fields.Count == 1 && fields[0].Length == 0)) yield return new CsvRecord(recordLine, fields.ToArray());
        }
    }

    /// <summary>A field as CSV writes it: quoted when it holds the separator, a quote or a line break.</summary>
    public static string Field(string? value, char separator = ',')
    {
        value ??= "";
        // OWASP CSV injection: a leading =, +, - or @ would make a spreadsheet run the cell as a formula.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([separator, '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
