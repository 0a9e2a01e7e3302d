using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Access;
using Omvarld.Domain.Common;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Account.Oidc;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Admin.SignIn;

public sealed record OidcMappingDto(string Group, Role Role, Guid? UnitId, string? UnitName);

/// <summary>A municipality's OpenID Connect settings. The client secret is never returned: only whether one is set.</summary>
public sealed record OidcSettingsDto(Guid MunicipalityId, string MunicipalitySlug, string MunicipalityName, bool Enabled, string DisplayName,
    string Issuer, string ClientId, bool ClientSecretSet, string Scopes, string SubjectClaim, string EmailClaim, string NameClaim,
    string GroupsClaim, IReadOnlyList<OidcMappingDto> Mappings, string CallbackPath, int Version);

public sealed record OidcMappingInput(string? Group, Role? Role, Guid? UnitId);

/// <summary>What is saved. <see cref="ClientSecret"/>: empty keeps the stored secret, anything else replaces it.</summary>
public sealed record OidcSettingsInput(bool Enabled, string? DisplayName, string? Issuer, string? ClientId, string? ClientSecret,
    string? Scopes, string? SubjectClaim, string? EmailClaim, string? NameClaim, string? GroupsClaim,
    IReadOnlyList<OidcMappingInput>? Mappings, int Version);

/// <summary>
/// The municipality's sign-in with OpenID Connect: the system administrator sets it for any municipality, the
/// coordinator for their own. Another municipality is "not found" for a coordinator.
/// </summary>
public sealed partial class OidcSettingsService(OmvarldDbContext db, CurrentUser me, TimeProvider clock, IDataProtectionProvider protection, OidcProtocol protocol)
{
    public static string CallbackPath(string slug) => $"/konto/extern/{slug}/callback";

    /// <summary>The municipality the caller may configure: a system administrator names it, a coordinator has their own.</summary>
    public async Task<Guid?> ResolveAsync(Guid? requested, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (scope.IsSystemAdministrator)
            return requested is { } r && await db.Municipalities.AnyAsync(m => m.Id == r, ct) ? r : null;
        if (!scope.IsCoordinator || me.MunicipalityId is not { } mine) return null;
        return requested is null || requested == mine ? mine : null;
    }

    /// <summary>The municipalities to choose among (the system administrator's page).</summary>
    public Task<List<(Guid Id, string Name)>> MunicipalitiesAsync(CancellationToken ct = default) =>
        db.Municipalities.AsNoTracking().OrderBy(m => m.Name).Select(m => new ValueTuple<Guid, string>(m.Id, m.Name)).ToListAsync(ct);

