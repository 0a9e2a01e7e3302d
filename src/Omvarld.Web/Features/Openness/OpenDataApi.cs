using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Openness;

/// <summary>The envelope of every open JSON answer: whose data it is, under which licence, with which attribution.</summary>
public sealed record OpenDataEnvelope<T>(OpenDataPublisher Publisher, OpenDataLicenceDto Licence, string Attribution, T Data);
public sealed record OpenDataPublisher(string Name, string Slug, string? MunicipalityCode, string? ContactEmail, string Homepage);
public sealed record OpenDataLicenceDto(string Name, string Uri);
public sealed record OpenDataList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    /// <summary>The cursor that continues the list (<c>after=</c>, issue 17); null at the end and where a list has none.</summary>
    public string? Next { get; init; }
}

/// <summary>A stretch of the open list walked by cursor (<c>after=</c>): no page number, no count; <see cref="Next"/> continues it.</summary>
public sealed record OpenDataSlice<T>(IReadOnlyList<T> Items, int PageSize, string? Next);

/// <summary>
/// <c>/api/v1/public</c>: the municipalities' open data (R20), anonymous. The published activities as paged JSON (the
/// open pages' filters) and as CSV, one activity, KS's exception decisions, and DCAT-AP-SE catalogues. Every answer
/// states its licence (in the envelope, and as a <c>Link: rel="license"</c> header) and is cacheable (ETag, 304).
/// An unpublished activity is answered exactly like a missing one.
/// </summary>
public static class OpenDataApi
{
    public const string Tag = "Öppna data";

