using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Common;
using Omvarld.Domain.Countries;
using Omvarld.Domain.Networks;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Features.Files;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Features.Precondition;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Networks;

public sealed record TwinTownFilter(string? Q = null, TwinTownKind? Kind = null, TwinTownStatus? Status = null, string? Country = null);

public sealed record TwinTownListItem(Guid Id, string City, string CountryCode, string CountryName, TwinTownKind Kind, DateOnly? Since, TwinTownStatus Status,
    string? CaseNumber, int ActivityCount, int Version);

public sealed record TwinTownNoteDto(Guid Id, int Year, string Text, string WrittenBy, DateTimeOffset WrittenAt, int Version);

/// <summary>The partner precondition's verdict on the twin town's country (and city, where the coordinator judged one), with the clause.</summary>
public sealed record TwinTownAssessmentDto(AssessmentOutcome Outcome, AssessmentOutcome DataOutcome, bool Overridden, string? PolicyKey, string? PolicyLabel, string? Clause);

public sealed record TwinTownDto(Guid Id, string City, string CountryCode, string CountryName, TwinTownKind Kind, DateOnly? Since, TwinTownStatus Status,
    string? CaseNumber, UserChoice? OurContact, string? TheirContactName, string? TheirContactRole, string? TheirContactDetails, StoredFileDto? Agreement,
    IReadOnlyList<TwinTownNoteDto> Notes, IReadOnlyList<LinkedActivityDto> Activities, int Version);

public sealed record TwinTownRequest(string? City, string? CountryCode, TwinTownKind? Kind, DateOnly? Since, TwinTownStatus? Status, string? CaseNumber,
    Guid? OurContactUserId, string? TheirContactName, string? TheirContactRole, string? TheirContactDetails, int? Version = null)
{
    public TwinTownInput ToInput() => new(City, CountryCode, Kind, Since, Status, CaseNumber, OurContactUserId, TheirContactName, TheirContactRole, TheirContactDetails);
}

/// <summary>A yearly note: the text, and the note's version when revising one.</summary>
public sealed record TwinTownNoteRequest(string? Text, int? Version = null);

