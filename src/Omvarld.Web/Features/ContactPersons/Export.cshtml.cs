using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.ContactPersons;

/// <summary>The contact persons as XLSX or CSV (<c>?format=csv</c>), all or by status (<c>?status=Current</c>).</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Expensive)]
[Microsoft.AspNetCore.Http.Timeouts.RequestTimeout(RateLimits.Expensive)]
public sealed class ExportModel(ContactPersonService contacts, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? format, string? status, CancellationToken ct)
    {
        ContactStatus? s = Enum.TryParse<ContactStatus>(status, true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var rows = await contacts.AllAsync(s, ct);
        if (rows is null) return BadRequest(l["ContactPersons_TooMany", ContactPersonService.MaxExportRows].Value);
        var now = clock.GetLocalNow();
        return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            ? File(ContactPersonExport.Csv(rows, l), ContactPersonExport.CsvContentType, ContactPersonExport.FileName("csv", now))
            : File(ContactPersonExport.Xlsx(rows, l), ContactPersonExport.XlsxContentType, ContactPersonExport.FileName("xlsx", now));
    }
}
