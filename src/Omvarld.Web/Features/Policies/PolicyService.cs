using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Omvarld.Domain.Common;
using Omvarld.Domain.Policies;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Files;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Features.Shared;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Policies;

public sealed record DecisionDto(DecisionKind Kind, string Body, DateOnly? Date, string? ProposedBy, string? CaseNumber, string? MinuteParagraph, string? ValidUntil, string? Text, string? Note)
{
    public static DecisionDto From(PolicyDecision d) => new(d.Kind, d.Body, d.Date, d.ProposedBy, d.CaseNumber, d.MinuteParagraph, d.ValidUntil, d.Text, d.Note);
}

/// <param name="TextKnown">False for a version whose text is not known (Borås 2002): it has no goals and no checks.</param>
public sealed record VersionSummaryDto(Guid Id, string Key, string Label, DateOnly? AdoptedOn, string ValidUntil, DateOnly? LastDay, PolicyStatus Status,
    bool TextKnown = true);

/// <param name="GapRule">The municipality's rule for a gap in this document (issue 19).</param>
public sealed record DocumentDto(Guid Id, string Key, string Title, DocumentKind Kind, string KindGroupTerm, string? KindMeaning, IReadOnlyList<VersionSummaryDto> Versions,
    PolicyGapRule GapRule = PolicyGapRule.ReasonRequired)
{
    /// <summary>The adopted versions as the in-force rule sees them.</summary>
    public List<VersionPeriod> AdoptedPeriods() => Versions.Where(v => v.AdoptedOn is not null)
        .Select(v => new VersionPeriod(v.Id, v.Label, v.AdoptedOn!.Value, Validity.Parse(v.ValidUntil) ?? Validity.Replaced)).ToList();

    /// <summary>R2: the version of this document in force on <paramref name="date"/>, or the gap or overlap.</summary>
    public InForceDto InForceOn(DateOnly date)
    {
        var r = InForce.On(date, AdoptedPeriods());
        VersionSummaryDto? Find(VersionPeriod? p) => p is null ? null : Versions.First(v => v.Id == p.VersionId);
        var inForce = Find(r.Version);
        var lastExpired = Find(r.LastExpired);
        // In a gap: the version adopted next, if any has been (2023 after Borås's 2022–2023 gap).
        var next = r.Outcome == InForceOutcome.Gap
            ? Versions.Where(v => v.AdoptedOn > date).OrderBy(v => v.AdoptedOn).FirstOrDefault()
            : null;
        var applies = r.Outcome switch
        {
            InForceOutcome.InForce => inForce,
            InForceOutcome.Gap when GapRule == PolicyGapRule.ExpiredContinues => lastExpired,
            _ => null,
        };
        return new InForceDto(Id, Title, r.Outcome, inForce, lastExpired, r.Conflicting.Select(p => Find(p)!).ToList())
        {
            Date = date,
            Next = next,
            GapRule = r.Outcome == InForceOutcome.Gap ? GapRule : null,
            Applies = applies,
            TextKnown = applies?.TextKnown,
            Explanation = InForceText.Explain(Title, date, r.Outcome, inForce, lastExpired, next, GapRule, r.Conflicting.Select(p => Find(p)!.Label).ToList()),
        };
    }
}

/// <param name="ReplacedBy">The adopted version that replaced this one, when one did.</param>
/// <param name="Replaces">The version this one replaced, when it did.</param>
/// <param name="Sdgs">The SDGs the version contributes to, with their Swedish names.</param>
public sealed record VersionDetails(DocumentDto Document, VersionSummaryDto Version, IReadOnlyList<DecisionDto> Decisions, PolicyDefinition Content,
    int RowVersion, VersionSummaryDto? ReplacedBy, VersionSummaryDto? Replaces, IReadOnlyList<SdgGoal> Sdgs, IReadOnlyList<StoredFileDto> Files)
{
    public bool IsDraft => Version.Status == PolicyStatus.Draft;
}

