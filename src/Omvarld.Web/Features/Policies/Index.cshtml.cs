using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Omvarld.Web.Features.Policies;

/// <summary>The municipality's governing documents, each version with its derived status, and what is in force today (R1, R2).</summary>
public sealed class IndexModel(PolicyService policies, Omvarld.Web.Infrastructure.CurrentUser me) : PageModel
{
    public List<DocumentDto> Documents { get; private set; } = [];
    public List<InForceDto> InForceToday { get; private set; } = [];
    public bool CanImport { get; private set; }

    public async Task OnGetAsync()
    {
        Documents = await policies.ListAsync();
        InForceToday = Documents.Select(d => d.InForceOn(policies.Today)).ToList();
        CanImport = (await me.GetScopeAsync()).IsCoordinator;
    }
}
