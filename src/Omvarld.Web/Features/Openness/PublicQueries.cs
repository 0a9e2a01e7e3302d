using Omvarld.Web.Features.Activities;
using Omvarld.Web.Infrastructure;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Activities;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Features.Reference;

namespace Omvarld.Web.Features.Openness;

/// <summary>A municipality as the open pages name it, with its open-data settings.</summary>
public sealed record PublicMunicipality(Guid Id, string Name, string Slug, string? MunicipalityCode, LicenceInfo Licence, string? ContactEmail);

public sealed record PublicPartner(string Name, string Type, string? City, string CountryCode, string CountryName, string Role);
public sealed record PublicCountry(string Code, string Name);
public sealed record PublicGoal(string Code, string Name, string How);
public sealed record PublicSdg(int Goal, string? Target, string Title);
/// <param name="Source">OwnBudget, EuProgramme or OtherFunder.</param>
/// <param name="Name">The programme's or funder's name; the municipality's own budget for OwnBudget.</param>
public sealed record PublicFunding(string Source, string Name, decimal AmountSek);
public sealed record PublicResult(int? Year, bool IsFinal, string Text);

/// <summary>
/// What the open pages and open data show of a published activity (R20) — and nothing more: no person (responsible,
/// approver, publisher, travellers), no trips, comments, attachments, rejection comments or internal notes.
/// </summary>
public sealed record PublicActivity(
    Guid Id, string Title, string? Description, ActivityKind Kind, string KindName, ActivityStatus Status, string StatusName, string Unit,
    DateOnly Start, DateOnly? End, DateTimeOffset PublishedAt, IReadOnlyList<PublicPartner> Partners, IReadOnlyList<PublicCountry> Countries,
    IReadOnlyList<PublicGoal> Goals, IReadOnlyList<PublicSdg> Sdgs, IReadOnlyList<PublicFunding> Funding, decimal FundingTotalSek,
    IReadOnlyList<PublicResult> Results, string Url);

