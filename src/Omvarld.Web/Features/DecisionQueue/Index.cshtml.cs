using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Omvarld.Web.Features.DecisionQueue;

/// <summary><c>/ks/beslut</c>: KS's decision queue, every line with the one step that settles it (the coordinator and KS's secretariat).</summary>
public sealed class IndexModel(DecisionQueueService queue) : PageModel
{
    public DecisionQueueDto Queue { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await queue.QueueAsync(ct) is not { } q) return Forbid();
        Queue = q;
        return Page();
    }
}
