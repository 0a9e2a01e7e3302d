using System.Net;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Access;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Partners;
using Omvarld.Web.Features.Iati;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Iati;

/// <summary>The IATI schema as the tests load it themselves, independently of the export's own validation.</summary>
internal static class TestSchema
{
    private static readonly Lazy<XmlSchemaSet> Set = new(() =>
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "SeedData", "Iati-2.03");
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using var reader = XmlReader.Create(Path.Combine(folder, "iati-activities-schema.xsd"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        set.Add(null, reader);
        set.Compile();
        return set;
    });

    public static List<string> Errors(XDocument document)
    {
        var errors = new List<string>();
        document.Validate(Set.Value, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        return errors;
    }
}

/// <summary>
/// IATI through the API on both databases: the demo's file validates against the 2.03 schema; a municipality without an
/// organisation identifier exports nothing and says why; the public file holds only published IATI activities; the
/// coordinator's choice brings in an activity of another kind; the settings refuse a malformed identifier.
/// </summary>
public abstract class IatiApiTests(OmvarldApp app)
{
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");
    private const string OrgRef = "SE-ON-2120001561";

    private static async Task<XDocument> XmlAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private Task<Guid> ActivityIdAsync(Guid municipality, string title) =>
        app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().Where(a => a.MunicipalityId == municipality && a.Title == title).Select(a => a.Id).SingleAsync());

