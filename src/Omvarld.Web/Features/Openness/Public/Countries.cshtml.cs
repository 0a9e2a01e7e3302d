using Microsoft.AspNetCore.Mvc;
using Omvarld.Web.Features.Reference;

namespace Omvarld.Web.Features.Openness.Public;

/// <summary>R20: the partner countries of the published activities, on a world map (SVG drawn here) and in a table beside it.</summary>
public sealed class CountriesModel(PublicQueries queries, ReferenceData reference) : PublicPageModel(queries)
{
    public List<PublicCountryCount> Countries { get; private set; } = [];
    /// <summary>The map's outlines: path, whether the country has published activities, its name.</summary>
    public List<(string Path, bool Marked, string Name)> Map { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(ct)) return NotFound();
        if (await NotModifiedAsync(ct)) return NotModifiedResult();
        Countries = await Queries.CountriesAsync(ct);
        var marked = Countries.Select(c => c.Numeric).Where(n => n != "").ToHashSet();
        var names = reference.Countries.Where(c => c.Numeric != "").GroupBy(c => c.Numeric).ToDictionary(g => g.Key, g => g.First().NameSv);
        Map = reference.WorldMap.Select(kv => (kv.Value, marked.Contains(kv.Key), names.GetValueOrDefault(kv.Key) ?? "")).ToList();
        return Page();
    }
}
