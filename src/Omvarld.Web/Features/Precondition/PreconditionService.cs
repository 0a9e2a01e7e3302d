using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Activities.Checks;
using Omvarld.Domain.Common;
using Omvarld.Domain.Countries;
using Omvarld.Domain.Partners;
using Omvarld.Domain.Policies;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Countries;
using Omvarld.Web.Features.Files;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Precondition;

public sealed record JudgementInput(string? CountryCode, string? City, AssessmentOutcome? Outcome, string? Reason, string? Evidence);

public sealed record ExceptionInput(string? Body, DateOnly? DecidedOn, string? MinuteParagraph, string? CaseNumber, string? DecisionText,
    Guid? ActivityId, Guid? PartnerId, DateOnly? ValidUntil);

public sealed record JudgementDto(Guid Id, string CountryAlpha2, string? City, AssessmentOutcome Outcome, string Reason, string? Evidence, string JudgedBy, DateTimeOffset JudgedAt);

public sealed record ExceptionDto(Guid Id, string Body, DateOnly DecidedOn, string MinuteParagraph, string CaseNumber, string DecisionText, Guid ActivityId,
    string ActivityTitle, Guid PartnerId, string PartnerName, string CountryAlpha2, DateOnly ValidUntil, Guid? DecisionFileId, string? DecisionFileName,
    bool IsValidToday, bool HasExpired, DateTimeOffset RecordedAt);

public sealed record AssessmentChangeDto(Guid Id, string CountryAlpha2, string CountryName, AssessmentOutcome OldOutcome, AssessmentOutcome NewOutcome,
    string OldSummary, string NewSummary, string Release, DateTimeOffset DetectedAt, IReadOnlyList<(Guid Id, string Title)> Activities);

public enum PreconditionOutcome { Saved, NotFound, Forbidden, Conflict, Invalid }

public sealed record PreconditionSave(PreconditionOutcome Outcome, Guid? Id = null, Result Error = default);

