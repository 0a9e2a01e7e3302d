using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.DecisionQueue;

/// <summary><c>/api/v1/decision-queue</c>: KS's decision queue, for the coordinator and KS's secretariat (issue 15).</summary>
public static class DecisionQueueApi
{
    public static RouteGroupBuilder MapDecisionQueueApi(this RouteGroupBuilder api)
    {
        api.MapGet("/decision-queue", Get).WithTags("Decision queue")
            .RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.CoordinatorOrKs)
            .WithName("GetDecisionQueue")
            .WithSummary("KS's decision queue: activities waiting for an exception from the partner precondition (partner, country, assessment, "
                + "who asked, since when), exceptions ending within 60 days or ended while the activity runs, policy versions due for revision, "
                + "priorities not set, and action plans or evaluations missing where the policy demands them (with the clause); grouped and "
                + "counted, each line with the link that settles it.");
        return api;
    }

    private static async Task<Results<Ok<DecisionQueueDto>, ProblemHttpResult>> Get(DecisionQueueService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        await service.QueueAsync(ct) is { } queue ? TypedResults.Ok(queue) : TypedResults.Problem(title: l["Problem_Forbidden"], statusCode: StatusCodes.Status403Forbidden);
}
