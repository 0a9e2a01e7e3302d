using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Access;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Activities.Checks;
using Omvarld.Domain.Common;
using Omvarld.Domain.Organisation;
using Omvarld.Domain.Partners;
using Omvarld.Domain.Policies;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Features.Files;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Features.Precondition;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Activities;

public enum ActivityOutcome { Saved, NotFound, Forbidden, Conflict, Invalid }

/// <param name="Changed">On a conflict: the fields where the stored activity now differs from what the caller sent.</param>
public sealed record ActivitySave(ActivityOutcome Outcome, Guid? Id = null, Result Error = default, ActivityDto? Current = null, IReadOnlyList<string>? Changed = null)
{
    public static readonly ActivitySave NotFound = new(ActivityOutcome.NotFound);
    public static readonly ActivitySave Forbidden = new(ActivityOutcome.Forbidden);
    public static ActivitySave Invalid(Result error) => new(ActivityOutcome.Invalid, Error: error);
}

/// <summary>
/// The activity register (R4–R7, R10, R11, R21): reading with the policy checks evaluated, changing through the
/// domain's rules, every workflow step audited with its comment. Who may do what is decided here, by the caller's
/// roles for the owning unit; the tenant filter keeps every query inside the municipality.
/// </summary>
public sealed class ActivityService(OmvarldDbContext db, CurrentUser me, PolicyService policies, ReferenceData reference, AuditActor actor,
    TimeProvider clock, FileService files, PreconditionService precondition, IStringLocalizer<SharedResource> l)
{
    public const string FileOwner = "Activity";
    public static readonly IReadOnlyList<FileKind> AttachmentKinds = [FileKinds.Pdf, FileKinds.Docx, FileKinds.Xlsx, FileKinds.Pptx, FileKinds.Png, FileKinds.Jpeg];

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    private IReadOnlySet<string> Countries => reference.CountriesByAlpha2.Keys.ToHashSet(StringComparer.Ordinal);

    private Task<Activity?> LoadAsync(Guid id, CancellationToken ct) =>
        db.Activities.Include(a => a.Goals).Include(a => a.Sdgs).Include(a => a.Partners).Include(a => a.Funding).Include(a => a.Trips)
            .Include(a => a.Links).Include(a => a.Attachments).Include(a => a.Comments).Include(a => a.Results)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);

    // ---- reading ----

    public async Task<ActivityDto?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var activity = await LoadAsync(id, ct);
        return activity is null ? null : await ToDtoAsync(activity, ct);
    }

    /// <summary>The findings of the policy version in force at the activity's start (R7, R11); none when no version is in force.</summary>
    public async Task<(ActivityPolicy? Policy, IReadOnlyList<Finding> Findings)> EvaluateAsync(Activity activity, CancellationToken ct = default)
    {
        var policy = await policies.ActivityPolicyOnAsync(activity.PlannedStart, ct);
        if (policy is null) return (null, []);
        var ownerIsCompany = (await me.GetUnitTreeAsync(ct)).IsCompanyOrUnder(activity.OwnerUnitId);
        if (!policy.Definition.Version.Covers(ownerIsCompany)) return (policy, []);
        // R8/R9: each partner's standing (its country's or city's assessment today, KS's exceptions for this activity).
        var standings = await precondition.StandingsAsync(activity, policy, ct);
        return (policy, ActivityRules.Evaluate(new ActivityCheckContext(activity, policy.Definition, Today)
            { PartnerStandings = standings, OwnerIsCompany = ownerIsCompany }));
    }

    /// <summary>
    /// <see cref="EvaluateAsync(Activity, CancellationToken)"/> for many activities at once, set based: the activities
    /// with their goals, partners, funding lines and results in one split query, the policy versions and the unit tree
    /// once, the partners' standings in a fixed handful of queries, whatever the number of activities. Only those a
    /// version in force at their start covers are in the answer. The activity list (its "Blockerad") and the
    /// compilation's standing deviations read their findings here, so both judge as the activity's page does.
    /// </summary>
    public async Task<IReadOnlyList<(Activity Activity, ActivityPolicy Policy, IReadOnlyList<Finding> Findings)>> EvaluateManyAsync(
        IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        var activities = await db.Activities.AsNoTracking()
            .Include(a => a.Goals).Include(a => a.Partners).Include(a => a.Funding).Include(a => a.Results)
            .Where(a => ids.Contains(a.Id)).AsSplitQuery().ToListAsync(ct);
        var policyOn = await policies.ActivityPoliciesAsync(ct);
        var tree = await me.GetUnitTreeAsync(ct);
        var governed = activities.Select(a => (Activity: a, Policy: policyOn(a.PlannedStart), Company: tree.IsCompanyOrUnder(a.OwnerUnitId)))
            .Where(x => x.Policy is not null && x.Policy.Definition.Version.Covers(x.Company))
            .Select(x => (x.Activity, Policy: x.Policy!, x.Company)).ToList();
        var standings = await precondition.StandingsAsync(governed.Select(x => (x.Activity, x.Policy)).ToList(), ct);
        var today = Today;
        return governed.Select(x => (x.Activity, x.Policy, (IReadOnlyList<Finding>)ActivityRules.Evaluate(
                new ActivityCheckContext(x.Activity, x.Policy.Definition, today) { PartnerStandings = standings.GetValueOrDefault(x.Activity.Id), OwnerIsCompany = x.Company })))
            .ToList();
    }

    /// <summary>
    /// Issue 19: what the policy basis itself says of the activity, shown as findings beside the checks' own: no version in
    /// force at its start (a gap, with the version that expired, the next one and the municipality's rule; before the
    /// first adoption; an overlap), a version whose text is not known, a version that does not cover the owning unit.
    /// In a gap under the default rule, or with no version at all, the finding blocks until the coordinator records a
    /// reason (never a dead end: the coordinator's form is on the activity's page and in the API).
    /// </summary>
    public async Task<List<FindingDto>> BasisFindingsAsync(Activity activity, ActivityPolicy? policy, CancellationToken ct = default)
    {
        var answer = await policies.ActivityPolicyAnswerAsync(activity.PlannedStart, ct);
        if (answer is null) return [];
        var findings = new List<FindingDto>();
        var reason = activity.GapReason is { } r ? " " + l["Finding_GapReasonRecorded", r].Value : "";
        var waits = activity.GapReason is null ? " " + l["Finding_GapReasonNeeded"].Value : "";
        switch (answer.Outcome)
        {
            case InForceOutcome.Gap when policy is { Continuing: true }:
                findings.Add(new("policy-gap", FindingSeverity.Info, answer.Explanation, answer.LastExpired!.Key, answer.LastExpired.Label, "", null));
                break;
            case InForceOutcome.Gap:
                findings.Add(new("policy-gap", activity.GapReason is null ? FindingSeverity.Blocking : FindingSeverity.Info, answer.Explanation + waits + reason,
                    answer.LastExpired!.Key, answer.LastExpired.Label, "", "GapReason"));
                break;
            case InForceOutcome.NotYetAdopted or InForceOutcome.Overlap:
                findings.Add(new("policy-none", activity.GapReason is null ? FindingSeverity.Blocking : FindingSeverity.Info, answer.Explanation + waits + reason,
                    "", "", "", "GapReason"));
                break;
            case InForceOutcome.InForce when answer.TextKnown == false:
                findings.Add(new("policy-text-unknown", FindingSeverity.Info, answer.Explanation, answer.Version!.Key, answer.Version.Label, "", null));
                break;
        }
        if (policy is not null && !policy.Definition.Version.Covers((await me.GetUnitTreeAsync(ct)).IsCompanyOrUnder(activity.OwnerUnitId)))
            findings.Add(new("policy-not-covered", FindingSeverity.Info, l["Finding_NotCovered", policy.Label, policy.Definition.Version.AppliesTo],
                policy.Definition.Key, policy.Label, policy.Definition.Version.AppliesTo, null));
        return findings;
    }

    /// <summary>Issue 19: the coordinator records (or, empty, withdraws) the reason an activity with no policy version in force may be approved.</summary>
    public Task<ActivitySave> RecordGapReasonAsync(Guid id, GapReasonInput input, CancellationToken ct = default) =>
        ChangeAsync(id, input.Version, editDetails: false, (activity, scope) => Task.FromResult(activity.RecordGapReason(scope, input.Reason)), null, ct);

    private async Task<ActivityDto> ToDtoAsync(Activity a, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var tree = await me.GetUnitTreeAsync(ct);
        var partnerIds = a.Partners.Select(p => p.PartnerId).ToList();
        var partners = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var userIds = a.Comments.Select(c => c.AuthorUserId).Append(a.ResponsibleUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var (policy, findings) = await EvaluateAsync(a, ct);
        var basis = await BasisFindingsAsync(a, policy, ct);
        var approvedUnder = a.ApprovedPolicyVersionId is { } approvedId
            ? await db.PolicyVersions.AsNoTracking().Where(v => v.Id == approvedId).Select(v => new PolicyRefDto(v.Id, v.Label)).FirstOrDefaultAsync(ct)
            : null;
        var goalNames = policy?.Definition.Version.Goals.ToDictionary(g => g.Code, g => g.Name) ?? [];
        var canEdit = scope.CanEditFor(a.OwnerUnitId);
        var canSeeTrips = canEdit || scope.CanApproveFor(a.OwnerUnitId) || scope.IsKsSecretariat;
        string Country(string code) => reference.Country(code)?.NameSv ?? code;
        string UnitName(Guid id) => tree.Contains(id) ? tree[id].Name : "–";

        return new ActivityDto(a.Id, a.Title, a.Description, a.Kind, a.Status, a.OwnerUnitId, UnitName(a.OwnerUnitId), a.ResponsibleUserId,
            names.GetValueOrDefault(a.ResponsibleUserId), a.PlannedStart, a.PlannedEnd, a.ActualStart, a.ActualEnd, a.Purpose, a.ExpectedResults,
            a.Motivation, a.ChildPerspective, a.CaseNumber, a.AimedAtEnablingInternationalWork, a.RejectionComment,
            a.Goals.Select(g => new GoalDto(g.GoalCode, goalNames.GetValueOrDefault(g.GoalCode, g.GoalCode), g.How, goalNames.ContainsKey(g.GoalCode))).ToList(),
            a.Sdgs.OrderBy(s => s.Goal).ThenBy(s => s.Target).Select(s => new SdgDto(s.Goal, s.Target, reference.Sdg(s.Goal)?.TitleSv ?? "")).ToList(),
            a.Partners.Where(p => partners.ContainsKey(p.PartnerId)).Select(p => partners[p.PartnerId] is var o
                ? new ActivityPartnerDto(o.Id, o.Name, o.Type, o.City, o.CountryCode, Country(o.CountryCode), p.Role, o.CountryCode != CountryCodes.Sweden) : null!).ToList(),
            a.Funding.Select(f => new FundingLineDto(f.Id, f.Source, f.OwnUnitId, f.Source switch
                {
                    FundingSource.OwnBudget => f.OwnUnitId is { } u ? UnitName(u) : null,
                    FundingSource.EuProgramme => reference.EuProgrammes.FirstOrDefault(p => p.Code == f.ProgrammeCode)?.NameSv ?? f.ProgrammeCode,
                    _ => f.FunderName,
                }, f.FunderKind, f.Amount, f.Currency, f.ExchangeRate, f.AmountSek, f.Status, f.AppliedOn, f.DecidedOn, f.PaidOn, f.Note)).ToList(),
            FundingSummary.Of(a.Funding),
            canSeeTrips ? a.Trips.OrderBy(t => t.DepartOn).Select(t => new TripDto(t.Id, t.Travellers, t.TravellerCount, t.City, t.CountryCode, Country(t.CountryCode),
                t.DepartOn, t.ReturnOn, t.CostSek, t.Purpose)).ToList() : null,
            a.Results.OrderBy(r => r.Year ?? int.MaxValue).Select(r => new ResultDto(r.Id, r.Year, r.IsFinal, r.Text, r.ReportedAt)).ToList(),
            a.Links.Select(k => new LinkDto(k.Id, k.Url, k.Title)).ToList(),
            a.Attachments.Select(f => new AttachmentDto(f.Id, f.StorageKey, f.FileName, f.SizeBytes, f.UploadedAt)).ToList(),
            a.Comments.OrderBy(c => c.At).Select(c => new CommentDto(c.Id, names.GetValueOrDefault(c.AuthorUserId) ?? "–", c.At, c.Text)).ToList(),
            ActivityClassification.Of(a, partners.ToDictionary(p => p.Key, p => p.Value.CountryCode)),
            policy is null ? null : new PolicyRefDto(policy.VersionId, policy.Label), approvedUnder, a.ApprovedAt,
            FindingsOf(a, basis, findings),
            ActionsFor(a, scope, findings, policy is not null || a.GapReason is not null), canEdit && ActivityWorkflow.CanEditDetails(a.Status), canEdit && ActivityWorkflow.CanEditFunding(a.Status), canEdit && ActivityWorkflow.CanChangeFundingStatus(a.Status),
            canEdit && ActivityWorkflow.CanEditTrips(a.Status), canEdit && ActivityWorkflow.CanReportYearlyResults(a.Status), a.Version)
        {
            GapReason = a.GapReason,
            NeedsGapReason = basis.Any(f => f.Field == "GapReason"),
        };
    }

    /// <summary>
    /// Every finding shown beside an activity, in one list: the policy basis, the policy's checks, and (while it may still
    /// be sent) what submission requires (R4). The form's live findings and the activity's page both come from here.
    /// </summary>
    private List<FindingDto> FindingsOf(Activity a, IEnumerable<FindingDto> basis, IEnumerable<Finding> findings) =>
        SubmissionFindings(a)
            .Concat(basis)
            .Concat(findings.Select(f => new FindingDto(PolicyCodesFor(f), f.Severity, l[f.MessageKey, [.. f.Args]], f.PolicyVersionKey, f.PolicyVersionLabel, f.Clause, f.Field)))
            .ToList();

    /// <summary>What <see cref="Activity.Submit"/> would refuse on, as findings while the activity may still be sent.</summary>
    private IEnumerable<FindingDto> SubmissionFindings(Activity a) =>
        ActivityWorkflow.Allows(a.Status, ActivityAction.Submit)
            ? a.MissingForSubmission().Select(r => new FindingDto(SubmissionCheck, FindingSeverity.Blocking, l.Message(r), "", "", "", r.Field))
            : [];

    /// <summary>The code of a finding that names what submission requires (not a policy check).</summary>
    public const string SubmissionCheck = "submission-required";

    /// <summary>The code of a finding that names why the form cannot be saved as it stands.</summary>
    public const string FormCheck = "form-invalid";

    /// <summary>
    /// The findings of an activity as the form stands, before it is saved: the form's values applied to a new activity
    /// (or to the stored one, <paramref name="id"/>), then the same checks as <see cref="GetAsync"/> runs. Nothing is
    /// saved: the change tracker is cleared afterwards. A form that could not be saved gives its refusal as a finding.
    /// </summary>
    public async Task<ActivityPreview?> PreviewAsync(Guid? id, ActivityInput input, CancellationToken ct = default)
    {
        try
        {
            var scope = await me.GetScopeAsync(ct);
            Activity activity;
            Result result;
            var (details, references, error) = await DetailsAsync(input, ct);
            if (id is { } existingId)
            {
                var loaded = await LoadAsync(existingId, ct);
                if (loaded is null || !scope.CanEditFor(loaded.OwnerUnitId)) return null;
                activity = loaded;
                result = details is null ? error : activity.Update(details, references!);
            }
            else
            {
                if (!scope.IsCoordinator && scope.EditableUnits.Count == 0) return null;
                if (details is null) return ActivityPreview.Refused(FormFinding(error));
                var municipalityId = db.CurrentMunicipalityId ?? throw new InvalidOperationException("No municipality in scope.");
                (var created, result) = Activity.Create(municipalityId, details, references!);
                if (created is null) return ActivityPreview.Refused(FormFinding(result));
                activity = created;
            }
            if (result.IsOk && input.OwnerUnitId is { } unitId && !scope.CanEditFor(unitId)) result = Result.Fail("Activity_UnitInvalid", "OwnerUnitId");
            if (result.IsOk) result = await SyncPartnersAsync(activity, input.Partners, ct);
            if (!result.IsOk) return ActivityPreview.Refused(FormFinding(result));
            var (policy, findings) = await EvaluateAsync(activity, ct);
            var basis = await BasisFindingsAsync(activity, policy, ct);
            return new ActivityPreview(policy is null ? null : new PolicyRefDto(policy.VersionId, policy.Label), policy?.Definition.Document.Title,
                FindingsOf(activity, basis, findings), true);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private FindingDto FormFinding(Result refused) => new(FormCheck, FindingSeverity.Blocking, l.Message(refused), "", "", "", refused.Field);

    private static string PolicyCodesFor(Finding f) => Domain.Policies.PolicyCodes.CheckKinds.Code(f.Check);

    /// <summary>
    /// The steps the caller may take: approving and rejecting are the unit's approvers'; the rest its editors'. Approval is
    /// not offered while a blocking finding stands (the server would refuse it); the page says why instead.
    /// </summary>
    /// <param name="hasBasis">A version applies at the activity's start, or the coordinator recorded why it may be approved without one.</param>
    private static List<ActivityAction> ActionsFor(Activity a, AccessScope scope, IReadOnlyList<Finding> findings, bool hasBasis) => ActivityWorkflow.ActionsFrom(a.Status)
        .Where(action => action is ActivityAction.Approve or ActivityAction.Reject ? scope.CanApproveFor(a.OwnerUnitId) : scope.CanEditFor(a.OwnerUnitId))
        .Where(action => action != ActivityAction.Approve || (hasBasis && !ActivityRules.AnyBlocking(findings)))
        .ToList();

    // ---- changing ----

    public async Task<ActivitySave> CreateAsync(ActivityInput input, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (input.OwnerUnitId is { } unitId && !scope.CanEditFor(unitId)) return ActivitySave.Forbidden;
        if (!scope.IsCoordinator && scope.EditableUnits.Count == 0) return ActivitySave.Forbidden;
        var (details, references, error) = await DetailsAsync(input, ct);
        if (details is null) return ActivitySave.Invalid(error);
        var municipalityId = db.CurrentMunicipalityId ?? throw new InvalidOperationException("No municipality in scope.");
        var (activity, result) = Activity.Create(municipalityId, details, references!);
        if (!result.IsOk) return ActivitySave.Invalid(result);
        var partners = await SyncPartnersAsync(activity!, input.Partners, ct);
        if (!partners.IsOk) return ActivitySave.Invalid(partners);
        db.Activities.Add(activity!);
        await db.SaveChangesAsync(ct);
        return new(ActivityOutcome.Saved, activity!.Id);
    }

    public Task<ActivitySave> UpdateAsync(Guid id, ActivityInput input, CancellationToken ct = default) =>
        ChangeAsync(id, input.Version, editDetails: true, async (activity, scope) =>
        {
            if (input.OwnerUnitId is { } unitId && !scope.CanEditFor(unitId)) return Result.Fail("Activity_UnitInvalid", "OwnerUnitId");
            var (details, references, error) = await DetailsAsync(input, ct);
            if (details is null) return error;
            var result = activity.Update(details, references!);
            return result.IsOk ? await SyncPartnersAsync(activity, input.Partners, ct) : result;
        }, input, ct);

    /// <summary>A workflow step (R4, R2): approval evaluates the checks first and records the version it was made under.</summary>
    public async Task<ActivitySave> TransitionAsync(Guid id, TransitionInput input, CancellationToken ct = default)
    {
        var activity = await LoadAsync(id, ct);
        if (activity is null) return ActivitySave.NotFound;
        var scope = await me.GetScopeAsync(ct);
        if (!scope.CanEditFor(activity.OwnerUnitId) && !scope.CanApproveFor(activity.OwnerUnitId)) return ActivitySave.Forbidden;
        if (input.Action is not { } action) return ActivitySave.Invalid(Result.Fail("Activity_TransitionInvalid", "Action"));
        var allowed = action is ActivityAction.Approve or ActivityAction.Reject ? scope.CanApproveFor(activity.OwnerUnitId) : scope.CanEditFor(activity.OwnerUnitId);
        if (!allowed) return ActivitySave.Forbidden;
        if (input.Version != activity.Version) return await ConflictAsync(activity, null, ct);
        var by = me.Id!.Value;
        var at = clock.GetUtcNow();
        (ActivityTransition? Value, Result Result) step;
        switch (action)
        {
            case ActivityAction.Submit: step = activity.Submit(by, at); break;
            case ActivityAction.Approve:
                var (policy, findings) = await EvaluateAsync(activity, ct);
                step = activity.Approve(by, scope, policy?.VersionId ?? Guid.Empty, findings.ToList(), at, input.Comment);
                break;
            case ActivityAction.Reject: step = activity.Reject(by, scope, input.Comment, at); break;
            case ActivityAction.Withdraw: step = activity.Withdraw(by, at, input.Comment); break;
            case ActivityAction.Start: step = activity.Start(by, at, input.On); break;
            case ActivityAction.Complete: step = activity.Complete(by, at, input.On); break;
            default: return ActivitySave.Invalid(Result.Fail("Activity_TransitionInvalid", "Action"));
        }
        if (!step.Result.IsOk) return ActivitySave.Invalid(step.Result);
        // The audit names the step and its comment beside the status change (R4: who, when, comment).
        actor.Comment = step.Value!.Comment is { } comment ? $"{l["ActivityAction_" + action]}: {comment}" : l["ActivityAction_" + action].Value;
        var saved = await SaveAsync(activity, input.Version!.Value, ct);
        // The partners' countries as judged at approval: the baseline a new data release is compared with (issue 6.5).
        if (saved.Outcome == ActivityOutcome.Saved && action == ActivityAction.Approve) await precondition.SnapshotAsync(activity, ct);
        return saved;
    }

    /// <summary>R11: the final report (a step to "results reported") or a yearly one while the activity runs.</summary>
    public Task<ActivitySave> ReportResultsAsync(Guid id, ResultInput input, CancellationToken ct = default) =>
        ChangeAsync(id, input.Version, editDetails: false, (activity, _) =>
        {
            var by = me.Id!.Value;
            var at = clock.GetUtcNow();
            if (input.Year is { } year) return Task.FromResult(activity.ReportYearlyResults(year, input.Text, by, at));
            var (step, result) = activity.ReportFinalResults(input.Text, by, at);
            if (result.IsOk) actor.Comment = l["ActivityAction_" + step!.Action].Value;
            return Task.FromResult(result);
        }, null, ct);

    public Task<ActivitySave> AddFundingAsync(Guid id, FundingLineInput input, CancellationToken ct = default) =>
        ChangeAsync(id, input.Version, editDetails: false, async (activity, _) =>
        {
            if (input.Source is null) return Result.Fail("Funding_SourceInvalid", "Source");
            if (input.Amount is null) return Result.Fail("Funding_AmountInvalid", "Amount");
            if (input.Currency is null) return Result.Fail("Funding_CurrencyInvalid", "Currency");
            if (input.Status is null) return Result.Fail("Funding_StatusInvalid", "Status");
            var units = (await me.GetUnitTreeAsync(ct)).All.Select(u => u.Id).ToHashSet();
            var programmes = reference.EuProgrammes.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
            var (_, result) = activity.AddFunding(new FundingInput(input.Source.Value, input.OwnUnitId, input.ProgrammeCode, input.FunderName, input.FunderKind,
                input.Amount.Value, input.Currency.Value, input.ExchangeRate, input.Status.Value, input.StatusOn, input.Note), new FundingReferences(units, programmes));
            return result;
        }, null, ct);

    public Task<ActivitySave> ChangeFundingStatusAsync(Guid id, Guid lineId, FundingStatus? status, DateOnly? on, int? version, CancellationToken ct = default) =>
        ChangeAsync(id, version, editDetails: false, (activity, _) =>
            Task.FromResult(status is { } s ? activity.ChangeFundingStatus(lineId, s, on) : Result.Fail("Funding_StatusInvalid", "Status")), null, ct);

    public Task<ActivitySave> RemoveFundingAsync(Guid id, Guid lineId, int? version, CancellationToken ct = default) =>
        ChangeAsync(id, version, editDetails: false, (activity, _) => Task.FromResult(activity.RemoveFunding(lineId)), null, ct);

    public Task<ActivitySave> AddTripAsync(Guid id, TripLineInput input, CancellationToken ct = default) =>
        ChangeAsync(id, input.Version, editDetails: false, (activity, _) =>
        {
            if (input.DepartOn is null) return Task.FromResult(Result.Fail("Activity_DateOutOfRange", "DepartOn"));
            if (input.ReturnOn is null) return Task.FromResult(Result.Fail("Activity_DateOutOfRange", "ReturnOn"));
            var (_, result) = activity.AddTrip(new TripInput(input.Travellers, input.TravellerCount ?? 1, input.City, input.CountryCode?.Trim().ToUpperInvariant(),
                input.DepartOn.Value, input.ReturnOn.Value, input.CostSek, input.Purpose), Countries);
            return Task.FromResult(result);
        }, null, ct);

    public Task<ActivitySave> RemoveTripAsync(Guid id, Guid tripId, int? version, CancellationToken ct = default) =>
        ChangeAsync(id, version, editDetails: false, (activity, _) => Task.FromResult(activity.RemoveTrip(tripId)), null, ct);

    public Task<ActivitySave> AddLinkAsync(Guid id, string? url, string? title, int? version, CancellationToken ct = default) =>
        ChangeAsync(id, version, editDetails: false, (activity, _) => Task.FromResult(activity.AddLink(url, title).Result), null, ct);

    public Task<ActivitySave> RemoveLinkAsync(Guid id, Guid linkId, int? version, CancellationToken ct = default) =>
        ChangeAsync(id, version, editDetails: false, (activity, _) => Task.FromResult(activity.RemoveLink(linkId)), null, ct);

    /// <summary>Removes an attachment and its stored file, in one save.</summary>
    public Task<ActivitySave> RemoveAttachmentAsync(Guid id, Guid attachmentId, int? version, CancellationToken ct = default) =>
        ChangeAsync(id, version, editDetails: false, async (activity, _) =>
        {
            var fileId = activity.Attachments.FirstOrDefault(a => a.Id == attachmentId)?.StorageKey;
            var result = activity.RemoveAttachment(attachmentId);
            if (result.IsOk && fileId is { } f && await db.StoredFiles.FirstOrDefaultAsync(x => x.Id == f && x.OwnerKind == FileOwner, ct) is { } stored)
                db.StoredFiles.Remove(stored);
            return result;
        }, null, ct);

    /// <summary>An internal comment: any member of the municipality who may read the activity may comment; no version needed.</summary>
    public async Task<ActivitySave> AddCommentAsync(Guid id, string? text, CancellationToken ct = default)
    {
        var activity = await db.Activities.Include(a => a.Comments).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null) return ActivitySave.NotFound;
        var (_, result) = activity.AddComment(text, me.Id!.Value, clock.GetUtcNow());
        if (!result.IsOk) return ActivitySave.Invalid(result);
        await db.SaveChangesAsync(ct);
        return new(ActivityOutcome.Saved, id);
    }

    /// <summary>Attaches a file (type- and size-checked by <see cref="FileService"/>) to an activity the caller may edit.</summary>
    public async Task<ActivitySave> AttachAsync(Guid id, string? fileName, Stream? content, CancellationToken ct = default)
    {
        var activity = await db.Activities.Include(a => a.Attachments).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null) return ActivitySave.NotFound;
        if (!(await me.GetScopeAsync(ct)).CanEditFor(activity.OwnerUnitId)) return ActivitySave.Forbidden;
        if (!ActivityWorkflow.CanEditLinks(activity.Status)) return ActivitySave.Invalid(Result.Fail("Activity_NotEditable"));
        var (file, stored) = await files.AddAsync(FileOwner, id, fileName, content, AttachmentKinds, ct);
        if (!stored.IsOk) return ActivitySave.Invalid(stored);
        var (_, result) = activity.AddAttachment(file!.FileName, file.ContentType, file.Length, file.Id, me.Id!.Value, file.UploadedAt);
        if (!result.IsOk) return ActivitySave.Invalid(result);
        await db.SaveChangesAsync(ct);
        return new(ActivityOutcome.Saved, id);
    }

    /// <summary>Loads, authorizes (editors of the owning unit), checks the version, applies <paramref name="change"/> and saves; a stale version is a conflict.</summary>
    private async Task<ActivitySave> ChangeAsync(Guid id, int? version, bool editDetails, Func<Activity, AccessScope, Task<Result>> change, ActivityInput? sent, CancellationToken ct)
    {
        var activity = await LoadAsync(id, ct);
        if (activity is null) return ActivitySave.NotFound;
        var scope = await me.GetScopeAsync(ct);
        if (!scope.CanEditFor(activity.OwnerUnitId)) return ActivitySave.Forbidden;
        if (version != activity.Version) return await ConflictAsync(activity, sent, ct);
        if (editDetails && !ActivityWorkflow.CanEditDetails(activity.Status)) return ActivitySave.Invalid(Result.Fail("Activity_NotEditable"));
        var result = await change(activity, scope);
        if (!result.IsOk) return ActivitySave.Invalid(result);
        return await SaveAsync(activity, version!.Value, ct);
    }

    private async Task<ActivitySave> SaveAsync(Activity activity, int version, CancellationToken ct)
    {
        // A change to a child is a change to the activity: its version moves, so a concurrent edit of either is caught.
        db.Entry(activity).Property(a => a.Version).OriginalValue = version;
        if (db.Entry(activity).State == EntityState.Unchanged) db.Entry(activity).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await LoadAsync(activity.Id, ct);
            return current is null ? ActivitySave.NotFound : await ConflictAsync(current, null, ct);
        }
        return new(ActivityOutcome.Saved, activity.Id);
    }

    /// <summary>The stored activity, and which of the fields the caller sent now differ from it: the message shows what changed.</summary>
    private async Task<ActivitySave> ConflictAsync(Activity current, ActivityInput? sent, CancellationToken ct)
    {
        var changed = new List<string>();
        if (sent is not null)
        {
            void Compare(string field, object? stored, object? mine) { if (!Equals(stored, mine)) changed.Add(field); }
            Compare("Title", current.Title, Text.Clean(sent.Title));
            Compare("Description", current.Description, Text.CleanBlock(sent.Description));
            Compare("Kind", current.Kind, sent.Kind);
            Compare("OwnerUnitId", current.OwnerUnitId, sent.OwnerUnitId);
            Compare("Start", current.PlannedStart, sent.Start);
            Compare("End", current.PlannedEnd, sent.End);
            Compare("Purpose", current.Purpose, Text.CleanBlock(sent.Purpose));
            Compare("ExpectedResults", current.ExpectedResults, Text.CleanBlock(sent.ExpectedResults));
            Compare("ChildPerspective", current.ChildPerspective, Text.CleanBlock(sent.ChildPerspective));
            Compare("Goals", string.Join(",", current.Goals.Select(g => g.GoalCode).Order()), string.Join(",", (sent.Goals ?? []).Select(g => g.Code).Order()));
        }
        return new(ActivityOutcome.Conflict, current.Id, Current: await ToDtoAsync(current, ct), Changed: changed);
    }

    private async Task<(ActivityDetails? Details, ActivityReferences? References, Result Error)> DetailsAsync(ActivityInput input, CancellationToken ct)
    {
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) return (null, null, Result.Fail("Activity_KindInvalid", "Kind"));
        if (input.OwnerUnitId is not { } unitId) return (null, null, Result.Fail("Activity_UnitInvalid", "OwnerUnitId"));
        if (input.ResponsibleUserId is not { } responsible
            || !await db.Users.AnyAsync(u => u.Id == responsible && u.MunicipalityId == db.CurrentMunicipalityId && u.IsActive, ct))
            return (null, null, Result.Fail("Activity_ResponsibleRequired", "ResponsibleUserId"));
        if (input.Start is not { } start) return (null, null, Result.Fail("Activity_StartRequired", "Start"));
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == unitId, ct);
        var policy = await policies.ActivityPolicyOnAsync(start, ct);
        var details = new ActivityDetails(input.Title, input.Description, kind, unitId, responsible, start, input.End, input.Purpose, input.ExpectedResults,
            input.Motivation, input.ChildPerspective, input.CaseNumber, input.AimedAtEnablingInternationalWork, input.Goals ?? [], input.Sdgs ?? []);
        return (details, ActivityReferences.For(unit, policy?.Definition), Result.Ok);
    }

    /// <summary>Makes the activity's partners exactly <paramref name="wanted"/>: added, role changed or removed.</summary>
    private async Task<Result> SyncPartnersAsync(Activity activity, IReadOnlyList<PartnerRoleInput>? wanted, CancellationToken ct)
    {
        wanted ??= [];
        if (wanted.GroupBy(p => p.PartnerId).Any(g => g.Count() > 1)) return Result.Fail("Activity_PartnerAlreadyAdded", "Partners");
        var ids = wanted.Select(p => p.PartnerId).ToList();
        var partners = await db.Partners.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var existing in activity.Partners.Where(p => !ids.Contains(p.PartnerId)).ToList())
        {
            var removed = activity.RemovePartner(existing.PartnerId);
            if (!removed.IsOk) return removed;
        }
        foreach (var p in wanted)
        {
            if (!partners.TryGetValue(p.PartnerId, out var partner)) return Result.Fail("Activity_PartnerNotFound", "Partners");
            var result = activity.Partners.Any(x => x.PartnerId == p.PartnerId) ? activity.ChangePartnerRole(p.PartnerId, p.Role) : activity.AddPartner(partner, p.Role);
            if (!result.IsOk) return result;
        }
        return Result.Ok;
    }
}
