using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Activities.Import;

public sealed record ImportSummaryDto(int Stored);

/// <summary>
/// <c>/api/v1/activities/import</c>: moving existing activities in from the template (XLSX or CSV), all or nothing,
/// and the template itself. The coordinator's, like the page <c>/aktiviteter/importera</c>.
/// </summary>
public static class ActivityImportApi
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static RouteGroupBuilder MapActivityImportApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/activities/import").WithTags("Activities").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator);
        // The form is read by hand, not bound: binding IFormFile adds an Accepts filter whose 415 comes before authorization.
        // Over the file's limit (and a form's overhead) the request guard answers 413 before anything reads the body.
        g.MapPost("/", Import).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ActivityImportFile.MaxBytes + 64 * 1024))
            .WithSummary("Imports activities from the template (multipart/form-data, field 'file': .xlsx or .csv). Either every row is stored, as drafts, or none; errors are keyed by row.");
        g.MapGet("/template", Template).WithSummary("The import template: ?format=xlsx (with a sheet of codes) or csv (UTF-8, semicolons).");
        return api;
    }

    private static async Task<Results<Created<ImportSummaryDto>, ValidationProblem>> Import(HttpRequest request, ActivityImportService s, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("file") : null;
        if (file is null || file.Length == 0) return FileProblem(l["ActivityImport_FileRequired"], l);
        if (file.Length > ActivityImportFile.MaxBytes) return FileProblem(l["ActivityImport_FileTooLarge", ActivityImportFile.MaxBytes / (1024 * 1024)], l);
        var outcome = await s.ImportAsync(file.FileName, await ReadAsync(file, ct), ct);
        if (!outcome.IsOk)
            return Problems.From(outcome.Errors.GroupBy(e => e.Row == 0 ? "file" : $"row {e.Row}")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Column.Length == 0 ? e.Message : $"{e.Column}: {e.Message}").ToArray()), l);
        return TypedResults.Created("/api/v1/activities", new ImportSummaryDto(outcome.Stored));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Template(string? format, ActivityImportService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        format?.ToLowerInvariant() switch
        {
            null or "xlsx" => TypedResults.File(await s.TemplateXlsxAsync(ct), XlsxContentType, "aktiviteter-mall.xlsx"),
            "csv" => TypedResults.File(await s.TemplateCsvAsync(ct), CsvContentType, "aktiviteter-mall.csv"),
            _ => Problems.From(new Dictionary<string, string[]> { ["format"] = [l["ActivityImport_FormatInvalid"]] }, l),
        };

    internal static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await using var stream = file.OpenReadStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static ValidationProblem FileProblem(string message, IStringLocalizer l) =>
        Problems.From(new Dictionary<string, string[]> { ["file"] = [message] }, l);
}
