using System.Globalization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Reference;

public sealed record Country(string Alpha2, string Alpha3, string NameSv, string NameEn, bool EuMember, string Region)
{
    /// <summary>ISO 3166-1 numeric, three digits with leading zeros: the key of the world map's outlines.</summary>
    public string Numeric { get; init; } = "";
}

public sealed record SdgGoal(int Goal, string TitleSv, string TitleEn, string Colour);

public sealed record FundingProgramme(string Code, string NameSv, string NameEn, string Fund, string? Url);

public sealed record OtherFunder(string Code, string NameSv, string Funder, string? Url);

/// <summary>
/// The open reference data that ships with the app (SeedData/Reference, sources and licences in its README): countries,
/// the 17 SDGs, EU funding programmes and other funders. Read once, kept in memory, the same on every instance.
/// </summary>
public sealed class ReferenceData
{
    public IReadOnlyList<Country> Countries { get; }
    public IReadOnlyDictionary<string, Country> CountriesByAlpha2 { get; }
    public IReadOnlyList<SdgGoal> Sdgs { get; }
    public IReadOnlyList<FundingProgramme> EuProgrammes { get; }
    public IReadOnlyList<OtherFunder> OtherFunders { get; }

    public ReferenceData() : this(Path.Combine(AppContext.BaseDirectory, "SeedData", "Reference")) { }

    public ReferenceData(string folder)
    {
        Countries = Read(folder, "countries.csv", r => new Country(r("alpha2")!, r("alpha3")!, r("name_sv")!, r("name_en")!, r("eu_member") == "yes", r("region") ?? "") { Numeric = r("numeric") ?? "" })
            .OrderBy(c => c.NameSv, StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), false)).ToList();
        CountriesByAlpha2 = Countries.ToDictionary(c => c.Alpha2, StringComparer.OrdinalIgnoreCase);
        Sdgs = Read(folder, "sdg_goals.csv", r => new SdgGoal(int.Parse(r("goal")!, CultureInfo.InvariantCulture), r("title_sv")!, r("title_en")!, r("colour_hex")!))
            .OrderBy(s => s.Goal).ToList();
        EuProgrammes = Read(folder, "eu_funding_programmes.csv", r => new FundingProgramme(r("code")!, r("name_sv")!, r("name_en")!, r("fund_or_budget") ?? "", Blank(r("official_url"))));
        _worldMap = new(() => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(folder, "world-110m.json")))!);
        OtherFunders = Read(folder, "other_funders.csv", r => new OtherFunder(r("code")!, r("name_sv")!, r("funder") ?? "", Blank(r("url"))));
    }

    /// <summary>
    /// The world map's outlines (world-110m.json, see the README): ISO numeric code → SVG path in a 360 × 150
    /// equirectangular frame. Read on first use.
    /// </summary>
    public IReadOnlyDictionary<string, string> WorldMap => _worldMap.Value;
    private readonly Lazy<IReadOnlyDictionary<string, string>> _worldMap;

    public SdgGoal? Sdg(int goal) => goal is >= 1 and <= 17 ? Sdgs[goal - 1] : null;

    public Country? Country(string? alpha2) => alpha2 is not null && CountriesByAlpha2.TryGetValue(alpha2, out var c) ? c : null;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static List<T> Read<T>(string folder, string file, Func<Func<string, string?>, T> map)
    {
        using var reader = new StreamReader(Path.Combine(folder, file), System.Text.Encoding.UTF8);
        var records = Csv.Read(reader).ToList();
        var header = records[0].Fields.Select((name, i) => (name.Trim(), i)).ToDictionary(x => x.Item1, x => x.i);
        return records.Skip(1).Select(r => map(name => header.TryGetValue(name, out var i) && i < r.Fields.Count ? r.Fields[i] : null)).ToList();
    }
}
