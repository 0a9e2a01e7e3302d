using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Admin.SignIn;

/// <summary><c>/api/v1/sign-in/oidc</c>: the municipality's OpenID Connect settings (coordinator: their own; system administrator: <c>?municipalityId=</c>).</summary>
public static class OidcSettingsApi
{
    public static RouteGroupBuilder MapOidcSettingsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/sign-in/oidc").WithTags("SignIn").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.UserAdmin);
        g.MapGet("/", async Task<Results<Ok<OidcSettingsDto>, ProblemHttpResult>> (Guid? municipalityId, OidcSettingsService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await s.ResolveAsync(municipalityId, ct) is { } m && await s.GetAsync(m, ct) is { } dto ? TypedResults.Ok(dto) : Problems.NotFound(l))
            .WithName("GetOidcSettings");
        g.MapPut("/", async Task<Results<Ok<OidcSettingsDto>, ValidationProblem, ProblemHttpResult>> (Guid? municipalityId, OidcSettingsInput input, OidcSettingsService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                if (await s.ResolveAsync(municipalityId, ct) is not { } m) return Problems.NotFound(l);
                var (dto, errors) = await s.SaveAsync(m, input, ct);
                if (errors.Count == 0) return TypedResults.Ok(dto!);
                if (errors[0].Error == "Concurrency_Conflict") return Problems.Conflict(l, l["Oidc_ConflictApi", dto?.Version ?? 0]);
                return Problems.From(errors.GroupBy(e => e.Field ?? "").ToDictionary(g => g.Key, g => g.Select(e => l.Message(e)).ToArray()), l);
            })
            .WithName("PutOidcSettings");
        return api;
    }
}