    private Task PublishAsync(Guid municipality, Guid activityId, bool chooseForIati = false) => app.WithDbAsync(async db =>
    {
        db.Tenant.Use(municipality);
        var activity = await db.Activities.SingleAsync(a => a.Id == activityId);
        var coordinator = new AccessScope(false, [(Role.Coordinator, null)], null);
        Assert.True(activity.Publish(coordinator, Guid.NewGuid(), app.Clock.GetUtcNow()).IsOk);
        if (chooseForIati) Assert.True(activity.ChooseForIati(coordinator, true).IsOk);
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task DemoFile_ValidatesAgainstTheSchema_WithTheAidActivities()
    {
        var api = await app.ApiClientAsync(Coordinator);
        var xml = await XmlAsync(await api.GetAsync("/api/v1/iati/activities.xml"));

        Assert.Empty(TestSchema.Errors(xml));
        Assert.Equal("2.03", xml.Root!.Attribute("version")?.Value);
        Assert.NotNull(xml.Root.Attribute("generated-datetime"));
        var activities = xml.Root.Elements("iati-activity").ToList();
        var titles = activities.Select(a => a.Element("title")!.Element("narrative")!.Value).ToList();
        Assert.Contains("Partnerskap för lokal demokrati med Zrazkove", titles);
        Assert.Contains("Skolsamarbete med Mfano Secondary School", titles);
        // Withdrawn aid is never exported; nor is a draft or anything not approved.
        Assert.DoesNotContain("Ungdomsfotboll för integration: utbyte med Mfano", titles);
        foreach (var a in activities)
        {
            Assert.StartsWith(OrgRef + "-", a.Element("iati-identifier")!.Value);
            Assert.Equal(OrgRef, a.Element("reporting-org")!.Attribute("ref")!.Value);
            Assert.Equal("SEK", a.Attribute("default-currency")!.Value);
            var shares = a.Elements("recipient-country").Sum(c => decimal.Parse(c.Attribute("percentage")!.Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(100m, shares);
            Assert.All(a.Descendants("value"), v => Assert.Equal("SEK", v.Attribute("currency")!.Value));
        }
        var zrazkove = activities.Single(a => a.Element("title")!.Element("narrative")!.Value.StartsWith("Partnerskap", StringComparison.Ordinal));
        Assert.Equal("2", zrazkove.Element("activity-status")!.Attribute("code")!.Value); // ongoing: implementation
        Assert.Equal("UA", zrazkove.Element("recipient-country")!.Attribute("code")!.Value);
        Assert.Contains(zrazkove.Elements("tag"), t => t.Attribute("vocabulary")!.Value == "3" && t.Attribute("code")!.Value == "16.6");
        Assert.Contains(zrazkove.Elements("participating-org"), o => o.Attribute("role")!.Value == "1" && o.Value.Contains("ICLD", StringComparison.Ordinal));
        Assert.Contains(zrazkove.Elements("participating-org"), o => o.Attribute("role")!.Value == "4" && o.Value.Contains("Zrazkove hromada", StringComparison.Ordinal));
        Assert.Contains(zrazkove.Elements("transaction"), t => t.Element("transaction-type")!.Attribute("code")!.Value == "11");
        Assert.Contains(zrazkove.Elements("result"), r => r.Element("title")!.Value.Contains("2024", StringComparison.Ordinal));
        // Never a person: no traveller, no comment, no user name or e-mail address.
        var text = xml.ToString();
        Assert.DoesNotContain("@boras.demo", text);
        Assert.DoesNotContain("Demo ", text);
        Assert.DoesNotContain("Kommundirektör", text);
    }

    [Fact]
    public async Task Report_ListsIncluded_AndTheMunicipalityWithoutIdentifier_ExportsNothing()
    {
        var boras = await (await app.ApiClientAsync(Coordinator)).GetAsync("/api/v1/iati/report");
        var report = await boras.ReadJsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, report.GetProperty("problem").ValueKind);
        Assert.True(report.GetProperty("included").GetArrayLength() >= 2);

        // Upplands-Bro has set no identifier: an approved aid activity there is listed, with why, and the file is empty.
        var ub = app.UpplandsBro;
        var id = await app.WithDbAsync(async db =>
        {
            db.Tenant.Use(ub);
            return await db.Activities.Where(a => a.Status == ActivityStatus.Approved || a.Status == ActivityStatus.Ongoing || a.Status == ActivityStatus.Completed
                || a.Status == ActivityStatus.ResultsReported).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        });
        var ksApi = await app.ApiClientAsync(OmvarldApp.Email("samordnare", "upplands-bro"));
        Assert.Equal(HttpStatusCode.NoContent, (await ksApi.PutJsonAsync($"/api/v1/activities/{id}/iati", new { include = true })).StatusCode);
        var ubReport = await (await ksApi.GetAsync("/api/v1/iati/report")).ReadJsonAsync();
        Assert.Equal("Ingen IATI-organisationsidentifierare är inställd: ingenting kan exporteras förrän samordnaren har angett den.",
            ubReport.GetProperty("problem").GetString());
        Assert.Equal(0, ubReport.GetProperty("included").GetArrayLength());
        var listed = ubReport.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == id);
        Assert.Contains(listed.GetProperty("problems").EnumerateArray(), p => p.GetString()!.StartsWith("Ingen IATI-organisationsidentifierare", StringComparison.Ordinal));
        var file = await XmlAsync(await ksApi.GetAsync("/api/v1/iati/activities.xml"));
        // Well-formed but empty: the schema wants at least one activity, so an empty file is what "nothing" looks like.
        Assert.Empty(file.Root!.Elements("iati-activity"));

        // The page says the same to the coordinator.
        var page = await (await app.SignInAsync(OmvarldApp.Email("samordnare", "upplands-bro"))).GetDocumentAsync("/iati");
        Assert.Contains("Ingen IATI-organisationsidentifierare är inställd", page.QuerySelector("#iati-problem")!.TextContent);
    }

    [Fact]
    public async Task PublicFile_HasOnlyPublishedIatiActivities_AndUnknownMunicipalityIs404()
    {
        var anonymous = app.NewClient();
        var aid = await ActivityIdAsync(app.Boras, "Skolsamarbete med Mfano Secondary School");
        var other = await ActivityIdAsync(app.Boras, "Kulturutbyte om textilkonst med Regione Esempio"); // completed, not aid
        var notChosen = await ActivityIdAsync(app.Boras, "Återbruk av byggmaterial: benchmarking i Musterhausen");
        await PublishAsync(app.Boras, aid);
        await PublishAsync(app.Boras, other, chooseForIati: true);
        await PublishAsync(app.Boras, notChosen);
        // An aid activity taken off the open pages leaves the open file too (the demo publishes it).
        var unpublishedAid = await ActivityIdAsync(app.Boras, "Partnerskap för lokal demokrati med Zrazkove");
        var coordinator = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.DeleteAsync($"/api/v1/activities/{unpublishedAid}/publication")).StatusCode);

        var xml = await XmlAsync(await anonymous.GetAsync("/api/v1/public/boras/iati.xml"));
        Assert.Empty(TestSchema.Errors(xml));
        var ids = xml.Root!.Elements("iati-activity").Select(a => a.Element("iati-identifier")!.Value).ToList();
        Assert.Contains($"{OrgRef}-{aid:D}", ids);
        Assert.Contains($"{OrgRef}-{other:D}", ids);
        Assert.DoesNotContain($"{OrgRef}-{notChosen:D}", ids);
        // Every activity in it is published and in IATI.
        var published = await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters()
            .Where(a => a.MunicipalityId == app.Boras && a.PublishedAt != null && (a.Kind == ActivityKind.AidOrDevelopmentCooperation || a.IatiChosen))
            .Select(a => a.Id).ToListAsync());
        Assert.All(ids, i => Assert.Contains(published, p => i == $"{OrgRef}-{p:D}"));
        Assert.DoesNotContain($"{OrgRef}-{unpublishedAid:D}", ids);

