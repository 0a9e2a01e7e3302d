using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Common;
using Omvarld.Web.Data;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Openness;

/// <summary>A licence as the open data states it: its name and the URI that identifies it (DCAT's dct:license).</summary>
public sealed record LicenceInfo(OpenDataLicence Code, string Name, string Uri)
{
    public static readonly LicenceInfo CcBy40 = new(OpenDataLicence.CcBy40, "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/");
    public static readonly LicenceInfo Cc0 = new(OpenDataLicence.Cc0, "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/");
    public static LicenceInfo Of(OpenDataLicence licence) => licence == OpenDataLicence.Cc0 ? Cc0 : CcBy40;
}

public enum PublicationOutcome { Saved, NotFound, Forbidden, Conflict, Invalid }

public sealed record PublicationSave(PublicationOutcome Outcome, Result Error = default, PublicationDto? Current = null)
{
    public static readonly PublicationSave NotFound = new(PublicationOutcome.NotFound);
    public static readonly PublicationSave Forbidden = new(PublicationOutcome.Forbidden);
    public static PublicationSave Invalid(Result error) => new(PublicationOutcome.Invalid, error);
}

/// <summary>Whether an activity is on the open pages, since when, and whether the caller may change that.</summary>
public sealed record PublicationDto(Guid ActivityId, bool IsPublished, DateTimeOffset? PublishedAt, bool IsPublishable, bool CanPublish, int Version);

public sealed record PublicationInput(int? Version);

public sealed record OpenDataSettingsInput(OpenDataLicence? Licence, string? ContactEmail, int? Version);

public sealed record OpenDataSettingsDto(OpenDataLicence Licence, string LicenceName, string LicenceUri, string? ContactEmail, bool IsDefault, int Version);

/// <summary>
/// R20 (UPPLANDSBRO-2020: openness and dialogue; <i>offentlighetsprincipen</i>): the coordinator publishes an approved
/// activity on the municipality's open pages, or takes it off them, and chooses the open data's licence and contact
/// mailbox. Every change goes through the domain and is audited.
/// </summary>
public sealed class PublicationService(OmvarldDbContext db, CurrentUser me, AuditActor actor, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<PublicationDto?> GetAsync(Guid activityId, CancellationToken ct = default)
    {
        var a = await db.Activities.AsNoTracking().FirstOrDefaultAsync(x => x.Id == activityId, ct);
        if (a is null) return null;
        var scope = await me.GetScopeAsync(ct);
        return ToDto(a, scope.IsCoordinator);
    }

    private static PublicationDto ToDto(Activity a, bool coordinator) =>
        new(a.Id, a.IsPublished, a.IsPublished ? a.PublishedAt : null, Activity.PublishableStatuses.Contains(a.Status), coordinator, a.Version);

    /// <summary>Publishes (<paramref name="publish"/>) or unpublishes; the version, when given, must be the stored one.</summary>
    public async Task<PublicationSave> SetAsync(Guid activityId, bool publish, int? version, CancellationToken ct = default)
    {
        var activity = await db.Activities.FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null) return PublicationSave.NotFound;
        var scope = await me.GetScopeAsync(ct);
        if (!scope.IsCoordinator) return PublicationSave.Forbidden;
        if (version is { } v && v != activity.Version) return new(PublicationOutcome.Conflict, Current: ToDto(activity, true));
        var result = publish ? activity.Publish(scope, me.Id!.Value, clock.GetUtcNow()) : activity.Unpublish(scope);
        if (!result.IsOk) return PublicationSave.Invalid(result);
        actor.Comment = l[publish ? "Openness_AuditPublished" : "Openness_AuditUnpublished"].Value;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, ct);
            return current is null ? PublicationSave.NotFound : new(PublicationOutcome.Conflict, Current: ToDto(current, true));
        }
        return new(PublicationOutcome.Saved, Current: ToDto(activity, true));
    }

    /// <summary>The address part of the caller's municipality's open pages (<c>/oppet/{slug}</c>).</summary>
    public Task<string?> SlugAsync(CancellationToken ct = default)
    {
        var id = db.CurrentMunicipalityId;
        return db.Municipalities.AsNoTracking().Where(m => m.Id == id).Select(m => m.Slug).FirstOrDefaultAsync(ct);
    }

    // ---- settings ----

    public async Task<OpenDataSettingsDto> SettingsAsync(CancellationToken ct = default) =>
        ToDto(await db.OpenDataSettings.AsNoTracking().FirstOrDefaultAsync(ct));

    public static OpenDataSettingsDto ToDto(OpenDataSetting? s)
    {
        var licence = LicenceInfo.Of(s?.Licence ?? OpenDataLicence.CcBy40);
        return new(licence.Code, licence.Name, licence.Uri, s?.ContactEmail, s is null, s?.Version ?? 0);
    }

    /// <summary>
    /// The coordinator chooses the licence and the contact mailbox. The mailbox is published: it must be a function
    /// address (kommun@…, oppnadata@…), so the address of a user of Omvärld — a person — is refused.
    /// </summary>
    public async Task<PublicationSave> SetSettingsAsync(OpenDataSettingsInput input, CancellationToken ct = default)
    {
        if (!(await me.GetScopeAsync(ct)).IsCoordinator) return PublicationSave.Forbidden;
        if (input.Licence is not { } licence || !Enum.IsDefined(licence)) return PublicationSave.Invalid(Result.Fail("OpenData_LicenceInvalid", "Licence"));
        var email = Text.Clean(input.ContactEmail)?.ToLowerInvariant();
        if (email is not null)
        {
            if (email.Length > OpenDataSetting.ContactEmailMaxLength || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
                return PublicationSave.Invalid(Result.Fail("OpenData_EmailInvalid", "ContactEmail"));
            var normalized = email.ToUpperInvariant();
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct))
                return PublicationSave.Invalid(Result.Fail("OpenData_EmailPersonal", "ContactEmail"));
        }
        var setting = await db.OpenDataSettings.FirstOrDefaultAsync(ct);
        if ((setting?.Version ?? 0) != (input.Version ?? setting?.Version ?? 0)) return new(PublicationOutcome.Conflict);
        if (setting is null)
        {
            setting = new OpenDataSetting { MunicipalityId = db.CurrentMunicipalityId!.Value, Id = Guid.CreateVersion7(), Version = 1 };
            db.OpenDataSettings.Add(setting);
        }
        setting.Licence = licence;
        setting.ContactEmail = email;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return new(PublicationOutcome.Conflict); }
        // Two first saves at once: the other request's row took the municipality's unique key.
        catch (DbUpdateException e) when (e.IsUniqueViolation()) { db.ChangeTracker.Clear(); return new(PublicationOutcome.Conflict); }
        return new(PublicationOutcome.Saved);
    }
}
