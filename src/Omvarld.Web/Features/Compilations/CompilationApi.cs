using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Activities;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Compilations;

/// <summary>
/// <c>/api/v1/compilation</c>: KS's yearly compilation (R13) as JSON, and as XLSX, DOCX or PDF; with <c>unit</c>, a unit's
/// own part with its sub-units (R14). Members read it, as they read every activity it counts.
/// </summary>
public static class CompilationApi
{
    public static RouteGroupBuilder MapCompilationApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/compilation").WithTags("Compilation").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Member);
        g.MapGet("/", Get).AsExpensive().Produces<Compilation>(StatusCodes.Status200OK, "application/json")
            .WithSummary("R13: the yearly compilation of year (for unit and its sub-units when given), each figure beside the previous year's.");
        g.MapGet("/export", Export).AsExpensive().WithSummary("The same compilation as a file: format=xlsx, docx or pdf.");
        return api;
    }

    /// <summary>The kept compilation's JSON, written as kept (the same bytes <c>Ok(compilation)</c> would serialize).</summary>
    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Get(CompilationStore q, IStringLocalizer<SharedResource> l,
        int? year, Guid? unit, TimeProvider clock, CancellationToken ct)
    {
        var y = year ?? clock.GetLocalNow().Year - 1;
        if (InvalidYear(y, l) is { } invalid) return invalid;
        return await q.GetKeptAsync(y, unit, ct) is { } c ? TypedResults.Bytes(c.Json, "application/json; charset=utf-8") : Problems.NotFound(l);
    }

    /// <summary>The file as kept (<see cref="CompilationFiles"/>): rendered once per state of the municipality and format.</summary>
    private static async Task<Results<FileStreamHttpResult, ValidationProblem, ProblemHttpResult>> Export(CompilationFiles files, IStringLocalizer<SharedResource> l,
        HttpContext http, int? year, Guid? unit, string? format, TimeProvider clock, CancellationToken ct)
    {
        var y = year ?? clock.GetLocalNow().Year - 1;
        if (InvalidYear(y, l) is { } invalid) return invalid;
        if (!CompilationExport.IsFormat(format))
            return Problems.From(new Dictionary<string, string[]> { ["format"] = [l["Compilation_FormatInvalid"]] }, l);
        if (await files.GetAsync(y, unit, format!, ct) is not { } file) return Problems.NotFound(l);
        http.Response.ContentLength = file.Length;
        return TypedResults.Stream(file.Content, file.ContentType, file.FileName);
    }

    internal static ValidationProblem? InvalidYear(int year, IStringLocalizer l) =>
        year is < Activity.FirstYear or > Activity.LastYear
            ? Problems.From(new Dictionary<string, string[]> { ["year"] = [l["Compilation_YearInvalid", Activity.FirstYear, Activity.LastYear]] }, l)
            : null;
}
