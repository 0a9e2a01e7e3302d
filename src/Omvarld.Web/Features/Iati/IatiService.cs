using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Common;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Iati;

public sealed record IatiSettingsDto(string? OrganisationIdentifier, string? ReportingOrgName, string ReportingOrgType, string DefaultLanguage,
    string DefaultCurrency, bool IsSet, int Version);

public sealed record IatiSettingsInput(string? OrganisationIdentifier, string? ReportingOrgName, string? ReportingOrgType, string? DefaultLanguage, int? Version);

public sealed record IatiChoiceInput(bool Include);

public sealed record IatiIncludedDto(Guid Id, string Title, string Identifier, bool Published);

/// <param name="Problems">Why the activity is left out, in Swedish: each missing or wrong field.</param>
public sealed record IatiProblemDto(Guid Id, string Title, IReadOnlyList<string> Problems);

/// <param name="Problem">Set when nothing can be exported at all.</param>
public sealed record IatiReportDto(string? Problem, IReadOnlyList<IatiIncludedDto> Included, IReadOnlyList<IatiProblemDto> Problems);

public enum IatiOutcome { Saved, NotFound, Forbidden, Conflict, Invalid }

public sealed record IatiSave(IatiOutcome Outcome, Result Error = default)
{
    public static readonly IatiSave Saved = new(IatiOutcome.Saved);
    public static IatiSave Invalid(Result error) => new(IatiOutcome.Invalid, error);
}