    /// <summary>The municipality's open units, for unit-bound roles.</summary>
    public Task<List<(Guid Id, string Name)>> UnitsAsync(Guid municipalityId, CancellationToken ct = default) =>
        db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => u.MunicipalityId == municipalityId && u.ClosedOn == null)
            .OrderBy(u => u.Name).Select(u => new ValueTuple<Guid, string>(u.Id, u.Name)).ToListAsync(ct);

    public Task<Guid?> ProviderIdAsync(Guid municipalityId, CancellationToken ct = default) =>
        db.OidcProviders.IgnoreQueryFilters().Where(p => p.MunicipalityId == municipalityId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);

    public async Task<OidcSettingsDto?> GetAsync(Guid municipalityId, CancellationToken ct = default)
    {
        var municipality = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(m => m.Id == municipalityId, ct);
        if (municipality is null) return null;
        var p = await db.OidcProviders.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.MunicipalityId == municipalityId, ct)
            ?? new OidcProvider { MunicipalityId = municipalityId };
        var mappings = p.GroupMappings;
        var unitIds = mappings.Where(m => m.UnitId is not null).Select(m => m.UnitId!.Value).Distinct().ToList();
        var units = await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => u.MunicipalityId == municipalityId && unitIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return new(municipalityId, municipality.Slug, municipality.Name, p.Enabled, p.DisplayName, p.Issuer, p.ClientId,
            p.ProtectedClientSecret is not null, p.Scopes, p.SubjectClaim, p.EmailClaim, p.NameClaim, p.GroupsClaim,
            mappings.Select(m => new OidcMappingDto(m.Group, m.Role, m.UnitId, m.UnitId is { } u ? units.GetValueOrDefault(u) : null)).ToList(),
            CallbackPath(municipality.Slug), p.Version);
    }

    /// <summary>Validates and saves. Errors: every one found, each with its field. A stale version: <c>Concurrency_Conflict</c>.</summary>
    public async Task<(OidcSettingsDto? Value, IReadOnlyList<Result> Errors)> SaveAsync(Guid municipalityId, OidcSettingsInput input, CancellationToken ct = default)
    {
        var errors = new List<Result>();
        var displayName = Text.Clean(input.DisplayName);
        if (displayName is null) errors.Add(Result.Fail("Oidc_DisplayNameRequired", nameof(input.DisplayName)));
        else if (displayName.Length > OidcProvider.DisplayNameMaxLength) errors.Add(Result.Fail("Oidc_TooLong", nameof(input.DisplayName), OidcProvider.DisplayNameMaxLength));

        var issuer = input.Issuer?.Trim();
        if (string.IsNullOrEmpty(issuer)) errors.Add(Result.Fail("Oidc_IssuerRequired", nameof(input.Issuer)));
        else if (issuer.Length > OidcProvider.IssuerMaxLength) errors.Add(Result.Fail("Oidc_TooLong", nameof(input.Issuer), OidcProvider.IssuerMaxLength));
        else if (!Uri.TryCreate(issuer, UriKind.Absolute, out var uri) || !OidcProtocol.IsAllowedEndpoint(uri) || !string.IsNullOrEmpty(uri.Query))
            errors.Add(Result.Fail("Oidc_IssuerInvalid", nameof(input.Issuer)));

        var clientId = input.ClientId?.Trim();
        if (string.IsNullOrEmpty(clientId)) errors.Add(Result.Fail("Oidc_ClientIdRequired", nameof(input.ClientId)));
        else if (clientId.Length > OidcProvider.ClientIdMaxLength) errors.Add(Result.Fail("Oidc_TooLong", nameof(input.ClientId), OidcProvider.ClientIdMaxLength));

        var secret = string.IsNullOrEmpty(input.ClientSecret) ? null : input.ClientSecret;
        if (secret is { Length: > OidcProvider.ClientSecretMaxLength }) errors.Add(Result.Fail("Oidc_TooLong", nameof(input.ClientSecret), OidcProvider.ClientSecretMaxLength));

        var scopeList = (input.Scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (scopeList.Count == 0) scopeList = [.. OidcProvider.DefaultScopes.Split(' ')];
        var scopes = string.Join(' ', scopeList);
        if (!scopeList.Contains("openid")) errors.Add(Result.Fail("Oidc_ScopesNeedOpenid", nameof(input.Scopes)));
        else if (scopes.Length > OidcProvider.ScopesMaxLength || !scopeList.All(s => ScopeToken().IsMatch(s)))
            errors.Add(Result.Fail("Oidc_ScopesInvalid", nameof(input.Scopes)));

        string Claim(string? value, string fallback, string field)
        {
            var v = string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
            if (v.Length > OidcProvider.ClaimMaxLength || !ClaimName().IsMatch(v)) errors.Add(Result.Fail("Oidc_ClaimInvalid", field));
            return v;
        }
        var subjectClaim = Claim(input.SubjectClaim, "sub", nameof(input.SubjectClaim));
        var emailClaim = Claim(input.EmailClaim, "email", nameof(input.EmailClaim));
        var nameClaim = Claim(input.NameClaim, "name", nameof(input.NameClaim));
        var groupsClaim = Claim(input.GroupsClaim, "groups", nameof(input.GroupsClaim));

        var mappings = new List<OidcGroupMapping>();
        var given = input.Mappings ?? [];
        if (given.Count > OidcProvider.MaxMappings) errors.Add(Result.Fail("Oidc_TooManyMappings", "Mappings", OidcProvider.MaxMappings));
        var openUnits = await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => u.MunicipalityId == municipalityId && u.ClosedOn == null)
            .Select(u => u.Id).ToListAsync(ct);
        for (var i = 0; i < given.Count && i < OidcProvider.MaxMappings; i++)
        {
            var m = given[i];
            var field = $"Mappings[{i}]";
            var group = m.Group?.Trim();
            var before = errors.Count;
            if (string.IsNullOrEmpty(group)) errors.Add(Result.Fail("Oidc_GroupRequired", field + ".Group", i + 1));
            else if (group.Length > OidcProvider.GroupMaxLength) errors.Add(Result.Fail("Oidc_TooLong", field + ".Group", OidcProvider.GroupMaxLength));
            if (m.Role is not { } role || !Enum.IsDefined(role) || role == Role.SystemAdministrator)
            {
                errors.Add(Result.Fail("Oidc_RoleInvalid", field + ".Role", i + 1));
                continue;
            }
            Guid? unit = role.IsUnitScoped() ? m.UnitId : null;
            if (role.IsUnitScoped() && unit is null) errors.Add(Result.Fail("Oidc_UnitRequired", field + ".UnitId", i + 1));
            else if (unit is { } u && !openUnits.Contains(u)) errors.Add(Result.Fail("Oidc_UnitUnknown", field + ".UnitId", i + 1));
            if (errors.Count > before) continue;
            if (mappings.Any(x => string.Equals(x.Group, group, StringComparison.OrdinalIgnoreCase) && x.Role == role && x.UnitId == unit))
                errors.Add(Result.Fail("Oidc_MappingDuplicate", field + ".Group", i + 1));
            else mappings.Add(new(group!, role, unit));
        }

        var provider = await db.OidcProviders.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.MunicipalityId == municipalityId, ct);
        if (input.Enabled && secret is null && provider?.ProtectedClientSecret is null)
            errors.Add(Result.Fail("Oidc_SecretRequired", nameof(input.ClientSecret)));
        if ((provider?.Version ?? 0) != input.Version)
            return (await GetAsync(municipalityId, ct), [Result.Fail("Concurrency_Conflict")]);
        if (errors.Count > 0) return (null, errors);

        db.Tenant.Use(municipalityId);
        if (provider is null)
        {
            provider = new OidcProvider { MunicipalityId = municipalityId, Id = Guid.CreateVersion7() };
            db.OidcProviders.Add(provider);
        }
        var oldIssuer = provider.Issuer;
        provider.Enabled = input.Enabled;
        provider.DisplayName = displayName!;
        provider.Issuer = issuer!;
        provider.ClientId = clientId!;
        if (secret is not null) provider.ProtectedClientSecret = protection.CreateProtector(OidcProvider.SecretPurpose).Protect(secret);
        provider.Scopes = scopes;
        provider.SubjectClaim = subjectClaim;
        provider.EmailClaim = emailClaim;
        provider.NameClaim = nameClaim;
        provider.GroupsClaim = groupsClaim;
        provider.GroupMappings = mappings;
        provider.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (await GetAsync(municipalityId, ct), [Result.Fail("Concurrency_Conflict")]);
        }
        protocol.Forget(oldIssuer);
        protocol.Forget(provider.Issuer);
        return (await GetAsync(municipalityId, ct), []);
    }

    // RFC 6749, 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
    [GeneratedRegex(@"^[\x21\x23-\x5B\x5D-\x7E]+$")]
    private static partial Regex ScopeToken();

    [GeneratedRegex(@"^[A-Za-z0-9_.:/\-]+$")]
    private static partial Regex ClaimName();
}