    public static WebApplication MapOpenDataApi(this WebApplication app)
    {
        var g = app.MapGroup("/api/v1/public").AllowAnonymous().WithTags(Tag);
        g.MapGet("/dcat", NationalDcat).WithName("PublicDcatNational").Produces<string>(contentType: "application/ld+json")
            .WithSummary("DCAT-AP-SE catalogue (JSON-LD) of every municipality's open data in Omvärld.");
        g.MapGet("/{kommun}/activities", List).WithName("PublicActivities")
            .Produces<OpenDataEnvelope<OpenDataList<PublicActivity>>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).Produces(StatusCodes.Status304NotModified)
            .WithSummary("The municipality's published activities, filtered (year, kind, country, goal, sdg) and paged (page, pageSize ≤ 100).")
            .WithDescription("A page past the last is 400 naming it (lastPage). To walk every activity without counting or skipping, follow the " +
                "cursor: each answer but the last has next in its data; ask again with after=<next> (not together with page). An answer by cursor " +
                "has items, pageSize and next.");
        g.MapGet("/{kommun}/activities.csv", ListCsv).AsExpensive().WithName("PublicActivitiesCsv").Produces<string>(contentType: "text/csv").ProducesValidationProblem()
            .WithSummary("Every published activity as CSV (UTF-8, comma-separated); the licence in the Link header.");
        g.MapGet("/{kommun}/activities/{id:guid}", Get).WithName("PublicActivity")
            .Produces<OpenDataEnvelope<PublicActivity>>().ProducesProblem(StatusCodes.Status404NotFound).Produces(StatusCodes.Status304NotModified).WithSummary("One published activity.");
        g.MapGet("/{kommun}/exceptions", Exceptions).WithName("PublicExceptions")
            .Produces<OpenDataEnvelope<OpenDataList<PublicException>>>().ProducesProblem(StatusCodes.Status404NotFound).Produces(StatusCodes.Status304NotModified)
            .WithSummary("KS's decisions on exceptions from the partner precondition: where, when, by which body, case number, reasoning, validity.");
        g.MapGet("/{kommun}/exceptions.csv", ExceptionsCsv).WithName("PublicExceptionsCsv").Produces<string>(contentType: "text/csv").WithSummary("KS's exception decisions as CSV.");
        g.MapGet("/{kommun}/dcat", MunicipalityDcat).WithName("PublicDcat").Produces<string>(contentType: "application/ld+json")
            .WithSummary("DCAT-AP-SE catalogue (JSON-LD) of the municipality's open data, for dataportal.se.");
        return app;
    }

    /// <summary>The one 404 of the open data: the same body for a missing slug, a missing activity and an unpublished one.</summary>
    private static IResult Missing(IStringLocalizer l) => TypedResults.Json(new ProblemDetails { Status = 404, Title = l["Problem_NotFound"] },
        contentType: "application/problem+json", statusCode: StatusCodes.Status404NotFound);

    private static OpenDataEnvelope<T> Envelope<T>(PublicMunicipality m, HttpRequest request, IStringLocalizer l, T data) =>
        new(new(m.Name, m.Slug, m.MunicipalityCode, m.ContactEmail, $"{PublicCache.BaseUrl(request)}/oppet/{m.Slug}"),
            new(m.Licence.Name, m.Licence.Uri), Attribution(m, l), data);

    public static string Attribution(PublicMunicipality m, IStringLocalizer l) => l["OpenData_Attribution", m.Name, m.Licence.Name].Value;

    private static void LicenceHeader(HttpContext context, PublicMunicipality m) =>
        context.Response.Headers.Append("Link", $"<{m.Licence.Uri}>; rel=\"license\", <{PublicCache.BaseUrl(context.Request)}/api/v1/public/{m.Slug}/dcat>; rel=\"describedby\"; type=\"application/ld+json\"");

    /// <summary>
    /// Resolves the slug, answers 404 (unknown slug, or <paramref name="exists"/> says no: an unpublished id), 400 or
    /// 304 before any work; otherwise sets the licence header and runs <paramref name="answer"/>.
    /// </summary>
    private static async Task<IResult> Open(string kommun, HttpContext context, PublicQueries q, IStringLocalizer<SharedResource> l,
        Func<PublicMunicipality, Task<IResult>> answer, CancellationToken ct, ParsedPublicQuery? parsed = null, Func<PublicMunicipality, Task<bool>>? exists = null)
    {
        if (await q.MunicipalityAsync(kommun, ct) is not { } m) return Missing(l);
        if (parsed is { IsValid: false }) return Problems.From(parsed.Errors.ToDictionary(), l);
        if (exists is not null && !await exists(m)) return Missing(l);
        if (PublicCache.NotModified(context, await q.StampAsync(m, ct))) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        LicenceHeader(context, m);
        return await answer(m);
    }

    private static Task<IResult> List(string kommun, HttpContext context, PublicQueries q, KeptAnswers answers, ReferenceData reference,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var parsed = PublicFilterParser.Parse(context.Request.Query, PublicFilterNames.Api, reference, l);
        var (after, cursorError) = Cursor(context.Request.Query, l);
        if (cursorError is not null) parsed = parsed with { Errors = new Dictionary<string, string[]>(parsed.Errors) { ["after"] = [cursorError] } };
        return Open(kommun, context, q, l, async m =>
        {
            var baseUrl = PublicCache.BaseUrl(context.Request);
            // The same bytes for every visitor while nothing of the municipality changes (issue 17: KeptAnswers).
            var key = KeptAnswers.Key(await q.StampAsync(m, ct), context.Request);
            if (answers.TryGet(key, out var kept)) return kept;
            if (after is { } cursor)
            {
                var (items, next) = await q.ListAfterAsync(m, parsed.Filter, cursor, parsed.PageSize, baseUrl, ct);
                return answers.Keep(key, Envelope(m, context.Request, l, new OpenDataSlice<PublicActivity>(items, parsed.PageSize, next)), json.Value.SerializerOptions);
            }
            var page = await q.ListAsync(m, parsed.Filter, parsed.Page, parsed.PageSize, baseUrl, ct);
            if (page.Page > page.PageCount) return Paging.PastEnd(page.Page, page.PageCount, l);
            return answers.Keep(key, Envelope(m, context.Request, l, new OpenDataList<PublicActivity>(page.Items, page.Page, page.PageSize, page.Total) { Next = page.Next }),
                json.Value.SerializerOptions);
        }, ct, parsed);
    }

    /// <summary><c>after</c>: one value, a cursor this API made, and not beside <c>page</c>; else the Swedish reason.</summary>
    private static (Activities.ActivityCursor? Cursor, string? Error) Cursor(IQueryCollection query, IStringLocalizer l)
    {
        if (!query.TryGetValue("after", out var values)) return (null, null);
        if (query.ContainsKey("page")) return (null, l["Paging_CursorWithPage"]);
        if (values.Count != 1 || !Activities.ActivityCursor.TryDecode(values[0], out var cursor) || cursor.Ascending)
            return (null, l["Paging_CursorInvalid"]);
        return (cursor, null);
    }

    private static Task<IResult> Get(string kommun, Guid id, HttpContext context, PublicQueries q, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        Open(kommun, context, q, l, async m =>
            await q.GetAsync(m, id, PublicCache.BaseUrl(context.Request), ct) is { } a ? TypedResults.Ok(Envelope(m, context.Request, l, a)) : Missing(l),
            ct, exists: _ => q.IsPublishedAsync(id, ct));

    private static Task<IResult> ListCsv(string kommun, HttpContext context, PublicQueries q, ReferenceData reference, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var parsed = PublicFilterParser.Parse(context.Request.Query, PublicFilterNames.Api, reference, l);
        return Open(kommun, context, q, l, async m =>
        {
            var all = await q.AllAsync(m, parsed.Filter, PublicCache.BaseUrl(context.Request), ct);
            var sb = new StringBuilder();
            Row(sb, "id", "title", "description", "kind", "status", "unit", "start", "end", "countries", "partners", "goals", "sdgs", "funding_total_sek", "results", "published_at", "url");
            foreach (var a in all)
                Row(sb, a.Id.ToString(), a.Title, a.Description, a.KindName, a.StatusName, a.Unit, Iso(a.Start), a.End is { } e ? Iso(e) : "",
                    string.Join("; ", a.Countries.Select(c => c.Code)), string.Join("; ", a.Partners.Select(p => $"{p.Name} ({p.CountryCode})")),
                    string.Join("; ", a.Goals.Select(g => g.Name)), string.Join("; ", a.Sdgs.Select(s => s.Target ?? s.Goal.ToString(CultureInfo.InvariantCulture))),
                    a.FundingTotalSek.ToString("0.##", CultureInfo.InvariantCulture), string.Join("\n\n", a.Results.Select(r => r.Text)),
                    a.PublishedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), a.Url);
            return CsvResult(context, sb, $"{m.Slug}-aktiviteter.csv");
        }, ct, parsed);
    }

    private static Task<IResult> Exceptions(string kommun, HttpContext context, PublicQueries q, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        Open(kommun, context, q, l, async m =>
        {
            var list = await q.ExceptionsAsync(m, PublicCache.BaseUrl(context.Request), ct);
            return TypedResults.Ok(Envelope(m, context.Request, l, new OpenDataList<PublicException>(list, 1, Math.Max(1, list.Count), list.Count)));
        }, ct);

    private static Task<IResult> ExceptionsCsv(string kommun, HttpContext context, PublicQueries q, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        Open(kommun, context, q, l, async m =>
        {
            var list = await q.ExceptionsAsync(m, PublicCache.BaseUrl(context.Request), ct);
            var sb = new StringBuilder();
            Row(sb, "id", "country", "city", "decided_on", "body", "minute_paragraph", "case_number", "decision", "valid_until", "in_force", "activity_url");
            foreach (var e in list)
                Row(sb, e.Id.ToString(), e.CountryCode, e.City, Iso(e.DecidedOn), e.Body, e.MinuteParagraph, e.CaseNumber, e.DecisionText, Iso(e.ValidUntil),
                    e.InForce ? "true" : "false", e.ActivityUrl);
            return CsvResult(context, sb, $"{m.Slug}-undantag.csv");
        }, ct);

    private static Task<IResult> MunicipalityDcat(string kommun, HttpContext context, PublicQueries q, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        Open(kommun, context, q, l, async m => DcatResult(await Dcat.MunicipalityCatalogAsync(m, q, PublicCache.BaseUrl(context.Request), l, ct)), ct);

    private static async Task<IResult> NationalDcat(HttpContext context, PublicQueries q, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var catalog = await Dcat.NationalCatalogAsync(q, PublicCache.BaseUrl(context.Request), l, ct);
        context.Response.Headers.CacheControl = PublicCache.CacheControl;
        context.Response.Headers.Append("Link", $"<{LicenceInfo.Cc0.Uri}>; rel=\"license\"");
        return DcatResult(catalog);
    }

    private static IResult DcatResult(System.Text.Json.Nodes.JsonObject catalog) =>
        TypedResults.Text(catalog.ToJsonString(Dcat.JsonOptions), "application/ld+json", Encoding.UTF8);

    private static IResult CsvResult(HttpContext context, StringBuilder sb, string fileName)
    {
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return TypedResults.Text(sb.ToString(), "text/csv; charset=utf-8", Encoding.UTF8);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder sb, params string?[] fields) => sb.Append(string.Join(',', fields.Select(f => Csv.Field(f)))).Append("\r\n");
}
