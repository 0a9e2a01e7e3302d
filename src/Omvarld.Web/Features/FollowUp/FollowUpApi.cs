using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.FollowUp;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.FollowUp;

/// <summary>
/// <c>/api/v1/follow-up</c>: the yearly follow-up round (issue 15) with the pages' rules. Every member reads; the
/// coordinator opens, reminds, writes the summary and closes; a unit's editors write its section and its approvers
/// mark it ready or reopen it. A ready section refuses changes with 409 (who marked it and when); a stale version is
/// a 409 naming the questions whose stored answer differs.
/// </summary>
public static class FollowUpApi
{
    public static RouteGroupBuilder MapFollowUpApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/follow-up").WithTags("Follow-up").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Member);
        g.MapGet("/", async (FollowUpService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(ct)))
            .WithSummary("The municipality's follow-up rounds, newest year first, with how many sections are ready and late.");
        g.MapGet("/owed", async (FollowUpService s, CancellationToken ct) => TypedResults.Ok(await s.OwedAsync(ct)))
            .WithSummary("The sections the caller owes: of the units they edit or approve for, not ready, in an open round.");
        g.MapGet("/default-questions", async (int year, FollowUpService s, CancellationToken ct) => TypedResults.Ok(await s.DefaultQuestionsAsync(year, ct)))
            .WithSummary("The questions a round of the year starts with (the child perspective where the policy in force that year checks it).");
        g.MapGet("/report", async Task<Results<Ok<FollowUpReportDto>, ProblemHttpResult>> (int year, FollowUpService s, Omvarld.Web.Data.OmvarldDbContext db,
            IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await s.ReportAsync(db.CurrentMunicipalityId!.Value, year, ct) is { } report ? TypedResults.Ok(report) : Problems.NotFound(l))
            .WithSummary("For the compiled report: the coordinator's summary and every unit's answers, with who marked them ready and when.");
        g.MapPost("/", async Task<Results<Created<RoundDto>, ValidationProblem, ProblemHttpResult>> (OpenRoundInput input, FollowUpService s,
            IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var save = await s.OpenAsync(input, ct);
                if (save.Outcome != FollowUpOutcome.Saved) return FailCreated(save, l);
                return TypedResults.Created($"/api/v1/follow-up/{save.Id}", (await s.GetRoundAsync(save.Id!.Value, ct))!);
            })
            .RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator)
            .WithSummary("Opens the round of a year (coordinator): deadline, questions (default when left out) and units beyond the committees and companies.");
        g.MapGet("/{id:guid}", async Task<Results<Ok<RoundDto>, ProblemHttpResult>> (Guid id, FollowUpService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await s.GetRoundAsync(id, ct) is { } round ? TypedResults.Ok(round) : Problems.NotFound(l))
            .WithSummary("One round with its questions, summary and every section's progress (NotStarted, InProgress, Ready, Late).");
        g.MapPut("/{id:guid}", async (Guid id, RoundInput input, FollowUpService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await RoundReply(await s.UpdateRoundAsync(id, input, ct), s, l, ct))
            .RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator)
            .WithSummary("The coordinator moves the deadline and/or writes the summary for KS while the round is open.");
        g.MapPost("/{id:guid}/close", async (Guid id, SectionVersionInput input, FollowUpService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await RoundReply(await s.CloseAsync(id, input.Version, ct), s, l, ct))
            .RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator)
            .WithSummary("Closes the round (coordinator): no section and not the summary changes afterwards.");
        g.MapPost("/{id:guid}/remind", async Task<Results<Ok<RemindedDto>, ValidationProblem, ProblemHttpResult>> (Guid id, FollowUpService s,
            IStringLocalizer<SharedResource> l, CancellationToken ct) => Reminded(await s.RemindAsync(id, null, ct), l))
            .RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator)
            .WithSummary("E-mails a reminder to every unit whose section is not ready (at most once a day per section and person).");
        g.MapGet("/{id:guid}/sections", async Task<Results<Ok<IReadOnlyList<SectionProgressDto>>, ProblemHttpResult>> (Guid id, FollowUpService s,
            IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await s.GetRoundAsync(id, ct) is { } round ? TypedResults.Ok(round.Sections) : Problems.NotFound(l))
            .WithSummary("The round's sections: unit, status, progress, ready by and at.");
        g.MapGet("/sections/{id:guid}", GetSection)
            .WithSummary("One section: the questions with the unit's answers, and the register's facts of the unit in the year beside them.");
        g.MapGet("/sections/{id:guid}/history", async Task<Results<Ok<Page<AuditDto>>, ProblemHttpResult>> (Guid id, FollowUpService s, AuditQueries audit,
            IStringLocalizer<SharedResource> l, int page = 1, CancellationToken ct = default) =>
            await s.GetSectionAsync(id, ct) is null ? Problems.NotFound(l) : TypedResults.Ok(await audit.ListAsync(nameof(FollowUpSection), id, page, AuditQueries.MaxPageSize, ct)));
        g.MapPut("/sections/{id:guid}/answers", async (Guid id, AnswersInput input, FollowUpService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await SectionReply(await s.SaveAnswersAsync(id, input, ct), s, l, ct))
            .WithSummary("The unit's answers, one per question in order (the unit's editors). 409 when the section is ready or someone saved first.");
        g.MapPost("/sections/{id:guid}/ready", async (Guid id, SectionVersionInput input, FollowUpService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await SectionReply(await s.MarkReadyAsync(id, input.Version, ct), s, l, ct))
            .WithSummary("The unit's approver marks the section ready; every question must be answered.");
        g.MapPost("/sections/{id:guid}/reopen", async (Guid id, SectionVersionInput input, FollowUpService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await SectionReply(await s.ReopenAsync(id, input.Version, ct), s, l, ct))
            .WithSummary("Reopens a ready section for changes (its approver, or the coordinator), until the round is closed.");
        g.MapPut("/sections/{id:guid}/deadline", async (Guid id, SectionDeadlineInput input, FollowUpService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await SectionReply(await s.SetDeadlineAsync(id, input.Deadline, input.Version, ct), s, l, ct))
            .RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator)
            .WithSummary("The coordinator gives one unit its own deadline (null: the round's), never before the round was opened.");
        g.MapPost("/sections/{id:guid}/remind", async Task<Results<Ok<RemindedDto>, ValidationProblem, ProblemHttpResult>> (Guid id, FollowUpService s,
            Omvarld.Web.Data.OmvarldDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var roundId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
                    db.FollowUpSections.Where(x => x.Id == id).Select(x => (Guid?)x.RoundId), ct);
                return roundId is { } r ? Reminded(await s.RemindAsync(r, id, ct), l) : Problems.NotFound(l);
            })
            .RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator)
            .WithSummary("E-mails a reminder to the editors and approvers of this section's unit.");
        return api;
    }

    public sealed record RemindedDto(string Message);

    private static async Task<Results<Ok<SectionDto>, ProblemHttpResult>> GetSection(Guid id, FollowUpService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        await s.GetSectionAsync(id, ct) is { } section ? TypedResults.Ok(section) : Problems.NotFound(l);

    private static async Task<Results<Ok<RoundDto>, ValidationProblem, ProblemHttpResult>> RoundReply(FollowUpSave save, FollowUpService s,
        IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        save.Outcome == FollowUpOutcome.Saved ? TypedResults.Ok((await s.GetRoundAsync(save.Id!.Value, ct))!) : Fail<Ok<RoundDto>>(save, l);

    private static async Task<Results<Ok<SectionDto>, ValidationProblem, ProblemHttpResult>> SectionReply(FollowUpSave save, FollowUpService s,
        IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        save.Outcome == FollowUpOutcome.Saved ? TypedResults.Ok((await s.GetSectionAsync(save.Id!.Value, ct))!) : Fail<Ok<SectionDto>>(save, l);

    private static Results<Ok<RemindedDto>, ValidationProblem, ProblemHttpResult> Reminded(FollowUpSave save, IStringLocalizer l) =>
        save.Outcome == FollowUpOutcome.Saved ? TypedResults.Ok(new RemindedDto(save.Detail!)) : Fail<Ok<RemindedDto>>(save, l);

    /// <summary>The failure as ProblemDetails: 400 with the field, 403, 404, or 409 with who marked the section ready, or what differs.</summary>
    internal static ProblemHttpResult Problem(FollowUpSave save, IStringLocalizer l)
    {
        switch (save.Outcome)
        {
            case FollowUpOutcome.NotFound: return Problems.NotFound(l);
            case FollowUpOutcome.Forbidden: return TypedResults.Problem(title: l["Problem_Forbidden"], statusCode: StatusCodes.Status403Forbidden);
        }
        var extensions = new Dictionary<string, object?>();
        if (save.ReadyBy is not null) { extensions["readyBy"] = save.ReadyBy; extensions["readyAt"] = save.ReadyAt; }
        if (save.Changed is not null) extensions["changedQuestions"] = save.Changed;
        if (save.CurrentAnswers is not null) extensions["currentAnswers"] = save.CurrentAnswers;
        if (save.CurrentVersion is not null) extensions["currentVersion"] = save.CurrentVersion;
        return TypedResults.Problem(title: l["Problem_Conflict"], detail: save.Detail ?? l["FollowUp_RoundConflict"], statusCode: StatusCodes.Status409Conflict,
            extensions: extensions);
    }

    private static Results<TOk, ValidationProblem, ProblemHttpResult> Fail<TOk>(FollowUpSave save, IStringLocalizer l) where TOk : IResult =>
        save.Outcome == FollowUpOutcome.Invalid ? Problems.From(save.Error, l) : Problem(save, l);

    private static Results<Created<RoundDto>, ValidationProblem, ProblemHttpResult> FailCreated(FollowUpSave save, IStringLocalizer l) =>
        save.Outcome == FollowUpOutcome.Invalid ? Problems.From(save.Error, l) : Problem(save, l);
}
