using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Activities.Import;

/// <summary>
/// The coordinator moves existing activities in from the template (XLSX or CSV). Every problem is listed by row and
/// column, and nothing is stored until the whole file is right. Coordinator only: a unit editor's rows would each have
/// to be checked against the units they edit, and the coordinator is the one who moves a municipality in.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Coordinator)]
[RequestSizeLimit(ActivityImportFile.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ActivityImportFile.MaxBytes + 64 * 1024)]
public sealed class IndexModel(ActivityImportService import, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public IFormFile? ImportFile { get; set; }
    public IReadOnlyList<ImportError> RowErrors { get; private set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ImportFile is null || ImportFile.Length == 0)
        {
            ModelState.AddModelError(nameof(ImportFile), l["ActivityImport_FileRequired"]);
            return Page();
        }
        if (ImportFile.Length > ActivityImportFile.MaxBytes)
        {
            ModelState.AddModelError(nameof(ImportFile), l["ActivityImport_FileTooLarge", ActivityImportFile.MaxBytes / (1024 * 1024)]);
            return Page();
        }
        var outcome = await import.ImportAsync(ImportFile.FileName, await ActivityImportApi.ReadAsync(ImportFile, ct), ct);
        if (!outcome.IsOk)
        {
            foreach (var e in outcome.Errors.Where(e => e.Row == 0)) ModelState.AddModelError(nameof(ImportFile), e.Message);
            RowErrors = outcome.Errors.Where(e => e.Row > 0).ToList();
            if (RowErrors.Count > 0) ModelState.AddModelError(nameof(ImportFile), l["ActivityImport_HasErrors", RowErrors.Count]);
            return Page();
        }
        TempData["Flash"] = Omvarld.Web.Features.Shared.Plural.Count(l, outcome.Stored, "ActivityImport_DoneFlash");
        return RedirectToPage();
    }
}