/// <summary>R2: what is in force of one document on <see cref="Date"/>, and, in a gap, what the municipality's rule makes of it.</summary>
/// <param name="Version">The version in force (Outcome InForce); its text may be unknown (<see cref="TextKnown"/>).</param>
/// <param name="LastExpired">In a gap: the version that expired last.</param>
public sealed record InForceDto(Guid DocumentId, string DocumentTitle, InForceOutcome Outcome, VersionSummaryDto? Version, VersionSummaryDto? LastExpired, IReadOnlyList<VersionSummaryDto> Conflicting)
{
    public DateOnly Date { get; init; }
    /// <summary>In a gap: the version adopted after the date, when one has been.</summary>
    public VersionSummaryDto? Next { get; init; }
    /// <summary>In a gap: the municipality's rule (recorded with the document).</summary>
    public PolicyGapRule? GapRule { get; init; }
    /// <summary>The version whose goals and checks activities starting on the date answer to: the one in force, or in a gap the expired one where the rule continues it.</summary>
    public VersionSummaryDto? Applies { get; init; }
    /// <summary>Whether the text of <see cref="Applies"/> is known; null when nothing applies.</summary>
    public bool? TextKnown { get; init; }
    /// <summary>The answer in one Swedish sentence or two, as the page shows it.</summary>
    public string Explanation { get; init; } = "";
}

/// <summary>Words the in-force answer in Swedish (the page and the API give the same sentences).</summary>
public static class InForceText
{
    public static string Explain(string title, DateOnly date, InForceOutcome outcome, VersionSummaryDto? inForce, VersionSummaryDto? lastExpired,
        VersionSummaryDto? next, PolicyGapRule rule, IReadOnlyList<string> conflicting)
    {
        var l = new ResourceText();
        var day = Format.IsoDate(date);
        string Adopted(VersionSummaryDto v) => v.AdoptedOn is { } a ? Format.IsoDate(a) : "–";
        return outcome switch
        {
            InForceOutcome.InForce when !inForce!.TextKnown => l["InForce_TextUnknown", title, day, inForce.Label, Adopted(inForce)],
            InForceOutcome.InForce => l["InForce_Version", title, day, inForce!.Label, Adopted(inForce)],
            InForceOutcome.NotYetAdopted => l["InForce_NotYetAdopted", title, day],
            InForceOutcome.Overlap => l["InForce_Overlap", title, day, string.Join(", ", conflicting)],
            _ => l["InForce_Gap", title, day, lastExpired!.Label, lastExpired.LastDay is { } last ? Format.IsoDate(last) : "–"]
                + " " + (next is null ? l["InForce_GapNoNext"] : l["InForce_GapNext", next.Label, Adopted(next)])
                + " " + (rule == PolicyGapRule.ExpiredContinues ? l["InForce_GapRuleContinues", lastExpired.Label] : l["InForce_GapRuleReason"]),
        };
    }
}

public sealed record RevisionDueDto(Guid DocumentId, string DocumentTitle, Guid VersionId, string Label, DateOnly LastDay, RevisionState State);

/// <param name="ReplacesInForce">For an adoption: the new version replaces the versions it would otherwise overlap (they get a replacement decision).</param>
/// <param name="Version">The row version the caller read (optimistic concurrency).</param>
public sealed record DecisionInput(DecisionKind? Kind, string? Body, DateOnly? Date, string? ProposedBy, string? CaseNumber, string? MinuteParagraph,
    string? ValidUntil, string? Text, int? Version, bool ReplacesInForce = false);

/// <summary>The policy version an activity answers to (R2), with its goals and checks.</summary>
/// <param name="Continuing">The version expired and nothing replaced it yet; the municipality's gap rule continues it (issue 19).</param>
public sealed record ActivityPolicy(Guid VersionId, string Label, PolicyDefinition Definition, bool Continuing = false);

public sealed record DraftInput(string? Key, string? Label);

public enum DraftOutcome { Saved, NotFound, Conflict, NotDraft, Invalid }

public sealed record DraftUpdate(DraftOutcome Outcome, IReadOnlyList<PolicyFileError> Errors);

public sealed record ImportResult(PolicyVersion? Version, IReadOnlyList<PolicyFileError> Errors);

