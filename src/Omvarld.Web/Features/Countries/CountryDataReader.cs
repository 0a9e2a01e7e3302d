using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Countries;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Countries;

/// <summary>One problem of a country data file: the line (1 is the header), the column and the Swedish message.</summary>
public sealed record CountryDataError(int Line, string Field, string Message);

/// <summary>A file read whole: its rows when it has no errors, otherwise the errors (the first <see cref="CountryDataReader.MaxErrors"/>) and how many there were.</summary>
public sealed record CountryDataFile(
    DataReleaseKind Kind, IReadOnlyList<GovernanceYear> Governance, IReadOnlyList<RegimeYear> Regimes,
    IReadOnlyList<CountryDataError> Errors, int ErrorCount)
{
    public bool IsValid => ErrorCount == 0;
    public int RowCount => Kind == DataReleaseKind.Governance ? Governance.Count : Regimes.Count;
    public IEnumerable<int> Years => Kind == DataReleaseKind.Governance ? Governance.Select(g => g.Year) : Regimes.Select(r => r.Year);
}

/// <summary>
/// Reads <c>country_governance.csv</c> or <c>country_regime_vdem_v15.csv</c> (columns and scales in
/// <c>SeedData/Reference/README.md</c>) strictly: the header must name exactly the kind's columns, every code must be a
/// known country, every value on its scale, the regime label must spell out the regime code, and a country-year may
/// occur once. Every problem is reported with its line and column; a file with any problem yields no rows.
/// </summary>
public sealed class CountryDataReader(IReadOnlySet<string> knownIso3, IStringLocalizer l)
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxErrors = 200;
    public const int MinYear = 1900, MaxYear = 2100;

    /// <summary>V-Dem codes sub-national entities apart; they are no ISO 3166-1 codes but are in the shipped files (README, "Merge").</summary>
    public static readonly IReadOnlySet<string> VdemEntities = new HashSet<string>(StringComparer.Ordinal) { "PSG", "SML", "ZZB" };

    public static readonly IReadOnlyList<string> GovernanceColumns =
    [
        "iso3", "country", "year", "v2x_regime", "regime_label", "v2x_libdem", "v2x_polyarchy", "v2x_civlib", "v2x_rule",
        "wgi_va_est", "wgi_va_stderr", "wgi_va_pctrank", "wgi_rl_est", "wgi_rl_stderr", "wgi_rl_pctrank", "source", "notes",
    ];

    public static readonly IReadOnlyList<string> RegimeColumns =
    [
        "iso3", "country", "year", "v2x_regime", "regime_label", "v2x_polyarchy", "v2x_polyarchy_codelow", "v2x_polyarchy_codehigh", "source", "notes",
    ];

    /// <summary>The English labels the files use for <c>v2x_regime</c> (V-Dem's Regimes of the World).</summary>
    public static readonly IReadOnlyDictionary<Regime, string> RegimeLabels = new Dictionary<Regime, string>
    {
        [Regime.ClosedAutocracy] = "Closed autocracy",
        [Regime.ElectoralAutocracy] = "Electoral autocracy",
        [Regime.ElectoralDemocracy] = "Electoral democracy",
        [Regime.LiberalDemocracy] = "Liberal democracy",
    };

    private const int SourceMaxLength = 200;

    public CountryDataFile Read(DataReleaseKind kind, byte[] bytes)
    {
        if (bytes.Length == 0) return Fail(kind, 1, "", l["CountryData_FileEmpty"]);
        if (bytes.Length > MaxBytes) return Fail(kind, 1, "", l["CountryData_FileTooLarge", MaxBytes / (1024 * 1024)]);
        string text;
        try
        {
            var span = bytes.AsSpan();
            if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            return Fail(kind, 1, "", l["CountryData_NotUtf8"]);
        }
        if (text.Contains('\0')) return Fail(kind, 1, "", l["CountryData_NotText"]);
        return Read(kind, text);
    }

    public CountryDataFile Read(DataReleaseKind kind, string text)
    {
        List<CsvRecord> records;
        try { records = Csv.Read(new StringReader(text)).ToList(); }
        catch (FormatException e) { return Fail(kind, 1, "", l["CountryData_Syntax", e.Message]); }
        if (records.Count == 0) return Fail(kind, 1, "", l["CountryData_FileEmpty"]);

        var state = new State(kind, l);
        var expected = kind == DataReleaseKind.Governance ? GovernanceColumns : RegimeColumns;
        var header = records[0].Fields.Select(f => f.Trim()).ToList();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (!expected.Contains(header[i])) state.Error(1, header[i], l["CountryData_ColumnUnknown", header[i], string.Join(", ", expected)]);
            else if (!columns.TryAdd(header[i], i)) state.Error(1, header[i], l["CountryData_ColumnTwice", header[i]]);
        }
        foreach (var missing in expected.Where(c => !columns.ContainsKey(c)))
            state.Error(1, missing, l["CountryData_ColumnMissing", missing]);
        if (state.Count > 0) return state.Result();
        if (records.Count == 1) return Fail(kind, 1, "", l["CountryData_NoRows"]);

        var seen = new Dictionary<(string, int), int>();
        foreach (var record in records.Skip(1))
        {
            var row = new Row(record, columns, state);
            if (record.Fields.Count != header.Count)
            {
                state.Error(record.Line, "", l["CountryData_FieldCount", record.Fields.Count, header.Count]);
                continue;
            }
            var iso3 = row.Text("iso3");
            if (iso3 is null) row.Error("iso3", l["CountryData_Required"]);
            else if (!knownIso3.Contains(iso3) && !VdemEntities.Contains(iso3)) row.Error("iso3", l["CountryData_Iso3Unknown", iso3]);
            if (row.Text("country") is null) row.Error("country", l["CountryData_Required"]);
            var year = row.Year();
            if (iso3 is not null && year is { } y && !seen.TryAdd((iso3, y), record.Line))
                row.Error("year", l["CountryData_Duplicate", iso3, y, seen[(iso3, y)]]);
            var regime = row.Regime(required: kind == DataReleaseKind.Regime);
            var source = row.Text("source");
            if (source is null) row.Error("source", l["CountryData_Required"]);
            else if (source.Length > SourceMaxLength) row.Error("source", l["CountryData_TooLong", SourceMaxLength]);

            if (kind == DataReleaseKind.Governance)
            {
                var libdem = row.Index("v2x_libdem");
                var polyarchy = row.Index("v2x_polyarchy");
                var civlib = row.Index("v2x_civlib");
                var rule = row.Index("v2x_rule");
                var (vaEst, vaErr, vaPct) = (row.Estimate("wgi_va_est"), row.StdErr("wgi_va_stderr"), row.Percentile("wgi_va_pctrank"));
                var (rlEst, rlErr, rlPct) = (row.Estimate("wgi_rl_est"), row.StdErr("wgi_rl_stderr"), row.Percentile("wgi_rl_pctrank"));
                if (row.IsOk)
                    state.Governance.Add(new GovernanceYear(iso3!, year!.Value, regime, libdem, polyarchy, civlib, rule, vaEst, vaErr, vaPct, rlEst, rlErr, rlPct, source!));
            }
            else
            {
                var polyarchy = row.Index("v2x_polyarchy");
                var low = row.Index("v2x_polyarchy_codelow");
                var high = row.Index("v2x_polyarchy_codehigh");
                if (low is not null && high is not null && low > high)
                    row.Error("v2x_polyarchy_codelow", l["CountryData_IntervalReversed", Show(low.Value), Show(high.Value)]);
                else if (polyarchy is { } p && ((low is not null && p < low) || (high is not null && p > high)))
                    row.Error("v2x_polyarchy", l["CountryData_OutsideInterval", Show(p), Show(low ?? 0m), Show(high ?? 1m)]);
                if (row.IsOk)
                    state.Regimes.Add(new RegimeYear(iso3!, year!.Value, regime!.Value, polyarchy, low, high, source!));
            }
        }
        return state.Result();
    }

    private CountryDataFile Fail(DataReleaseKind kind, int line, string field, string message)
    {
        var state = new State(kind, l);
        state.Error(line, field, message);
        return state.Result();
    }

    private static string Show(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private sealed class State(DataReleaseKind kind, IStringLocalizer l)
    {
        public List<GovernanceYear> Governance { get; } = [];
        public List<RegimeYear> Regimes { get; } = [];
        public List<CountryDataError> Errors { get; } = [];
        public int Count { get; private set; }
        public IStringLocalizer L => l;

        public void Error(int line, string field, string message)
        {
            Count++;
            if (Errors.Count < MaxErrors) Errors.Add(new(line, field, message));
        }

        public CountryDataFile Result() => Count == 0
            ? new(kind, Governance, Regimes, [], 0)
            : new(kind, [], [], Errors, Count);
    }

    private sealed class Row(CsvRecord record, Dictionary<string, int> columns, State state)
    {
        private int _errors;
        public bool IsOk => _errors == 0;

        public void Error(string field, string message)
        {
            _errors++;
            state.Error(record.Line, field, message);
        }

        public string? Text(string column) =>
            record.Fields[columns[column]].Trim() is { Length: > 0 } s ? s : null;

        public int? Year()
        {
            if (Text("year") is not { } s) { Error("year", state.L["CountryData_Required"]); return null; }
            if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < MinYear or > MaxYear)
            {
                Error("year", state.L["CountryData_YearInvalid", s, MinYear, MaxYear]);
                return null;
            }
            return y;
        }

        public Regime? Regime(bool required)
        {
            var code = Text("v2x_regime");
            var label = Text("regime_label");
            if (code is null)
            {
                if (required) Error("v2x_regime", state.L["CountryData_Required"]);
                else if (label is not null) Error("regime_label", state.L["CountryData_RegimeLabelWithoutCode", label]);
                return null;
            }
            if (code is not ("0" or "1" or "2" or "3"))
            {
                Error("v2x_regime", state.L["CountryData_RegimeInvalid", code]);
                return null;
            }
            var regime = (Regime)(code[0] - '0');
            var expected = RegimeLabels[regime];
            if (!string.Equals(label, expected, StringComparison.Ordinal))
                Error("regime_label", state.L["CountryData_RegimeLabelMismatch", label ?? "", code, expected]);
            return regime;
        }

        /// <summary>A V-Dem index, 0–1.</summary>
        public decimal? Index(string column) => Number(column, 0m, 1m);

        /// <summary>A WGI estimate: about −2.5…2.5, accepted within −3…3.</summary>
        public decimal? Estimate(string column) => Number(column, -3m, 3m);

        public decimal? StdErr(string column) => Number(column, 0m, null);

        public decimal? Percentile(string column) => Number(column, 0m, 100m);

        private decimal? Number(string column, decimal min, decimal? max)
        {
            if (Text(column) is not { } s) return null;
            if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
            {
                Error(column, state.L["CountryData_NotNumber", s]);
                return null;
            }
            if (d < min || (max is not null && d > max))
            {
                Error(column, max is null ? state.L["CountryData_BelowMin", s, Show(min)] : state.L["CountryData_OutOfRange", s, Show(min), Show(max.Value)]);
                return null;
            }
            return d;
        }
    }
}
