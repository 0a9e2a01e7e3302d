using Microsoft.AspNetCore.Identity;

namespace Omvarld.Web.Data;

/// <summary>A person with a local account. Belongs to one municipality, except a system administrator who may belong to none.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 100;

    public Guid? MunicipalityId { get; set; }
    public string DisplayName { get; set; } = "";
    public bool IsSystemAdministrator { get; set; }
    /// <summary>Set when an administrator resets the password: the user must choose a new one at next sign-in.</summary>
    public bool MustChangePassword { get; set; }
    public bool EmailRemindersEnabled { get; set; } = true;
    /// <summary>A deactivated user cannot sign in or use API tokens; the account stays for the history it appears in.</summary>
    public bool IsActive { get; set; } = true;
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
}
