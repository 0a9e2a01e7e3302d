using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Activities;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Compilations;

/// <summary>
/// R13, R14: the yearly compilation for the municipality or one unit with its sub-units, each figure beside the
/// previous year's, with bar charts and a world map as SVG (each with a text alternative and the table beside it),
/// and the same numbers as XLSX, DOCX and PDF.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Expensive)]
[Microsoft.AspNetCore.Http.Timeouts.RequestTimeout(RateLimits.Expensive)]
public sealed class IndexModel(CompilationStore queries, CurrentUser me, ReferenceData reference, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public Compilation? Compilation { get; private set; }
    public int Year { get; private set; }
    public Guid? Unit { get; private set; }
    public List<SelectListItem> Units { get; private set; } = [];
    public string? Error { get; private set; }

    /// <summary>The world map's countries: path, and whether a partner was there in the year.</summary>
    public List<(string Path, bool Marked, string Name)> Map { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? ar, Guid? enhet)
    {
        Year = ar ?? clock.GetLocalNow().Year - 1;
        Unit = enhet;
        var tree = await me.GetUnitTreeAsync();
        Units = tree.DepthFirst().Where(x => !x.Node.IsClosed)
            .Select(x => new SelectListItem(new string('\u00a0', x.Depth * 2) + x.Node.Name, x.Node.Id.ToString(), x.Node.Id == enhet)).ToList();
        if (Year is < Activity.FirstYear or > Activity.LastYear)
        {
            Error = l["Compilation_YearInvalid", Activity.FirstYear, Activity.LastYear];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Compilation = await queries.GetAsync(Year, enhet, HttpContext.RequestAborted);
        if (Compilation is null) return NotFound();
        Map = CompilationCharts.Map(Compilation, reference);
        return Page();
    }
}