        var unknown = await anonymous.GetAsync("/api/v1/public/ingenstans/iati.xml");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Settings_RefuseAMalformedIdentifier_AndKeepTheSavedOne()
    {
        var api = await app.ApiClientAsync(Coordinator);
        var settings = await (await api.GetAsync("/api/v1/iati/settings")).ReadJsonAsync();
        Assert.Equal(OrgRef, settings.GetProperty("organisationIdentifier").GetString());
        Assert.Equal("SEK", settings.GetProperty("defaultCurrency").GetString());

        var bad = await api.PutJsonAsync("/api/v1/iati/settings", new { organisationIdentifier = "SE-ON-12345", reportingOrgName = "Borås Stad", reportingOrgType = "11", defaultLanguage = "sv" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("SE-ON-2120001561", (await bad.ReadJsonAsync()).GetProperty("errors").GetProperty("organisationIdentifier")[0].GetString());
        var badType = await api.PutJsonAsync("/api/v1/iati/settings", new { organisationIdentifier = OrgRef, reportingOrgName = "Borås Stad", reportingOrgType = "99" });
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        var stale = await api.PutJsonAsync("/api/v1/iati/settings", new { organisationIdentifier = OrgRef, reportingOrgName = "Borås Stad", reportingOrgType = "11", version = 999 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(OrgRef, (await (await api.GetAsync("/api/v1/iati/settings")).ReadJsonAsync()).GetProperty("organisationIdentifier").GetString());

        var ks = await app.ApiClientAsync(OmvarldApp.Email("ks"));
        Assert.Equal(HttpStatusCode.Forbidden, (await ks.PutJsonAsync("/api/v1/iati/settings", new { organisationIdentifier = OrgRef, reportingOrgName = "X" })).StatusCode);
    }
}

public sealed class IatiApiTests_Sqlite(SqliteApp app) : IatiApiTests(app), IClassFixture<SqliteApp>;
public sealed class IatiApiTests_Postgres(PostgresApp app) : IatiApiTests(app), IClassFixture<PostgresApp>;

/// <summary>The export's own rules on data the register would rarely hold, without a database.</summary>
public sealed class IatiExportTests
{
    private static readonly IatiSchemas Schemas = new();
    private static readonly IatiLabels Labels = new(y => $"Resultat {y}", "Slutrapport", "Kvalitativ");
    private static readonly IatiPublisher Publisher = new("SE-ON-2120001561", "Borås Stad", "11", "sv");
    private static readonly DateOnly Today = new(2026, 3, 1);
    private static readonly DateTimeOffset Generated = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static IatiActivityData Activity(string? description = "Beskrivning", params IatiPartner[] partners) => new(
        Guid.NewGuid(), "Partnerskap", description, "Syfte", ActivityKind.AidOrDevelopmentCooperation, ActivityStatus.Ongoing,
        new DateOnly(2025, 3, 1), new DateOnly(2026, 12, 31), new DateOnly(2025, 3, 1), null,
        partners.Length == 0 ? [new IatiPartner("Partner & Co", PartnerType.Ngo, "KE", PartnerRole.Partner)] : partners,
        [new Sdg(4, "4.7")],
        [new IatiFunding(FundingSource.OtherFunder, FunderKind.National, "ICLD", 100_000m, FundingStatus.Paid, new DateOnly(2025, 2, 1), new DateOnly(2025, 4, 1), true),
         new IatiFunding(FundingSource.OtherFunder, FunderKind.National, "SI", 50_000m, FundingStatus.Granted, new DateOnly(2026, 6, 1), null, true)],
        [new IatiResult(2025, "Det gick bra; vi lärde oss <mycket>.")]);

    [Fact]
    public void WithoutDescription_TheActivityIsLeftOut_NamingTheField()
    {
        var ok = Activity();
        var missing = Activity(description: null);
        var result = IatiExport.Build(Publisher, [ok, missing], Generated, Today, Labels, Schemas);
        Assert.Equal([ok.Id], result.Included.Select(a => a.Id));
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(missing.Id, rejected.ActivityId);
        Assert.Equal("Iati_DescriptionMissing", Assert.Single(rejected.Problems).Error);
        Assert.Empty(TestSchema.Errors(result.Document));
    }

    [Fact]
    public void WithoutIdentifier_NothingIsExported()
    {
        var result = IatiExport.Build(null, [Activity()], Generated, Today, Labels, Schemas);
        Assert.Equal("Iati_NoOrganisationIdentifier", result.Problem?.Error);
        Assert.Empty(result.Included);
        Assert.Empty(result.Document.Root!.Elements());
    }

    [Fact]
    public void RulesBeyondTheSchema_RecipientCountry_Percentages_BudgetsOfAYear_NoFutureTransactions()
    {
        var swedishOnly = Activity("Beskrivning", new IatiPartner("Högskolan", PartnerType.University, "SE", PartnerRole.Partner));
        var three = Activity("Beskrivning", new("A", PartnerType.Ngo, "KE", PartnerRole.Partner), new("B", PartnerType.Municipality, "UA", PartnerRole.Partner),
            new("C", PartnerType.School, "TZ", PartnerRole.Host));
        var result = IatiExport.Build(Publisher, [swedishOnly, three], Generated, Today, Labels, Schemas);
        Assert.Equal("Iati_RecipientCountryMissing", Assert.Single(Assert.Single(result.Rejected).Problems).Error);

        var activity = Assert.Single(result.Document.Root!.Elements("iati-activity"));
        Assert.Equal(100m, activity.Elements("recipient-country").Sum(c => decimal.Parse(c.Attribute("percentage")!.Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("11110", activity.Element("sector")!.Attribute("code")!.Value); // SDG 4: education policy
        var budgets = activity.Elements("budget").ToList();
        Assert.Equal(2, budgets.Count); // 2025-03-01–2025-12-31 and 2026
        Assert.All(budgets, b => Assert.True(DateOnly.Parse(b.Element("period-end")!.Attribute("iso-date")!.Value).DayNumber
            - DateOnly.Parse(b.Element("period-start")!.Attribute("iso-date")!.Value).DayNumber < 366));
        Assert.Equal(150_000m, budgets.Sum(b => decimal.Parse(b.Element("value")!.Value, System.Globalization.CultureInfo.InvariantCulture)));
        // The grant decided in June 2026 lies after "today": no transaction yet.
        var dates = activity.Elements("transaction").Select(t => t.Element("transaction-date")!.Attribute("iso-date")!.Value).ToList();
        Assert.Equal(["2025-02-01", "2025-04-01"], dates);
        Assert.Empty(TestSchema.Errors(result.Document));
    }
}