/// <summary>
/// The municipality's governing documents and policy versions: listing with derived status, the version in force on a
/// date (R2), and importing a policy file. A handful of rows per municipality: read in two queries, computed in memory.
/// </summary>
public sealed class PolicyService(OmvarldDbContext db, TimeProvider clock, ReferenceData reference, FileService files, IMemoryCache cache)
{
    public const string FileOwner = "PolicyVersion";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    // The register as read in this request, per municipality (a scope may switch tenant, e.g. re-assessing them all):
    // the in-force rule asks for it several times per page. Every write of this service forgets it.
    private (Guid? Municipality, List<DocumentDto> Documents)? _read;

    public async Task<List<DocumentDto>> ListAsync(CancellationToken ct = default)
    {
        if (_read is { } read && read.Municipality == db.CurrentMunicipalityId) return read.Documents;
        var documents = await ReadAsync(ct);
        _read = (db.CurrentMunicipalityId, documents);
        return documents;
    }

    private async Task<List<DocumentDto>> ReadAsync(CancellationToken ct)
    {
        var documents = await db.GoverningDocuments.AsNoTracking().OrderBy(d => d.Title).ToListAsync(ct);
        var versions = await db.PolicyVersions.AsNoTracking()
            .Select(v => new { v.Id, v.DocumentId, v.Key, v.Label, v.ValidUntil, v.TextKnown }).ToListAsync(ct);
        var adoptions = await AdoptionDatesAsync(ct);
        return documents.Select(d =>
        {
            var periods = versions.Where(v => v.DocumentId == d.Id && adoptions.ContainsKey(v.Id))
                .Select(v => new VersionPeriod(v.Id, v.Label, adoptions[v.Id], Validity.Parse(v.ValidUntil) ?? Validity.Replaced)).ToList();
            var summaries = versions.Where(v => v.DocumentId == d.Id)
                .Select(v => Summary(v.Id, v.Key, v.Label, v.ValidUntil, periods) with { TextKnown = v.TextKnown })
                .OrderByDescending(v => v.AdoptedOn ?? DateOnly.MaxValue).ToList();
            return new DocumentDto(d.Id, d.Key, d.Title, d.Kind, d.KindGroupTerm, d.KindMeaning, summaries, d.GapRule);
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
        var summary = document.Versions.First(v => v.Id == id);
        var adopted = document.Versions.Where(v => v.AdoptedOn is not null).OrderBy(v => v.AdoptedOn).ToList();
        var index = adopted.FindIndex(v => v.Id == id);
        // A version valid "until replaced" is replaced by the next one adopted (on that one's adoption day, maybe still ahead).
        static bool UntilReplaced(VersionSummaryDto v) => Validity.Parse(v.ValidUntil)?.UntilReplaced ?? true;
        var replacedBy = index >= 0 && index + 1 < adopted.Count && UntilReplaced(summary) ? adopted[index + 1] : null;
        var replaces = index > 0 && UntilReplaced(adopted[index - 1]) ? adopted[index - 1] : null;
        var sdgs = content.Version.Sdgs.Select(reference.Sdg).OfType<SdgGoal>().ToList();
        return new(document, summary, decisions.Select(DecisionDto.From).ToList(), content, version.Version, replacedBy, replaces, sdgs,
            await files.ListAsync(FileOwner, id, ct));
    }

    /// <summary>The policy file a version was read from (a draft's as last saved).</summary>
    public async Task<(string Key, string Source)?> GetSourceAsync(Guid id, CancellationToken ct = default) =>
        await db.PolicyVersions.AsNoTracking().Where(v => v.Id == id).Select(v => new { v.Key, v.Source }).FirstOrDefaultAsync(ct) is { } v
            ? (v.Key, v.Source) : null;

    /// <summary>
    /// R2: the policy version activities starting on <paramref name="date"/> answer to, with its content; null when none is
    /// in force (a gap, an overlap, or before the first adoption). The activity policy is the municipality's governing
    /// document of kind <i>policy</i> (its <i>Internationell policy</i>); should there be several, the one registered first.
    /// </summary>
    public async Task<ActivityPolicy?> ActivityPolicyOnAsync(DateOnly date, CancellationToken ct = default)
    {
        var documents = await ListAsync(ct);
        var document = documents.Where(d => d.Kind == DocumentKind.Policy).OrderBy(d => d.Id).FirstOrDefault();
        if (document?.InForceOn(date) is not { Applies: { } version } answer) return null;
        // An adopted version's content never changes: read once per instance, keyed by id and row version.
        var rowVersion = await db.PolicyVersions.AsNoTracking().Where(v => v.Id == version.Id).Select(v => v.Version).FirstAsync(ct);
        var definition = await cache.GetOrCreateAsync(("policy-definition", version.Id, rowVersion), async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            var source = await db.PolicyVersions.AsNoTracking().Where(v => v.Id == version.Id).Select(v => v.Source).FirstAsync(ct);
            return PolicyFileReader.Read(new StringReader(source)).Definition!;
        });
        return new ActivityPolicy(version.Id, version.Label, definition!, answer.Outcome == InForceOutcome.Gap);
    }

    /// <summary>R2 and issue 19: what the municipality's activity policy says of <paramref name="date"/> (in force, gap with its rule, not yet adopted); null without one.</summary>
    public async Task<InForceDto?> ActivityPolicyAnswerAsync(DateOnly date, CancellationToken ct = default) =>
        (await ListAsync(ct)).Where(d => d.Kind == DocumentKind.Policy).OrderBy(d => d.Id).FirstOrDefault()?.InForceOn(date);

    /// <summary>The coordinator records the municipality's rule for a gap in a document (audited as a change of the document).</summary>
    public async Task<(Result Result, bool Found)> ChooseGapRuleAsync(Guid documentId, PolicyGapRule? rule, CancellationToken ct = default)
    {
        var document = await db.GoverningDocuments.FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null) return (Result.Ok, false);
        var result = document.ChooseGapRule(rule);
        if (result.IsOk) await SaveAsync(ct);
        return (result, true);
    }

