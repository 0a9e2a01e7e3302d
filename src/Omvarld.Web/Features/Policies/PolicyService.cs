using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Common;
using Omvarld.Domain.Policies;
using Omvarld.Web.Data;

namespace Omvarld.Web.Features.Policies;

public sealed record DecisionDto(DecisionKind Kind, string Body, DateOnly? Date, string? ProposedBy, string? CaseNumber, string? MinuteParagraph, string? ValidUntil, string? Text, string? Note)
{
    public static DecisionDto From(PolicyDecision d) => new(d.Kind, d.Body, d.Date, d.ProposedBy, d.CaseNumber, d.MinuteParagraph, d.ValidUntil, d.Text, d.Note);
}

public sealed record VersionSummaryDto(Guid Id, string Key, string Label, DateOnly? AdoptedOn, string ValidUntil, DateOnly? LastDay, PolicyStatus Status);

public sealed record DocumentDto(Guid Id, string Key, string Title, DocumentKind Kind, string KindGroupTerm, string? KindMeaning, IReadOnlyList<VersionSummaryDto> Versions)
{
    /// <summary>The adopted versions as the in-force rule sees them.</summary>
    public List<VersionPeriod> AdoptedPeriods() => Versions.Where(v => v.AdoptedOn is not null)
        .Select(v => new VersionPeriod(v.Id, v.Label, v.AdoptedOn!.Value, Validity.Parse(v.ValidUntil) ?? Validity.Replaced)).ToList();

    /// <summary>R2: the version of this document in force on <paramref name="date"/>, or the gap or overlap.</summary>
    public InForceDto InForceOn(DateOnly date)
    {
        var r = InForce.On(date, AdoptedPeriods());
        VersionSummaryDto? Find(VersionPeriod? p) => p is null ? null : Versions.First(v => v.Id == p.VersionId);
        return new InForceDto(Id, Title, r.Outcome, Find(r.Version), Find(r.LastExpired), r.Conflicting.Select(p => Find(p)!).ToList());
    }
}

public sealed record VersionDetails(DocumentDto Document, VersionSummaryDto Version, IReadOnlyList<DecisionDto> Decisions, PolicyDefinition Content, int RowVersion);

public sealed record InForceDto(Guid DocumentId, string DocumentTitle, InForceOutcome Outcome, VersionSummaryDto? Version, VersionSummaryDto? LastExpired, IReadOnlyList<VersionSummaryDto> Conflicting);

public sealed record RevisionDueDto(Guid DocumentId, string DocumentTitle, Guid VersionId, string Label, DateOnly LastDay, RevisionState State);

public sealed record DecisionInput(DecisionKind? Kind, string? Body, DateOnly? Date, string? ProposedBy, string? CaseNumber, string? MinuteParagraph, string? ValidUntil, string? Text, int? Version);

public sealed record ImportResult(PolicyVersion? Version, IReadOnlyList<PolicyFileError> Errors);

