using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Access;
using Omvarld.Domain.Activities;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Precondition;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features;

/// <summary>The start page: one section per role the user holds, each listing what needs the user's attention.</summary>
public sealed class IndexModel(CurrentUser me, OmvarldDbContext db, Omvarld.Web.Features.Policies.PolicyService policies, IConfiguration configuration,
    PreconditionService precondition, Omvarld.Web.Features.ActionPlans.ActionPlanService actionPlans, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l,
    Omvarld.Web.Features.Activities.Results.ResultsDueService resultsDue, Omvarld.Web.Features.ContactPersons.ContactPersonService contactPersons,
    TimeProvider clock, Omvarld.Web.Features.Openness.PublicQueries publicQueries) : PageModel
{
    /// <summary>Issue 16.1: how many lines of each list the start page shows; the count says how many there are in all.</summary>
    public const int StartListLimit = 5;

    /// <summary>One line of the work list: an activity and what to say about it (a comment, a date).</summary>
    public sealed record WorkItem(Guid Id, string Title, string? Note, DateOnly? Date);

    /// <summary>Issue 16.1: one kind of action-plan flag in one year, counted over the units (not one line per unit).</summary>
    public sealed record PlanFlagGroup(Omvarld.Domain.Plans.ActionPlanFlagKind Kind, int Year, DateOnly DueOn, bool IsLate, IReadOnlyList<(string UnitName, Guid? PlanId)> Units);

    /// <summary>Issue 16.1: the municipality's international work in figures, for the reader.</summary>
    public sealed record Overview(int Ongoing, int Planned, int Completed, int ThisYear, int Partners, IReadOnlyList<WorkItem> Latest);

    /// <summary>May this user register an activity (an editor of some unit, or the coordinator)?</summary>
    public bool CanRegister { get; private set; }
    /// <summary>Drafts this user is responsible for (an editor: also the drafts of the units they edit).</summary>
    public List<WorkItem> Drafts { get; private set; } = [];
    public int DraftCount { get; private set; }
    /// <summary>Activities sent back, with the approver's comment.</summary>
    public List<WorkItem> RejectedItems { get; private set; } = [];
    /// <summary>Submitted activities of the units this user approves for.</summary>
    public List<WorkItem> ToApprove { get; private set; } = [];
    public List<PlanFlagGroup> PlanGroups { get; private set; } = [];
    public Overview? Work { get; private set; }

    /// <summary>Issue 16.8: nobody is signed in: the page shows the way to the open pages and to sign in.</summary>
    public bool Anonymous { get; private set; }
    /// <summary>For an anonymous visitor: the municipalities whose open pages have something to show.</summary>
    public List<Omvarld.Web.Features.Openness.PublicMunicipality> PublicMunicipalities { get; private set; } = [];

    /// <summary>How many days ahead an exception's end is shown.</summary>
    public const int ExceptionWarningDays = 60;

    /// <summary>R9: KS's exceptions that have ended or end within <see cref="ExceptionWarningDays"/> days (coordinator, KS).</summary>
    public List<ExceptionDto> ExpiringExceptions { get; private set; } = [];
    /// <summary>Issue 6.5: the coordinator's unseen changes of a partner country's assessment after a data release.</summary>
    public List<AssessmentChangeDto> Changes { get; private set; } = [];
    /// <summary>R12: the action plans and evaluations due or late of the units this user edits (the coordinator: all).</summary>
    public List<Omvarld.Web.Features.ActionPlans.PlanStatusDto> PlanFlags { get; private set; } = [];

    /// <summary>R15: the units without a contact person the user answers for, only where a policy in force demands them (else null).</summary>
    public Omvarld.Web.Features.ContactPersons.ContactGapsDto? ContactGaps { get; private set; }

    public AccessScope Scope { get; private set; } = AccessScope.None;
    public int UnitCount { get; private set; }
    public int MunicipalityCount { get; private set; }
    public int LockedUsers { get; private set; }
    public List<string> ScopedUnits { get; private set; } = [];
    /// <summary>R3: governing documents past or near their valid-until, for the coordinator and KS.</summary>
    public List<Omvarld.Web.Features.Policies.RevisionDueDto> RevisionDue { get; private set; } = [];
    public int RevisionWarningMonths { get; private set; }
    /// <summary>Submitted activities of the units this user approves for: the approver's queue.</summary>
    public int AwaitingApproval { get; private set; }
    /// <summary>This user's editable units' activities sent back with a comment.</summary>
    public int Rejected { get; private set; }
    /// <summary>R11: results reports due and overdue, for the coordinator and KS (all) or an editor (the editable units).</summary>
    public Omvarld.Web.Features.Activities.Results.ResultsDueSummary? ResultsDue { get; private set; }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid changeId)
    {
        if (!me.IsAuthenticated) return Challenge();
        var saved = await precondition.AcknowledgeAsync(changeId);
        if (saved.Outcome == PreconditionOutcome.Forbidden) return Forbid();
        if (saved.Outcome == PreconditionOutcome.NotFound) return NotFound();
        TempData["Flash"] = l["PreconditionPages_AcknowledgedFlash"].Value;
        return Redirect("/#changes-heading");
    }

    /// <summary>R20: the address part of the municipality's open pages, for the link to them.</summary>
    public string? PublicSlug { get; private set; }

    public async Task OnGetAsync()
    {
        if (!me.IsAuthenticated)
        {
            Anonymous = true;
            PublicMunicipalities = await publicQueries.PublishingMunicipalitiesAsync(HttpContext.RequestAborted);
            return;
        }
        Scope = await me.GetScopeAsync();
        if (Scope.CanReadMunicipality && me.MunicipalityId is { } municipalityId)
            PublicSlug = await db.Municipalities.Where(m => m.Id == municipalityId).Select(m => m.Slug).FirstOrDefaultAsync();
        if (Scope.IsCoordinator || Scope.IsKsSecretariat)
        {
            var horizon = precondition.Today.AddDays(ExceptionWarningDays);
            ExpiringExceptions = (await precondition.ExceptionsAsync()).Where(e => e.ValidUntil <= horizon).OrderBy(e => e.ValidUntil).ToList();
        }
        if (Scope.IsCoordinator) Changes = await precondition.ChangesAsync();
        PlanFlags = await actionPlans.MyDueAsync();
        ContactGaps = await contactPersons.MyFlagsAsync();
        if (Scope.CanReadMunicipality) UnitCount = await db.Units.CountAsync(u => u.ClosedOn == null);
        if (Scope.IsCoordinator || Scope.IsKsSecretariat)
        {
            RevisionWarningMonths = Math.Clamp(configuration.GetValue("Policies:RevisionWarningMonths", 6), 0, 60);
            RevisionDue = await policies.RevisionWatchAsync(RevisionWarningMonths);
        }
        if (Scope.IsSystemAdministrator) MunicipalityCount = await db.Municipalities.CountAsync();
        if (Scope.CanManageUsers)
        {
            var now = clock.GetUtcNow();
            var mine = me.MunicipalityId;
            // SQLite cannot compare DateTimeOffset in SQL: fetch the (few) lockout ends that are set and compare here.
            var lockoutEnds = await db.Users.Where(u => (Scope.IsSystemAdministrator || u.MunicipalityId == mine) && u.LockoutEnd != null)
                .Select(u => u.LockoutEnd).ToListAsync();
            LockedUsers = lockoutEnds.Count(end => end > now);
        }
        var myId = me.Id;
        var editable = Scope.EditableUnits.ToList();
        CanRegister = Scope.IsCoordinator || editable.Count > 0;
        if (Scope.ApprovableUnits.Count > 0)
        {
            var approvable = Scope.ApprovableUnits.ToList();
            var submitted = db.Activities.AsNoTracking().Where(a => a.Status == ActivityStatus.Submitted && approvable.Contains(a.OwnerUnitId));
            AwaitingApproval = await submitted.CountAsync();
            if (AwaitingApproval > 0)
                ToApprove = (await submitted.OrderBy(a => a.PlannedStart).ThenBy(a => a.Title).Take(StartListLimit)
                    .Select(a => new { a.Id, a.Title, a.SubmittedAt, a.PlannedStart }).ToListAsync())
                    .Select(a => new WorkItem(a.Id, a.Title, null, a.SubmittedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null)).ToList();
        }
        if (CanRegister)
        {
            var rejected = db.Activities.AsNoTracking().Where(a => a.Status == ActivityStatus.Rejected
                && (Scope.IsCoordinator ? a.ResponsibleUserId == myId || editable.Contains(a.OwnerUnitId) : editable.Contains(a.OwnerUnitId)));
            Rejected = await rejected.CountAsync();
            if (Rejected > 0)
                RejectedItems = await rejected.OrderBy(a => a.PlannedStart).ThenBy(a => a.Title).Take(StartListLimit)
                    .Select(a => new WorkItem(a.Id, a.Title, a.RejectionComment, a.PlannedStart)).ToListAsync();
            // "My drafts": the coordinator's own; an editor's own and those of the units they edit.
            var drafts = db.Activities.AsNoTracking().Where(a => a.Status == ActivityStatus.Draft
                && (a.ResponsibleUserId == myId || (!Scope.IsCoordinator && editable.Contains(a.OwnerUnitId))));
            DraftCount = await drafts.CountAsync();
            if (DraftCount > 0)
                Drafts = await drafts.OrderBy(a => a.PlannedStart).ThenBy(a => a.Title).Take(StartListLimit)
                    .Select(a => new WorkItem(a.Id, a.Title, null, a.PlannedStart)).ToListAsync();
        }
        PlanGroups = PlanFlags.SelectMany(row => row.Flags.Select(f => (row, f)))
            .GroupBy(x => (x.f.Kind, x.f.Year))
            .Select(g => new PlanFlagGroup(g.Key.Kind, g.Key.Year, g.Min(x => x.f.DueOn), g.Any(x => x.f.IsLate),
                g.Select(x => (x.row.UnitName, x.row.PlanId)).OrderBy(u => u.UnitName, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), false)).ToList()))
            .OrderByDescending(g => g.IsLate).ThenBy(g => g.Year).ThenBy(g => g.Kind).ToList();
        if (Scope.Has(Role.Reader)) Work = await OverviewAsync();
        ResultsDue = await resultsDue.SummaryAsync();
        var scopedIds = Scope.EditableUnits.Concat(Scope.ApprovableUnits).ToHashSet();
        if (scopedIds.Count > 0)
        {
            var tree = await me.GetUnitTreeAsync();
            ScopedUnits = Scope.EditableUnits.Concat(Scope.ApprovableUnits).Distinct()
                .Where(id => tree.Contains(id) && (tree[id].ParentId is not { } p || !scopedIds.Contains(p)))
                .Select(id => tree[id].Name).Order().ToList();
        }
    }

    /// <summary>The municipality's work in a few figures and its latest approved activities; counts in SQL, one short list.</summary>
    private async Task<Overview> OverviewAsync()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var yearStart = new DateOnly(today.Year, 1, 1);
        var yearEnd = new DateOnly(today.Year, 12, 31);
        var activities = db.Activities.AsNoTracking();
        var byStatus = await activities.GroupBy(a => a.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync();
        int Count(params ActivityStatus[] statuses) => byStatus.Where(x => statuses.Contains(x.Status)).Sum(x => x.Count);
        var thisYear = await activities.CountAsync(a => a.Status != ActivityStatus.Withdrawn && a.Status != ActivityStatus.Draft
            && a.PlannedStart <= yearEnd && (a.PlannedEnd == null || a.PlannedEnd >= yearStart));
        var partners = await db.Partners.CountAsync();
        var shown = new[] { ActivityStatus.Approved, ActivityStatus.Ongoing, ActivityStatus.Completed, ActivityStatus.ResultsReported };
        var latest = await activities.Where(a => shown.Contains(a.Status)).OrderByDescending(a => a.PlannedStart).ThenBy(a => a.Title).Take(StartListLimit)
            .Select(a => new { a.Id, a.Title, a.Status, a.PlannedStart }).ToListAsync();
        return new Overview(Count(ActivityStatus.Ongoing), Count(ActivityStatus.Approved), Count(ActivityStatus.Completed, ActivityStatus.ResultsReported),
            thisYear, partners, latest.Select(a => new WorkItem(a.Id, a.Title, l["ActivityStatus_" + a.Status].Value, a.PlannedStart)).ToList());
    }
}
