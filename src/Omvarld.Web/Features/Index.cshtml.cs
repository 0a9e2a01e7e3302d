using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Access;
using Omvarld.Web.Data;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features;

/// <summary>The start page: one section per role the user holds, each listing what needs the user's attention.</summary>
public sealed class IndexModel(CurrentUser me, OmvarldDbContext db, Omvarld.Web.Features.Policies.PolicyService policies, IConfiguration configuration) : PageModel
{
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

    public async Task OnGetAsync()
    {
        Scope = await me.GetScopeAsync();
        if (Scope.CanReadMunicipality) UnitCount = await db.Units.CountAsync(u => u.ClosedOn == null);
        if (Scope.IsCoordinator || Scope.IsKsSecretariat)
        {
            RevisionWarningMonths = Math.Clamp(configuration.GetValue("Policies:RevisionWarningMonths", 6), 0, 60);
            RevisionDue = await policies.RevisionWatchAsync(RevisionWarningMonths);
        }
        if (Scope.IsSystemAdministrator) MunicipalityCount = await db.Municipalities.CountAsync();
        if (Scope.CanManageUsers)
        {
            var now = DateTimeOffset.UtcNow;
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
