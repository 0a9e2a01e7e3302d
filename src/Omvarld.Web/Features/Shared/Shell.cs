using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Access;
using Omvarld.Web.Data;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Shared;

public sealed record NavItem(string Href, string TextKey);

/// <summary>
/// A top-level entry of the main menu: a single link (<see cref="Link"/>) or a group of links shown as a disclosure
/// (<see cref="Items"/>). Issue 16.2: a handful of groups, so that no role has more than seven top-level entries.
/// </summary>
public sealed record NavEntry(string TextKey, NavItem? Link, IReadOnlyList<NavItem> Items)
{
    public bool IsGroup => Link is null;
    public IEnumerable<NavItem> All => Link is { } l ? [l] : Items;
}

/// <summary>What the layout shows: the municipality's name and the navigation the user's roles may use.</summary>
public sealed class Shell(CurrentUser me, OmvarldDbContext db, IHttpContextAccessor http)
{
    /// <summary>The most top-level menu entries any role may get (issue 16.2); a test holds every role to it.</summary>
    public const int MaxTopLevelEntries = 7;

    public async Task<(string? MunicipalityName, IReadOnlyList<NavEntry> Nav)> GetAsync()
    {
        // The page that says the database is out of reach asks it nothing.
        if (!me.IsAuthenticated || DatabaseUnavailable.IsMarked(http.HttpContext)) return (null, []);
        var scope = await me.GetScopeAsync();
        string? name = null;
        if (me.MunicipalityId is { } id)
            name = await db.Municipalities.AsNoTracking().Where(m => m.Id == id).Select(m => m.Name).FirstOrDefaultAsync();
        return (name, Navigation(scope));
    }

    /// <summary>
    /// The menu in groups: the daily work, governance, the world outside, and administration. A group with one link
    /// is shown as that link; an empty group not at all.
    /// </summary>
    public static IReadOnlyList<NavEntry> Navigation(AccessScope scope)
    {
        var member = scope.CanReadMunicipality;
        var coordinatorOrKs = scope.IsCoordinator || scope.IsKsSecretariat;

        var work = new List<NavItem>();
        if (member) work.Add(new("/aktiviteter", "Nav_Activities"));
        if (member) work.Add(new("/aktiviteter/resultat", "Nav_ResultsDue"));
        if (coordinatorOrKs) work.Add(new("/ks/beslut", "Nav_DecisionQueue"));
        if (coordinatorOrKs) work.Add(new("/aktiviteter/finansiering", "Nav_Funding"));
        if (member) work.Add(new("/handlingsplaner", "Nav_ActionPlans"));
        if (member) work.Add(new("/uppfoljning", "Nav_FollowUp"));

        var governance = new List<NavItem>();
        if (member) governance.Add(new("/styrdokument", "Nav_Policies"));
        if (member) governance.Add(new("/prioriteringar", "Nav_Priorities"));
        if (member) governance.Add(new("/undantag", "Nav_Exceptions"));
        if (coordinatorOrKs) governance.Add(new("/sammanstallning", "Nav_Compilation"));

        var world = new List<NavItem>();
        if (member || scope.IsSystemAdministrator) world.Add(new("/lander", "Nav_Countries"));
        if (member) world.Add(new("/partner", "Nav_Partners"));
        if (member) world.Add(new("/vanorter", "Nav_TwinTowns"));
        if (member) world.Add(new("/medlemskap", "Nav_Memberships"));

        var admin = new List<NavItem>();
        if (member) admin.Add(new("/enheter", "Nav_Units"));
        if (member) admin.Add(new("/kontaktpersoner", "Nav_ContactPersons"));
        if (scope.CanManageUsers) admin.Add(new("/admin/anvandare", "Nav_Users"));
        if (scope.CanManageUsers) admin.Add(new("/admin/inloggning", "Nav_SignInSettings"));
        if (coordinatorOrKs) admin.Add(new("/iati", "Nav_Iati"));
        if (scope.IsCoordinator) admin.Add(new("/oppenhet/installningar", "Nav_OpenDataSettings"));
        if (coordinatorOrKs || scope.IsSystemAdministrator) admin.Add(new("/logg", "Nav_Audit"));
        if (scope.IsSystemAdministrator) admin.Add(new("/admin/kommuner", "Nav_Municipalities"));
        if (scope.IsSystemAdministrator) admin.Add(new("/admin/landdata", "Nav_CountryData"));

        var nav = new List<NavEntry> { new("Nav_Start", new("/", "Nav_Start"), []) };
        foreach (var (key, items) in new[] { ("NavGroup_Work", work), ("NavGroup_Governance", governance), ("NavGroup_World", world), ("NavGroup_Admin", admin) })
        {
            if (items.Count == 1) nav.Add(new(items[0].TextKey, items[0], []));
            else if (items.Count > 1) nav.Add(new(key, null, items));
        }
        return nav;
    }
}
