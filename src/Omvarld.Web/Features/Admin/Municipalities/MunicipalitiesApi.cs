using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Admin.Municipalities;

/// <summary><c>/api/v1/municipalities</c>: the system administrator's.</summary>
public static class MunicipalitiesApi
{
    public static RouteGroupBuilder MapMunicipalitiesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/municipalities").WithTags("Municipalities").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.SystemAdmin);
        g.MapGet("/", async Task<Results<Ok<Page<MunicipalityDto>>, ValidationProblem>> (MunicipalityService s, IStringLocalizer<SharedResource> l, int page = 1, int pageSize = 100, CancellationToken ct = default) =>
            Paging.Invalid(page, pageSize, MunicipalityService.MaxPageSize, l) is { } invalid ? invalid : TypedResults.Ok(await s.ListAsync(page, pageSize, ct)));
        g.MapGet("/{id:guid}", async Task<Results<Ok<MunicipalityDto>, ProblemHttpResult>> (Guid id, MunicipalityService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await s.FindAsync(id, ct) is { } m ? TypedResults.Ok(MunicipalityDto.From(m)) : Problems.NotFound(l));
        g.MapPost("/", async Task<Results<Created<MunicipalityDto>, ValidationProblem>> (MunicipalityInput input, MunicipalityService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var (m, result) = await s.CreateAsync(input, ct);
            return result.IsOk ? TypedResults.Created($"/api/v1/municipalities/{m!.Id}", m) : Problems.From(result, l);
        });
        g.MapPut("/{id:guid}", async Task<Results<Ok<MunicipalityDto>, ValidationProblem, ProblemHttpResult>> (Guid id, MunicipalityInput input, MunicipalityService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var outcome = await s.UpdateAsync(id, input, ct);
            if (outcome is not { } o) return Problems.NotFound(l);
            if (o.Result.IsOk) return TypedResults.Ok(o.Value!);
            if (o.Result.Error == "Concurrency_Conflict") return Problems.Conflict(l, l["Concurrency_ConflictApi", o.Value!.Version, o.Value.Name]);
            return Problems.From(o.Result, l);
        });
        return api;
    }
}
