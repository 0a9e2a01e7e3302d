using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Partners;

/// <summary><c>/api/v1/partners</c>: the municipality's partner organisations. Members read; editors add and mend; the coordinator removes unused ones.</summary>
public static class PartnersApi
{
    public static RouteGroupBuilder MapPartnersApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/partners").WithTags("Partners").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Member);
        g.MapGet("/", List);
        g.MapGet("/{id:guid}", async Task<Results<Ok<PartnerDto>, ProblemHttpResult>> (Guid id, PartnerService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await s.GetAsync(id, ct) is { } p ? TypedResults.Ok(p) : Problems.NotFound(l));
        g.MapPost("/", async (PartnerInput input, PartnerService s, IStringLocalizer<SharedResource> l, CancellationToken ct) => Reply(await s.CreateAsync(input, ct), l, created: true));
        g.MapPut("/{id:guid}", async (Guid id, PartnerInput input, PartnerService s, IStringLocalizer<SharedResource> l, CancellationToken ct) => Reply(await s.UpdateAsync(id, input, ct), l));
        g.MapDelete("/{id:guid}", async (Guid id, PartnerService s, IStringLocalizer<SharedResource> l, CancellationToken ct) => Reply(await s.DeleteAsync(id, ct), l))
            .WithSummary("Removes a partner no activity names; one in use is refused with 409.");
        return api;
    }

    private static async Task<Results<Ok<Page<PartnerDto>>, ValidationProblem>> List(PartnerService s, IStringLocalizer<SharedResource> l, string? q, string? country,
        int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        if (page < 1 || pageSize is < 1 or > PartnerService.MaxPageSize)
            return Problems.From(new Dictionary<string, string[]> { ["page"] = [l["Paging_Invalid", PartnerService.MaxPageSize]] }, l);
        return TypedResults.Ok(await s.ListAsync(q, country, page, pageSize, ct));
    }

    private static Results<Created<PartnerDto>, Ok<PartnerDto>, NoContent, ValidationProblem, ProblemHttpResult> Reply(PartnerSave save, IStringLocalizer<SharedResource> l, bool created = false) => save.Outcome switch
    {
        PartnerOutcome.Saved when created => TypedResults.Created($"/api/v1/partners/{save.Partner!.Id}", save.Partner),
        PartnerOutcome.Saved when save.Partner is null => TypedResults.NoContent(),
        PartnerOutcome.Saved => TypedResults.Ok(save.Partner!),
        PartnerOutcome.NotFound => Problems.NotFound(l),
        PartnerOutcome.Forbidden => TypedResults.Problem(title: l["Problem_Forbidden"], statusCode: StatusCodes.Status403Forbidden),
        PartnerOutcome.Conflict => Problems.Conflict(l, l["Concurrency_Conflict"]),
        PartnerOutcome.InUse => Problems.Conflict(l, l.Message(save.Error)),
        _ => Problems.From(save.Error, l),
    };
}
