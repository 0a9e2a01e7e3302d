using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Admin.Users;

public sealed record CreatedUserDto(UserDto User, string TemporaryPassword);
public sealed record PasswordResetDto(string TemporaryPassword);
public sealed record ActiveRequest(bool Active);

/// <summary><c>/api/v1/users</c>: a coordinator's own municipality, a system administrator's any.</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/users").WithTags("Users").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.UserAdmin);
        g.MapGet("/", async Task<Results<Ok<Page<UserDto>>, ValidationProblem>> (UserAdminService s, IStringLocalizer<SharedResource> l, Guid? municipalityId, string? search, int page = 1, int pageSize = 50, CancellationToken ct = default) =>
            Paging.Invalid(page, pageSize, UserAdminService.MaxPageSize, l) is { } invalid ? invalid : TypedResults.Ok(await s.ListAsync(municipalityId, search?.Length > 100 ? search[..100] : search, page, pageSize, ct)));
        g.MapGet("/{id:guid}", async Task<Results<Ok<UserDto>, ProblemHttpResult>> (Guid id, UserAdminService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await s.GetAsync(id, ct) is { } u ? TypedResults.Ok(u) : Problems.NotFound(l));
        g.MapPost("/", async Task<Results<Created<CreatedUserDto>, ValidationProblem, ProblemHttpResult>> (CreateUserInput input, UserAdminService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var (user, password, result) = await s.CreateAsync(input, ct);
            if (result.Error == UserAdminService.CreateConflict) return Problems.Conflict(l, l[UserAdminService.CreateConflict]);
            return result.IsOk ? TypedResults.Created($"/api/v1/users/{user!.Id}", new CreatedUserDto(user, password!)) : Problems.From(result, l);
        });
        g.MapPost("/{id:guid}/roles", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (Guid id, RoleInput input, UserAdminService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await s.AddRoleAsync(id, input, ct) switch
            {
                null => Problems.NotFound(l),
                { IsOk: true } => TypedResults.NoContent(),
                var r => Problems.From(r.Value, l),
            });
        g.MapDelete("/{id:guid}/roles/{assignmentId:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, Guid assignmentId, UserAdminService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await s.RemoveRoleAsync(id, assignmentId, ct) ? TypedResults.NoContent() : Problems.NotFound(l));
        g.MapPost("/{id:guid}/reset-password", async Task<Results<Ok<PasswordResetDto>, ProblemHttpResult>> (Guid id, UserAdminService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await s.ResetPasswordAsync(id, ct) switch
            {
                null => Problems.NotFound(l),
                { TemporaryPassword: { } p } => TypedResults.Ok(new PasswordResetDto(p)),
                _ => Problems.Conflict(l, l["User_ResetConflict"]),
            });
        g.MapPut("/{id:guid}/active", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ActiveRequest request, UserAdminService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await s.SetActiveAsync(id, request.Active, ct) ? TypedResults.NoContent() : Problems.NotFound(l));
        g.MapPost("/{id:guid}/unlock", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, UserAdminService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await s.UnlockAsync(id, ct) ? TypedResults.NoContent() : Problems.NotFound(l));
        return api;
    }
}
