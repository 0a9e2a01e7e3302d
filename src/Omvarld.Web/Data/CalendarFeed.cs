using System.Security.Cryptography;
using System.Text;
using Omvarld.Domain.Common;

namespace Omvarld.Web.Data;

/// <summary>
/// A user's personal calendar feed (RFC 5545) of the deadlines that concern them. The address carries a secret token;
/// only its SHA-256 hash is stored, and the token is shown once, when the feed is created. A revoked feed answers 404
/// like an unknown one. A user has at most one feed in use: creating a new one revokes the old.
/// </summary>
public sealed class CalendarFeed : ITenantOwned, IAudited
{
    public const string Prefix = "kal_";

    public Guid MunicipalityId { get; set; }
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public static string NewToken() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
