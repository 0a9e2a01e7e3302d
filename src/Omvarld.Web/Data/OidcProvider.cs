using Omvarld.Domain.Access;
using Omvarld.Domain.Common;

namespace Omvarld.Web.Data;

/// <summary>
/// A municipality's OpenID Connect provider (Entra ID or similar): at most one per municipality. The client secret is
/// kept protected with ASP.NET Data Protection and never shown back. Group mappings travel as one JSON document: they
/// are replaced as a whole on every save, so the audit trail shows the whole change in one entry.
/// </summary>
public sealed class OidcProvider : ITenantOwned, IAudited, IVersioned
{
    public const int DisplayNameMaxLength = 100;
    public const int IssuerMaxLength = 500;
    public const int ClientIdMaxLength = 200;
    public const int ClientSecretMaxLength = 500;
    public const int ScopesMaxLength = 500;
    public const int ClaimMaxLength = 100;
    public const int GroupMaxLength = 200;
    public const int MaxMappings = 100;
    public const string DefaultScopes = "openid profile email";

    public Guid MunicipalityId { get; set; }
    public Guid Id { get; set; }
    public bool Enabled { get; set; }
    public string DisplayName { get; set; } = "";
    public string Issuer { get; set; } = "";
    public string ClientId { get; set; } = "";
    /// <summary>The client secret protected by Data Protection (purpose <see cref="SecretPurpose"/>); null: none set.</summary>
    public string? ProtectedClientSecret { get; set; }
    public string Scopes { get; set; } = DefaultScopes;
    /// <summary>The claim that identifies the person at the provider (the provider key of the external login).</summary>
    public string SubjectClaim { get; set; } = "sub";
    public string EmailClaim { get; set; } = "email";
    public string NameClaim { get; set; } = "name";
    public string GroupsClaim { get; set; } = "groups";
    public string GroupMappingsJson { get; set; } = "[]";
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public const string SecretPurpose = "Omvarld.Oidc.ClientSecret";

    public IReadOnlyList<OidcGroupMapping> GroupMappings
    {
        get => System.Text.Json.JsonSerializer.Deserialize<List<OidcGroupMapping>>(GroupMappingsJson, Json) ?? [];
        set => GroupMappingsJson = System.Text.Json.JsonSerializer.Serialize(value, Json);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

/// <summary>Members of <paramref name="Group"/> (a value of the groups claim) get <paramref name="Role"/>, for unit-bound roles in <paramref name="UnitId"/>.</summary>
public sealed record OidcGroupMapping(string Group, Role Role, Guid? UnitId);

/// <summary>Marks a role assignment as given by a group of the provider: such assignments follow the groups at every sign-in.</summary>
public sealed class OidcGroupGrant : ITenantOwned, IAudited
{
    public Guid MunicipalityId { get; set; }
    /// <summary>The id of the <see cref="RoleAssignment"/> it marks.</summary>
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string Group { get; set; } = "";
}