public sealed record PublicPage(IReadOnlyList<PublicActivity> Items, int Page, int PageSize, int Total)
{
    /// <summary>The cursor of the page after this one (issue 17), when there is one and the request walks by cursor.</summary>
    public string? Next { get; init; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record PublicCountryCount(string Code, string Name, string Numeric, int Activities);

/// <summary>A KS decision on an exception from the partner precondition: public, without the names of the officials who recorded it.</summary>
public sealed record PublicException(Guid Id, string CountryCode, string CountryName, string? City, DateOnly DecidedOn, string Body, string MinuteParagraph,
    string CaseNumber, string DecisionText, DateOnly ValidUntil, bool InForce, Guid? ActivityId, string? ActivityTitle, string? ActivityUrl);

/// <summary>What the filters may be set to: only values the published activities have.</summary>
public sealed record PublicFilterOptions(IReadOnlyList<int> Years, IReadOnlyList<ActivityKind> Kinds, IReadOnlyList<PublicCountry> Countries,
    IReadOnlyList<PublicGoal> Goals, IReadOnlyList<int> Sdgs);

/// <summary>
/// The read side of the open pages and open data (R20), for anonymous callers. The municipality comes from the address
/// (its slug) and is set as the request's tenant, so the tenant filter still bounds every query; an activity is visible
/// only when <see cref="Activity.IsPublished"/> (published and approved or further). An unpublished one is answered
/// exactly like a missing one.
/// </summary>
public sealed partial class PublicQueries(OmvarldDbContext db, PolicyService policies, ReferenceData reference, IStringLocalizer<SharedResource> l, TimeProvider clock,
    ListTotals totals)
{
    private static readonly ActivityStatus[] Publishable = [.. Activity.PublishableStatuses];

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The municipality of <paramref name="slug"/>, made the request's tenant; null for an unknown or malformed slug.</summary>
    public async Task<PublicMunicipality?> MunicipalityAsync(string? slug, CancellationToken ct = default)
    {
        if (slug is null || slug.Length > Domain.Municipalities.Municipality.SlugMaxLength || !SlugPattern().IsMatch(slug)) return null;
        // One round trip (issue 17): the municipality, its open-data settings, and the stamps its answers are kept and
        // tagged under (StampAsync then reads nothing).
        var m = await db.Municipalities.AsNoTracking().Where(x => x.Slug == slug).Select(x => new
        {
            x.Id, x.Name, x.Slug, x.MunicipalityCode,
            Licence = db.OpenDataSettings.IgnoreQueryFilters().Where(o => o.MunicipalityId == x.Id).Select(o => (OpenDataLicence?)o.Licence).FirstOrDefault(),
            ContactEmail = db.OpenDataSettings.IgnoreQueryFilters().Where(o => o.MunicipalityId == x.Id).Select(o => o.ContactEmail).FirstOrDefault(),
            Stamp = db.ChangeStamps.IgnoreQueryFilters().Where(c => c.MunicipalityId == x.Id).Select(c => (long?)c.Value).FirstOrDefault(),
            InstallationStamp = db.ChangeStamps.IgnoreQueryFilters().Where(c => c.MunicipalityId == ChangeStamp.Installation).Select(c => (long?)c.Value).FirstOrDefault(),
        }).FirstOrDefaultAsync(ct);
        if (m is null) return null;
        db.Tenant.Use(m.Id);
        ChangeStamp.Remember(db, m.Id, m.Stamp, m.InstallationStamp);
        return new(m.Id, m.Name, m.Slug, m.MunicipalityCode, LicenceInfo.Of(m.Licence ?? OpenDataLicence.CcBy40), m.ContactEmail);
    }

    /// <summary>Makes <paramref name="m"/> the tenant again (after another municipality's queries, as in the national catalogue).</summary>
    public void Use(PublicMunicipality m) => db.Tenant.Use(m.Id);

    /// <summary>Every municipality with at least one published activity (the national DCAT catalogue), alphabetically.</summary>
    public async Task<List<PublicMunicipality>> PublishingMunicipalitiesAsync(CancellationToken ct = default)
    {
        var ids = await db.Activities.IgnoreQueryFilters().AsNoTracking().Where(a => a.PublishedAt != null && Publishable.Contains(a.Status))
            .Select(a => a.MunicipalityId).Distinct().ToListAsync(ct);
        var slugs = await db.Municipalities.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Name).Select(m => m.Slug).ToListAsync(ct);
        var list = new List<PublicMunicipality>();
        foreach (var slug in slugs)
            if (await MunicipalityAsync(slug, ct) is { } m) list.Add(m);
        return list;
    }

    /// <summary>
    /// What the municipality's open answers depend on: its <see cref="ChangeStamp"/> (raised in the transaction of every
    /// save that writes one of its rows: an activity, a partner, a policy, an exception, the settings), the installation's
    /// (the country data) and the day (exceptions fall out of force). Read with the municipality (<see cref="MunicipalityAsync"/>).
    /// </summary>
    public async Task<string> StampAsync(PublicMunicipality m, CancellationToken ct = default)
    {
        var (stamp, installation) = await ChangeStamp.ReadAsync(db, m.Id, ct);
        return KeptAnswers.StateOf(m.Id, stamp, installation, Today);
    }

    /// <summary>When something of the municipality last changed (its newest audit entry), for the DCAT catalogue's <c>modified</c>.</summary>
    public async Task<DateTimeOffset?> LastChangedAsync(PublicMunicipality m, CancellationToken ct = default) =>
        await db.AuditEntries.IgnoreQueryFilters().AsNoTracking().Where(a => a.MunicipalityId == m.Id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Select(a => (DateTime?)a.At).FirstOrDefaultAsync(ct) is { } at
            ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))
            : null;

