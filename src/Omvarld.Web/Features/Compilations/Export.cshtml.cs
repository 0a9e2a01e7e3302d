using Omvarld.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Activities;

namespace Omvarld.Web.Features.Compilations;

/// <summary>The compilation shown on <c>/sammanstallning</c> as XLSX, DOCX or PDF: the same query, the same numbers.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Expensive)]
public sealed class ExportModel(CompilationStore queries, Reference.ReferenceData reference, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int? ar, Guid? enhet, string? format)
    {
        var year = ar ?? clock.GetLocalNow().Year - 1;
        format ??= "xlsx";
        if (year is < Activity.FirstYear or > Activity.LastYear || !CompilationExport.IsFormat(format))
            return BadRequest(l[!CompilationExport.IsFormat(format) ? "Compilation_FormatInvalid" : "Compilation_YearInvalid", Activity.FirstYear, Activity.LastYear].Value);
        if (await queries.GetAsync(year, enhet) is not { } c) return NotFound();
        var file = CompilationExport.Render(c, format!, l, reference);
        return File(file.Bytes, file.ContentType, file.FileName);
    }
}
