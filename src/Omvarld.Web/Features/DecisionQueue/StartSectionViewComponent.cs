using Microsoft.AspNetCore.Mvc;

namespace Omvarld.Web.Features.DecisionQueue;

/// <summary>What the start page shows of KS's decision queue (for the coordinator and KS) and of what waits for KS (for an editor).</summary>
public sealed record StartSectionModel(DecisionQueueDto? Queue, IReadOnlyList<WaitingForKsDto> Waiting);

/// <summary>
/// The start page's decision-queue section, self-contained: the start page only invokes it. The coordinator and KS's
/// secretariat see the queue's counts and the activities waiting for an exception; an editor sees their submitted
/// activities that wait for KS and why.
/// </summary>
public sealed class StartSectionViewComponent(DecisionQueueService queue) : ViewComponent
{
    public const int StartPageLines = 5;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var model = new StartSectionModel(await queue.QueueAsync(), await queue.WaitingForMeAsync());
        return View("/Features/DecisionQueue/_StartSection.cshtml", model);
    }
}
