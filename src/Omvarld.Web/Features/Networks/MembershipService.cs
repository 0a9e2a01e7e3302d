using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Common;
using Omvarld.Domain.Networks;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Networks;

public enum MembershipState { Active, Ended }

public sealed record MembershipFilter(string? Q = null, MembershipKind? Kind = null, NetworkLevel? Level = null, MembershipState? State = null);

public sealed record MembershipListItem(Guid Id, string Name, MembershipKind Kind, NetworkLevel Level, DateOnly MemberSince, DateOnly? MemberUntil,
    decimal? FeeSek, bool IsActive, int ActivityCount, int Version);

public sealed record MembershipDto(Guid Id, string Name, MembershipKind Kind, NetworkLevel Level, DateOnly MemberSince, DateOnly? MemberUntil,
    decimal? FeeSek, bool IsActive, IReadOnlyList<UserChoice> Representatives, string? RepresentativeNames, IReadOnlyList<MembershipOffer> Offers,
    string? OtherOffers, string? Website, IReadOnlyList<LinkedActivityDto> Activities, int Version);

/// <summary>What the API and the form send; <see cref="Version"/> is required to change an existing membership.</summary>
public sealed record MembershipRequest(string? Name, MembershipKind? Kind, NetworkLevel? Level, DateOnly? MemberSince, DateOnly? MemberUntil,
    decimal? FeeSek, IReadOnlyList<Guid>? RepresentativeUserIds, string? RepresentativeNames, IReadOnlyList<MembershipOffer>? Offers,
    string? OtherOffers, string? Website, int? Version = null)
{
    public MembershipInput ToInput() => new(Name, Kind, Level, MemberSince, MemberUntil, FeeSek, RepresentativeUserIds, RepresentativeNames, Offers, OtherOffers, Website);
}

public sealed record CostLine(string Key, decimal FeeSek, int Count);

/// <summary>The yearly cost: the fees of the memberships active some day in the year, in total and per level and kind.</summary>
/// <param name="WithoutFee">Active memberships with no fee recorded: counted, not priced.</param>
public sealed record MembershipCost(int Year, decimal TotalSek, int Count, int WithoutFee, IReadOnlyList<CostLine> ByLevel, IReadOnlyList<CostLine> ByKind,
    IReadOnlyList<MembershipListItem> Memberships);

