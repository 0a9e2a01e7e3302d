using Microsoft.AspNetCore.Mvc;

namespace Omvarld.Web.Features.FollowUp;

/// <summary>The start page's "Uppföljning att lämna": the sections the signed-in editor or approver owes. Self-contained, one line on the start page.</summary>
public sealed class FollowUpOwedViewComponent(FollowUpService followUp) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("/Features/FollowUp/_Owed.cshtml", await followUp.OwedAsync(HttpContext.RequestAborted));
}
