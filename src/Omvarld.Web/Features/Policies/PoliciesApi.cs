using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Policies;

/// <summary><c>/api/v1/policies</c>: governing documents, versions with their goals, checks and clauses, the version in force, import.</summary>
public static class PoliciesApi
{
    public const int MaxImportBytes = 512 * 1024;

    public static RouteGroupBuilder MapPoliciesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/policies").WithTags("Policies").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Member);
        g.MapGet("/", async (PolicyService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(ct)));
        g.MapGet("/versions/{id:guid}", async Task<Results<Ok<VersionDetails>, ProblemHttpResult>> (Guid id, PolicyService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await s.GetVersionAsync(id, ct) is { } v ? TypedResults.Ok(v) : Problems.NotFound(l));
        g.MapGet("/in-force", InForceOn);
        g.MapPost("/versions/{id:guid}/decisions", RecordDecision).RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.CoordinatorOrKs);
        // The body is read as text whatever its content type (no Accepts filter: a mismatch would fall to routing's 415).
        g.MapPost("/import", Import).RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator);
        return api;
    }

    private static async Task<Results<Ok<List<InForceDto>>, ValidationProblem>> InForceOn(PolicyService s, IStringLocalizer<SharedResource> l, string? date, CancellationToken ct)
    {
        var day = s.Today;
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            return Problems.From(new Dictionary<string, string[]> { ["date"] = [l["Policies_DateInvalid"]] }, l);
        return TypedResults.Ok(await s.InForceAsync(day, ct));
    }

    private static async Task<Results<Ok<VersionDetails>, ValidationProblem, ProblemHttpResult>> RecordDecision(Guid id, DecisionInput input, PolicyService s, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var outcome = await s.RecordDecisionAsync(id, input, ct);
        if (outcome is not { } o) return Problems.NotFound(l);
        if (o.Conflict) return Problems.Conflict(l, l["Concurrency_Conflict"]);
        if (!o.Result.IsOk) return Problems.From(o.Result, l);
        return TypedResults.Ok((await s.GetVersionAsync(id, ct))!);
    }

    /// <summary>The body is a policy file (<c>omvarld-policy/1</c>); errors come back with line and field.</summary>
    private static async Task<Results<Created<VersionSummaryDto>, ValidationProblem>> Import(HttpRequest request, PolicyService s, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (request.ContentLength is > MaxImportBytes)
            return Problems.From(new Dictionary<string, string[]> { ["body"] = [l["Policies_FileTooLarge"]] }, l);
        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxImportBytes + 1];
        var read = await reader.ReadBlockAsync(buffer, ct);
        if (read > MaxImportBytes) return Problems.From(new Dictionary<string, string[]> { ["body"] = [l["Policies_FileTooLarge"]] }, l);
        var result = await s.ImportAsync(new string(buffer, 0, read), ct);
        if (result.Version is null)
            return Problems.From(result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => l["Policies_ErrorAtLine", e.Line, e.Message].Value).ToArray()), l);
        var summary = (await s.ListAsync(ct)).SelectMany(d => d.Versions).First(v => v.Id == result.Version.Id);
        return TypedResults.Created($"/api/v1/policies/versions/{summary.Id}", summary);
    }
}
