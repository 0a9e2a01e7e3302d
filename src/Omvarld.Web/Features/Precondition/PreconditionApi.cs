using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Countries;
using Omvarld.Web.Features.Files;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Precondition;

public sealed record CriteriaDto(PreconditionCriteria Criteria, bool IsDefault, int Version);
public sealed record CriteriaInput(PreconditionCriteria? Criteria, int? Version);

/// <summary>
/// The partner precondition (R8, R9): criteria per policy version, country assessments with their evidence, the
/// coordinator's judgements, KS's exceptions and the changes a new data release brought.
/// </summary>
public static class PreconditionApi
{
    public static RouteGroupBuilder MapPreconditionApi(this RouteGroupBuilder api)
    {
        var member = AuthorizationPolicies.Api + AuthorizationPolicies.Member;
        var coordinator = AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator;

        var criteria = api.MapGroup("/precondition").WithTags("Precondition").RequireAuthorization(member);
        criteria.MapGet("/criteria/{policyVersionId:guid}", async (Guid policyVersionId, PreconditionService s, CancellationToken ct) =>
        {
            var (c, isDefault, version) = await s.CriteriaAsync(policyVersionId, ct);
            return TypedResults.Ok(new CriteriaDto(c, isDefault, version));
        }).WithSummary("How the precondition's criteria are judged from the data for a policy version (the documented defaults until the municipality sets its own).");
        criteria.MapPut("/criteria/{policyVersionId:guid}", SetCriteria).RequireAuthorization(coordinator);
        criteria.MapGet("/changes", async (PreconditionService s, CancellationToken ct) => TypedResults.Ok(await s.ChangesAsync(ct)))
            .RequireAuthorization(coordinator)
            .WithSummary("Partner countries whose assessment changed with a new data release, with old and new values and the approved or ongoing activities they touch.");
        criteria.MapPost("/changes/{id:guid}/acknowledge", async (Guid id, PreconditionService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Reply(await s.AcknowledgeAsync(id, ct), l)).RequireAuthorization(coordinator);

        api.MapGet("/countries/{alpha2}/assessment", Assessment).WithTags("Countries").RequireAuthorization(member)
            .WithSummary("R8: the country's assessment under the policy in force on the date (default today): met, not met or unclear per criterion, with every reading, its year, release and uncertainty, and any manual judgement beside the data.");

        var judgements = api.MapGroup("/judgements").WithTags("Precondition").RequireAuthorization(member);
        judgements.MapGet("/", async (string country, PreconditionService s, CancellationToken ct) => TypedResults.Ok(await s.JudgementsAsync(country, ct)));
        judgements.MapPost("/", async (JudgementInput input, PreconditionService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Reply(await s.JudgeAsync(input, ct), l, created: "/api/v1/judgements")).RequireAuthorization(coordinator)
            .WithSummary("The coordinator's judgement overriding the data for a country or a city: the reason is required; the data stays visible beside it.");
        judgements.MapDelete("/{id:guid}", async (Guid id, PreconditionService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Reply(await s.WithdrawJudgementAsync(id, ct), l)).RequireAuthorization(coordinator);

        var exceptions = api.MapGroup("/exceptions").WithTags("Precondition").RequireAuthorization(member);
        exceptions.MapGet("/", async (Guid? activity, string? country, PreconditionService s, CancellationToken ct) => TypedResults.Ok(await s.ExceptionsAsync(activity, country, ct)))
            .WithSummary("KS's exceptions (R9), for an activity or the partners of a country, with their validity.");
        exceptions.MapPost("/", RecordException)
            .WithSummary("Records KS's exception for one activity and one of its partners (KS secretariat only): body, date, §, case number, decision text, valid until.");
        exceptions.MapGet("/files/{fileId:guid}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid fileId, FileService files, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await files.OpenAsync(PreconditionService.FileOwner, fileId, ct) is { } f ? TypedResults.File(f.Bytes, f.File.ContentType, f.File.FileName) : Problems.NotFound(l));
        return api;
    }

    private static async Task<Results<Ok<AssessmentResult>, ValidationProblem, ProblemHttpResult>> Assessment(string alpha2, string? date, PreconditionService s,
        IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var on = s.Today;
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out on))
            return Problems.From(new Dictionary<string, string[]> { ["date"] = [l["Policies_DateInvalid"]] }, l);
        var result = await s.AssessAsync([alpha2], on, null, ct);
        return result.Values.FirstOrDefault() is { } a ? TypedResults.Ok(a) : Problems.NotFound(l);
    }

    private static async Task<Results<Created, Ok, NoContent, ValidationProblem, ProblemHttpResult>> SetCriteria(Guid policyVersionId, CriteriaInput input, PreconditionService s,
        IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        input.Criteria is null
            ? Problems.From(new Dictionary<string, string[]> { ["criteria"] = [l["Problem_Invalid"]] }, l)
            : Reply(await s.SetCriteriaAsync(policyVersionId, input.Criteria, input.Version, ct), l);

    private static async Task<Results<Created, Ok, NoContent, ValidationProblem, ProblemHttpResult>> RecordException(ExceptionInput input, PreconditionService s,
        IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        Reply(await s.RecordExceptionAsync(input, ct: ct), l, created: "/api/v1/exceptions");

    private static Results<Created, Ok, NoContent, ValidationProblem, ProblemHttpResult> Reply(PreconditionSave save, IStringLocalizer<SharedResource> l, string? created = null) => save.Outcome switch
    {
        PreconditionOutcome.Saved when created is not null => TypedResults.Created($"{created}/{save.Id}"),
        PreconditionOutcome.Saved => TypedResults.NoContent(),
        PreconditionOutcome.NotFound => Problems.NotFound(l),
        PreconditionOutcome.Forbidden => TypedResults.Problem(title: l["Problem_Forbidden"], statusCode: StatusCodes.Status403Forbidden),
        PreconditionOutcome.Conflict => Problems.Conflict(l, l["Concurrency_Conflict"]),
        _ => Problems.From(save.Error, l),
    };
}
