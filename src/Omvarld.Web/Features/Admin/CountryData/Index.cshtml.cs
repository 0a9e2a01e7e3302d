using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Features.Countries;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Admin.CountryData;

/// <summary>
/// The system administrator's country data: the releases (which is in use, which are kept) and the import of a newer
/// release in the same format. Every error is listed with its line and column; nothing is stored until the file is right.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.SystemAdmin)]
[RequestSizeLimit(CountryDataReader.MaxBytes + 64 * 1024)]
public sealed class IndexModel(CountryDataService countryData, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Attribution { get; set; }
    [BindProperty] public IFormFile? DataFile { get; set; }

    public IReadOnlyList<CountryDataReleaseDto> Releases { get; private set; } = [];
    public IReadOnlyList<CountryDataError> Errors { get; private set; } = [];
    public int ErrorCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Releases = await countryData.ListReleasesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CountryDataService.TryParseKind(Kind, out var kind)) ModelState.AddModelError(nameof(Kind), l["CountryData_KindInvalid"]);
        if (string.IsNullOrWhiteSpace(Name)) ModelState.AddModelError(nameof(Name), l["CountryData_NameRequired"]);
        if (DataFile is null || DataFile.Length == 0) ModelState.AddModelError(nameof(DataFile), l["CountryData_FileRequired"]);
        else if (DataFile.Length > CountryDataReader.MaxBytes) ModelState.AddModelError(nameof(DataFile), l["CountryData_FileTooLarge", CountryDataReader.MaxBytes / (1024 * 1024)]);
        if (!ModelState.IsValid) return await PageAsync(ct);

        using var buffer = new MemoryStream();
        await DataFile!.CopyToAsync(buffer, ct);
        var outcome = await countryData.ImportAsync(new CountryDataImport(kind, Name, DataFile.FileName, buffer.ToArray(),
            me.Principal.Identity?.Name ?? "", me.Id, Attribution), ct);
        if (outcome.Release is not { } release)
        {
            foreach (var e in outcome.Errors.Where(e => e.Line == 0))
                ModelState.AddModelError(e.Field switch { "name" => nameof(Name), "attribution" => nameof(Attribution), _ => nameof(DataFile) }, e.Message);
            Errors = outcome.Errors.Where(e => e.Line > 0).ToList();
            ErrorCount = outcome.ErrorCount;
            if (Errors.Count > 0) ModelState.AddModelError(nameof(DataFile), l["CountryData_HasErrors", outcome.ErrorCount]);
            return await PageAsync(ct);
        }
        TempData["Flash"] = l["CountryData_ImportedFlash", release.Name, release.RowCount].Value;
        return Redirect("/admin/landdata");
    }

    private async Task<PageResult> PageAsync(CancellationToken ct)
    {
        Releases = await countryData.ListReleasesAsync(ct);
        return Page();
    }
}
