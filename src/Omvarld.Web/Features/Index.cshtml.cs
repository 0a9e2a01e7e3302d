using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Access;
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
        if (Scope.ApprovableUnits.Count > 0)
        {
            var approvable = Scope.ApprovableUnits.ToList();
            AwaitingApproval = await db.Activities.CountAsync(a => a.Status == Omvarld.Domain.Activities.ActivityStatus.Submitted && approvable.Contains(a.OwnerUnitId));
        }
        if (Scope.EditableUnits.Count > 0 || Scope.IsCoordinator)
        {
            var editable = Scope.EditableUnits.ToList();
            Rejected = await db.Activities.CountAsync(a => a.Status == Omvarld.Domain.Activities.ActivityStatus.Rejected && (Scope.IsCoordinator || editable.Contains(a.OwnerUnitId)));
        }
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
}
