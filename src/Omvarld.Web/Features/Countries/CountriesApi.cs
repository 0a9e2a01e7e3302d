using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Countries;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Countries;

public sealed record LatestRegimeDto(Regime Regime, int Year, string Release);

public sealed record CountryDto(string Alpha2, string Alpha3, string NameSv, string NameEn, bool EuMember, string Region, LatestRegimeDto? LatestRegime);

/// <summary>
/// <c>/api/v1/countries</c>: the countries with their newest regime classification and their evidence (any member of a
/// municipality, and the system administrator); <c>/api/v1/country-data/releases</c>: the data releases and their import
/// (the system administrator's).
/// </summary>
public static class CountriesApi
{
    public static RouteGroupBuilder MapCountriesApi(this RouteGroupBuilder api)
    {
        var countries = api.MapGroup("/countries").WithTags("Countries").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.MemberOrSystemAdmin);
        countries.MapGet("/", async (CountryDataService s, CancellationToken ct) =>
                TypedResults.Ok((await s.CountriesAsync(ct)).OrderBy(c => c.Country.Alpha2, StringComparer.Ordinal).Select(ToDto).ToList()))
            .WithSummary("Every country (ISO 3166-1) with Swedish and English name, EU membership, region and its newest regime classification (V-Dem Regimes of the World) from the data releases in use.");
        countries.MapGet("/{alpha2}/evidence", Evidence)
            .WithSummary("The country data of one country (alpha-2) from the releases in use, all years, oldest first: V-Dem and WGI governance indicators with WGI standard errors, and the V-Dem regime with the interval of its electoral democracy index. Each release is named; show its attribution (GET /api/v1/country-data/releases).");

        var releases = api.MapGroup("/country-data/releases").WithTags("Countries").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.SystemAdmin);
        releases.MapGet("/", async (CountryDataService s, CancellationToken ct) => TypedResults.Ok(await s.ListReleasesAsync(ct)))
            .WithSummary("The imported country data releases, newest first per kind, with the one in use of each kind marked.");
        // The form is read by hand, not bound: binding IFormFile adds an Accepts filter whose 415 comes before authorization.
        // Over the file's limit (and a form's overhead) the request guard answers 413 before anything reads the body.
        releases.MapPost("/", Import).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(CountryDataReader.MaxBytes + 64 * 1024))
            .WithSummary("Imports a country data release (multipart/form-data: kind = governance|regime, name, file = the CSV, optional attribution). The whole file is checked; it is stored whole and becomes the release in use, or nothing is stored and every error is returned keyed by line and column.");
        return api;
    }

    private static CountryDto ToDto(CountrySummary c) =>
        new(c.Country.Alpha2, c.Country.Alpha3, c.Country.NameSv, c.Country.NameEn, c.Country.EuMember, c.Country.Region,
            c.Latest is { } l ? new LatestRegimeDto(l.Regime, l.Year, l.Release) : null);

    private static async Task<Results<Ok<CountryEvidence>, ProblemHttpResult>> Evidence(string alpha2, CountryDataService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        await s.EvidenceAsync(alpha2, ct) is { } e ? TypedResults.Ok(e) : Problems.NotFound(l);

    private static async Task<Results<Created<CountryDataReleaseDto>, ValidationProblem>> Import(HttpRequest request, CountryDataService s, CurrentUser me,
        IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!request.HasFormContentType) return Field("file", l["CountryData_FileRequired"], l);
        var form = await request.ReadFormAsync(ct);
        if (!CountryDataService.TryParseKind(form["kind"], out var kind)) return Field("kind", l["CountryData_KindInvalid"], l);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) return Field("file", l["CountryData_FileRequired"], l);
        if (file.Length > CountryDataReader.MaxBytes) return Field("file", l["CountryData_FileTooLarge", CountryDataReader.MaxBytes / (1024 * 1024)], l);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var outcome = await s.ImportAsync(new CountryDataImport(kind, form["name"], file.FileName, buffer.ToArray(),
            me.Principal.Identity?.Name ?? "", me.Id, form["attribution"]), ct);
        if (outcome.Release is null)
            return Problems.From(outcome.Errors.GroupBy(e => e.Line == 0 ? e.Field : $"line {e.Line}")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Line == 0 || e.Field.Length == 0 ? e.Message : $"{e.Field}: {e.Message}").ToArray()), l);
        return TypedResults.Created("/api/v1/country-data/releases", outcome.Release);
    }

    private static ValidationProblem Field(string field, string message, IStringLocalizer l) =>
        Problems.From(new Dictionary<string, string[]> { [field] = [message] }, l);
}
