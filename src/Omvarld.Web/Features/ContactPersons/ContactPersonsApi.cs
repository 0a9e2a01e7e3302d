using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.ContactPersons;

/// <summary>
/// <c>/api/v1/contact-persons</c> (R15): the contact persons of the offices and chosen units, their competence-development
/// log, the units without one and the export. Members read; the coordinator and the unit's editors appoint; they and the
/// contact person log.
/// </summary>
public static class ContactPersonsApi
{
    public static RouteGroupBuilder MapContactPersonsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/contact-persons").WithTags("ContactPersons").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Member);
        g.MapGet("/", List).WithName("ListContactPersons").WithSummary("Appointments, paged; filter by unit, status (Current, Future, Ended) and name.");
        g.MapGet("/units-without", async (ContactPersonService s, CancellationToken ct) => TypedResults.Ok(await s.GapsAsync(ct)))
            .WithName("UnitsWithoutContactPerson").WithSummary("Units that need a contact person and have none today; requirement is the policy clause in force, or null.");
        g.MapGet("/export", Export).AsExpensive().WithName("ExportContactPersons").WithSummary("The appointments as XLSX or CSV (format=xlsx|csv), filtered by status.");
        g.MapGet("/{id:guid}", async Task<Results<Ok<ContactPersonDto>, ProblemHttpResult>> (Guid id, ContactPersonService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await s.GetAsync(id, ct) is { } p ? TypedResults.Ok(p) : Problems.NotFound(l)).WithName("GetContactPerson");
        g.MapPost("/", async (ContactPersonInput input, ContactPersonService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.CreateAsync(input, ct), s, l, ct, created: true)).WithName("CreateContactPerson");
        g.MapPut("/{id:guid}", async (Guid id, ContactPersonInput input, ContactPersonService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.UpdateAsync(id, input, ct), s, l, ct)).WithName("UpdateContactPerson").WithSummary("Changes the people and the period; version required (409 when stale). The unit stays.");
        g.MapPost("/{id:guid}/end", async (Guid id, EndContactInput input, ContactPersonService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Reply(await s.EndAsync(id, input, ct), s, l, ct)).WithName("EndContactPerson").WithSummary("Ends the period on the given day (the last day served); version required.");
        g.MapPut("/chosen-units/{unitId:guid}", async (Guid unitId, ContactPersonService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Plain(await s.SetChosenAsync(unitId, true, ct), l)).WithName("ChooseContactPersonUnit").WithSummary("The coordinator marks a unit as needing a contact person.");
        g.MapDelete("/chosen-units/{unitId:guid}", async (Guid unitId, ContactPersonService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Plain(await s.SetChosenAsync(unitId, false, ct), l)).WithName("UnchooseContactPersonUnit");

        g.MapGet("/{id:guid}/competence", async Task<Results<Ok<List<CompetenceEntryDto>>, ProblemHttpResult>> (Guid id, ContactPersonService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await s.GetAsync(id, ct) is null ? Problems.NotFound(l) : TypedResults.Ok(await s.EntriesAsync(id, ct))).WithName("ListCompetenceEntries");
        g.MapPost("/{id:guid}/competence", async (Guid id, CompetenceInput input, ContactPersonService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await EntryReply(await s.AddEntryAsync(id, input, ct), id, s, l, ct, created: true)).WithName("AddCompetenceEntry");
        g.MapPut("/{id:guid}/competence/{entryId:guid}", async (Guid id, Guid entryId, CompetenceInput input, ContactPersonService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await EntryReply(await s.UpdateEntryAsync(id, entryId, input, ct), id, s, l, ct)).WithName("UpdateCompetenceEntry");
        g.MapDelete("/{id:guid}/competence/{entryId:guid}", async (Guid id, Guid entryId, ContactPersonService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Plain(await s.DeleteEntryAsync(id, entryId, ct), l)).WithName("DeleteCompetenceEntry");
        return api;
    }

    private static async Task<Results<Ok<Page<ContactPersonDto>>, ValidationProblem>> List(ContactPersonService s, IStringLocalizer<SharedResource> l,
        Guid? unitId, ContactStatus? status, string? q, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        if (page < 1 || pageSize is < 1 or > ContactPersonService.MaxPageSize)
            return Problems.From(new Dictionary<string, string[]> { ["page"] = [l["Paging_Invalid", ContactPersonService.MaxPageSize]] }, l);
        return TypedResults.Ok(await s.ListAsync(unitId, status, q, page, pageSize, ct));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(ContactPersonService s, IStringLocalizer<SharedResource> l, TimeProvider clock,
        string? format, ContactStatus? status, CancellationToken ct)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !string.IsNullOrEmpty(format) && !string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
            return Problems.From(new Dictionary<string, string[]> { ["format"] = [l["ContactPersons_FormatInvalid"]] }, l);
        var rows = await s.AllAsync(status, ct);
        if (rows is null) return Problems.From(new Dictionary<string, string[]> { ["status"] = [l["ContactPersons_TooMany", ContactPersonService.MaxExportRows]] }, l);
        var now = clock.GetLocalNow();
        return csv
            ? TypedResults.File(ContactPersonExport.Csv(rows, l), ContactPersonExport.CsvContentType, ContactPersonExport.FileName("csv", now))
            : TypedResults.File(ContactPersonExport.Xlsx(rows, l), ContactPersonExport.XlsxContentType, ContactPersonExport.FileName("xlsx", now));
    }

    private static async Task<Results<Created<ContactPersonDto>, Ok<ContactPersonDto>, ValidationProblem, ProblemHttpResult>> Reply(ContactSave save, ContactPersonService s,
        IStringLocalizer<SharedResource> l, CancellationToken ct, bool created = false) => save.Outcome switch
    {
        ContactOutcome.Saved when created => TypedResults.Created($"/api/v1/contact-persons/{save.Id}", (await s.GetAsync(save.Id!.Value, ct))!),
        ContactOutcome.Saved => TypedResults.Ok((await s.GetAsync(save.Id!.Value, ct))!),
        _ => Refusal<ContactPersonDto>(save, l),
    };

    private static async Task<Results<Created<CompetenceEntryDto>, Ok<CompetenceEntryDto>, ValidationProblem, ProblemHttpResult>> EntryReply(ContactSave save, Guid id,
        ContactPersonService s, IStringLocalizer<SharedResource> l, CancellationToken ct, bool created = false) => save.Outcome switch
    {
        ContactOutcome.Saved when created => TypedResults.Created($"/api/v1/contact-persons/{id}/competence/{save.Id}", (await s.EntryAsync(id, save.Id!.Value, ct))!),
        ContactOutcome.Saved => TypedResults.Ok((await s.EntryAsync(id, save.Id!.Value, ct))!),
        _ => Refusal<CompetenceEntryDto>(save, l),
    };

    private static Results<NoContent, ValidationProblem, ProblemHttpResult> Plain(ContactSave save, IStringLocalizer<SharedResource> l) => save.Outcome switch
    {
        ContactOutcome.Saved => TypedResults.NoContent(),
        ContactOutcome.NotFound => Problems.NotFound(l),
        ContactOutcome.Forbidden => Forbidden(l),
        ContactOutcome.Conflict => Problems.Conflict(l, l["Concurrency_Conflict"]),
        _ => Problems.From(save.Error, l),
    };

    private static Results<Created<T>, Ok<T>, ValidationProblem, ProblemHttpResult> Refusal<T>(ContactSave save, IStringLocalizer<SharedResource> l) => save.Outcome switch
    {
        ContactOutcome.NotFound => Problems.NotFound(l),
        ContactOutcome.Forbidden => Forbidden(l),
        ContactOutcome.Conflict => Problems.Conflict(l, l["Concurrency_Conflict"]),
        _ => Problems.From(save.Error, l),
    };

    private static ProblemHttpResult Forbidden(IStringLocalizer<SharedResource> l) =>
        TypedResults.Problem(title: l["Problem_Forbidden"], statusCode: StatusCodes.Status403Forbidden);
}
