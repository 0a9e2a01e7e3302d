using Microsoft.AspNetCore.Mvc.RazorPages;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.FollowUp;

/// <summary>Issue 15: the municipality's follow-up rounds, newest year first; the coordinator opens the next one.</summary>
public sealed class IndexModel(FollowUpService followUp, CurrentUser me) : PageModel
{
    public List<RoundListItemDto> Rounds { get; private set; } = [];
    public bool CanOpen { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rounds = await followUp.ListAsync(ct);
        CanOpen = (await me.GetScopeAsync(ct)).IsCoordinator;
    }
}
