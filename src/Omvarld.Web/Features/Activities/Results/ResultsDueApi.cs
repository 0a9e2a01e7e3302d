using Microsoft.AspNetCore.Http.HttpResults;
using Omvarld.Domain.Activities;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Activities.Results;

/// <summary><c>/api/v1/activities/results-due</c>: R11's due list for members, with the page's filters.</summary>
public static class ResultsDueApi
{
    public static RouteGroupBuilder MapResultsDueApi(this RouteGroupBuilder api)
    {
        api.MapGet("/activities/results-due", List).WithTags("Activities")
            .RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Member)
            .WithSummary("R11: results reports due (yearly or final) with due date and state (Due, DueSoon, Overdue); unit includes its sub-units.");
        return api;
    }

    private static async Task<Ok<ResultsDueList>> List(ResultsDueService service, Guid? unit, ReportDueState? state, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(unit, state, ct: ct));
}
