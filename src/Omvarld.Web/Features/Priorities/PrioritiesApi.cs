using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Plans;
using Omvarld.Web.Features.ActionPlans;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Priorities;

/// <summary><c>/api/v1/priorities</c>: KS's overall priorities per year (R17). Every member reads; KS's secretariat and the coordinator record them.</summary>
public static class PrioritiesApi
{
    public static RouteGroupBuilder MapPrioritiesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/priorities").WithTags("Priorities").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Member);
        g.MapGet("/", async (int? year, PriorityService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(year, ct)))
            .WithSummary("KS's priorities, of one year or all, with the goals and SDGs they stress and the activities that serve them.");
        g.MapGet("/{id:guid}", async Task<Results<Ok<PriorityDto>, ProblemHttpResult>> (Guid id, PriorityService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await s.GetAsync(id, ct) is { } p ? TypedResults.Ok(p) : Problems.NotFound(l));
        g.MapPost("/", async (PriorityInput input, PriorityService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.CreateAsync(input, ct), s, l, ct, created: true))
            .WithSummary("Records a priority of KS for a year: title, text, goals (codes of the policy in force that year), SDGs (1–17).");
        g.MapPut("/{id:guid}", async (Guid id, PriorityUpdateInput input, PriorityService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.UpdateAsync(id, input, ct), s, l, ct));
        g.MapPost("/{id:guid}/activities", async (Guid id, PriorityLinkInput input, PriorityService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.LinkAsync(id, input.ActivityId, ct), s, l, ct))
            .WithSummary("Links an activity to the priority it serves (the activity's editors, the coordinator, KS's secretariat).");
        g.MapDelete("/{id:guid}/activities/{activityId:guid}", async (Guid id, Guid activityId, PriorityService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.UnlinkAsync(id, activityId, ct), s, l, ct));
        return api;
    }

    private static async Task<Results<Created<PriorityDto>, Ok<PriorityDto>, ValidationProblem, ProblemHttpResult>> Reply(PlanSave save, PriorityService s,
        IStringLocalizer<SharedResource> l, CancellationToken ct, bool created = false)
    {
        if (save.Outcome == PlanOutcome.Invalid) return Problems.From(save.Error, l);
        if (save.Outcome != PlanOutcome.Saved) return ActionPlansApi.Problem(save, l);
        var priority = (await s.GetAsync(save.Id!.Value, ct))!;
        return created ? TypedResults.Created($"/api/v1/priorities/{priority.Id}", priority) : TypedResults.Ok(priority);
    }
}
