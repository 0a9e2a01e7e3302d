using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Networks;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Networks.TwinTowns;

/// <summary>The twin and friendship towns: filtered by kind, status and country, paged, exportable.</summary>
public sealed class IndexModel(TwinTownService towns, ReferenceData reference, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 50;
    public TwinTownFilter Filter { get; private set; } = new();
    public Page<TwinTownListItem> List { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public IReadOnlyList<Country> Countries => reference.Countries;
    public string Query { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Read();
        var page = int.TryParse(Request.Query["sida"].FirstOrDefault(), out var p) && p >= 1 ? p : 1;
        List = await towns.ListAsync(Filter, page, PageSize, ct);
        CanEdit = await towns.MayEditAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (format is not ("xlsx" or "csv")) return BadRequest();
        Read();
        var file = NetworkExport.TwinTowns(await towns.ExportRowsAsync(Filter, ct), format, towns.Today, l);
        return File(file.Bytes, file.ContentType, file.FileName);
    }

    private void Read()
    {
        var q = Request.Query["q"].FirstOrDefault() is { Length: > 0 } text ? text.Trim()[..Math.Min(text.Trim().Length, 200)] : null;
        var country = Request.Query["land"].FirstOrDefault() is { Length: 2 } c ? c.ToUpperInvariant() : null;
        Filter = new TwinTownFilter(q, Parse<TwinTownKind>("typ"), Parse<TwinTownStatus>("status"), country);
        var parts = new List<string>();
        if (q is not null) parts.Add("q=" + Uri.EscapeDataString(q));
        if (Filter.Kind is { } k) parts.Add("typ=" + k);
        if (Filter.Status is { } s) parts.Add("status=" + s);
        if (country is not null) parts.Add("land=" + country);
        Query = string.Join("&", parts);
    }

    private T? Parse<T>(string key) where T : struct, Enum =>
        Enum.TryParse<T>(Request.Query[key].FirstOrDefault(), out var v) && Enum.IsDefined(v) ? v : null;
}
