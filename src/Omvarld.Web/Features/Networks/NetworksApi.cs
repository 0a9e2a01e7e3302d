using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Networks;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Features.Files;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Networks;

/// <summary>
/// <c>/api/v1/memberships</c> and <c>/api/v1/twin-towns</c> (R18): every member reads; the coordinator writes. Exports
/// as XLSX or CSV; the yearly cost of the memberships; a twin town's yearly notes and agreement.
/// </summary>
public static class NetworksApi
{
    public static RouteGroupBuilder MapNetworksApi(this RouteGroupBuilder api)
    {
        var m = api.MapGroup("/memberships").WithTags("Memberships").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Member);
        m.MapGet("/", ListMemberships).WithName("ListMemberships")
            .WithSummary("The memberships, paged; filters: q (name), kind, level, state (Active, Ended).");
        m.MapGet("/export", ExportMemberships).AsExpensive().WithName("ExportMemberships").WithSummary("The filtered memberships as ?format=xlsx or csv.");
        m.MapGet("/cost", async Task<Results<Ok<MembershipCost>, ValidationProblem>> (int? year, MembershipService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            year is null or < Domain.Activities.Activity.FirstYear or > Domain.Activities.Activity.LastYear
                ? Problems.From(new Dictionary<string, string[]> { ["year"] = [l["Networks_YearInvalid"]] }, l)
                : TypedResults.Ok(await s.CostAsync(year.Value, ct)))
            .WithName("MembershipCost").WithSummary("The fees of the memberships active some day in ?year, in total and per level and kind.");
        m.MapGet("/{id:guid}", async Task<Results<Ok<MembershipDto>, ProblemHttpResult>> (Guid id, MembershipService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await s.GetAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : Problems.NotFound(l)).WithName("GetMembership")
            .WithSummary("A membership with its representatives, offers and the activities done through it (status and latest result).");
        m.MapPost("/", async (MembershipRequest input, MembershipService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.CreateAsync(input, ct), s, l, ct, created: true)).WithName("CreateMembership");
        m.MapPut("/{id:guid}", async (Guid id, MembershipRequest input, MembershipService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.UpdateAsync(id, input, ct), s, l, ct)).WithName("UpdateMembership")
            .WithSummary("Changes a membership; version is required (409 when someone saved first). End it by setting memberUntil.");
        m.MapDelete("/{id:guid}", async (Guid id, MembershipService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.DeleteAsync(id, ct), s, l, ct)).WithName("DeleteMembership")
            .WithSummary("Removes a membership registered by mistake, with its links to activities.");
        m.MapPost("/{id:guid}/activities", async (Guid id, LinkInput input, MembershipService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.LinkAsync(id, input.ActivityId, ct), s, l, ct)).WithName("LinkMembershipActivity");
        m.MapDelete("/{id:guid}/activities/{activityId:guid}", async (Guid id, Guid activityId, MembershipService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.UnlinkAsync(id, activityId, ct), s, l, ct)).WithName("UnlinkMembershipActivity");

        var t = api.MapGroup("/twin-towns").WithTags("Twin towns").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Member);
        t.MapGet("/", ListTwinTowns).WithName("ListTwinTowns").WithSummary("The twin towns, paged; filters: q (city), kind, status, country (alpha-2).");
        t.MapGet("/export", ExportTwinTowns).AsExpensive().WithName("ExportTwinTowns").WithSummary("The filtered twin towns as ?format=xlsx or csv.");
        t.MapGet("/{id:guid}", async Task<Results<Ok<TwinTownDetails>, ProblemHttpResult>> (Guid id, TwinTownService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await s.GetAsync(id, ct) is { } dto ? TypedResults.Ok(new TwinTownDetails(dto, (await s.AssessAsync(dto, ct))?.Dto)) : Problems.NotFound(l))
            .WithName("GetTwinTown")
            .WithSummary("A twin town with its contacts, agreement, yearly notes, activities and the partner precondition's assessment of its country.");
        t.MapPost("/", async (TwinTownRequest input, TwinTownService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.CreateAsync(input, ct), s, l, ct, created: true)).WithName("CreateTwinTown");
        t.MapPut("/{id:guid}", async (Guid id, TwinTownRequest input, TwinTownService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.UpdateAsync(id, input, ct), s, l, ct)).WithName("UpdateTwinTown")
            .WithSummary("Changes a twin town; version is required (409 when someone saved first). End it by setting status Ended.");
        t.MapDelete("/{id:guid}", async (Guid id, TwinTownService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.DeleteAsync(id, ct), s, l, ct)).WithName("DeleteTwinTown");
        t.MapPost("/{id:guid}/activities", async (Guid id, LinkInput input, TwinTownService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.LinkAsync(id, input.ActivityId, ct), s, l, ct)).WithName("LinkTwinTownActivity");
        t.MapDelete("/{id:guid}/activities/{activityId:guid}", async (Guid id, Guid activityId, TwinTownService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.UnlinkAsync(id, activityId, ct), s, l, ct)).WithName("UnlinkTwinTownActivity");
        t.MapPut("/{id:guid}/notes/{year:int}", async (Guid id, int year, TwinTownNoteRequest input, TwinTownService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.WriteNoteAsync(id, year, input, ct), s, l, ct)).WithName("WriteTwinTownNote")
            .WithSummary("Writes the year's note on how the work develops, or revises it (then the note's version is required).");
        t.MapPost("/{id:guid}/agreement", AddAgreement).WithName("AddTwinTownAgreement")
            .WithSummary("Attaches the agreement (multipart form field 'file', PDF or Word), replacing an earlier one.");
        t.MapGet("/{id:guid}/agreement", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, TwinTownService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await s.AgreementAsync(id, ct) is { } f ? TypedResults.File(f.Bytes, f.File.ContentType, f.File.FileName) : Problems.NotFound(l))
            .WithName("GetTwinTownAgreement");
        return api;
    }

    private static ValidationProblem Paging(IStringLocalizer l) =>
        Problems.From(new Dictionary<string, string[]> { ["page"] = [l["Paging_Invalid", NetworkReads.MaxPageSize]] }, l);

    private static async Task<Results<Ok<Page<MembershipListItem>>, ValidationProblem>> ListMemberships(MembershipService s, IStringLocalizer<SharedResource> l,
        string? q, MembershipKind? kind, NetworkLevel? level, MembershipState? state, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        if (page < 1 || pageSize is < 1 or > NetworkReads.MaxPageSize) return Paging(l);
        return TypedResults.Ok(await s.ListAsync(new MembershipFilter(q, kind, level, state), page, pageSize, ct));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportMemberships(MembershipService s, IStringLocalizer<SharedResource> l,
        string? format, string? q, MembershipKind? kind, NetworkLevel? level, MembershipState? state, CancellationToken ct = default)
    {
        if (format is not ("xlsx" or "csv")) return Problems.From(new Dictionary<string, string[]> { ["format"] = [l["Networks_FormatInvalid"]] }, l);
        var file = NetworkExport.Memberships(await s.ExportRowsAsync(new MembershipFilter(q, kind, level, state), ct), format, s.Today, l);
        return TypedResults.File(file.Bytes, file.ContentType, file.FileName);
    }

    private static async Task<Results<Ok<Page<TwinTownListItem>>, ValidationProblem>> ListTwinTowns(TwinTownService s, IStringLocalizer<SharedResource> l,
        string? q, TwinTownKind? kind, TwinTownStatus? status, string? country, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        if (page < 1 || pageSize is < 1 or > NetworkReads.MaxPageSize) return Paging(l);
        return TypedResults.Ok(await s.ListAsync(new TwinTownFilter(q, kind, status, country), page, pageSize, ct));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportTwinTowns(TwinTownService s, IStringLocalizer<SharedResource> l,
        string? format, string? q, TwinTownKind? kind, TwinTownStatus? status, string? country, CancellationToken ct = default)
    {
        if (format is not ("xlsx" or "csv")) return Problems.From(new Dictionary<string, string[]> { ["format"] = [l["Networks_FormatInvalid"]] }, l);
        var file = NetworkExport.TwinTowns(await s.ExportRowsAsync(new TwinTownFilter(q, kind, status, country), ct), format, s.Today, l);
        return TypedResults.File(file.Bytes, file.ContentType, file.FileName);
    }

    private static async Task<Results<Created<StoredFileDto>, ValidationProblem, ProblemHttpResult>> AddAgreement(Guid id, HttpRequest request, TwinTownService s,
        IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!await s.MayEditAsync(ct)) return TypedResults.Problem(title: l["Problem_Forbidden"], statusCode: StatusCodes.Status403Forbidden);
        // The form is read here, not bound: a binding would add an Accepts filter whose 415 comes before authorization.
        var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("file") : null;
        await using var stream = file?.OpenReadStream();
        var (save, stored) = await s.AddAgreementAsync(id, file?.FileName, stream, ct);
        return save.Outcome switch
        {
            NetworkOutcome.Saved => TypedResults.Created($"/api/v1/twin-towns/{id}/agreement", stored!),
            NetworkOutcome.Invalid => Problems.From(save.Error, l),
            _ => Problem(save, l),
        };
    }

    public static ProblemHttpResult Problem(NetworkSave save, IStringLocalizer l) => save.Outcome switch
    {
        NetworkOutcome.NotFound => Problems.NotFound(l),
        NetworkOutcome.Forbidden => TypedResults.Problem(title: l["Problem_Forbidden"], statusCode: StatusCodes.Status403Forbidden),
        _ => Problems.Conflict(l, l["Concurrency_Conflict"]),
    };

    private static async Task<Results<Created<MembershipDto>, Ok<MembershipDto>, NoContent, ValidationProblem, ProblemHttpResult>> Reply(NetworkSave save,
        MembershipService s, IStringLocalizer<SharedResource> l, CancellationToken ct, bool created = false)
    {
        if (save.Outcome == NetworkOutcome.Invalid) return Problems.From(save.Error, l);
        if (save.Outcome != NetworkOutcome.Saved) return Problem(save, l);
        if (save.Id is not { } id) return TypedResults.NoContent();
        var dto = (await s.GetAsync(id, ct))!;
        return created ? TypedResults.Created($"/api/v1/memberships/{id}", dto) : TypedResults.Ok(dto);
    }

    private static async Task<Results<Created<TwinTownDetails>, Ok<TwinTownDetails>, NoContent, ValidationProblem, ProblemHttpResult>> Reply(NetworkSave save,
        TwinTownService s, IStringLocalizer<SharedResource> l, CancellationToken ct, bool created = false)
    {
        if (save.Outcome == NetworkOutcome.Invalid) return Problems.From(save.Error, l);
        if (save.Outcome != NetworkOutcome.Saved) return Problem(save, l);
        if (save.Id is not { } id) return TypedResults.NoContent();
        var dto = (await s.GetAsync(id, ct))!;
        var details = new TwinTownDetails(dto, (await s.AssessAsync(dto, ct))?.Dto);
        return created ? TypedResults.Created($"/api/v1/twin-towns/{id}", details) : TypedResults.Ok(details);
    }
}

/// <summary>A twin town as the API answers: the register's facts and the partner precondition's assessment of its country.</summary>
public sealed record TwinTownDetails(TwinTownDto TwinTown, TwinTownAssessmentDto? Assessment);
