using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Policies.Reading;
using Omvarld.Web.Features.Files;
using Omvarld.Web.Features.Policies.Reading;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Policies;

/// <summary><c>/api/v1/policies</c>: governing documents, versions with their goals, checks and clauses, the version in force, import.</summary>
public static class PoliciesApi
{
    public const int MaxImportBytes = 512 * 1024;

    public static RouteGroupBuilder MapPoliciesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/policies").WithTags("Policies").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Member);
        g.MapGet("/", async (PolicyService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(ct)));
        g.MapGet("/versions/{id:guid}", async Task<Results<Ok<VersionDetails>, ProblemHttpResult>> (Guid id, PolicyService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await s.GetVersionAsync(id, ct) is { } v ? TypedResults.Ok(v) : Problems.NotFound(l));
        g.MapGet("/in-force", InForceOn).WithSummary("R2: per document, what is in force on ?date= (default today): the version (its text may be unknown), or the gap with the version that expired, the next one and the municipality's gap rule.");
        g.MapPut("/documents/{id:guid}/gap-rule", ChooseGapRule).RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator)
            .WithSummary("Records the municipality's rule for a gap in the document: ReasonRequired (default) or ExpiredContinues.");
        g.MapPost("/versions/{id:guid}/decisions", RecordDecision).RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.CoordinatorOrKs)
            .WithSummary("Records an adoption (of a draft), revision or extension decision (R3); an adoption that would overlap a version in force is refused unless replacesInForce.");
        g.MapGet("/versions/{id:guid}/source", Source).WithSummary("The version's policy file (omvarld-policy/1).");
        g.MapPost("/versions/{id:guid}/drafts", CreateDraft).RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator)
            .WithSummary("Creates a new version of the same document as a draft, with this version's content and no decisions.");
        g.MapPut("/versions/{id:guid}/source", UpdateDraft).RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator)
            .WithSummary("Replaces a draft's policy file (text body); ?version= is the row version read. Adopted versions are immutable.");
        g.MapGet("/versions/{id:guid}/files", async (Guid id, FileService f, CancellationToken ct) => TypedResults.Ok(await f.ListAsync(PolicyService.FileOwner, id, ct)));
        g.MapPost("/versions/{id:guid}/files", AddFile).RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator)
            .WithSummary("Attaches a file (multipart/form-data, field 'file': PDF or DOCX, checked by content) to a version, e.g. the document as adopted.");
        g.MapGet("/files/{fileId:guid}", Download).WithSummary("Downloads an attached file.");
        g.MapDelete("/files/{fileId:guid}", RemoveFile).RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator);
        // The body is read as text whatever its content type (no Accepts filter: a mismatch would fall to routing's 415).
        g.MapPost("/import", Import).RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator);
        g.MapPost("/read", ReadDocument).RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator)
            .WithSummary("Reads an adopted policy document (multipart/form-data: 'file' as PDF with a text layer, DOCX or UTF-8 text, or 'text'; or a text/plain body) " +
                         "and returns the proposed draft, every item with its passage, as JSON and as omvarld-policy/1 YAML (?format=yaml). Nothing is stored.");
        return api;
    }

    private static async Task<Results<Ok<List<InForceDto>>, ValidationProblem>> InForceOn(PolicyService s, IStringLocalizer<SharedResource> l, string? date, CancellationToken ct)
    {
        var day = s.Today;
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            return Problems.From(new Dictionary<string, string[]> { ["date"] = [l["Policies_DateInvalid"]] }, l);
        return TypedResults.Ok(await s.InForceAsync(day, ct));
    }

    private static async Task<Results<Ok<DocumentDto>, ValidationProblem, ProblemHttpResult>> ChooseGapRule(Guid id, GapRuleInput input, PolicyService s, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        // The rule is judged before the document is looked up: a body without one is a 400 whatever the id.
        if (input.Rule is null) return Problems.From(Omvarld.Domain.Common.Result.Fail("GapRule_Invalid", "Rule"), l);
        var (result, found) = await s.ChooseGapRuleAsync(id, input.Rule, ct);
        if (!found) return Problems.NotFound(l);
        if (!result.IsOk) return Problems.From(result, l);
        return TypedResults.Ok((await s.ListAsync(ct)).First(d => d.Id == id));
    }

    private static async Task<Results<Ok<VersionDetails>, ValidationProblem, ProblemHttpResult>> RecordDecision(Guid id, DecisionInput input, PolicyService s, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var outcome = await s.RecordDecisionAsync(id, input, ct);
        if (outcome is not { } o) return Problems.NotFound(l);
        if (o.Conflict) return Problems.Conflict(l, l["Concurrency_Conflict"]);
        if (!o.Result.IsOk) return Problems.From(o.Result, l);
        return TypedResults.Ok((await s.GetVersionAsync(id, ct))!);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Source(Guid id, PolicyService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        await s.GetSourceAsync(id, ct) is { } v ? TypedResults.Text(v.Source, "application/yaml; charset=utf-8") : Problems.NotFound(l);

    private static async Task<Results<Created<VersionDetails>, ValidationProblem, ProblemHttpResult>> CreateDraft(Guid id, DraftInput input, PolicyService s, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (await s.CreateDraftAsync(id, input, ct) is not { } outcome) return Problems.NotFound(l);
        if (!outcome.Result.IsOk) return Problems.From(outcome.Result, l);
        return TypedResults.Created($"/api/v1/policies/versions/{outcome.Id}", (await s.GetVersionAsync(outcome.Id!.Value, ct))!);
    }

    private static async Task<Results<Ok<VersionDetails>, ValidationProblem, ProblemHttpResult>> UpdateDraft(Guid id, int? version, HttpRequest request, PolicyService s, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (await ReadTextAsync(request, ct) is not { } text)
            return Problems.From(new Dictionary<string, string[]> { ["body"] = [l["Policies_FileTooLarge"]] }, l);
        var update = await s.UpdateDraftAsync(id, text, version, ct);
        return update.Outcome switch
        {
            DraftOutcome.NotFound => Problems.NotFound(l),
            DraftOutcome.Conflict => Problems.Conflict(l, l["Concurrency_Conflict"]),
            DraftOutcome.NotDraft => Problems.Conflict(l, l["Draft_NotDraft"]),
            DraftOutcome.Invalid => LineErrors(update.Errors, l),
            _ => TypedResults.Ok((await s.GetVersionAsync(id, ct))!),
        };
    }

    private static async Task<Results<Created<StoredFileDto>, ValidationProblem, ProblemHttpResult>> AddFile(Guid id, HttpRequest request, PolicyService s, FileService files, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (await s.GetSourceAsync(id, ct) is null) return Problems.NotFound(l);
        // The form is read here, not bound: a binding would add an Accepts filter whose 415 comes before authorization.
        var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("file") : null;
        await using var stream = file?.OpenReadStream();
        var (stored, result) = await files.AddAsync(PolicyService.FileOwner, id, file?.FileName, stream, FileKinds.Documents, ct);
        if (!result.IsOk) return Problems.From(result, l);
        return TypedResults.Created($"/api/v1/policies/files/{stored!.Id}", stored);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(Guid fileId, FileService files, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        await files.OpenAsync(PolicyService.FileOwner, fileId, ct) is { } f
            ? TypedResults.File(f.Bytes, f.File.ContentType, f.File.FileName)
            : Problems.NotFound(l);

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveFile(Guid fileId, FileService files, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        await files.RemoveAsync(PolicyService.FileOwner, fileId, ct) ? TypedResults.NoContent() : Problems.NotFound(l);

    private static ValidationProblem LineErrors(IEnumerable<PolicyFileError> errors, IStringLocalizer l) =>
        Problems.From(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => l["Policies_ErrorAtLine", e.Line, e.Message].Value).ToArray()), l);

    /// <summary>The request body as text, or null when it is larger than a policy file may be.</summary>
    private static async Task<string?> ReadTextAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is > MaxImportBytes) return null;
        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxImportBytes + 1];
        var read = await reader.ReadBlockAsync(buffer, ct);
        return read > MaxImportBytes ? null : new string(buffer, 0, read);
    }

    /// <summary>The body is a policy file (<c>omvarld-policy/1</c>); errors come back with line and field.</summary>
    private static async Task<Results<Created<VersionSummaryDto>, ValidationProblem>> Import(HttpRequest request, PolicyService s, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (await ReadTextAsync(request, ct) is not { } text)
            return Problems.From(new Dictionary<string, string[]> { ["body"] = [l["Policies_FileTooLarge"]] }, l);
        var result = await s.ImportAsync(text, ct);
        if (result.Version is null)
            return LineErrors(result.Errors, l);
        var summary = (await s.ListAsync(ct)).SelectMany(d => d.Versions).First(v => v.Id == result.Version.Id);
        return TypedResults.Created($"/api/v1/policies/versions/{summary.Id}", summary);
    }

    private static async Task<Results<Ok<ProposalDto>, ContentHttpResult, ValidationProblem>> ReadDocument(HttpRequest request, IStringLocalizer<SharedResource> l, string? format, CancellationToken ct)
    {
        if (request.ContentLength is > PolicyDocumentText.MaxBytes) return ReadError("PolicyRead_TooLarge");
        DocumentText document;
        if (request.HasFormContentType)
        {
            // The form is read here, not bound: a binding would add an Accepts filter whose 415 comes before authorization.
            var form = await request.ReadFormAsync(ct);
            if (form.Files.GetFile("file") is { } file)
            {
                if (file.Length > PolicyDocumentText.MaxBytes) return ReadError("PolicyRead_TooLarge");
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                document = PolicyDocumentText.Read(buffer.ToArray());
            }
            else document = PolicyDocumentText.Text(form["text"].ToString());
        }
        else
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            document = buffer.Length > PolicyDocumentText.MaxBytes ? DocumentText.Error("PolicyRead_TooLarge") : PolicyDocumentText.Read(buffer.ToArray());
        }
        if (document.ErrorKey is { } key) return ReadError(key);
        var proposal = PolicyReader.Read(TextNormaliser.Normalise(document.Pages!));
        if (!proposal.HoldsPolicy) return ReadError("PolicyRead_NoPolicy");
        return format == "yaml" ? TypedResults.Text(ProposalOutput.Yaml(proposal), "application/yaml; charset=utf-8") : TypedResults.Ok(ProposalOutput.ToDto(proposal));

        ValidationProblem ReadError(string resource) => Problems.From(new Dictionary<string, string[]> { ["file"] = [l[resource]] }, l);
    }
}

/// <summary>The body of <c>PUT /api/v1/policies/documents/{id}/gap-rule</c>.</summary>
public sealed record GapRuleInput(Omvarld.Domain.Policies.PolicyGapRule? Rule);