/// <summary>
/// The municipality's governing documents and policy versions: listing with derived status, the version in force on a
/// date (R2), and importing a policy file. A handful of rows per municipality: read in two queries, computed in memory.
/// </summary>
public sealed class PolicyService(OmvarldDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<List<DocumentDto>> ListAsync(CancellationToken ct = default)
    {
        var documents = await db.GoverningDocuments.AsNoTracking().OrderBy(d => d.Title).ToListAsync(ct);
        var versions = await db.PolicyVersions.AsNoTracking()
            .Select(v => new { v.Id, v.DocumentId, v.Key, v.Label, v.ValidUntil }).ToListAsync(ct);
        var adoptions = await AdoptionDatesAsync(ct);
        return documents.Select(d =>
        {
            var periods = versions.Where(v => v.DocumentId == d.Id && adoptions.ContainsKey(v.Id))
                .Select(v => new VersionPeriod(v.Id, v.Label, adoptions[v.Id], Validity.Parse(v.ValidUntil) ?? Validity.Replaced)).ToList();
            var summaries = versions.Where(v => v.DocumentId == d.Id)
                .Select(v => Summary(v.Id, v.Key, v.Label, v.ValidUntil, periods))
                .OrderByDescending(v => v.AdoptedOn ?? DateOnly.MaxValue).ToList();
            return new DocumentDto(d.Id, d.Key, d.Title, d.Kind, d.KindGroupTerm, d.KindMeaning, summaries);
        }).ToList();
    }

    public async Task<VersionDetails?> GetVersionAsync(Guid id, CancellationToken ct = default)
    {
        var version = await db.PolicyVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);
        if (version is null) return null;
        var document = (await ListAsync(ct)).First(d => d.Id == version.DocumentId);
        var decisions = await db.PolicyDecisions.AsNoTracking().Where(d => d.PolicyVersionId == id)
            .OrderBy(d => d.Date).ToListAsync(ct);
        var (content, errors) = PolicyFileReader.Read(new StringReader(version.Source));
        if (content is null) throw new InvalidOperationException($"Stored policy version {version.Key} no longer reads: {errors[0].Message}");
        return new(document, document.Versions.First(v => v.Id == id), decisions.Select(DecisionDto.From).ToList(), content, version.Version);
    }

    /// <summary>R2: for each governing document, the version in force on <paramref name="date"/>, or the gap or overlap.</summary>
    public async Task<List<InForceDto>> InForceAsync(DateOnly date, CancellationToken ct = default) =>
        (await ListAsync(ct)).Select(d => d.InForceOn(date)).ToList();

    /// <summary>Records a revision or extension decision; null when the version is not found; a conflict when it changed meanwhile.</summary>
    public async Task<(Result Result, bool Conflict)?> RecordDecisionAsync(Guid versionId, DecisionInput input, CancellationToken ct = default)
    {
        var version = await db.PolicyVersions.FirstOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null) return null;
        if (input.Version != version.Version) return (Result.Fail("Concurrency_Conflict"), true);
        if (input.Kind is not { } kind) return (Result.Fail("Decision_KindInvalid", "Kind"), false);
        var (decision, result) = version.RecordDecision(kind, input.Body, input.Date, input.ProposedBy, input.CaseNumber, input.MinuteParagraph, input.ValidUntil, input.Text);
        if (!result.IsOk) return (result, false);
        // A new validity must not run into a later adopted version of the same document (R2: never two in force).
        var document = (await ListAsync(ct)).First(d => d.Id == version.DocumentId);
        var adoptedOn = document.Versions.First(v => v.Id == version.Id).AdoptedOn;
        var newLast = version.Validity.LastDay ?? DateOnly.MaxValue;
        if (document.Versions.Any(v => v.Id != version.Id && v.AdoptedOn is { } a && a > adoptedOn && a <= newLast && !version.Validity.UntilReplaced))
            return (Result.Fail("Decision_OverlapsLaterVersion", "ValidUntil"), false);
        db.Entry(version).Property(v => v.Version).OriginalValue = input.Version!.Value;
        db.PolicyDecisions.Add(decision!);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return (Result.Fail("Concurrency_Conflict"), true); }
        return (Result.Ok, false);
    }

    /// <summary>R3: each document whose latest adopted version has run out, or will within <paramref name="warningMonths"/>.</summary>
    public async Task<List<RevisionDueDto>> RevisionWatchAsync(int warningMonths, CancellationToken ct = default)
    {
        var today = Today;
        return (await ListAsync(ct))
            .Select(d => (Document: d, Latest: d.Versions.Where(v => v.AdoptedOn is not null).MaxBy(v => v.AdoptedOn)))
            .Where(x => x.Latest?.LastDay is not null)
            .Select(x => new RevisionDueDto(x.Document.Id, x.Document.Title, x.Latest!.Id, x.Latest.Label, x.Latest.LastDay!.Value,
                RevisionWatch.Assess(x.Latest.LastDay, today, warningMonths)))
            .Where(x => x.State != RevisionState.NotDue)
            .OrderBy(x => x.LastDay).ToList();
    }

    /// <summary>
    /// Reads a policy file and stores it as a version of its document (created on first import), with its decisions.
    /// Nothing is stored when the file has an error, when the version key exists, or when its validity would overlap
    /// an adopted version of the same document (the conflicting version is named).
    /// </summary>
    public async Task<ImportResult> ImportAsync(string text, CancellationToken ct = default)
    {
        var (definition, errors) = PolicyFileReader.Read(new StringReader(text));
        if (definition is null) return new(null, errors);
        var municipalityId = db.CurrentMunicipalityId ?? throw new InvalidOperationException("No municipality in scope.");
        if (await db.PolicyVersions.AnyAsync(v => v.Key == definition.Key, ct))
            return new(null, [new PolicyFileError(1, "key", $"Versionen '{definition.Key}' finns redan.")]);
        var document = await db.GoverningDocuments.FirstOrDefaultAsync(d => d.Key == definition.Document.Key, ct);
        if (document is null)
        {
            document = GoverningDocument.From(municipalityId, definition.Document);
            db.GoverningDocuments.Add(document);
        }
        else if (definition.Version.AdoptedOn is { } adoptedOn)
        {
            var periods = (await ListAsync(ct)).FirstOrDefault(d => d.Id == document.Id)?.AdoptedPeriods() ?? [];
            var candidate = new VersionPeriod(Guid.Empty, definition.Version.Label, adoptedOn, definition.Version.ValidUntil);
            if (InForce.OverlapsWith(candidate, periods) is [var conflict, ..])
                return new(null, [new PolicyFileError(1, "version.validUntil",
                    $"Versionen skulle gälla samtidigt som version {conflict.Label} (antagen {conflict.AdoptedOn:yyyy-MM-dd}, gäller till {conflict.Validity}).")]);
        }
        var version = PolicyVersion.From(municipalityId, document.Id, definition, text);
        db.PolicyVersions.Add(version);
        db.PolicyDecisions.AddRange(definition.Version.Decisions.Select(d => PolicyDecision.From(municipalityId, version.Id, d)));
        await db.SaveChangesAsync(ct);
        return new(version, []);
    }

    private async Task<Dictionary<Guid, DateOnly>> AdoptionDatesAsync(CancellationToken ct) =>
        (await db.PolicyDecisions.AsNoTracking().Where(d => d.Kind == DecisionKind.Adopted && d.Date != null)
            .Select(d => new { d.PolicyVersionId, d.Date }).ToListAsync(ct))
        .GroupBy(d => d.PolicyVersionId).ToDictionary(g => g.Key, g => g.Min(d => d.Date!.Value));

    private VersionSummaryDto Summary(Guid id, string key, string label, string validUntil, List<VersionPeriod> periods)
    {
        var period = periods.FirstOrDefault(p => p.VersionId == id);
        return new(id, key, label, period?.AdoptedOn, validUntil, period is null ? null : InForce.LastDay(period, periods),
            PolicyStatuses.Of(period, periods, Today));
    }
}
