using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Networks;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Networks.Memberships;

/// <summary>The memberships: filtered, paged, exportable; the yearly cost of a chosen year beside.</summary>
public sealed class IndexModel(MembershipService memberships, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 50;
    public MembershipFilter Filter { get; private set; } = new();
    public Page<MembershipListItem> List { get; private set; } = null!;
    public MembershipCost Cost { get; private set; } = null!;
    public int Year { get; private set; }
    public bool CanEdit { get; private set; }
    /// <summary>The filter as a query string, for the pager and the export links.</summary>
    public string Query { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Read();
        var page = int.TryParse(Request.Query["sida"].FirstOrDefault(), out var p) && p >= 1 ? p : 1;
        List = await memberships.ListAsync(Filter, page, PageSize, ct);
        Cost = await memberships.CostAsync(Year, ct);
        CanEdit = await memberships.MayEditAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (format is not ("xlsx" or "csv")) return BadRequest();
        Read();
        var file = NetworkExport.Memberships(await memberships.ExportRowsAsync(Filter, ct), format, memberships.Today, l);
        return File(file.Bytes, file.ContentType, file.FileName);
    }

    private void Read()
    {
        var q = Request.Query["q"].FirstOrDefault() is { Length: > 0 } text ? text.Trim()[..Math.Min(text.Trim().Length, 200)] : null;
        Filter = new MembershipFilter(q, Parse<MembershipKind>("typ"), Parse<NetworkLevel>("niva"), Parse<MembershipState>("status"));
        Year = int.TryParse(Request.Query["ar"].FirstOrDefault(), out var y) && y is >= Activity.FirstYear and <= Activity.LastYear ? y : memberships.Today.Year;
        var parts = new List<string>();
        if (q is not null) parts.Add("q=" + Uri.EscapeDataString(q));
        if (Filter.Kind is { } k) parts.Add("typ=" + k);
        if (Filter.Level is { } lv) parts.Add("niva=" + lv);
        if (Filter.State is { } s) parts.Add("status=" + s);
        Query = string.Join("&", parts);
    }

    private T? Parse<T>(string key) where T : struct, Enum =>
        Enum.TryParse<T>(Request.Query[key].FirstOrDefault(), out var v) && Enum.IsDefined(v) ? v : null;
}
