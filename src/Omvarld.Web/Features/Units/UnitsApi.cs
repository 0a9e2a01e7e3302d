using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Units;

public sealed record CloseUnitRequest(int Version, DateOnly? On);
public sealed record VersionRequest(int Version);

/// <summary><c>/api/v1/units</c>: the organisation tree. Reading is for members; changing is the coordinator's.</summary>
public static class UnitsApi
{
    public const int MaxPageSize = 500;

    public static RouteGroupBuilder MapUnitsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/units").WithTags("Units").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Member);
        g.MapGet("/", List);
        g.MapGet("/{id:guid}", Get);
        g.MapGet("/{id:guid}/history", History);
        g.MapPost("/", Create).RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator);
        g.MapPut("/{id:guid}", Update).RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator);
        g.MapPost("/{id:guid}/close", Close).RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator);
        g.MapPost("/{id:guid}/reopen", Reopen).RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator);
        return api;
    }

    private static async Task<Results<Ok<Page<UnitDto>>, ValidationProblem>> List(OmvarldDbContext db, IStringLocalizer<SharedResource> l,
        int page = 1, int pageSize = 100, bool includeClosed = false, CancellationToken ct = default)
    {
        if (page < 1 || pageSize is < 1 or > MaxPageSize)
            return Problems.From(new Dictionary<string, string[]> { ["page"] = [l["Paging_Invalid", MaxPageSize]] }, l);
        var q = db.Units.AsNoTracking();
        if (!includeClosed) q = q.Where(u => u.ClosedOn == null);
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(u => u.Name).ThenBy(u => u.Id).PageOf(page, pageSize)
            .Select(u => new UnitDto(u.Id, u.Name, u.Kind, u.ParentId, u.ReportsToCommitteeId, u.ClosedOn, u.Version)).ToListAsync(ct);
        return TypedResults.Ok(new Page<UnitDto>(items, page, pageSize, total));
    }

    private static async Task<Results<Ok<UnitDto>, ProblemHttpResult>> Get(Guid id, UnitService units, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        await units.FindAsync(id, ct) is { } u ? TypedResults.Ok(UnitDto.From(u)) : Problems.NotFound(l);

    private static async Task<Results<Ok<Page<AuditDto>>, ValidationProblem, ProblemHttpResult>> History(Guid id, UnitService units, AuditQueries audit, IStringLocalizer<SharedResource> l,
        int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        if (Paging.Invalid(page, pageSize, AuditQueries.MaxPageSize, l) is { } invalid) return invalid;
        if (await units.FindAsync(id, ct) is null) return Problems.NotFound(l);
        return TypedResults.Ok(await audit.ListAsync(nameof(Omvarld.Domain.Organisation.Unit), id, page, pageSize, ct));
    }

    private static async Task<Results<Created<UnitDto>, ValidationProblem>> Create(UnitInput input, UnitService units, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await units.CreateAsync(input, ct);
        return result.Outcome == SaveOutcome.Saved
            ? TypedResults.Created($"/api/v1/units/{result.Unit!.Id}", UnitDto.From(result.Unit))
            : Problems.From(result.Error, l);
    }

    private static async Task<Results<Ok<UnitDto>, ValidationProblem, ProblemHttpResult>> Update(Guid id, UnitInput input, UnitService units, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        ToResult(await units.UpdateAsync(id, input, ct), l);

    private static async Task<Results<Ok<UnitDto>, ValidationProblem, ProblemHttpResult>> Close(Guid id, CloseUnitRequest request, UnitService units, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        ToResult(await units.CloseAsync(id, request.Version, request.On, ct), l);

    private static async Task<Results<Ok<UnitDto>, ValidationProblem, ProblemHttpResult>> Reopen(Guid id, VersionRequest request, UnitService units, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        ToResult(await units.ReopenAsync(id, request.Version, ct), l);

    private static Results<Ok<UnitDto>, ValidationProblem, ProblemHttpResult> ToResult(SaveResult result, IStringLocalizer<SharedResource> l) => result.Outcome switch
    {
        SaveOutcome.Saved => TypedResults.Ok(UnitDto.From(result.Unit!)),
        SaveOutcome.NotFound => Problems.NotFound(l),
        SaveOutcome.Conflict => Problems.Conflict(l, l["Concurrency_ConflictApi", result.Current!.Version, result.Current.Name]),
        _ => Problems.From(result.Error, l),
    };
}
