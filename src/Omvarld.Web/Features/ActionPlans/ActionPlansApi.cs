using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Plans;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.ActionPlans;

/// <summary>
/// <c>/api/v1/action-plans</c>: the committees' and companies' yearly action plans (R12) with the same rules as the
/// pages. Every member reads; the unit's editors (and the coordinator) write, adopt, evaluate and revise.
/// </summary>
public static class ActionPlansApi
{
    public static RouteGroupBuilder MapActionPlansApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/action-plans").WithTags("Action plans").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Member);
        g.MapGet("/", async (Guid? unit, int? year, ActionPlanStatus? status, ActionPlanService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(unit, year, status, ct)))
            .WithSummary("Action plans, filtered by unit, year and status (Draft, Adopted, Evaluated).");
        g.MapGet("/due", async (int? year, bool? all, ActionPlanService s, CancellationToken ct) =>
            {
                var rows = await s.StatusAsync(year, null, ct);
                return TypedResults.Ok(all == true ? rows : rows.Where(r => r.Flags.Count > 0).ToList());
            })
            .WithSummary("Committees and companies whose plan (the year, default this year) or evaluation (the year before) is due soon, missing or late, citing the policy clause that demands it; all=true lists every unit.");
        g.MapGet("/settings", async (ActionPlanService s, CancellationToken ct) => TypedResults.Ok(await s.SettingsAsync(ct)))
            .WithSummary("The municipality's due days: the plan by month/day of its year, the evaluation by month/day of the next year.");
        g.MapPut("/settings", async (DueSettingsInput input, ActionPlanService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Reply(await s.SetSettingsAsync(input, ct), l)).RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator);
        g.MapGet("/{id:guid}", Get).WithSummary("One plan with its items, evaluation, flags and the clause that demands it.");
        g.MapGet("/{id:guid}/history", async Task<Results<Ok<Page<AuditDto>>, ProblemHttpResult>> (Guid id, ActionPlanService s, AuditQueries audit,
            IStringLocalizer<SharedResource> l, int page = 1, CancellationToken ct = default) =>
            await s.GetAsync(id, ct) is null ? Problems.NotFound(l) : TypedResults.Ok(await audit.ListAsync(nameof(ActionPlan), id, page, AuditQueries.MaxPageSize, ct)));
        g.MapPost("/", async Task<Results<Created<ActionPlanDto>, Ok<ActionPlanDto>, ValidationProblem, ProblemHttpResult>> (ActionPlanInput input, ActionPlanService s,
            IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.CreateAsync(input, ct), s, l, ct, created: true))
            .WithSummary("A draft plan for a committee or company and a year, with its items (what, why: goal and priority, who, when, budget SEK, indicator, target, activities).");
        g.MapPut("/{id:guid}/items", async (Guid id, ItemsInput input, ActionPlanService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.UpdateItemsAsync(id, input, ct), s, l, ct)).WithSummary("Replaces the items of a draft.");
        g.MapPost("/{id:guid}/adopt", async (Guid id, AdoptInput input, ActionPlanService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.AdoptAsync(id, input, ct), s, l, ct)).WithSummary("The committee or board adopted the plan (day and § optional).");
        g.MapPost("/{id:guid}/evaluate", async (Guid id, EvaluateInput input, ActionPlanService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.EvaluateAsync(id, input, ct), s, l, ct))
            .WithSummary("The year's evaluation of an adopted plan: per item Done, Partly or NotDone, what it led to and the indicator's outcome, and an overall evaluation. The plan is read-only afterwards.");
        g.MapPost("/{id:guid}/revise", async Task<Results<Created<ActionPlanDto>, Ok<ActionPlanDto>, ValidationProblem, ProblemHttpResult>> (Guid id, VersionInput input,
            ActionPlanService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.ReviseAsync(id, input.Version, ct), s, l, ct, created: true))
            .WithSummary("Next year's draft made from this evaluated plan: items copied without their evaluation.");
        return api;
    }

    private static async Task<Results<Ok<ActionPlanDto>, ProblemHttpResult>> Get(Guid id, ActionPlanService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        await s.GetAsync(id, ct) is { } plan ? TypedResults.Ok(plan) : Problems.NotFound(l);

    private static async Task<Results<Created<ActionPlanDto>, Ok<ActionPlanDto>, ValidationProblem, ProblemHttpResult>> Reply(PlanSave save, ActionPlanService s,
        IStringLocalizer<SharedResource> l, CancellationToken ct, bool created = false)
    {
        if (save.Outcome != PlanOutcome.Saved) return Fail(save, l);
        var plan = (await s.GetAsync(save.Id!.Value, ct))!;
        return created ? TypedResults.Created($"/api/v1/action-plans/{plan.Id}", plan) : TypedResults.Ok(plan);
    }

    internal static ProblemHttpResult Problem(PlanSave save, IStringLocalizer l) => save.Outcome switch
    {
        PlanOutcome.NotFound => Problems.NotFound(l),
        PlanOutcome.Forbidden => TypedResults.Problem(title: l["Problem_Forbidden"], statusCode: StatusCodes.Status403Forbidden),
        _ => Problems.Conflict(l, l["ActionPlan_Conflict"]),
    };

    internal static Results<Created<ActionPlanDto>, Ok<ActionPlanDto>, ValidationProblem, ProblemHttpResult> Fail(PlanSave save, IStringLocalizer l) =>
        save.Outcome == PlanOutcome.Invalid ? Problems.From(save.Error, l) : Problem(save, l);

    private static Results<NoContent, ValidationProblem, ProblemHttpResult> Reply(PlanSave save, IStringLocalizer l) =>
        save.Outcome switch
        {
            PlanOutcome.Saved => TypedResults.NoContent(),
            PlanOutcome.Invalid => Problems.From(save.Error, l),
            _ => Problem(save, l),
        };
}