/// <summary>
/// IATI (R20, issue 9): the municipality's publisher settings, the coordinator's choice of activities beyond aid, and
/// the activity file: for the coordinator and KS every IATI activity approved or further (a draft never), for the
/// public only the published ones. Three queries for the activities and their children, whatever their number; the
/// schema is compiled once (<see cref="IatiSchemas"/>).
/// </summary>
public sealed class IatiService(OmvarldDbContext db, CurrentUser me, ReferenceData reference, IatiSchemas schemas, TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    // ---- settings ----

    public async Task<IatiSettingsDto> SettingsAsync(CancellationToken ct = default)
    {
        var s = await db.IatiSettings.AsNoTracking().FirstOrDefaultAsync(ct);
        return new IatiSettingsDto(s?.OrganisationIdentifier, s?.ReportingOrgName, s?.ReportingOrgType ?? IatiCodes.LocalGovernment,
            s?.DefaultLanguage ?? "sv", IatiCodes.Currency, s is not null, s?.Version ?? 0);
    }

    /// <summary>The coordinator sets the identifier (<c>SE-ON-</c> and the ten-digit organisation number), name, type and language.</summary>
    public async Task<IatiSave> SetSettingsAsync(IatiSettingsInput input, CancellationToken ct = default)
    {
        if (!(await me.GetScopeAsync(ct)).IsCoordinator) return new(IatiOutcome.Forbidden);
        var identifier = input.OrganisationIdentifier?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(identifier)) return IatiSave.Invalid(Result.Fail("Iati_IdentifierRequired", nameof(input.OrganisationIdentifier)));
        if (identifier.Length > IatiSetting.IdentifierMaxLength || !IatiCodes.IsOrganisationIdentifier(identifier))
            return IatiSave.Invalid(Result.Fail("Iati_IdentifierInvalid", nameof(input.OrganisationIdentifier)));
        var name = Text.Clean(input.ReportingOrgName);
        if (name is null) return IatiSave.Invalid(Result.Fail("Iati_NameRequired", nameof(input.ReportingOrgName)));
        if (name.Length > IatiSetting.NameMaxLength) return IatiSave.Invalid(Result.Fail("Iati_NameTooLong", nameof(input.ReportingOrgName)));
        var type = input.ReportingOrgType?.Trim() ?? IatiCodes.LocalGovernment;
        if (!IatiCodes.ReportingOrgTypes.Contains(type)) return IatiSave.Invalid(Result.Fail("Iati_OrgTypeInvalid", nameof(input.ReportingOrgType)));
        var language = input.DefaultLanguage?.Trim().ToLowerInvariant() ?? "sv";
        if (!IatiCodes.Language().IsMatch(language)) return IatiSave.Invalid(Result.Fail("Iati_LanguageInvalid", nameof(input.DefaultLanguage)));

        var setting = await db.IatiSettings.FirstOrDefaultAsync(ct);
        if ((setting?.Version ?? 0) != (input.Version ?? setting?.Version ?? 0)) return new(IatiOutcome.Conflict);
        if (setting is null)
        {
            setting = new IatiSetting { MunicipalityId = db.CurrentMunicipalityId!.Value, Id = Guid.CreateVersion7(), Version = 1 };
            db.IatiSettings.Add(setting);
        }
        (setting.OrganisationIdentifier, setting.ReportingOrgName, setting.ReportingOrgType, setting.DefaultLanguage) = (identifier, name, type, language);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return new(IatiOutcome.Conflict); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); return new(IatiOutcome.Conflict); }
        return IatiSave.Saved;
    }

    // ---- the coordinator's choice ----

    /// <summary>Includes an activity of another kind than aid in the file, or leaves it out again (the coordinator's).</summary>
    public async Task<IatiSave> ChooseAsync(Guid activityId, bool include, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!scope.CanReadMunicipality) return new(IatiOutcome.Forbidden);
        var activity = await db.Activities.FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null) return new(IatiOutcome.NotFound);
        var result = activity.ChooseForIati(scope, include);
        if (!result.IsOk) return new(IatiOutcome.Forbidden, result);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return new(IatiOutcome.Conflict); }
        return IatiSave.Saved;
    }

    /// <summary>The coordinator's view of one activity's place in the IATI file; null for anyone else or an unknown activity.</summary>
    public async Task<IatiChoiceView?> ChoiceAsync(Guid activityId, CancellationToken ct = default)
    {
        if (!(await me.GetScopeAsync(ct)).IsCoordinator) return null;
        var publishable = Activity.PublishableStatuses.ToList();
        return await db.Activities.AsNoTracking().Where(a => a.Id == activityId)
            .Select(a => new IatiChoiceView(a.Id, a.Kind == ActivityKind.AidOrDevelopmentCooperation, a.IatiChosen, publishable.Contains(a.Status)))
            .FirstOrDefaultAsync(ct);
    }

    // ---- the file ----

    /// <summary>The municipality of <paramref name="slug"/>, made the tenant of this request; null when unknown.</summary>
    public async Task<Guid?> UseMunicipalityAsync(string slug, CancellationToken ct = default)
    {
        var key = slug.Trim().ToLowerInvariant();
        var id = await db.Municipalities.AsNoTracking().Where(m => m.Slug == key).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
        if (id is not null) db.Tenant.Use(id);
        return id;
    }

    /// <summary>The file with what it left out. <paramref name="publishedOnly"/>: the public file, only published activities.</summary>
    public async Task<IatiExportResult> ExportAsync(bool publishedOnly, CancellationToken ct = default)
    {
        var s = await db.IatiSettings.AsNoTracking().FirstOrDefaultAsync(ct);
        var publisher = s is null ? null : new IatiPublisher(s.OrganisationIdentifier, s.ReportingOrgName, s.ReportingOrgType, s.DefaultLanguage);
        var data = await LoadAsync(publishedOnly, ct);
        var now = clock.GetUtcNow();
        var labels = new IatiLabels(y => l["Iati_YearlyResultTitle", y], l["Iati_FinalResultTitle"], l["Iati_IndicatorTitle"]);
        return IatiExport.Build(publisher, data, now, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), labels, schemas);
    }

    public async Task<IatiReportDto> ReportAsync(CancellationToken ct = default)
    {
        var export = await ExportAsync(publishedOnly: false, ct);
        var identifier = (await db.IatiSettings.AsNoTracking().Select(s => s.OrganisationIdentifier).FirstOrDefaultAsync(ct)) ?? "";
        var ids = export.Included.Select(a => a.Id).ToList();
        var published = (await db.Activities.AsNoTracking().Where(a => ids.Contains(a.Id) && a.PublishedAt != null).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        return new IatiReportDto(export.Problem is { } p ? l.Message(p) : null,
            export.Included.Select(a => new IatiIncludedDto(a.Id, a.Title, $"{identifier}-{a.Id:D}", published.Contains(a.Id))).ToList(),
            export.Rejected.Select(r => new IatiProblemDto(r.ActivityId, r.Title,
                r.Problems.Select(p => l.Message(p)).Concat(r.SchemaErrors.Select(e => l["Iati_SchemaError", e].Value)).ToList())).ToList());
    }

    public static byte[] Serialize(XDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = System.Xml.XmlWriter.Create(stream, new System.Xml.XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) }))
            document.Save(writer);
        return stream.ToArray();
    }

    private async Task<List<IatiActivityData>> LoadAsync(bool publishedOnly, CancellationToken ct)
    {
        var publishable = Activity.PublishableStatuses.ToList();
        var query = db.Activities.AsNoTracking()
            .Where(a => (a.Kind == ActivityKind.AidOrDevelopmentCooperation || a.IatiChosen) && publishable.Contains(a.Status));
        if (publishedOnly) query = query.Where(a => a.PublishedAt != null);
        var activities = await query.OrderBy(a => a.PlannedStart).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Title, a.Description, a.Purpose, a.Kind, a.Status, a.PlannedStart, a.PlannedEnd, a.ActualStart, a.ActualEnd })
            .ToListAsync(ct);
        if (activities.Count == 0) return [];
        var ids = query.Select(a => a.Id);
        var partners = (await db.ActivityPartners.AsNoTracking().Where(p => ids.Contains(p.ActivityId))
                .Join(db.Partners.AsNoTracking(), ap => ap.PartnerId, p => p.Id, (ap, p) => new { ap.ActivityId, ap.Id, p.Name, p.Type, p.CountryCode, ap.Role })
                .ToListAsync(ct))
            .OrderBy(p => p.Id).ToLookup(p => p.ActivityId, p => new IatiPartner(p.Name, p.Type, p.CountryCode, p.Role));
        var sdgs = (await db.ActivitySdgs.AsNoTracking().Where(s => ids.Contains(s.ActivityId)).Select(s => new { s.ActivityId, s.Goal, s.Target }).ToListAsync(ct))
            .ToLookup(s => s.ActivityId, s => new Sdg(s.Goal, s.Target));
        var funding = (await db.FundingLines.AsNoTracking().Where(f => ids.Contains(f.ActivityId)).ToListAsync(ct))
            .OrderBy(f => f.Id).ToLookup(f => f.ActivityId);
        var results = (await db.ResultReports.AsNoTracking().Where(r => ids.Contains(r.ActivityId)).Select(r => new { r.ActivityId, r.Year, r.Text }).ToListAsync(ct))
            .ToLookup(r => r.ActivityId, r => new IatiResult(r.Year, r.Text));
        var programmes = reference.EuProgrammes.ToDictionary(p => p.Code, p => p.NameSv, StringComparer.Ordinal);
        var municipality = await db.IatiSettings.AsNoTracking().Select(s => s.ReportingOrgName).FirstOrDefaultAsync(ct) ?? "";

        return activities.Select(a => new IatiActivityData(a.Id, a.Title, a.Description, a.Purpose, a.Kind, a.Status, a.PlannedStart, a.PlannedEnd,
            a.ActualStart, a.ActualEnd, partners[a.Id].ToList(), sdgs[a.Id].OrderBy(s => s.Goal).ThenBy(s => s.Target, StringComparer.Ordinal).ToList(),
            funding[a.Id].Select(f => new IatiFunding(f.Source, f.FunderKind,
                f.Source switch
                {
                    FundingSource.EuProgramme => l["Iati_EuProgramme", programmes.GetValueOrDefault(f.ProgrammeCode ?? "") ?? f.ProgrammeCode ?? ""].Value,
                    FundingSource.OtherFunder => f.FunderName ?? "",
                    _ => municipality,
                },
                f.AmountSek, f.Status, f.DecidedOn, f.PaidOn, f.CountsAsFunding)).ToList(),
            results[a.Id].ToList())).ToList();
    }
}

/// <summary>What the activity page shows the coordinator about the activity and the IATI file.</summary>
public sealed record IatiChoiceView(Guid ActivityId, bool IsAid, bool Chosen, bool Publishable);
