using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Common;
using Omvarld.Web.Data;

namespace Omvarld.Web.Features.Account;

public sealed record ApiTokenDto(Guid Id, string Name, string Hint, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt);

/// <summary>Personal API tokens: created and revoked by their owner; the secret is returned once and stored only as a hash.</summary>
public sealed class ApiTokenService(OmvarldDbContext db, TimeProvider clock)
{
    public const int MaxDays = 365;
    public const int MaxActivePerUser = 20;

    public Task<List<ApiTokenDto>> ListAsync(Guid userId, CancellationToken ct = default) =>
        db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt)
            .Select(t => new ApiTokenDto(t.Id, t.Name, t.Hint, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt))
            .ToListAsync(ct);

    public async Task<(ApiTokenDto? Token, string? Secret, Result Result)> CreateAsync(Guid userId, Guid? municipalityId, string? name, int days, CancellationToken ct = default)
    {
        name = Text.Clean(name);
        if (name is null) return (null, null, Result.Fail("Validation_NameRequired", "Name"));
        if (name.Length > ApiToken.NameMaxLength) return (null, null, Result.Fail("Validation_NameTooLong", "Name"));
        if (days is < 1 or > MaxDays) return (null, null, Result.Fail("Token_DaysRange", "Days"));
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedAt == null && t.ExpiresAt > now, ct) >= MaxActivePerUser)
            return (null, null, Result.Fail("Token_TooMany"));
        var secret = ApiToken.NewSecret();
        var token = new ApiToken
        {
            UserId = userId, MunicipalityId = municipalityId, Name = name, Hint = secret[..10], Hash = ApiToken.HashOf(secret),
            CreatedAt = now, ExpiresAt = now.AddDays(days),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return (new ApiTokenDto(token.Id, token.Name, token.Hint, token.CreatedAt, token.ExpiresAt, null, null), secret, Result.Ok);
    }

    /// <summary>Revokes one of the user's own tokens; another user's token is "not found".</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid tokenId, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null) return false;
        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
