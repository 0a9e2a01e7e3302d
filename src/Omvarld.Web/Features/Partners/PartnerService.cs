using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Common;
using Omvarld.Domain.Partners;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Partners;

public sealed record PartnerInput(string? Name, PartnerType? Type, string? City, string? CountryCode, string? Website, int? Version = null);

public sealed record PartnerDto(Guid Id, string Name, PartnerType Type, string? City, string CountryCode, string CountryName, string? Website,
    bool IsInternational, int ActivityCount, int Version);

public enum PartnerOutcome { Saved, NotFound, Forbidden, Conflict, Invalid, InUse }

public sealed record PartnerSave(PartnerOutcome Outcome, PartnerDto? Partner = null, Result Error = default);

/// <summary>
/// The municipality's directory of partner organisations, reused across activities. Unit editors and the coordinator
/// add and mend entries (they meet partners while registering activities); only the coordinator removes one, and never
/// one an activity names.
/// </summary>
public sealed class PartnerService(OmvarldDbContext db, CurrentUser me, ReferenceData reference)
{
    public const int MaxPageSize = 200;

    private IReadOnlySet<string> Countries => reference.CountriesByAlpha2.Keys.ToHashSet(StringComparer.Ordinal);

    public async Task<Page<PartnerDto>> ListAsync(string? q, string? country, int page, int pageSize, CancellationToken ct = default)
    {
        var query = db.Partners.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLower();
            query = query.Where(p => p.Name.ToLower().Contains(text) || (p.City != null && p.City.ToLower().Contains(text)));
        }
        if (!string.IsNullOrWhiteSpace(country)) query = query.Where(p => p.CountryCode == country.Trim().ToUpper());
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).PageOf(page, pageSize)
            .Select(p => new { Partner = p, Count = db.ActivityPartners.Count(ap => ap.PartnerId == p.Id) }).ToListAsync(ct);
        return new Page<PartnerDto>(rows.Select(r => Dto(r.Partner, r.Count)).ToList(), page, pageSize, total);
    }

    /// <summary>Every partner, by name, for a form's choice list (a municipality has hundreds, not millions).</summary>
    public async Task<List<PartnerDto>> AllAsync(CancellationToken ct = default) =>
        (await db.Partners.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct)).Select(p => Dto(p, 0)).ToList();

    public async Task<PartnerDto?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return partner is null ? null : Dto(partner, await db.ActivityPartners.CountAsync(ap => ap.PartnerId == id, ct));
    }

    public async Task<PartnerSave> CreateAsync(PartnerInput input, CancellationToken ct = default)
    {
        if (!await MayEditAsync(ct)) return new(PartnerOutcome.Forbidden);
        if (input.Type is not { } type || !Enum.IsDefined(type)) return new(PartnerOutcome.Invalid, Error: Result.Fail("Partner_TypeInvalid", "Type"));
        var municipalityId = db.CurrentMunicipalityId ?? throw new InvalidOperationException("No municipality in scope.");
        var (partner, result) = PartnerOrganisation.Create(municipalityId, new PartnerDetails(input.Name, type, input.City, input.CountryCode, input.Website), Countries);
        if (!result.IsOk) return new(PartnerOutcome.Invalid, Error: result);
        db.Partners.Add(partner!);
        await db.SaveChangesAsync(ct);
        return new(PartnerOutcome.Saved, Dto(partner!, 0));
    }

    public async Task<PartnerSave> UpdateAsync(Guid id, PartnerInput input, CancellationToken ct = default)
    {
        if (!await MayEditAsync(ct)) return new(PartnerOutcome.Forbidden);
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return new(PartnerOutcome.NotFound);
        if (input.Version != partner.Version) return new(PartnerOutcome.Conflict, await GetAsync(id, ct));
        if (input.Type is not { } type || !Enum.IsDefined(type)) return new(PartnerOutcome.Invalid, Error: Result.Fail("Partner_TypeInvalid", "Type"));
        var result = partner.Update(new PartnerDetails(input.Name, type, input.City, input.CountryCode, input.Website), Countries);
        if (!result.IsOk) return new(PartnerOutcome.Invalid, Error: result);
        db.Entry(partner).Property(p => p.Version).OriginalValue = input.Version!.Value;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return new(PartnerOutcome.Conflict, await GetAsync(id, ct)); }
        return new(PartnerOutcome.Saved, await GetAsync(id, ct));
    }

    /// <summary>Removes a partner no activity names; one in use is refused (the database would refuse it too).</summary>
    public async Task<PartnerSave> DeleteAsync(Guid id, CancellationToken ct = default)
    {
        if (!(await me.GetScopeAsync(ct)).IsCoordinator) return new(PartnerOutcome.Forbidden);
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return new(PartnerOutcome.NotFound);
        if (await db.ActivityPartners.AnyAsync(ap => ap.PartnerId == id, ct)) return new(PartnerOutcome.InUse, Error: Result.Fail("Partner_InUse"));
        db.Partners.Remove(partner);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return new(PartnerOutcome.InUse, Error: Result.Fail("Partner_InUse")); }
        return new(PartnerOutcome.Saved);
    }

    public async Task<bool> MayEditAsync(CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        return scope.IsCoordinator || scope.EditableUnits.Count > 0;
    }

    private PartnerDto Dto(PartnerOrganisation p, int count) =>
        new(p.Id, p.Name, p.Type, p.City, p.CountryCode, reference.Country(p.CountryCode)?.NameSv ?? p.CountryCode, p.Website, p.CountryCode != "SE", count, p.Version);
}