/// <summary>
/// R8, R9: the partner precondition in the municipality — the criteria per policy version, the assessment of every
/// partner country from the data releases in use (with the coordinator's judgements beside, never instead of, the
/// evidence), KS's exceptions, and what changes when a new data release arrives.
/// </summary>
public sealed class PreconditionService(OmvarldDbContext db, CurrentUser me, CountryDataService countries, PolicyService policies,
    ReferenceData reference, FileService files, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const string FileOwner = "PreconditionException";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly PreconditionCriterion[] AllCriteria = [PreconditionCriterion.HumanRights, PreconditionCriterion.Democracy, PreconditionCriterion.RuleOfLaw];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    private IReadOnlySet<string> CountryCodes => reference.CountriesByAlpha2.Keys.ToHashSet(StringComparer.Ordinal);

    // ---- criteria (issue 6.2) ----

    /// <summary>The criteria the municipality set for <paramref name="policyVersionId"/>, or the documented defaults.</summary>
    public async Task<(PreconditionCriteria Criteria, bool IsDefault, int Version)> CriteriaAsync(Guid policyVersionId, CancellationToken ct = default)
    {
        var setting = await db.PolicyCriteriaSettings.AsNoTracking().FirstOrDefaultAsync(c => c.PolicyVersionId == policyVersionId, ct);
        return setting is null ? (PreconditionCriteria.Default, true, 0)
            : (JsonSerializer.Deserialize<PreconditionCriteria>(setting.CriteriaJson, Json) ?? PreconditionCriteria.Default, false, setting.Version);
    }

    public async Task<PreconditionSave> SetCriteriaAsync(Guid policyVersionId, PreconditionCriteria criteria, int? version, CancellationToken ct = default)
    {
        if (!(await me.GetScopeAsync(ct)).IsCoordinator) return new(PreconditionOutcome.Forbidden);
        if (!await db.PolicyVersions.AnyAsync(v => v.Id == policyVersionId, ct)) return new(PreconditionOutcome.NotFound);
        if (criteria.Validate() is [var first, ..]) return new(PreconditionOutcome.Invalid, Error: first);
        var setting = await db.PolicyCriteriaSettings.FirstOrDefaultAsync(c => c.PolicyVersionId == policyVersionId, ct);
        if ((setting?.Version ?? 0) != (version ?? 0)) return new(PreconditionOutcome.Conflict);
        if (setting is null)
        {
            // Version 1 from the start: 0 means "no setting yet, the defaults", what a first save expects.
            setting = new PolicyCriteriaSetting { MunicipalityId = db.CurrentMunicipalityId!.Value, Id = Guid.CreateVersion7(), PolicyVersionId = policyVersionId, Version = 1 };
            db.PolicyCriteriaSettings.Add(setting);
        }
        else db.Entry(setting).Property(s => s.Version).OriginalValue = version!.Value;
        setting.CriteriaJson = JsonSerializer.Serialize(criteria, Json);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return new(PreconditionOutcome.Conflict); }
        return new(PreconditionOutcome.Saved, setting.Id);
    }

    // ---- assessments (issue 6.3) ----

    /// <summary>
    /// Each country's assessment on <paramref name="on"/> under <paramref name="policy"/> (null: the policy in force
    /// that day), the coordinator's country judgements applied. A few queries however many countries.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, AssessmentResult>> AssessAsync(IEnumerable<string> alpha2s, DateOnly on, ActivityPolicy? policy = null,
        CancellationToken ct = default)
    {
        var codes = alpha2s.Select(c => c.Trim().ToUpperInvariant()).Where(c => reference.Country(c) is not null).Distinct().ToList();
        if (codes.Count == 0) return new Dictionary<string, AssessmentResult>();
        policy ??= await policies.ActivityPolicyOnAsync(on, ct);
        var required = policy?.Definition.Version.Precondition?.Criteria ?? AllCriteria;
        var criteria = policy is null ? PreconditionCriteria.Default : (await CriteriaAsync(policy.VersionId, ct)).Criteria;
        var evidence = await countries.EvidenceAsync(codes, ct);
        var judgements = await db.ManualJudgements.AsNoTracking().Where(j => codes.Contains(j.CountryAlpha2)).ToListAsync(ct);
        return codes.ToDictionary(c => c, c =>
        {
            var e = evidence.GetValueOrDefault(c) ?? NoEvidence(c);
            return CountryAssessment.Judge(CountryAssessment.Assess(e, criteria, required, on), judgements);
        });
    }

    private CountryEvidence NoEvidence(string alpha2)
    {
        var country = reference.Country(alpha2)!;
        return new CountryEvidence(country.Alpha3, country.Alpha2, country.NameSv, [], [], null, null);
    }

    /// <summary>
    /// The standing of each partner of <paramref name="activity"/> for the partner-precondition rule: its country's (or
    /// city's) assessment today and KS's exceptions for this activity. Null when the policy has no precondition.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, PartnerStanding>?> StandingsAsync(Activity activity, ActivityPolicy policy, CancellationToken ct = default)
    {
        if (policy.Definition.Version.Precondition is null || activity.Partners.Count == 0) return null;
        var ids = activity.Partners.Select(p => p.PartnerId).ToList();
        var partners = await db.Partners.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var today = Today;
        var assessments = await AssessAsync(partners.Select(p => p.CountryCode), today, policy, ct);
        var judgements = await db.ManualJudgements.AsNoTracking().Where(j => j.City != null).ToListAsync(ct);
        var exceptions = await db.PreconditionExceptions.AsNoTracking().Where(e => e.ActivityId == activity.Id).ToListAsync(ct);
        return StandingsOf(partners, assessments, judgements, exceptions);
    }

    /// <summary>
    /// <see cref="StandingsAsync(Activity, ActivityPolicy, CancellationToken)"/> for many activities at once (KS's decision
    /// queue), each under its own policy version: the partners, city judgements and exceptions in one query each, the
    /// countries assessed once per policy version. Activities whose version has no precondition are left out.
    /// </summary>
    public async Task<Dictionary<Guid, IReadOnlyDictionary<Guid, PartnerStanding>>> StandingsAsync(IReadOnlyList<(Activity Activity, ActivityPolicy Policy)> activities,
        CancellationToken ct = default)
    {
        var result = new Dictionary<Guid, IReadOnlyDictionary<Guid, PartnerStanding>>();
        var subject = activities.Where(x => x.Policy.Definition.Version.Precondition is not null && x.Activity.Partners.Count > 0).ToList();
        if (subject.Count == 0) return result;
        var partnerIds = subject.SelectMany(x => x.Activity.Partners.Select(p => p.PartnerId)).Distinct().ToList();
        var partners = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var judgements = await db.ManualJudgements.AsNoTracking().Where(j => j.City != null).ToListAsync(ct);
        var activityIds = subject.Select(x => x.Activity.Id).ToList();
        var exceptions = (await db.PreconditionExceptions.AsNoTracking().Where(e => activityIds.Contains(e.ActivityId)).ToListAsync(ct))
            .ToLookup(e => e.ActivityId);
        var today = Today;
        foreach (var version in subject.GroupBy(x => x.Policy.VersionId))
        {
            var assessments = await AssessAsync(version.SelectMany(x => x.Activity.Partners).Select(p => partners.GetValueOrDefault(p.PartnerId)?.CountryCode)
                .OfType<string>(), today, version.First().Policy, ct);
            foreach (var (activity, _) in version)
                result[activity.Id] = StandingsOf(activity.Partners.Select(p => partners.GetValueOrDefault(p.PartnerId)).OfType<PartnerOrganisation>().ToList(),
                    assessments, judgements, exceptions[activity.Id].ToList());
        }
        return result;
    }

    private static Dictionary<Guid, PartnerStanding> StandingsOf(List<PartnerOrganisation> partners, IReadOnlyDictionary<string, AssessmentResult> assessments,
        List<ManualJudgement> judgements, List<PreconditionException> exceptions) =>
        partners.Where(p => assessments.ContainsKey(p.CountryCode)).DistinctBy(p => p.Id).ToDictionary(p => p.Id, p =>
        {
            var assessment = p.City is { } city ? CountryAssessment.Judge(assessments[p.CountryCode] with { Override = null }, judgements
                .Concat(assessments[p.CountryCode].Override is { } o ? [o] : []), city) : assessments[p.CountryCode];
            return PartnerStanding.Of(p, assessment, exceptions);
        });

    // ---- manual judgements ----

    public async Task<List<JudgementDto>> JudgementsAsync(string alpha2, CancellationToken ct = default)
    {
        var code = alpha2.ToUpperInvariant();
        var rows = await db.ManualJudgements.AsNoTracking().Where(j => j.CountryAlpha2 == code).ToListAsync(ct);
        var names = await NamesAsync(rows.Select(r => r.JudgedByUserId), ct);
        return rows.OrderByDescending(j => j.JudgedAt).Select(j => new JudgementDto(j.Id, j.CountryAlpha2, j.City, j.Outcome, j.Reason, j.Evidence,
            names.GetValueOrDefault(j.JudgedByUserId) ?? "–", j.JudgedAt)).ToList();
    }

    /// <summary>The coordinator's judgement that overrides the data for a country or a city in it: who, when, why, on what evidence — audited.</summary>
    public async Task<PreconditionSave> JudgeAsync(JudgementInput input, CancellationToken ct = default)
    {
        if (!(await me.GetScopeAsync(ct)).IsCoordinator) return new(PreconditionOutcome.Forbidden);
        if (input.Outcome is not { } outcome) return new(PreconditionOutcome.Invalid, Error: Result.Fail("Judgement_OutcomeInvalid", "Outcome"));
        var (judgement, result) = ManualJudgement.Create(db.CurrentMunicipalityId!.Value, new JudgementDetails(input.CountryCode, input.City, outcome, input.Reason, input.Evidence),
            CountryCodes, me.Id!.Value, clock.GetUtcNow());
        if (!result.IsOk) return new(PreconditionOutcome.Invalid, Error: result);
        db.ManualJudgements.Add(judgement!);
        await db.SaveChangesAsync(ct);
        return new(PreconditionOutcome.Saved, judgement!.Id);
    }

    /// <summary>Withdraws a judgement: the data decides again. The removal is in the audit trail.</summary>
    public async Task<PreconditionSave> WithdrawJudgementAsync(Guid id, CancellationToken ct = default)
    {
        if (!(await me.GetScopeAsync(ct)).IsCoordinator) return new(PreconditionOutcome.Forbidden);
        var judgement = await db.ManualJudgements.FirstOrDefaultAsync(j => j.Id == id, ct);
        if (judgement is null) return new(PreconditionOutcome.NotFound);
        db.ManualJudgements.Remove(judgement);
        await db.SaveChangesAsync(ct);
        return new(PreconditionOutcome.Saved, id);
    }

    // ---- KS exceptions (R9) ----

    public async Task<List<ExceptionDto>> ExceptionsAsync(Guid? activityId = null, string? alpha2 = null, CancellationToken ct = default)
    {
        var q = db.PreconditionExceptions.AsNoTracking();
        if (activityId is { } a) q = q.Where(e => e.ActivityId == a);
        if (alpha2 is not null)
        {
            var code = alpha2.ToUpperInvariant();
            var partnerIds = db.Partners.Where(p => p.CountryCode == code).Select(p => p.Id);
            q = q.Where(e => partnerIds.Contains(e.PartnerId));
        }
        var rows = await q.Join(db.Activities, e => e.ActivityId, a => a.Id, (e, a) => new { e, a.Title })
            .Join(db.Partners, x => x.e.PartnerId, p => p.Id, (x, p) => new { x.e, x.Title, p.Name, p.CountryCode }).ToListAsync(ct);
        var fileIds = rows.Where(r => r.e.DecisionFileId != null).Select(r => r.e.DecisionFileId!.Value).ToList();
        var fileNames = await db.StoredFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.FileName, ct);
        var today = Today;
        return rows.OrderByDescending(r => r.e.DecidedOn).Select(r => new ExceptionDto(r.e.Id, r.e.Body, r.e.DecidedOn, r.e.MinuteParagraph, r.e.CaseNumber,
            r.e.DecisionText, r.e.ActivityId, r.Title, r.e.PartnerId, r.Name, r.CountryCode, r.e.ValidUntil, r.e.DecisionFileId,
            r.e.DecisionFileId is { } f ? fileNames.GetValueOrDefault(f) : null, r.e.IsValidOn(today), r.e.HasExpiredOn(today), r.e.RecordedAt)).ToList();
    }

    /// <summary>KS's exception for one activity and partner, recorded by the KS secretariat (R9); the decision document optional.</summary>
    public async Task<PreconditionSave> RecordExceptionAsync(ExceptionInput input, string? fileName = null, Stream? file = null, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.CanRecordPreconditionExceptions) return new(PreconditionOutcome.Forbidden);
        if (input.ActivityId is not { } activityId || !await db.Activities.AnyAsync(a => a.Id == activityId, ct))
            return new(PreconditionOutcome.Invalid, Error: Result.Fail("Exception_ActivityRequired", "ActivityId"));
        var partnerIds = await db.ActivityPartners.Where(p => p.ActivityId == activityId).Select(p => p.PartnerId).ToListAsync(ct);
        var decision = new ExceptionDecision(input.Body, input.DecidedOn, input.MinuteParagraph, input.CaseNumber, input.DecisionText, activityId,
            input.PartnerId ?? Guid.Empty, input.ValidUntil, null);
        var (exception, result) = PreconditionException.Create(db.CurrentMunicipalityId!.Value, decision, partnerIds, scope, me.Id!.Value, clock.GetUtcNow());
        if (!result.IsOk) return new(PreconditionOutcome.Invalid, Error: result);
        if (file is not null && !string.IsNullOrEmpty(fileName))
        {
            var (stored, fileResult) = await files.AddAsync(FileOwner, exception!.Id, fileName, file, FileKinds.Documents, ct);
            if (!fileResult.IsOk) return new(PreconditionOutcome.Invalid, Error: fileResult);
            var attached = exception.Correct(decision with { DecisionFileId = stored!.Id }, partnerIds, scope);
            if (!attached.IsOk) return new(PreconditionOutcome.Invalid, Error: attached);
        }
        db.PreconditionExceptions.Add(exception!);
        await db.SaveChangesAsync(ct);
        return new(PreconditionOutcome.Saved, exception!.Id);
    }

    // ---- when the world changes (issue 6.5) ----

    /// <summary>Records the current assessment of the countries of <paramref name="activity"/>'s partners as the baseline a new data release is compared with.</summary>
    public async Task SnapshotAsync(Activity activity, CancellationToken ct = default)
    {
        var ids = activity.Partners.Select(p => p.PartnerId).ToList();
        var codes = await db.Partners.Where(p => ids.Contains(p.Id)).Select(p => p.CountryCode).Distinct().ToListAsync(ct);
        var assessments = await AssessAsync(codes, Today, null, ct);
        var existing = await db.AssessmentSnapshots.Where(s => codes.Contains(s.CountryAlpha2)).ToDictionaryAsync(s => s.CountryAlpha2, ct);
        foreach (var (code, a) in assessments)
        {
            if (existing.ContainsKey(code)) continue;
            db.AssessmentSnapshots.Add(new AssessmentSnapshot
            {
                MunicipalityId = db.CurrentMunicipalityId!.Value, CountryAlpha2 = code, Outcome = a.DataOutcome.ToString(), Summary = Summary(a),
                Releases = Releases(a), AssessedAt = clock.GetUtcNow(),
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// After a data release: every municipality's partner countries with a baseline are assessed again; where the data's
    /// outcome changed, the change (old and new values) is recorded for the coordinator. Nothing is re-judged silently.
    /// </summary>
    public async Task ReassessAllAsync(string releaseName, CancellationToken ct = default)
    {
        var before = (db.Tenant.MunicipalityId, db.Tenant.SystemScope);
        try
        {
            db.Tenant.SystemScope = true;
            var municipalities = await db.Municipalities.AsNoTracking().Select(m => m.Id).ToListAsync(ct);
            foreach (var municipality in municipalities)
            {
                db.ChangeTracker.Clear();
                db.Tenant.Use(municipality);
                var snapshots = await db.AssessmentSnapshots.ToListAsync(ct);
                if (snapshots.Count == 0) continue;
                var now = await AssessAsync(snapshots.Select(s => s.CountryAlpha2), Today, null, ct);
                foreach (var snapshot in snapshots.Where(s => now.ContainsKey(s.CountryAlpha2)))
                {
                    var current = now[snapshot.CountryAlpha2];
                    if (current.DataOutcome.ToString() == snapshot.Outcome) continue;
                    db.AssessmentChanges.Add(new AssessmentChange
                    {
                        MunicipalityId = municipality, Id = Guid.CreateVersion7(), CountryAlpha2 = snapshot.CountryAlpha2, OldOutcome = snapshot.Outcome,
                        NewOutcome = current.DataOutcome.ToString(), OldSummary = snapshot.Summary, NewSummary = Summary(current), Release = releaseName,
                        DetectedAt = clock.GetUtcNow(),
                    });
                    snapshot.Outcome = current.DataOutcome.ToString();
                    snapshot.Summary = Summary(current);
                    snapshot.Releases = Releases(current);
                    snapshot.AssessedAt = clock.GetUtcNow();
                }
                await db.SaveChangesAsync(ct);
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.Tenant.Use(before.MunicipalityId);
            db.Tenant.SystemScope = before.SystemScope;
        }
    }

    /// <summary>Changes not yet seen that touch approved or ongoing activities, with those activities.</summary>
    public async Task<List<AssessmentChangeDto>> ChangesAsync(CancellationToken ct = default)
    {
        var changes = await db.AssessmentChanges.AsNoTracking().Where(c => c.AcknowledgedAt == null).ToListAsync(ct);
        if (changes.Count == 0) return [];
        var codes = changes.Select(c => c.CountryAlpha2).Distinct().ToList();
        var affected = await db.ActivityPartners.AsNoTracking()
            .Join(db.Partners.Where(p => codes.Contains(p.CountryCode)), ap => ap.PartnerId, p => p.Id, (ap, p) => new { ap.ActivityId, p.CountryCode })
            .Join(db.Activities.Where(a => a.Status == ActivityStatus.Approved || a.Status == ActivityStatus.Ongoing), x => x.ActivityId, a => a.Id,
                (x, a) => new { x.CountryCode, a.Id, a.Title })
            .Distinct().ToListAsync(ct);
        return changes.OrderByDescending(c => c.DetectedAt).Select(c => new AssessmentChangeDto(c.Id, c.CountryAlpha2, reference.Country(c.CountryAlpha2)?.NameSv ?? c.CountryAlpha2,
                Enum.Parse<AssessmentOutcome>(c.OldOutcome), Enum.Parse<AssessmentOutcome>(c.NewOutcome), c.OldSummary, c.NewSummary, c.Release, c.DetectedAt,
                affected.Where(a => a.CountryCode == c.CountryAlpha2).Select(a => (a.Id, a.Title)).ToList()))
            .Where(c => c.Activities.Count > 0).ToList();
    }

    public async Task<PreconditionSave> AcknowledgeAsync(Guid id, CancellationToken ct = default)
    {
        if (!(await me.GetScopeAsync(ct)).IsCoordinator) return new(PreconditionOutcome.Forbidden);
        var change = await db.AssessmentChanges.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (change is null) return new(PreconditionOutcome.NotFound);
        change.AcknowledgedAt = clock.GetUtcNow();
        change.AcknowledgedBy = me.Id;
        await db.SaveChangesAsync(ct);
        return new(PreconditionOutcome.Saved, id);
    }

    /// <summary>The readings, one line each, in Swedish: what the coordinator compares when the data changes.</summary>
    public string Summary(AssessmentResult a) => string.Join("\n", a.Criteria.SelectMany(c => c.Readings).Select(r =>
        $"{l["Indicator_" + r.Indicator]}: {(r.Regime is { } regime ? l["Regime_" + regime].Value : r.Value?.ToString(CultureInfo.GetCultureInfo("sv-SE")) ?? "–")}" +
        $"{(r.Year is { } y ? $" ({y})" : "")} → {l["AssessmentOutcome_" + r.Outcome]}"));

    private static string Releases(AssessmentResult a) => string.Join("; ", new[] { a.GovernanceRelease, a.RegimeRelease }.OfType<string>());

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}

/// <summary>The hook the country-data import calls: every municipality's partner countries are assessed again (issue 6.5).</summary>
/// The service is resolved when called: it depends on the country data service, which depends on this hook.
public sealed class ReassessOnImport(IServiceProvider services) : ICountryDataImported
{
    public Task ReleaseImportedAsync(CountryDataReleaseDto release, CancellationToken ct) =>
        services.GetRequiredService<PreconditionService>().ReassessAllAsync(release.Name, ct);
}
