using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Audit;

/// <summary>
/// <c>/api/v1/audit</c>: the municipality's audit trail for its coordinator and KS's secretariat, the installation-wide
/// entries for the system administrator; read-only (there is no route that changes it).
/// </summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async Task<Results<Ok<Page<AuditDto>>, ValidationProblem>> (AuditQueries audit, IStringLocalizer<SharedResource> l, string? entityType, Guid? entityId, int page = 1, int pageSize = 50, CancellationToken ct = default) =>
                Paging.Invalid(page, pageSize, AuditQueries.MaxPageSize, l) is { } invalid ? invalid : TypedResults.Ok(await audit.LogAsync(entityType, entityId, page, pageSize, ct)))
            .WithTags("Audit").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.AuditLog);
        return api;
    }
}
