using System.Security.Claims;

namespace Omvarld.Web.Data;

/// <summary>Who the audit trail names for the changes of this request: the signed-in user, or the system.</summary>
public sealed class AuditActor(IHttpContextAccessor http)
{
    private Guid? _userId;
    private string? _userName;
    private bool _overridden;

    public Guid? UserId => _overridden ? _userId : Guid.TryParse(http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    public string? UserName => _overridden ? _userName : http.HttpContext?.User.Identity?.Name ?? "system";

    /// <summary>A comment that goes with the next audit entries (e.g. a workflow transition's comment).</summary>
    public string? Comment { get; set; }

    public void Use(Guid? userId, string userName)
    {
        _userId = userId;
        _userName = userName;
        _overridden = true;
    }
}
