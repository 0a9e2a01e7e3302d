using System.Security.Claims;

namespace Omvarld.Web.Data;

/// <summary>
/// Which municipality the current request works in. Read from the signed-in user's claim; background work and
/// seeding set it explicitly. The DbContext's query filters read it, so no page has to remember the tenant.
/// </summary>
public sealed class TenantContext(IHttpContextAccessor http)
{
    private Guid? _override;
    private bool _overridden;

    public const string MunicipalityClaim = "omv:municipality";

    public Guid? MunicipalityId
    {
        get
        {
            if (_overridden) return _override;
            var value = http.HttpContext?.User.FindFirstValue(MunicipalityClaim);
            return Guid.TryParse(value, out var id) ? id : null;
        }
    }

    /// <summary>Work as municipality <paramref name="id"/> (seeding, commands, background jobs).</summary>
    public void Use(Guid? id)
    {
        _override = id;
        _overridden = true;
    }

    /// <summary>True while the system itself (seeding, a system administrator's page) may write any municipality's rows.</summary>
    public bool SystemScope { get; set; }
}