    /// <summary>
    /// <see cref="ActivityPolicyOnAsync"/> for many dates at once (R7: each activity answers to the version in force at its
    /// start): the versions' contents are read in at most two queries, whatever the number of dates asked.
    /// </summary>
    public async Task<Func<DateOnly, ActivityPolicy?>> ActivityPoliciesAsync(CancellationToken ct = default)
    {
        var documents = await ListAsync(ct);
        var document = documents.Where(d => d.Kind == DocumentKind.Policy).OrderBy(d => d.Id).FirstOrDefault();
        if (document is null) return _ => null;
        var ids = document.Versions.Where(v => v.AdoptedOn is not null).Select(v => v.Id).ToList();
        var rowVersions = await db.PolicyVersions.AsNoTracking().Where(v => ids.Contains(v.Id)).Select(v => new { v.Id, v.Version }).ToListAsync(ct);
        var definitions = new Dictionary<Guid, PolicyDefinition>();
        var missing = new List<Guid>();
        foreach (var v in rowVersions)
            if (cache.TryGetValue(("policy-definition", v.Id, v.Version), out PolicyDefinition? cached) && cached is not null) definitions[v.Id] = cached;
            else missing.Add(v.Id);
        if (missing.Count > 0)
            foreach (var v in await db.PolicyVersions.AsNoTracking().Where(v => missing.Contains(v.Id)).Select(v => new { v.Id, v.Version, v.Source }).ToListAsync(ct))
            {
                var definition = PolicyFileReader.Read(new StringReader(v.Source)).Definition!;
                cache.Set(("policy-definition", v.Id, v.Version), definition, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1) });
                definitions[v.Id] = definition;
            }
        return date => document.InForceOn(date) is { Applies: { } version } answer && definitions.TryGetValue(version.Id, out var d)
            ? new ActivityPolicy(version.Id, version.Label, d, answer.Outcome == InForceOutcome.Gap) : null;
    }

    /// <summary>R2: for each governing document, the version in force on <paramref name="date"/>, or the gap or overlap.</summary>
    public async Task<List<InForceDto>> InForceAsync(DateOnly date, CancellationToken ct = default) =>
        (await ListAsync(ct)).Select(d => d.InForceOn(date)).ToList();

    /// <summary>
    /// Records a decision about a version: its adoption (a draft's; refused when it would overlap another version in
    /// force, naming it, unless the new version replaces it), or a revision or extension (R3) of an adopted one.
    /// Null when the version is not found; a conflict when it changed meanwhile.
    /// </summary>
    public async Task<(Result Result, bool Conflict)?> RecordDecisionAsync(Guid versionId, DecisionInput input, CancellationToken ct = default)
    {
        var version = await db.PolicyVersions.FirstOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null) return null;
        if (input.Version != version.Version) return (Result.Fail("Concurrency_Conflict"), true);
        if (input.Kind is not { } kind) return (Result.Fail("Decision_KindInvalid", "Kind"), false);
        var document = (await ListAsync(ct)).First(d => d.Id == version.DocumentId);
        var adoptedOn = document.Versions.First(v => v.Id == version.Id).AdoptedOn;
        var (decision, result) = version.RecordDecision(kind, adoptedOn is not null, input.Body, input.Date, input.ProposedBy, input.CaseNumber,
            input.MinuteParagraph, input.ValidUntil, input.Text);
        if (!result.IsOk) return (result, false);

        // R2: never two versions in force. The version's period as the decision leaves it, against the others'.
        var others = document.AdoptedPeriods().Where(p => p.VersionId != version.Id).ToList();
        var candidate = new VersionPeriod(version.Id, version.Label, adoptedOn ?? decision!.Date!.Value, version.Validity);
        var conflicts = InForce.OverlapsWith(candidate, others);
        if (kind == DecisionKind.Adopted && input.ReplacesInForce && conflicts.Count > 0)
        {
            if (conflicts.FirstOrDefault(c => c.AdoptedOn >= candidate.AdoptedOn) is { } later)
                return (Result.Fail("Decision_ReplacesLater", "Date", later.Label), false);
            var ids = conflicts.Select(c => c.VersionId).ToList();
            foreach (var replaced in await db.PolicyVersions.Where(v => ids.Contains(v.Id)).ToListAsync(ct))
                db.PolicyDecisions.Add(replaced.ReplaceBy(version, decision!));
        }
        else if (conflicts is [var conflict, ..])
        {
            return (Result.Fail("Decision_OverlapsVersion", kind == DecisionKind.Adopted ? "Date" : "ValidUntil",
                conflict.Label, Format.Date(conflict.AdoptedOn), conflict.Validity.UntilReplaced ? "–" : Format.Date(conflict.Validity.LastDay!.Value)), false);
        }
        db.Entry(version).Property(v => v.Version).OriginalValue = input.Version!.Value;
        // The decision changes what the version is (its status, maybe its validity): the row's version moves with it.
        db.Entry(version).State = EntityState.Modified;
        db.PolicyDecisions.Add(decision!);
        try { await SaveAsync(ct); }
        catch (DbUpdateConcurrencyException) { return (Result.Fail("Concurrency_Conflict"), true); }
        return (Result.Ok, false);
    }

    /// <summary>
    /// A new version of the same document as a draft, with <paramref name="fromId"/>'s content and no decisions.
    /// Null when <paramref name="fromId"/> is not found.
    /// </summary>
    public async Task<(Guid? Id, Result Result)?> CreateDraftAsync(Guid fromId, DraftInput input, CancellationToken ct = default)
    {
        var from = await db.PolicyVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == fromId, ct);
        if (from is null) return null;
        var key = input.Key?.Trim().ToUpperInvariant();
        var label = Domain.Common.Text.Clean(input.Label);
        if (key is null || key.Length is 0 or > 100 || !key.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9' or '-'))
            return (null, Result.Fail("Draft_KeyInvalid", "Key"));
        if (label is null) return (null, Result.Fail("Draft_LabelRequired", "Label"));
        if (label.Length > 50) return (null, Result.Fail("Draft_LabelTooLong", "Label"));
        if (await db.PolicyVersions.AnyAsync(v => v.Key == key, ct)) return (null, Result.Fail("Draft_KeyTaken", "Key", key));
        var source = PolicyDraft.From(from.Source, key, label);
        var (definition, errors) = PolicyFileReader.Read(new StringReader(source));
        if (definition is null) throw new InvalidOperationException($"The draft of {from.Key} does not read: {errors[0].Message}");
        var draft = PolicyVersion.From(from.MunicipalityId, from.DocumentId, definition, source);
        db.PolicyVersions.Add(draft);
        await SaveAsync(ct);
        return (draft.Id, Result.Ok);
    }

    /// <summary>Saves an edited draft's policy file: read in full first, nothing stored unless it reads, stays a draft of the same document and keeps a free key.</summary>
    public async Task<DraftUpdate> UpdateDraftAsync(Guid id, string text, int? rowVersion, CancellationToken ct = default)
    {
        var version = await db.PolicyVersions.FirstOrDefaultAsync(v => v.Id == id, ct);
        if (version is null) return new(DraftOutcome.NotFound, []);
        if (await db.PolicyDecisions.AnyAsync(d => d.PolicyVersionId == id && d.Kind == DecisionKind.Adopted, ct)) return new(DraftOutcome.NotDraft, []);
        if (rowVersion != version.Version) return new(DraftOutcome.Conflict, []);
        var (definition, errors) = PolicyFileReader.Read(new StringReader(text));
        if (definition is null) return new(DraftOutcome.Invalid, errors);
        var l = new ResourceText();
        var document = await db.GoverningDocuments.AsNoTracking().FirstAsync(d => d.Id == version.DocumentId, ct);
        var problems = new List<PolicyFileError>();
        if (definition.Document.Key != document.Key)
            problems.Add(new(LineOf(text, "  key:"), "document.key", l["PolicyFile_OtherDocument", document.Key, definition.Document.Key]));
        if (definition.Version.Decisions.Count > 0)
            problems.Add(new(LineOf(text, "  decisions:"), "version.decisions", l["PolicyFile_DraftHasDecisions"]));
        if (definition.Key != version.Key && await db.PolicyVersions.AnyAsync(v => v.Key == definition.Key, ct))
            problems.Add(new(LineOf(text, "key:"), "key", l["PolicyFile_VersionExists", definition.Key]));
        if (problems.Count > 0) return new(DraftOutcome.Invalid, problems);
        version.ReviseDraft(definition, text);
        db.Entry(version).Property(v => v.Version).OriginalValue = rowVersion!.Value;
        try { await SaveAsync(ct); }
        catch (DbUpdateConcurrencyException) { return new(DraftOutcome.Conflict, []); }
        return new(DraftOutcome.Saved, []);
    }

    /// <summary>The 1-based line of the first line starting with <paramref name="prefix"/> (1 when none): where a whole-file error points.</summary>
    private static int LineOf(string text, string prefix)
    {
        var lines = text.Split('\n');
        var i = Array.FindIndex(lines, line => line.StartsWith(prefix, StringComparison.Ordinal));
        return i < 0 ? 1 : i + 1;
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
            return new(null, [new PolicyFileError(LineOf(text, "key:"), "key", new ResourceText()["PolicyFile_VersionExists", definition.Key])]);
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
                return new(null, [new PolicyFileError(LineOf(text, "  validUntil:"), "version.validUntil",
                    new ResourceText()["PolicyFile_WouldOverlap", conflict.Label, Format.IsoDate(conflict.AdoptedOn), conflict.Validity])]);
        }
        var version = PolicyVersion.From(municipalityId, document.Id, definition, text);
        db.PolicyVersions.Add(version);
        db.PolicyDecisions.AddRange(definition.Version.Decisions.Select(d => PolicyDecision.From(municipalityId, version.Id, d)));
        await SaveAsync(ct);
        return new(version, []);
    }

    private Task<int> SaveAsync(CancellationToken ct)
    {
        _read = null;
        return db.SaveChangesAsync(ct);
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
