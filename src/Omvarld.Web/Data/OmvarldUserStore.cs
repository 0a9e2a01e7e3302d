using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Omvarld.Web.Data;

/// <summary>
/// Identity's store of people. Its lookups by id, e-mail and user name are installation-wide, past the tenant filter on
/// <see cref="AppUser"/>: a person is found at sign-in, at the second factor and by a bearer token before any
/// municipality is known (or while a session of another municipality is still open), and e-mail and user name are
/// unique across the installation, so creating a person must see everyone's. Feature code reads people through
/// <c>OmvarldDbContext.Users</c>, which stays filtered; UserManager is not for looking people up from input.
/// </summary>
public sealed class OmvarldUserStore(OmvarldDbContext context, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<AppUser, OmvarldDbContext, Guid>(context, describer)
{
    public override IQueryable<AppUser> Users => base.Users.IgnoreQueryFilters();

    public override Task<AppUser?> FindByIdAsync(string userId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        var id = ConvertIdFromString(userId);
        return Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
    }
}
