using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Policies;

/// <summary>The coordinator uploads a policy file (<c>omvarld-policy/1</c>); every error is listed with its line and field, and nothing is stored until the file is right.</summary>
[Authorize(Policy = AuthorizationPolicies.Coordinator)]
[RequestSizeLimit(PoliciesApi.MaxImportBytes + 64 * 1024)]
public sealed class ImportModel(PolicyService policies, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public IFormFile? PolicyFile { get; set; }
    public IReadOnlyList<PolicyFileError> Errors { get; private set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (PolicyFile is null || PolicyFile.Length == 0)
        {
            ModelState.AddModelError(nameof(PolicyFile), l["Import_FileRequired"]);
            return Page();
        }
        var extension = Path.GetExtension(PolicyFile.FileName).ToLowerInvariant();
        if (PolicyFile.Length > PoliciesApi.MaxImportBytes || extension is not (".yaml" or ".yml" or ".txt"))
        {
            ModelState.AddModelError(nameof(PolicyFile), l[PolicyFile.Length > PoliciesApi.MaxImportBytes ? "Policies_FileTooLarge" : "Import_FileType"]);
            return Page();
        }
        string text;
        try
        {
            // Check the content, not the name: a policy file is UTF-8 text (ASVS 12.2.1).
            using var reader = new StreamReader(PolicyFile.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
            text = await reader.ReadToEndAsync();
            if (text.Contains('\0')) throw new DecoderFallbackException();
        }
        catch (DecoderFallbackException)
        {
            ModelState.AddModelError(nameof(PolicyFile), l["Import_NotText"]);
            return Page();
        }
        var result = await policies.ImportAsync(text);
        if (result.Version is null)
        {
            Errors = result.Errors;
            ModelState.AddModelError(nameof(PolicyFile), l["Import_HasErrors", result.Errors.Count]);
            return Page();
        }
        TempData["Flash"] = l["Import_DoneFlash", result.Version.Label].Value;
        return Redirect($"/styrdokument/versioner/{result.Version.Id}");
    }
}