/// <summary>
/// R18, BORAS-2023 ("Utveckling av arbetet med Borås Stads vänorter"): the municipality's twin and friendship towns, the
/// agreement behind each, the activities done with it and a yearly note on how the work develops. A twin town's country
/// is assessed by the partner precondition like any partner's. The coordinator writes; every member reads.
/// </summary>
public sealed class TwinTownService(OmvarldDbContext db, CurrentUser me, ReferenceData reference, FileService files, PreconditionService precondition,
    PolicyService policies, TimeProvider clock)
{
    public const string FileOwner = "TwinTownAgreement";

    private IReadOnlySet<string> Countries => reference.CountriesByAlpha2.Keys.ToHashSet(StringComparer.Ordinal);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<bool> MayEditAsync(CancellationToken ct = default) => (await me.GetScopeAsync(ct)).IsCoordinator;

    private IQueryable<TwinTown> Filtered(TwinTownFilter f)
    {
        var q = db.TwinTowns.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim().ToLower();
            q = q.Where(t => t.City.ToLower().Contains(text));
        }
        if (f.Kind is { } kind) q = q.Where(t => t.Kind == kind);
        if (f.Status is { } status) q = q.Where(t => t.Status == status);
        if (!string.IsNullOrWhiteSpace(f.Country)) q = q.Where(t => t.CountryCode == f.Country.Trim().ToUpper());
        return q;
    }

    public async Task<Page<TwinTownListItem>> ListAsync(TwinTownFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        var q = Filtered(filter);
        var total = await q.CountAsync(ct);
        return new Page<TwinTownListItem>(await Rows(q.OrderBy(t => t.City).ThenBy(t => t.Id).PageOf(page, pageSize), ct), page, pageSize, total);
    }

    public Task<List<TwinTownListItem>> ExportRowsAsync(TwinTownFilter filter, CancellationToken ct = default) =>
        Rows(Filtered(filter).OrderBy(t => t.City).ThenBy(t => t.Id).Take(NetworkReads.MaxExportRows), ct);

    private async Task<List<TwinTownListItem>> Rows(IQueryable<TwinTown> q, CancellationToken ct) =>
        (await q.Select(t => new { T = t, Count = db.TwinTownActivities.Count(l => l.TwinTownId == t.Id) }).ToListAsync(ct))
            .Select(r => new TwinTownListItem(r.T.Id, r.T.City, r.T.CountryCode, CountryName(r.T.CountryCode), r.T.Kind, r.T.Since, r.T.Status,
                r.T.CaseNumber, r.Count, r.T.Version)).ToList();

    private string CountryName(string alpha2) => reference.Country(alpha2)?.NameSv ?? alpha2;

    public async Task<TwinTownDto?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var t = await db.TwinTowns.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return null;
        var linked = await db.TwinTownActivities.AsNoTracking().Where(l => l.TwinTownId == id).Select(l => l.ActivityId).ToListAsync(ct);
        var activities = await NetworkReads.ActivitiesAsync(db, linked, ct);
        var notes = (await db.TwinTownNotes.AsNoTracking().Where(n => n.TwinTownId == id).ToListAsync(ct))
            .OrderByDescending(n => n.Year).Select(n => new TwinTownNoteDto(n.Id, n.Year, n.Text, n.WrittenBy, n.WrittenAt, n.Version)).ToList();
        UserChoice? contact = null;
        if (t.OurContactUserId is { } uid)
            contact = await db.Users.AsNoTracking().Where(u => u.Id == uid && u.MunicipalityId == db.CurrentMunicipalityId)
                .Select(u => new UserChoice(u.Id, u.DisplayName)).FirstOrDefaultAsync(ct);
        var agreement = (await files.ListAsync(FileOwner, id, ct)).LastOrDefault();
        return new TwinTownDto(t.Id, t.City, t.CountryCode, CountryName(t.CountryCode), t.Kind, t.Since, t.Status, t.CaseNumber, contact,
            t.TheirContactName, t.TheirContactRole, t.TheirContactDetails, agreement, notes,
            activities.Values.OrderByDescending(a => a.Start).ThenBy(a => a.Title, StringComparer.Ordinal).ToList(), t.Version);
    }

    /// <summary>
    /// R8 for a twin town: its country assessed under the policy in force today, a coordinator's judgement of the city (or
    /// country) applied as for any partner in that city; the policy's precondition clause beside. Null when the country is unknown.
    /// </summary>
    public async Task<(AssessmentResult Result, ActivityPolicy? Policy, TwinTownAssessmentDto Dto)?> AssessAsync(TwinTownDto town, CancellationToken ct = default)
    {
        var today = precondition.Today;
        var policy = await policies.ActivityPolicyOnAsync(today, ct);
        if ((await precondition.AssessAsync([town.CountryCode], today, policy, ct)).GetValueOrDefault(town.CountryCode) is not { } country) return null;
        var cityJudgements = await db.ManualJudgements.AsNoTracking().Where(j => j.CountryAlpha2 == town.CountryCode && j.City != null).ToListAsync(ct);
        var result = cityJudgements.Count == 0 ? country
            : CountryAssessment.Judge(country with { Override = null }, cityJudgements.Concat(country.Override is { } o ? [o] : []), town.City);
        var clause = policy?.Definition.Version.Precondition?.Clause;
        return (result, policy, new TwinTownAssessmentDto(result.Outcome, result.DataOutcome, result.Override is not null, policy?.Definition.Key, policy?.Label, clause));
    }

    public async Task<NetworkSave> CreateAsync(TwinTownRequest request, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.IsCoordinator) return NetworkSave.Forbidden;
        var (town, result) = TwinTown.Create(db.CurrentMunicipalityId!.Value, request.ToInput(), Countries, await NetworkReads.UserIdsAsync(db, ct), scope);
        if (!result.IsOk) return NetworkSave.Invalid(result);
        db.TwinTowns.Add(town!);
        await db.SaveChangesAsync(ct);
        return NetworkSave.Saved(town!.Id);
    }

    public async Task<NetworkSave> UpdateAsync(Guid id, TwinTownRequest request, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.IsCoordinator) return NetworkSave.Forbidden;
        var town = await db.TwinTowns.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (town is null) return NetworkSave.NotFound;
        if (request.Version is not { } version) return NetworkSave.Invalid(Result.Fail("Networks_VersionRequired", "Version"));
        if (version != town.Version) return NetworkSave.Conflict;
        var result = town.Update(request.ToInput(), Countries, await NetworkReads.UserIdsAsync(db, ct), scope);
        if (!result.IsOk) return NetworkSave.Invalid(result);
        db.Entry(town).Property(t => t.Version).OriginalValue = version;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return NetworkSave.Conflict; }
        return NetworkSave.Saved(id);
    }

    /// <summary>Removes a twin town registered by mistake, with its links, notes and agreement (audited). A twinning that ended is set to ended instead.</summary>
    public async Task<NetworkSave> DeleteAsync(Guid id, CancellationToken ct = default)
    {
        if (!await MayEditAsync(ct)) return NetworkSave.Forbidden;
        var town = await db.TwinTowns.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (town is null) return NetworkSave.NotFound;
        db.TwinTownActivities.RemoveRange(await db.TwinTownActivities.Where(l => l.TwinTownId == id).ToListAsync(ct));
        db.TwinTownNotes.RemoveRange(await db.TwinTownNotes.Where(n => n.TwinTownId == id).ToListAsync(ct));
        var agreements = await db.StoredFiles.Where(f => f.OwnerKind == FileOwner && f.OwnerId == id).ToListAsync(ct);
        var agreementIds = agreements.Select(f => f.Id).ToList();
        db.StoredFileContents.RemoveRange(await db.StoredFileContents.Where(c => agreementIds.Contains(c.FileId)).ToListAsync(ct));
        db.StoredFiles.RemoveRange(agreements);
        db.TwinTowns.Remove(town);
        await db.SaveChangesAsync(ct);
        return new(NetworkOutcome.Saved);
    }

    public async Task<NetworkSave> LinkAsync(Guid id, Guid? activityId, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.IsCoordinator) return NetworkSave.Forbidden;
        var town = await db.TwinTowns.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (town is null) return NetworkSave.NotFound;
        if (activityId is not { } aid || await db.Activities.FirstOrDefaultAsync(a => a.Id == aid, ct) is not { } activity)
            return NetworkSave.Invalid(Result.Fail("Networks_ActivityUnknown", "ActivityId"));
        if (await db.TwinTownActivities.AnyAsync(l => l.TwinTownId == id && l.ActivityId == aid, ct)) return NetworkSave.Saved(id);
        var (link, result) = TwinTownActivity.Link(town, activity, scope);
        if (!result.IsOk) return NetworkSave.Invalid(result);
        db.TwinTownActivities.Add(link!);
        await db.SaveChangesAsync(ct);
        return NetworkSave.Saved(id);
    }

    public async Task<NetworkSave> UnlinkAsync(Guid id, Guid activityId, CancellationToken ct = default)
    {
        if (!await MayEditAsync(ct)) return NetworkSave.Forbidden;
        var link = await db.TwinTownActivities.FirstOrDefaultAsync(l => l.TwinTownId == id && l.ActivityId == activityId, ct);
        if (link is null) return NetworkSave.NotFound;
        db.TwinTownActivities.Remove(link);
        await db.SaveChangesAsync(ct);
        return NetworkSave.Saved(id);
    }

    /// <summary>Writes the year's note, or revises it (then <see cref="TwinTownNoteRequest.Version"/> must be the note's current one).</summary>
    public async Task<NetworkSave> WriteNoteAsync(Guid id, int year, TwinTownNoteRequest request, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.IsCoordinator) return NetworkSave.Forbidden;
        var town = await db.TwinTowns.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (town is null) return NetworkSave.NotFound;
        var now = clock.GetUtcNow();
        var note = await db.TwinTownNotes.FirstOrDefaultAsync(n => n.TwinTownId == id && n.Year == year, ct);
        if (note is null)
        {
            var (written, result) = TwinTownNote.Write(town, year, request.Text, me.Id, me.DisplayName, now, scope);
            if (!result.IsOk) return NetworkSave.Invalid(result);
            db.TwinTownNotes.Add(written!);
        }
        else
        {
            // A note exists for the year: revising it without its version would overwrite what someone else wrote.
            if (request.Version != note.Version) return NetworkSave.Conflict;
            var result = note.Revise(request.Text, me.Id, me.DisplayName, now, scope);
            if (!result.IsOk) return NetworkSave.Invalid(result);
            db.Entry(note).Property(n => n.Version).OriginalValue = request.Version.Value;
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return NetworkSave.Conflict; }
        catch (DbUpdateException) { return NetworkSave.Conflict; } // two first notes of the same year at once: the unique index says no
        return NetworkSave.Saved(id);
    }

    /// <summary>Attaches the agreement (PDF or Word), replacing an earlier one; nothing changes when the file is refused.</summary>
    public async Task<(NetworkSave Save, StoredFileDto? File)> AddAgreementAsync(Guid id, string? fileName, Stream? content, CancellationToken ct = default)
    {
        if (!await MayEditAsync(ct)) return (NetworkSave.Forbidden, null);
        if (!await db.TwinTowns.AnyAsync(t => t.Id == id, ct)) return (NetworkSave.NotFound, null);
        var earlier = await files.ListAsync(FileOwner, id, ct);
        var (stored, result) = await files.AddAsync(FileOwner, id, fileName, content, FileKinds.Documents, ct);
        if (!result.IsOk) return (NetworkSave.Invalid(result), null);
        foreach (var old in earlier) await files.RemoveAsync(FileOwner, old.Id, ct);
        return (NetworkSave.Saved(id), stored);
    }

    /// <summary>The agreement's file, when the twin town is the municipality's and has one.</summary>
    public async Task<(StoredFileDto File, byte[] Bytes)?> AgreementAsync(Guid id, CancellationToken ct = default)
    {
        if (!await db.TwinTowns.AnyAsync(t => t.Id == id, ct)) return null;
        if ((await files.ListAsync(FileOwner, id, ct)).LastOrDefault() is not { } file) return null;
        return await files.OpenAsync(FileOwner, file.Id, ct) is { } f ? (file, f.Bytes) : null;
    }
}
