using Microsoft.AspNetCore.Mvc.RazorPages;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Precondition;

/// <summary>R9: every exception KS has decided from the partner precondition, for every member; whether each holds today.</summary>
public sealed class ExceptionsModel(PreconditionService precondition, CurrentUser me) : PageModel
{
    public List<ExceptionDto> Exceptions { get; private set; } = [];
    public bool CanRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Exceptions = await precondition.ExceptionsAsync(ct: ct);
        CanRecord = (await me.GetScopeAsync(ct)).CanRecordPreconditionExceptions;
    }
}
