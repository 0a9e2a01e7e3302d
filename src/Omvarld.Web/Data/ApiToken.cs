using System.Security.Cryptography;
using System.Text;

namespace Omvarld.Web.Data;

/// <summary>
/// A personal API token. Only its SHA-256 hash is stored; the token itself is shown once, at creation.
/// Keyed by id alone: a bearer token is looked up before the municipality is known.
/// </summary>
public sealed class ApiToken
{
    public const string Prefix = "omv_";
    public const int NameMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public Guid? MunicipalityId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The first characters of the token, to tell tokens apart in a list.</summary>
    public string Hint { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }

    public bool IsUsableAt(DateTime now) => RevokedAt is null && ExpiresAt > now;

    public static string NewSecret() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
