using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Access;
using Omvarld.Domain.Organisation;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Audit;

namespace Omvarld.Web.Features.Admin.Users;

public sealed class DetailsModel(UserAdminService users, OmvarldDbContext db, AuditQueries audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public UserDto Account { get; private set; } = null!;
    public List<(UnitNode Node, int Depth)> Units { get; private set; } = [];
    public string? TemporaryPassword { get; private set; }
    public Page<AuditDto> History { get; private set; } = null!;

    [BindProperty] public Role? NewRole { get; set; }
    [BindProperty] public Guid? NewRoleUnitId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddRoleAsync(Guid id)
    {
        var result = await users.AddRoleAsync(id, new RoleInput(NewRole, NewRoleUnitId));
        if (result is null) return NotFound();
        if (!result.Value.IsOk)
        {
            ModelState.AddModelError(result.Value.Field == "UnitId" ? nameof(NewRoleUnitId) : nameof(NewRole), l[result.Value.Error!]);
            await LoadAsync(id);
            return Page();
        }
        TempData["Flash"] = l["Users_RoleAddedFlash"].Value;
        return Redirect($"/admin/anvandare/{id}");
    }

    public async Task<IActionResult> OnPostRemoveRoleAsync(Guid id, Guid assignmentId)
    {
        if (!await users.RemoveRoleAsync(id, assignmentId)) return NotFound();
        TempData["Flash"] = l["Users_RoleRemovedFlash"].Value;
        return Redirect($"/admin/anvandare/{id}");
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(Guid id)
    {
        var reset = await users.ResetPasswordAsync(id);
        if (reset is null) return NotFound();
        if (reset.Conflict) ModelState.AddModelError(string.Empty, l["User_ResetConflict"]);
        TemporaryPassword = reset.TemporaryPassword;
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostActiveAsync(Guid id, bool active)
    {
        if (!await users.SetActiveAsync(id, active)) return NotFound();
        TempData["Flash"] = l[active ? "Users_ActivatedFlash" : "Users_DeactivatedFlash"].Value;
        return Redirect($"/admin/anvandare/{id}");
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid id)
    {
        if (!await users.UnlockAsync(id)) return NotFound();
        TempData["Flash"] = l["Users_UnlockedFlash"].Value;
        return Redirect($"/admin/anvandare/{id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var user = await users.GetAsync(id);
        if (user is null) return false;
        Account = user;
        if (user.MunicipalityId is { } m)
        {
            db.Tenant.Use(m);
            var tree = new UnitTree(await db.Units.AsNoTracking().Select(u => new UnitNode(u.Id, u.ParentId, u.Name, u.Kind, u.ClosedOn != null)).ToListAsync());
            Units = tree.DepthFirst().Where(r => !r.Node.IsClosed).ToList();
            History = await audit.ListAsync(nameof(AppUser), id, 1, 20);
        }
        else History = new([], 1, 20, 0);
        return true;
    }
}
