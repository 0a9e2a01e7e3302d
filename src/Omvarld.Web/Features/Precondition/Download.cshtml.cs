using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Omvarld.Web.Features.Files;

namespace Omvarld.Web.Features.Precondition;

/// <summary>The decision document of a KS exception, for any member of the municipality; served as a download, never inline.</summary>
public sealed class DownloadModel(FileService files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid fileId) =>
        await files.OpenAsync(PreconditionService.FileOwner, fileId) is { } f ? File(f.Bytes, f.File.ContentType, f.File.FileName) : NotFound();
}