    public static string ETag(string stamp, string pathAndQuery) =>
        "\"" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(stamp + "|" + pathAndQuery)))[..32].ToLowerInvariant() + "\"";

    private IQueryable<Activity> Published() =>
        db.Activities.AsNoTracking().Where(a => a.PublishedAt != null && Publishable.Contains(a.Status));

    private IQueryable<Activity> Filtered(PublicFilter f)
    {
        var q = Published();
        if (f.Year is { } y)
        {
            var first = new DateOnly(y, 1, 1);
            var last = new DateOnly(y, 12, 31);
            q = q.Where(a => a.PlannedStart <= last && (a.PlannedEnd == null || a.PlannedEnd >= first));
        }
        if (f.Kind is { } k) q = q.Where(a => a.Kind == k);
        // Uncorrelated IN sets, as the register's list does: a correlated EXISTS per activity is slow at scale (benchmarks/README.md).
        if (f.Country is { } c)
        {
            var partners = db.Partners.Where(o => o.CountryCode == c).Select(o => o.Id);
            var activities = db.ActivityPartners.Where(ap => partners.Contains(ap.PartnerId)).Select(ap => ap.ActivityId);
            q = q.Where(a => activities.Contains(a.Id));
        }
        if (f.Goal is { } g)
        {
            var activities = db.ActivityGoals.Where(x => x.GoalCode == g).Select(x => x.ActivityId);
            q = q.Where(a => activities.Contains(a.Id));
        }
        if (f.Sdg is { } s)
        {
            var activities = db.ActivitySdgs.Where(x => x.Goal == s).Select(x => x.ActivityId);
            q = q.Where(a => activities.Contains(a.Id));
        }
        return q;
    }

    public async Task<PublicPage> ListAsync(PublicMunicipality m, PublicFilter filter, int page, int pageSize, string baseUrl, CancellationToken ct = default)
    {
        var q = Filtered(filter);
        var rows = await q.OrderByDescending(a => a.PlannedStart).ThenBy(a => a.Id).PageOf(page, pageSize).Select(a => new { a.Id, a.PlannedStart }).ToListAsync(ct);
        // As the register's list (issue 17): a short page gives the total; otherwise it is counted once per state of the data.
        var total = rows.Count < pageSize && (rows.Count > 0 || page == 1) ? (page - 1) * pageSize + rows.Count
            : await totals.CountAsync(db, "public-activities", filter, q, ct);
        // A page hands on the cursor after its last row (issue 17): a script goes on with after= from there.
        var next = rows.Count == pageSize && page * (long)pageSize < total ? new ActivityCursor(false, rows[^1].PlannedStart, rows[^1].Id).Encode() : null;
        return new(await BuildAsync(m, rows.Select(r => r.Id).ToList(), baseUrl, ct), page, pageSize, total) { Next = next };
    }

    /// <summary>
    /// Issue 17: the published activities after <paramref name="after"/> in the list's order (start descending, then id):
    /// keyset paging, no OFFSET and no count. Returns the rows and the cursor after them (null at the end).
    /// </summary>
    public async Task<(List<PublicActivity> Items, string? Next)> ListAfterAsync(PublicMunicipality m, PublicFilter filter, ActivityCursor after, int pageSize,
        string baseUrl, CancellationToken ct = default)
    {
        var rows = await after.Filter(Filtered(filter)).OrderByDescending(a => a.PlannedStart).ThenBy(a => a.Id).Take(pageSize + 1)
            .Select(a => new { a.Id, a.PlannedStart }).ToListAsync(ct);
        var more = rows.Count > pageSize;
        if (more) rows.RemoveAt(pageSize);
        var next = more ? new ActivityCursor(false, rows[^1].PlannedStart, rows[^1].Id).Encode() : null;
        return (await BuildAsync(m, rows.Select(r => r.Id).ToList(), baseUrl, ct), next);
    }

    /// <summary>Every published activity (the CSV), newest first.</summary>
    public async Task<List<PublicActivity>> AllAsync(PublicMunicipality m, PublicFilter filter, string baseUrl, CancellationToken ct = default)
    {
        var ids = await Filtered(filter).OrderByDescending(a => a.PlannedStart).ThenBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        return await BuildAsync(m, ids, baseUrl, ct);
    }

    /// <summary>Whether the activity is on the current municipality's open pages.</summary>
    public Task<bool> IsPublishedAsync(Guid id, CancellationToken ct = default) => Published().AnyAsync(a => a.Id == id, ct);

    /// <summary>One published activity of the municipality; null when missing, unpublished or not approved.</summary>
    public async Task<PublicActivity?> GetAsync(PublicMunicipality m, Guid id, string baseUrl, CancellationToken ct = default)
    {
        if (!await Published().AnyAsync(a => a.Id == id, ct)) return null;
        return (await BuildAsync(m, [id], baseUrl, ct)).SingleOrDefault();
    }

    /// <summary>When the municipality last published or changed something public (DCAT's dct:modified); null when nothing is published.</summary>
    public async Task<(DateTimeOffset? Issued, int Count)> PublishedSinceAsync(CancellationToken ct = default)
    {
        var dates = await Published().Select(a => a.PublishedAt!.Value).ToListAsync(ct);
        return (dates.Count == 0 ? null : dates.Min(), dates.Count);
    }

    private async Task<List<PublicActivity>> BuildAsync(PublicMunicipality m, List<Guid> ids, string baseUrl, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var activities = await Published().Where(a => ids.Contains(a.Id))
            .Include(a => a.Goals).Include(a => a.Sdgs).Include(a => a.Partners).Include(a => a.Funding).Include(a => a.Results)
            .AsSplitQuery().ToListAsync(ct);
        var partnerIds = activities.SelectMany(a => a.Partners.Select(p => p.PartnerId)).Distinct().ToList();
        var partners = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var unitIds = activities.Select(a => a.OwnerUnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var goalNames = await GoalNamesAsync(activities.Select(a => a.PlannedStart), ct);
        string CountryName(string code) => reference.Country(code)?.NameSv ?? code;

        var byId = activities.ToDictionary(a => a.Id);
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).Select(a =>
        {
            var names = goalNames.GetValueOrDefault(a.PlannedStart) ?? new Dictionary<string, string>();
            var ps = a.Partners.Where(p => partners.ContainsKey(p.PartnerId)).Select(p => (Link: p, Org: partners[p.PartnerId])).OrderBy(p => p.Link.Role).ThenBy(p => p.Org.Name).ToList();
            var funding = a.Funding.Where(f => f.CountsAsFunding)
                .GroupBy(f => (f.Source, Name: f.Source switch
                {
                    FundingSource.OwnBudget => l["OpenData_OwnBudget", m.Name].Value,
                    FundingSource.EuProgramme => reference.EuProgrammes.FirstOrDefault(p => p.Code == f.ProgrammeCode)?.NameSv ?? f.ProgrammeCode ?? "",
                    _ => f.FunderName ?? "",
                }))
                .Select(g => new PublicFunding(g.Key.Source.ToString(), g.Key.Name, g.Sum(f => f.AmountSek))).OrderByDescending(f => f.AmountSek).ToList();
            return new PublicActivity(a.Id, a.Title, a.Description, a.Kind, l["ActivityKind_" + a.Kind].Value, a.Status, l["ActivityStatus_" + a.Status].Value,
                units.GetValueOrDefault(a.OwnerUnitId) ?? "", a.PlannedStart, a.PlannedEnd, a.PublishedAt!.Value,
                ps.Select(p => new PublicPartner(p.Org.Name, l["PartnerType_" + p.Org.Type].Value, p.Org.City, p.Org.CountryCode, CountryName(p.Org.CountryCode),
                    l["PartnerRole_" + p.Link.Role].Value)).ToList(),
                ps.Select(p => p.Org.CountryCode).Distinct().Select(c => new PublicCountry(c, CountryName(c))).OrderBy(c => c.Name, StringComparer.Create(Sv, false)).ToList(),
                a.Goals.OrderBy(g => g.GoalCode).Select(g => new PublicGoal(g.GoalCode, names.GetValueOrDefault(g.GoalCode, g.GoalCode), g.How)).ToList(),
                a.Sdgs.OrderBy(s => s.Goal).ThenBy(s => s.Target).Select(s => new PublicSdg(s.Goal, s.Target, reference.Sdg(s.Goal)?.TitleSv ?? "")).ToList(),
                funding, funding.Sum(f => f.AmountSek),
                a.Results.OrderBy(r => r.Year ?? int.MaxValue).Select(r => new PublicResult(r.Year, r.IsFinal, r.Text)).ToList(),
                $"{baseUrl}/oppet/{m.Slug}/aktiviteter/{a.Id}");
        }).ToList();
    }

    private static readonly System.Globalization.CultureInfo Sv = System.Globalization.CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>
    /// The goal names of the policy version in force on each start day (the version whose goals the activity serves): the
    /// register and the versions' contents are read once for all the days, not once per day.
    /// </summary>
    private async Task<Dictionary<DateOnly, Dictionary<string, string>>> GoalNamesAsync(IEnumerable<DateOnly> days, CancellationToken ct)
    {
        var policyOn = await policies.ActivityPoliciesAsync(ct);
        var names = new Dictionary<Guid, Dictionary<string, string>>();
        var result = new Dictionary<DateOnly, Dictionary<string, string>>();
        foreach (var day in days.Distinct())
            result[day] = policyOn(day) is { } policy
                ? names.TryGetValue(policy.VersionId, out var known) ? known
                    : names[policy.VersionId] = policy.Definition.Version.Goals.ToDictionary(g => g.Code, g => g.Name)
                : [];
        return result;
    }

    public async Task<PublicFilterOptions> OptionsAsync(CancellationToken ct = default)
    {
        var rows = await Published().Select(a => new { a.Id, a.PlannedStart, a.PlannedEnd, a.Kind }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var years = rows.SelectMany(r => Enumerable.Range(r.PlannedStart.Year, Math.Max(1, Math.Min((r.PlannedEnd ?? r.PlannedStart).Year, Today.Year + 5) - r.PlannedStart.Year + 1)))
            .Distinct().OrderDescending().ToList();
        var goals = await db.ActivityGoals.AsNoTracking().Where(g => ids.Contains(g.ActivityId)).Select(g => new { g.ActivityId, g.GoalCode }).ToListAsync(ct);
        var starts = rows.ToDictionary(r => r.Id, r => r.PlannedStart);
        var names = await GoalNamesAsync(goals.Select(g => starts[g.ActivityId]), ct);
        var goalOptions = goals.Select(g => new PublicGoal(g.GoalCode, names[starts[g.ActivityId]].GetValueOrDefault(g.GoalCode, g.GoalCode), ""))
            .DistinctBy(g => g.Code).OrderBy(g => g.Name, StringComparer.Create(Sv, false)).ToList();
        var sdgs = await db.ActivitySdgs.AsNoTracking().Where(s => ids.Contains(s.ActivityId)).Select(s => s.Goal).Distinct().ToListAsync(ct);
        var countries = (await CountriesAsync(ct)).Select(c => new PublicCountry(c.Code, c.Name)).ToList();
        return new(years, rows.Select(r => r.Kind).Distinct().Order().ToList(), countries, goalOptions, sdgs.Order().ToList());
    }

    /// <summary>The partner countries of the published activities, with how many activities each has.</summary>
    public async Task<List<PublicCountryCount>> CountriesAsync(CancellationToken ct = default)
    {
        var pairs = await (from a in Published()
                           from p in a.Partners
                           join o in db.Partners.AsNoTracking() on p.PartnerId equals o.Id
                           select new { a.Id, o.CountryCode }).Distinct().ToListAsync(ct);
        return pairs.GroupBy(p => p.CountryCode).Select(g => reference.Country(g.Key) is { } c
                ? new PublicCountryCount(c.Alpha2, c.NameSv, c.Numeric, g.Count()) : new PublicCountryCount(g.Key, g.Key, "", g.Count()))
            .OrderBy(c => c.Name, StringComparer.Create(Sv, false)).ToList();
    }

    /// <summary>KS's exception decisions (R9), newest first: where the partner is, the decision and its validity; the activity only when published.</summary>
    public async Task<List<PublicException>> ExceptionsAsync(PublicMunicipality m, string baseUrl, CancellationToken ct = default)
    {
        var rows = await db.PreconditionExceptions.AsNoTracking().OrderByDescending(e => e.DecidedOn).ThenBy(e => e.Id).ToListAsync(ct);
        var partnerIds = rows.Select(r => r.PartnerId).Distinct().ToList();
        var partners = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => new { p.CountryCode, p.City }, ct);
        var activityIds = rows.Select(r => r.ActivityId).Distinct().ToList();
        var published = await Published().Where(a => activityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, ct);
        var today = Today;
        return rows.Select(e =>
        {
            var p = partners.GetValueOrDefault(e.PartnerId);
            var code = p?.CountryCode ?? "";
            var title = published.GetValueOrDefault(e.ActivityId);
            return new PublicException(e.Id, code, reference.Country(code)?.NameSv ?? code, p?.City, e.DecidedOn, e.Body, e.MinuteParagraph, e.CaseNumber,
                e.DecisionText, e.ValidUntil, e.IsValidOn(today), title is null ? null : e.ActivityId, title,
                title is null ? null : $"{baseUrl}/oppet/{m.Slug}/aktiviteter/{e.ActivityId}");
        }).ToList();
    }
}
