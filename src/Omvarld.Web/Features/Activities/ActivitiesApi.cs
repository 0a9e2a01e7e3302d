using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Omvarld.Domain.Activities;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Features.Files;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Activities;

public sealed record CommentInput(string? Text);
public sealed record LinkInput(string? Url, string? Title, int? Version);
public sealed record FundingStatusInput(FundingStatus? Status, DateOnly? On, int? Version);

/// <summary>
/// <c>/api/v1/activities</c>: the activity register with the same rules as the pages (R4–R7, R10, R11, R21). Reading is
/// for members; changing for the owning unit's editors (and the coordinator); approving for its approvers.
/// </summary>
public static class ActivitiesApi
{
    public static RouteGroupBuilder MapActivitiesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/activities").WithTags("Activities").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Member);
        g.MapGet("/", List).WithSummary("Activities, filtered (unit with sub-units, kind, status, country, goal, SDG, year, funding, classification, text), sorted and paged.")
            .WithDescription("Paged by page and pageSize (a page past the last is 400 naming it, in lastPage), or walked by cursor: sorted by start " +
                "(sort=StartDesc, the default, or StartAsc) every answer but the last carries next, an opaque cursor; ask again with after=<next> " +
                "(not together with page) for the rows after it, without counting or skipping. An answer by cursor has items, pageSize and next.");
        g.MapGet("/export", Export).AsExpensive().WithSummary("The filtered list (same filters as the list) as XLSX (format=xlsx) or CSV (format=csv; UTF-8, semicolons).");
        g.MapGet("/funding-pipeline", Pipeline).RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.CoordinatorOrKs)
            .WithSummary("R21: external funding applied, granted, rejected and paid (SEK), by programme, and projects with no external funding sought.");
        g.MapGet("/{id:guid}", Get).WithSummary("One activity with its findings: each policy check's result citing the policy version and clause.");
        g.MapGet("/{id:guid}/history", History);
        g.MapPost("/", Create);
        g.MapPut("/{id:guid}", Update);
        g.MapPost("/{id:guid}/transitions", Transition).WithSummary("A workflow step: Submit, Approve, Reject (comment required), Withdraw, Start, Complete.");
        g.MapPost("/{id:guid}/results", (Guid id, ResultInput input, ActivityService s, IStringLocalizer<SharedResource> l, CancellationToken ct) => Reply(s.ReportResultsAsync(id, input, ct), s, l, ct))
            .WithSummary("R11: a yearly results report (year given) or the final one (no year).");
        g.MapPut("/{id:guid}/gap-reason", (Guid id, GapReasonInput input, ActivityService s, IStringLocalizer<SharedResource> l, CancellationToken ct) => Reply(s.RecordGapReasonAsync(id, input, ct), s, l, ct))
            .RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator)
            .WithSummary("Issue 19: the coordinator's reason for approving an activity that starts when no policy version is in force (a gap); an empty reason withdraws it.");
        g.MapPost("/{id:guid}/funding", (Guid id, FundingLineInput input, ActivityService s, IStringLocalizer<SharedResource> l, CancellationToken ct) => Reply(s.AddFundingAsync(id, input, ct), s, l, ct));
        g.MapPut("/{id:guid}/funding/{lineId:guid}/status", (Guid id, Guid lineId, FundingStatusInput input, ActivityService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Reply(s.ChangeFundingStatusAsync(id, lineId, input.Status, input.On, input.Version, ct), s, l, ct));
        g.MapDelete("/{id:guid}/funding/{lineId:guid}", (Guid id, Guid lineId, int? version, ActivityService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Reply(s.RemoveFundingAsync(id, lineId, version, ct), s, l, ct));
        g.MapPost("/{id:guid}/trips", (Guid id, TripLineInput input, ActivityService s, IStringLocalizer<SharedResource> l, CancellationToken ct) => Reply(s.AddTripAsync(id, input, ct), s, l, ct));
        g.MapDelete("/{id:guid}/trips/{tripId:guid}", (Guid id, Guid tripId, int? version, ActivityService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Reply(s.RemoveTripAsync(id, tripId, version, ct), s, l, ct));
        g.MapPost("/{id:guid}/links", (Guid id, LinkInput input, ActivityService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Reply(s.AddLinkAsync(id, input.Url, input.Title, input.Version, ct), s, l, ct));
        g.MapDelete("/{id:guid}/links/{linkId:guid}", (Guid id, Guid linkId, int? version, ActivityService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Reply(s.RemoveLinkAsync(id, linkId, version, ct), s, l, ct));
        g.MapDelete("/{id:guid}/attachments/{attachmentId:guid}", (Guid id, Guid attachmentId, int? version, ActivityService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Reply(s.RemoveAttachmentAsync(id, attachmentId, version, ct), s, l, ct));
        g.MapPost("/{id:guid}/comments", (Guid id, CommentInput input, ActivityService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Reply(s.AddCommentAsync(id, input.Text, ct), s, l, ct)).WithSummary("An internal comment (never published).");
        g.MapPost("/{id:guid}/files", AddFile).WithSummary("Attaches a file (multipart/form-data, field 'file': PDF, Word, Excel, PowerPoint, PNG or JPEG, checked by content).");
        g.MapGet("/files/{fileId:guid}", Download);
        return api;
    }

    /// <summary>
    /// By page (<c>page</c>, the pages' way) or, for a script that walks the whole register, by cursor: <c>after</c> is the
    /// <c>next</c> of the previous answer (a page sorted by start hands on the first one). A page past the last is 400
    /// naming it (<see cref="Paging.PastEndGuard"/>).
    /// </summary>
    // The OpenAPI document shows one 200 schema, the last Ok here: the page, the default answer; the description tells the slice.
    // Every member reads the same list (no filter depends on who asks): the answer is kept per state of the
    // municipality's data (issue 17: KeptAnswers); a refusal (400, a page past the last) is not.
    private static async Task<Results<Ok<Slice<ActivityListItem>>, Ok<Page<ActivityListItem>>, FileContentHttpResult, ValidationProblem>> List(ActivityQueries q,
        KeptAnswers answers, Omvarld.Web.Data.OmvarldDbContext db, TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, HttpContext http,
        IStringLocalizer<SharedResource> l, [AsParameters] ActivityFilterQuery filter, int? page = null, int pageSize = 50, string? after = null, CancellationToken ct = default)
    {
        if (Paging.Invalid(page ?? 1, pageSize, ActivityQueries.MaxPageSize, l) is { } invalid) return invalid;
        var f = filter.ToFilter();
        ActivityCursor cursor = default;
        if (after is not null)
        {
            if (page is not null) return Problems.From(new Dictionary<string, string[]> { ["after"] = [l["Paging_CursorWithPage"]] }, l);
            if (!ActivityQueries.IsStartSort(f.Sort)) return Problems.From(new Dictionary<string, string[]> { ["after"] = [l["Paging_CursorSort"]] }, l);
            if (!ActivityCursor.TryDecode(after, out cursor) || cursor.Ascending != (f.Sort == ActivitySort.StartAsc))
                return Problems.From(new Dictionary<string, string[]> { ["after"] = [l["Paging_CursorInvalid"]] }, l);
        }
        var key = await KeptAnswers.StateAsync(db, clock, ct) is { } state ? KeptAnswers.Key(state, http.Request) : null;
        if (answers.TryGet(key, out var kept)) return kept;
        if (after is not null) return answers.Keep(key, await q.ListAfterAsync(f, cursor, pageSize, ct), json.Value.SerializerOptions);
        var list = await q.ListAsync(f, page ?? 1, pageSize, ct);
        // What Paging.PastEndGuard does for the other lists, before anything is kept.
        if (list.PageNumber > list.PageCount) return Paging.PastEnd(list.PageNumber, list.PageCount, l);
        return answers.Keep(key, list, json.Value.SerializerOptions);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(ActivityQueries q, IStringLocalizer<SharedResource> l, TimeProvider clock,
        [AsParameters] ActivityFilterQuery filter, string? format, CancellationToken ct)
    {
        if (format is not ("xlsx" or "csv"))
            return Problems.From(new Dictionary<string, string[]> { ["format"] = [l["Export_FormatInvalid"]] }, l);
        if (await q.AllAsync(filter.ToFilter(), ct) is not { } rows)
            return Problems.From(new Dictionary<string, string[]> { ["filter"] = [l["Activities_ExportTooMany", ActivityQueries.MaxExportRows]] }, l);
        var now = clock.GetLocalNow();
        return format == "csv"
            ? TypedResults.File(ActivityExport.Csv(rows, l), ActivityExport.CsvContentType, ActivityExport.FileName("csv", now))
            : TypedResults.File(ActivityExport.Xlsx(rows, l), ActivityExport.XlsxContentType, ActivityExport.FileName("xlsx", now));
    }

    private static async Task<Ok<FundingPipelineDto>> Pipeline(ActivityQueries q, int? year, CancellationToken ct) => TypedResults.Ok(await q.PipelineAsync(year, ct));

    private static async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> Get(Guid id, ActivityService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        await s.GetAsync(id, ct) is { } a ? TypedResults.Ok(a) : Problems.NotFound(l);

    private static async Task<Results<Ok<Page<AuditDto>>, ValidationProblem, ProblemHttpResult>> History(Guid id, ActivityService s, AuditQueries audit, IStringLocalizer<SharedResource> l,
        int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        if (Paging.Invalid(page, pageSize, AuditQueries.MaxPageSize, l) is { } invalid) return invalid;
        if (await s.GetAsync(id, ct) is null) return Problems.NotFound(l);
        return TypedResults.Ok(await audit.ListAsync(nameof(Activity), id, page, pageSize, ct));
    }

    private static async Task<Results<Created<ActivityDto>, Ok<ActivityDto>, ValidationProblem, ProblemHttpResult>> Create(ActivityInput input, ActivityService s, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var save = await s.CreateAsync(input, ct);
        if (save.Outcome != ActivityOutcome.Saved) return Fail(save, l);
        return TypedResults.Created($"/api/v1/activities/{save.Id}", (await s.GetAsync(save.Id!.Value, ct))!);
    }

    private static Task<Results<Created<ActivityDto>, Ok<ActivityDto>, ValidationProblem, ProblemHttpResult>> Update(Guid id, ActivityInput input, ActivityService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        Reply(s.UpdateAsync(id, input, ct), s, l, ct);

    private static Task<Results<Created<ActivityDto>, Ok<ActivityDto>, ValidationProblem, ProblemHttpResult>> Transition(Guid id, TransitionInput input, ActivityService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        Reply(s.TransitionAsync(id, input, ct), s, l, ct);

    private static async Task<Results<Created<ActivityDto>, Ok<ActivityDto>, ValidationProblem, ProblemHttpResult>> AddFile(Guid id, HttpRequest request, ActivityService s, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        // Read here, not bound: binding IFormFile adds an Accepts filter whose 415 would come before authorization.
        var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("file") : null;
        await using var stream = file?.OpenReadStream();
        return await Reply(s.AttachAsync(id, file?.FileName, stream, ct), s, l, ct);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(Guid fileId, FileService files, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        await files.OpenAsync(ActivityService.FileOwner, fileId, ct) is { } f ? TypedResults.File(f.Bytes, f.File.ContentType, f.File.FileName) : Problems.NotFound(l);

    private static async Task<Results<Created<ActivityDto>, Ok<ActivityDto>, ValidationProblem, ProblemHttpResult>> Reply(Task<ActivitySave> work, ActivityService s, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var save = await work;
        if (save.Outcome != ActivityOutcome.Saved) return Fail(save, l);
        return TypedResults.Ok((await s.GetAsync(save.Id!.Value, ct))!);
    }

    private static Results<Created<ActivityDto>, Ok<ActivityDto>, ValidationProblem, ProblemHttpResult> Fail(ActivitySave save, IStringLocalizer<SharedResource> l) => save.Outcome switch
    {
        ActivityOutcome.NotFound => Problems.NotFound(l),
        ActivityOutcome.Forbidden => TypedResults.Problem(title: l["Problem_Forbidden"], statusCode: StatusCodes.Status403Forbidden),
        ActivityOutcome.Conflict => Problems.Conflict(l, save.Changed is { Count: > 0 } changed
            ? l["Activity_ConflictChanged", save.Current!.Version, string.Join(", ", changed.Select(f => l["ActivityField_" + f].Value))]
            : l["Activity_Conflict", save.Current!.Version]),
        _ => Problems.From(save.Error, l),
    };
}

/// <summary>The list's query string: <c>?unit=&amp;kind=&amp;status=&amp;country=&amp;goal=&amp;sdg=&amp;year=&amp;funding=&amp;classification=&amp;q=&amp;sort=</c>.</summary>
public sealed class ActivityFilterQuery
{
    public Guid? Unit { get; set; }
    public ActivityKind? Kind { get; set; }
    public ActivityStatus? Status { get; set; }
    public string? Country { get; set; }
    public string? Goal { get; set; }
    public int? Sdg { get; set; }
    public int? Year { get; set; }
    public string? Funding { get; set; }
    public ActivityClass? Classification { get; set; }
    public string? Q { get; set; }
    public ActivitySort? Sort { get; set; }
    /// <summary>R20: true for the activities on the open pages, false for the others.</summary>
    public bool? Published { get; set; }

    public ActivityFilter ToFilter() => new(Unit, Kind, Status, Country, Goal, Sdg, Year, Funding, Classification, Q, Sort ?? ActivitySort.StartDesc) { Published = Published };
}