/// <summary>
/// R18: the municipality's memberships in organisations and networks (BORAS-2009 appendix), their yearly cost and the
/// activities done through each — the evidence the council needs when it asks whether to stay a member. The
/// coordinator writes; every member reads.
/// </summary>
public sealed class MembershipService(OmvarldDbContext db, CurrentUser me, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<bool> MayEditAsync(CancellationToken ct = default) => (await me.GetScopeAsync(ct)).IsCoordinator;

    private IQueryable<Membership> Filtered(MembershipFilter f)
    {
        var q = db.Memberships.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim().ToLower();
            q = q.Where(m => m.Name.ToLower().Contains(text));
        }
        if (f.Kind is { } kind) q = q.Where(m => m.Kind == kind);
        if (f.Level is { } level) q = q.Where(m => m.Level == level);
        var today = Today;
        if (f.State == MembershipState.Active) q = q.Where(m => m.MemberSince <= today && (m.MemberUntil == null || m.MemberUntil >= today));
        if (f.State == MembershipState.Ended) q = q.Where(m => m.MemberUntil != null && m.MemberUntil < today);
        return q;
    }

    public async Task<Page<MembershipListItem>> ListAsync(MembershipFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        var q = Filtered(filter);
        var total = await q.CountAsync(ct);
        var rows = await Rows(q.OrderBy(m => m.Name).ThenBy(m => m.Id).PageOf(page, pageSize), ct);
        return new Page<MembershipListItem>(rows, page, pageSize, total);
    }

    /// <summary>Every membership the filter matches, for an export (at most <see cref="NetworkReads.MaxExportRows"/>).</summary>
    public Task<List<MembershipListItem>> ExportRowsAsync(MembershipFilter filter, CancellationToken ct = default) =>
        Rows(Filtered(filter).OrderBy(m => m.Name).ThenBy(m => m.Id).Take(NetworkReads.MaxExportRows), ct);

    private async Task<List<MembershipListItem>> Rows(IQueryable<Membership> q, CancellationToken ct)
    {
        var today = Today;
        var rows = await q.Select(m => new { M = m, Count = db.MembershipActivities.Count(l => l.MembershipId == m.Id) }).ToListAsync(ct);
        return rows.Select(r => Item(r.M, r.Count, today)).ToList();
    }

    private static MembershipListItem Item(Membership m, int count, DateOnly today) =>
        new(m.Id, m.Name, m.Kind, m.Level, m.MemberSince, m.MemberUntil, m.FeeSek, m.IsActiveOn(today), count, m.Version);

    /// <summary>The fees of the memberships active some day in <paramref name="year"/> (the whole yearly fee counts), per level and kind.</summary>
    public async Task<MembershipCost> CostAsync(int year, CancellationToken ct = default)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var active = await Rows(db.Memberships.AsNoTracking().Where(m => m.MemberSince <= last && (m.MemberUntil == null || m.MemberUntil >= first)), ct);
        active = active.OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        List<CostLine> By<T>(Func<MembershipListItem, T> key) where T : struct, Enum =>
            Enum.GetValues<T>().Select(k => (k, rows: active.Where(m => key(m).Equals(k)).ToList()))
                .Where(x => x.rows.Count > 0).Select(x => new CostLine(x.k.ToString(), x.rows.Sum(m => m.FeeSek ?? 0), x.rows.Count)).ToList();
        return new MembershipCost(year, active.Sum(m => m.FeeSek ?? 0), active.Count, active.Count(m => m.FeeSek is null), By(m => m.Level), By(m => m.Kind), active);
    }

    public async Task<MembershipDto?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var m = await db.Memberships.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return null;
        var linked = await db.MembershipActivities.AsNoTracking().Where(l => l.MembershipId == id).Select(l => l.ActivityId).ToListAsync(ct);
        var activities = await NetworkReads.ActivitiesAsync(db, linked, ct);
        var userIds = m.RepresentativeUserIds.ToList();
        var users = (await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.MunicipalityId == db.CurrentMunicipalityId)
            .Select(u => new UserChoice(u.Id, u.DisplayName)).ToListAsync(ct)).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
        return new MembershipDto(m.Id, m.Name, m.Kind, m.Level, m.MemberSince, m.MemberUntil, m.FeeSek, m.IsActiveOn(Today), users, m.RepresentativeNames,
            m.Offers, m.OtherOffers, m.Website,
            activities.Values.OrderByDescending(a => a.Start).ThenBy(a => a.Title, StringComparer.Ordinal).ToList(), m.Version);
    }

    public async Task<NetworkSave> CreateAsync(MembershipRequest request, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.IsCoordinator) return NetworkSave.Forbidden;
        var (membership, result) = Membership.Create(db.CurrentMunicipalityId!.Value, request.ToInput(), await NetworkReads.UserIdsAsync(db, ct), scope);
        if (!result.IsOk) return NetworkSave.Invalid(result);
        db.Memberships.Add(membership!);
        await db.SaveChangesAsync(ct);
        return NetworkSave.Saved(membership!.Id);
    }

    public async Task<NetworkSave> UpdateAsync(Guid id, MembershipRequest request, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.IsCoordinator) return NetworkSave.Forbidden;
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (membership is null) return NetworkSave.NotFound;
        if (request.Version is not { } version) return NetworkSave.Invalid(Result.Fail("Networks_VersionRequired", "Version"));
        if (version != membership.Version) return NetworkSave.Conflict;
        var result = membership.Update(request.ToInput(), await NetworkReads.UserIdsAsync(db, ct), scope);
        if (!result.IsOk) return NetworkSave.Invalid(result);
        db.Entry(membership).Property(m => m.Version).OriginalValue = version;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return NetworkSave.Conflict; }
        return NetworkSave.Saved(id);
    }

    /// <summary>Removes a membership registered by mistake, with its links (audited). An ended one is ended, not deleted: set its end date.</summary>
    public async Task<NetworkSave> DeleteAsync(Guid id, CancellationToken ct = default)
    {
        if (!await MayEditAsync(ct)) return NetworkSave.Forbidden;
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (membership is null) return NetworkSave.NotFound;
        db.MembershipActivities.RemoveRange(await db.MembershipActivities.Where(l => l.MembershipId == id).ToListAsync(ct));
        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(ct);
        return new(NetworkOutcome.Saved);
    }

    public async Task<NetworkSave> LinkAsync(Guid id, Guid? activityId, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.IsCoordinator) return NetworkSave.Forbidden;
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (membership is null) return NetworkSave.NotFound;
        // The tenant filter hides another municipality's activity: it is as unknown as a made-up id.
        if (activityId is not { } aid || await db.Activities.FirstOrDefaultAsync(a => a.Id == aid, ct) is not { } activity)
            return NetworkSave.Invalid(Result.Fail("Networks_ActivityUnknown", "ActivityId"));
        if (await db.MembershipActivities.AnyAsync(l => l.MembershipId == id && l.ActivityId == aid, ct)) return NetworkSave.Saved(id);
        var (link, result) = MembershipActivity.Link(membership, activity, scope);
        if (!result.IsOk) return NetworkSave.Invalid(result);
        db.MembershipActivities.Add(link!);
        await db.SaveChangesAsync(ct);
        return NetworkSave.Saved(id);
    }

    public async Task<NetworkSave> UnlinkAsync(Guid id, Guid activityId, CancellationToken ct = default)
    {
        if (!await MayEditAsync(ct)) return NetworkSave.Forbidden;
        var link = await db.MembershipActivities.FirstOrDefaultAsync(l => l.MembershipId == id && l.ActivityId == activityId, ct);
        if (link is null) return NetworkSave.NotFound;
        db.MembershipActivities.Remove(link);
        await db.SaveChangesAsync(ct);
        return NetworkSave.Saved(id);
    }
}
