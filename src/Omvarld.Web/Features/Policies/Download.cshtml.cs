using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Omvarld.Web.Features.Files;

namespace Omvarld.Web.Features.Policies;

/// <summary>A file attached to a policy version, for any member of the municipality; served as a download, never inline.</summary>
public sealed class DownloadModel(FileService files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id) =>
        await files.OpenAsync(PolicyService.FileOwner, id) is { } f ? File(f.Bytes, f.File.ContentType, f.File.FileName) : NotFound();
}
