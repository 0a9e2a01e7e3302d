using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Activities.Import;

/// <summary>The import template, <c>mall.xlsx</c> or <c>mall.csv</c>, for the signed-in coordinator's municipality.</summary>
[Authorize(Policy = AuthorizationPolicies.Coordinator)]
public sealed class TemplateModel(ActivityImportService import) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string format, CancellationToken ct) => format switch
    {
        "xlsx" => File(await import.TemplateXlsxAsync(ct), ActivityImportApi.XlsxContentType, "aktiviteter-mall.xlsx"),
        "csv" => File(await import.TemplateCsvAsync(ct), ActivityImportApi.CsvContentType, "aktiviteter-mall.csv"),
        _ => NotFound(),
    };
}
