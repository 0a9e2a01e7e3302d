using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Account;

public sealed record MeDto(Guid Id, string Name, Guid? MunicipalityId, IEnumerable<string> Roles);
public sealed record CreateTokenRequest(string? Name, int? Days);
public sealed record CreatedTokenDto(ApiTokenDto Token, string Secret);

/// <summary><c>/api/v1/me</c>: who the token belongs to, and the user's own API tokens.</summary>
public static class AccountApi
{
    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/me").WithTags("Account").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.SignedIn);
        g.MapGet("/", async (CurrentUser me, CancellationToken ct) =>
        {
            var scope = await me.GetScopeAsync(ct);
            return TypedResults.Ok(new MeDto(me.Id!.Value, me.DisplayName, me.MunicipalityId, scope.Roles.Select(r => r.ToString())));
        });
        g.MapGet("/tokens", async (CurrentUser me, ApiTokenService tokens, CancellationToken ct) => TypedResults.Ok(await tokens.ListAsync(me.Id!.Value, ct)));
        g.MapPost("/tokens", Create);
        g.MapDelete("/tokens/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, CurrentUser me, ApiTokenService tokens, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await tokens.RevokeAsync(me.Id!.Value, id, ct) ? TypedResults.NoContent() : Problems.NotFound(l));
        return api;
    }

    private static async Task<Results<Created<CreatedTokenDto>, ValidationProblem>> Create(CreateTokenRequest request, CurrentUser me, ApiTokenService tokens, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var (token, secret, result) = await tokens.CreateAsync(me.Id!.Value, me.MunicipalityId, request.Name, request.Days ?? 90, ct);
        return result.IsOk ? TypedResults.Created($"/api/v1/me/tokens/{token!.Id}", new CreatedTokenDto(token, secret!)) : Problems.From(result, l);
    }
}
