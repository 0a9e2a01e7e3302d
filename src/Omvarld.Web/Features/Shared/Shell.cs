using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Access;
using Omvarld.Web.Data;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Shared;

public sealed record NavItem(string Href, string TextKey);

/// <summary>What the layout shows: the municipality's name and the navigation the user's roles may use.</summary>
public sealed class Shell(CurrentUser me, OmvarldDbContext db, IHttpContextAccessor http)
{
    public async Task<(string? MunicipalityName, IReadOnlyList<NavItem> Nav)> GetAsync()
    {
        // The page that says the database is out of reach asks it nothing.
        if (!me.IsAuthenticated || DatabaseUnavailable.IsMarked(http.HttpContext)) return (null, []);
        var scope = await me.GetScopeAsync();
        string? name = null;
        if (me.MunicipalityId is { } id)
            name = await db.Municipalities.AsNoTracking().Where(m => m.Id == id).Select(m => m.Name).FirstOrDefaultAsync();
        return (name, Navigation(scope));
    }

    public static IReadOnlyList<NavItem> Navigation(AccessScope scope)
    {
        var nav = new List<NavItem> { new("/", "Nav_Start") };
        if (scope.CanReadMunicipality) nav.Add(new("/enheter", "Nav_Units"));
        if (scope.CanReadMunicipality) nav.Add(new("/styrdokument", "Nav_Policies"));
        if (scope.CanReadMunicipality) nav.Add(new("/aktiviteter", "Nav_Activities"));
        if (scope.CanReadMunicipality) nav.Add(new("/partner", "Nav_Partners"));
        if (scope.CanReadMunicipality || scope.IsSystemAdministrator) nav.Add(new("/lander", "Nav_Countries"));
        if (scope.CanReadMunicipality) nav.Add(new("/undantag", "Nav_Exceptions"));
        if (scope.CanReadMunicipality) nav.Add(new("/prioriteringar", "Nav_Priorities"));
        if (scope.CanReadMunicipality) nav.Add(new("/handlingsplaner", "Nav_ActionPlans"));
        if (scope.CanReadMunicipality) nav.Add(new("/uppfoljning", "Nav_FollowUp"));
        if (scope.CanReadMunicipality) nav.Add(new("/kontaktpersoner", "Nav_ContactPersons"));
        if (scope.CanReadMunicipality) nav.Add(new("/medlemskap", "Nav_Memberships"));
        if (scope.CanReadMunicipality) nav.Add(new("/vanorter", "Nav_TwinTowns"));
        if (scope.IsCoordinator || scope.IsKsSecretariat) nav.Add(new("/ks/beslut", "Nav_DecisionQueue"));
        if (scope.IsCoordinator || scope.IsKsSecretariat) nav.Add(new("/aktiviteter/finansiering", "Nav_Funding"));
        if (scope.IsCoordinator || scope.IsKsSecretariat) nav.Add(new("/sammanstallning", "Nav_Compilation"));
        if (scope.IsCoordinator || scope.IsKsSecretariat) nav.Add(new("/iati", "Nav_Iati"));
        if (scope.IsCoordinator || scope.IsKsSecretariat || scope.IsSystemAdministrator) nav.Add(new("/logg", "Nav_Audit"));
        if (scope.CanManageUsers) nav.Add(new("/admin/anvandare", "Nav_Users"));
        if (scope.CanManageUsers) nav.Add(new("/admin/inloggning", "Nav_SignInSettings"));
        if (scope.IsSystemAdministrator) nav.Add(new("/admin/kommuner", "Nav_Municipalities"));
        if (scope.IsSystemAdministrator) nav.Add(new("/admin/landdata", "Nav_CountryData"));
        return nav;
    }
}
