using Omvarld.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Activities;

namespace Omvarld.Web.Features.Compilations;

/// <summary>The compilation shown on <c>/sammanstallning</c> as XLSX, DOCX or PDF: the same kept compilation, the same numbers.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Expensive)]
[Microsoft.AspNetCore.Http.Timeouts.RequestTimeout(RateLimits.Expensive)]
public sealed class ExportModel(CompilationFiles files, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int? ar, Guid? enhet, string? format)
    {
        var year = ar ?? clock.GetLocalNow().Year - 1;
        format ??= "xlsx";
        if (year is < Activity.FirstYear or > Activity.LastYear || !CompilationExport.IsFormat(format))
            return BadRequest(l[!CompilationExport.IsFormat(format) ? "Compilation_FormatInvalid" : "Compilation_YearInvalid", Activity.FirstYear, Activity.LastYear].Value);
        // The file as kept (CompilationFiles): rendered once per state of the municipality and format.
        if (await files.GetAsync(year, enhet, format, HttpContext.RequestAborted) is not { } file) return NotFound();
        Response.ContentLength = file.Length;
        return File(file.Content, file.ContentType, file.FileName);
    }
}
