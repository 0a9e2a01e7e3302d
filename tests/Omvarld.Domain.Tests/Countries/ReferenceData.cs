using System.Globalization;
using System.Text;
using Omvarld.Domain.Countries;

namespace Omvarld.Domain.Tests.Countries;

/// <summary>
/// The country data the web project ships (src/Omvarld.Web/SeedData/Reference), read here with a small RFC 4180
/// reader so the assessment is tested on real rows; the domain tests do not reference the web project's loader.
/// </summary>
internal static class ReferenceData
{
    public const string GovernanceRelease = "V-Dem v14 + WGI 2024";
    public const string RegimeRelease = "V-Dem v15 (ERT v15)";

    private static readonly string Folder = Path.Combine(FindRoot(), "src", "Omvarld.Web", "SeedData", "Reference");

    public static readonly IReadOnlyList<GovernanceYear> Governance = Read("country_governance.csv").Select(r => new GovernanceYear(
        r["iso3"], int.Parse(r["year"], CultureInfo.InvariantCulture), RegimeOf(r["v2x_regime"]),
        Dec(r["v2x_libdem"]), Dec(r["v2x_polyarchy"]), Dec(r["v2x_civlib"]), Dec(r["v2x_rule"]),
        Dec(r["wgi_va_est"]), Dec(r["wgi_va_stderr"]), Dec(r["wgi_va_pctrank"]),
        Dec(r["wgi_rl_est"]), Dec(r["wgi_rl_stderr"]), Dec(r["wgi_rl_pctrank"]), r["source"])).ToList();

    public static readonly IReadOnlyList<RegimeYear> Regimes = Read("country_regime_vdem_v15.csv").Select(r => new RegimeYear(
        r["iso3"], int.Parse(r["year"], CultureInfo.InvariantCulture), RegimeOf(r["v2x_regime"])!.Value,
        Dec(r["v2x_polyarchy"]), Dec(r["v2x_polyarchy_codelow"]), Dec(r["v2x_polyarchy_codehigh"]), r["source"])).ToList();

    /// <summary>
    /// The evidence for one country from both files, with the years up to <paramref name="lastYear"/> (as a release
    /// that ended there would hold them). <paramref name="withRegimeRelease"/> false leaves the v15 file out.
    /// </summary>
    public static CountryEvidence Evidence(string iso3, string alpha2, string name, int lastYear = 9999, bool withRegimeRelease = true)
    {
        var governance = Governance.Where(g => g.Iso3 == iso3 && g.Year <= lastYear).OrderBy(g => g.Year).ToList();
        var regimes = withRegimeRelease ? Regimes.Where(g => g.Iso3 == iso3 && g.Year <= lastYear).OrderBy(g => g.Year).ToList() : [];
        return new CountryEvidence(iso3, alpha2, name, governance, regimes,
            governance.Count > 0 ? GovernanceRelease : null, regimes.Count > 0 ? RegimeRelease : null);
    }

    /// <summary>The rows of a CSV file as column name → cell (empty string for an empty cell).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string file)
    {
        var records = ParseCsv(File.ReadAllText(Path.Combine(Folder, file), Encoding.UTF8));
        var header = records[0];
        return records.Skip(1).Select(cells =>
        {
            Assert.Equal(header.Count, cells.Count);
            return (IReadOnlyDictionary<string, string>)header.Zip(cells).ToDictionary(p => p.First, p => p.Second);
        }).ToList();
    }

    /// <summary>RFC 4180: comma-separated, fields in double quotes may hold commas, line breaks and doubled quotes.</summary>
    public static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                record.Add(field.ToString()); field.Clear();
                records.Add(record); record = [];
            }
            else field.Append(c);
        }
        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); records.Add(record); }
        return records;
    }

    private static decimal? Dec(string cell) => cell.Length == 0 ? null : decimal.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static Regime? RegimeOf(string cell) => cell.Length == 0 ? null : (Regime)int.Parse(cell, CultureInfo.InvariantCulture);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Omvarld.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Omvarld.slnx not found above " + AppContext.BaseDirectory);
    }
}
