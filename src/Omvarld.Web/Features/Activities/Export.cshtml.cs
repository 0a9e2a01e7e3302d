using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Activities;

/// <summary>The filtered activity list as XLSX or CSV; a list longer than <see cref="ActivityQueries.MaxExportRows"/> is refused with a page saying so.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Expensive)]
[Microsoft.AspNetCore.Http.Timeouts.RequestTimeout(RateLimits.Expensive)]
public sealed class ExportModel(ActivityQueries queries, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public string BackLink { get; private set; } = "/aktiviteter";

    public async Task<IActionResult> OnGetAsync(string? format)
    {
        var filter = ActivityListQuery.Parse(Request.Query);
        BackLink = "/aktiviteter" + ActivityListQuery.ToQueryString(filter);
        var rows = await queries.AllAsync(filter, HttpContext.RequestAborted);
        if (rows is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var now = clock.GetLocalNow();
        return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            ? File(ActivityExport.Csv(rows, l), ActivityExport.CsvContentType, ActivityExport.FileName("csv", now))
            : File(ActivityExport.Xlsx(rows, l), ActivityExport.XlsxContentType, ActivityExport.FileName("xlsx", now));
    }
}
