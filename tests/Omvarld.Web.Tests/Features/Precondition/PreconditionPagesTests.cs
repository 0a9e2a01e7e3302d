using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Partners;
using Omvarld.Web.Features.Precondition;
using Omvarld.Web.Tests.Features.Activities;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Precondition;

/// <summary>
/// The partner precondition through its pages (R8, R9): KS's exceptions recorded, refused and listed; the country
/// page's assessment with a judgement beside the data; the criteria on the policy version page; the start page.
/// </summary>
public abstract class PreconditionPagesTests(OmvarldApp app)
{
    private static readonly string Editor = OmvarldApp.Email("redaktor");
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");
    private static readonly string Ks = OmvarldApp.Email("ks");
    private static readonly string Reader = OmvarldApp.Email("lasare");
    private const string Committee = "Gymnasie- och vuxenutbildningsnämnden";

    private Task<int> ExceptionCountAsync(Guid activity) =>
        app.WithDbAsync(db => db.PreconditionExceptions.IgnoreQueryFilters().CountAsync(e => e.ActivityId == activity));

    /// <summary>A partner in any country (the shared arrange helper knows European countries only).</summary>
    private Task<Guid> PartnerInAsync(string name, string country, string? city = null) => app.WithDbAsync(async db =>
    {
        db.Tenant.Use(app.Boras);
        var (partner, result) = PartnerOrganisation.Create(app.Boras, new PartnerDetails(name, PartnerType.Municipality, city, country, null),
            new HashSet<string> { country });
        Assert.True(result.IsOk, result.Error);
        db.Partners.Add(partner!);
        await db.SaveChangesAsync();
        return partner!.Id;
    });

    /// <summary>An activity of the demo editor's committee with a partner in China: the partner precondition blocks it.</summary>
    private async Task<(Guid Activity, Guid Partner)> ChineseActivityAsync(string title)
    {
        var partner = await PartnerInAsync($"{title}: Shenzhens stad", "CN", "Shenzhen");
        var activity = await app.ActivityAsync(app.Boras, Committee, title, Editor, partners: [partner]);
        return (activity, partner);
    }

    /// <summary>The day the exception of <see cref="ExceptionFields"/> runs to: the end of next year by the app's clock.</summary>
    private DateOnly ExceptionValidUntil => new(app.Today.Year + 1, 12, 31);

    private Dictionary<string, string> ExceptionFields(Guid partner, Action<Dictionary<string, string>>? change = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.PartnerId"] = partner.ToString(),
            ["Input.Body"] = "Kommunstyrelsen",
            ["Input.DecidedOn"] = app.Today.AddDays(-40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.MinuteParagraph"] = "§ 212",
            ["Input.CaseNumber"] = "KS 2026-00412",
            ["Input.ValidUntil"] = ExceptionValidUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.DecisionText"] = "Kommunstyrelsen beslutar om undantag för samarbetet med Shenzhens stad.",
        };
        change?.Invoke(fields);
        return fields;
    }

    private static void AssertForbidden(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/konto/nekad") == true),
            $"Expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");

    private static string Errors(IHtmlDocument document) => document.QuerySelector("#error-summary")?.TextContent ?? "";

    [Fact]
    public async Task RecordPage_KsFromTheActivityLink_StoresExceptionWithDocument_ListedEverywhere()
    {
        var (activity, partner) = await ChineseActivityAsync("Skolutbyte med Shenzhen");
        var ks = await app.SignInAsync(Ks);

        // The activity page: the blocking finding, and for KS the link per partner that needs an exception.
        var page = await ks.GetDocumentAsync($"/aktiviteter/{activity}");
        Assert.Contains("uppfyller inte förutsättningen", page.Text());
        var link = Assert.Single(page.QuerySelectorAll("#exception-needed a"));
        Assert.Equal($"/undantag/ny?aktivitet={activity}&partner={partner}", link.GetAttribute("href"));

        var form = await ks.GetDocumentAsync(link.GetAttribute("href")!);
        Assert.Equal(partner.ToString(), form.QuerySelector("#Input_PartnerId option[selected]")?.GetAttribute("value"));
        Assert.Equal("Kommunstyrelsen", form.QuerySelector("#Input_Body")?.GetAttribute("value"));

        var content = new MultipartFormDataContent();
        foreach (var (k, v) in ExceptionFields(partner)) content.Add(new StringContent(v), k);
        content.Add(new StringContent(form.AntiforgeryToken()), "__RequestVerificationToken");
        var pdf = new ByteArrayContent("%PDF-1.4\n% protokollsutdrag\n"u8.ToArray());
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(pdf, "upload", "protokollsutdrag.pdf");
        var response = await ks.PostAsync($"/undantag/ny?aktivitet={activity}", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/aktiviteter/{activity}", response.Headers.Location!.ToString());

        var stored = await app.WithDbAsync(db => db.PreconditionExceptions.IgnoreQueryFilters().SingleAsync(e => e.ActivityId == activity));
        Assert.Equal((partner, "§ 212", "KS 2026-00412", ExceptionValidUntil), (stored.PartnerId, stored.MinuteParagraph, stored.CaseNumber, stored.ValidUntil));
        Assert.NotNull(stored.DecisionFileId);

        // The activity page lists it as in force and no longer asks for one; the finding is information now.
        page = await ks.GetDocumentAsync($"/aktiviteter/{activity}");
        Assert.Empty(page.QuerySelectorAll("#exception-needed a"));
        var section = page.QuerySelector("#activity-exceptions")!.TextContent;
        Assert.Contains("KS 2026-00412", section);
        Assert.Contains("Gäller", section);

        // Every member reads the list and the decision document.
        var reader = await app.SignInAsync(Reader);
        var list = await reader.GetDocumentAsync("/undantag");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Skolutbyte med Shenzhen"));
        Assert.Contains("Shenzhens stad", row.TextContent);
        Assert.Contains("Kina", row.TextContent);
        Assert.Contains("§ 212", row.TextContent);
        Assert.Contains("Gäller", row.TextContent);
        var fileLink = row.QuerySelector("a[href^='/undantag/filer/']")!;
        Assert.Equal("protokollsutdrag.pdf", fileLink.TextContent);
        var file = await reader.GetAsync(fileLink.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.StartsWith("%PDF", await file.Content.ReadAsStringAsync());

        // And the country page lists the exceptions for partners in the country.
        var country = await reader.GetDocumentAsync("/lander/CN");
        Assert.Contains("KS 2026-00412", country.QuerySelector("#assessment")!.TextContent);
    }

    [Fact]
    public async Task RecordPage_NotKs_Refused()
    {
        var (activity, partner) = await ChineseActivityAsync("Vänortsbesök i Shenzhen");
        foreach (var email in new[] { Coordinator, Editor, OmvarldApp.Email("godkannare"), Reader })
        {
            var client = await app.SignInAsync(email);
            AssertForbidden(await client.GetAsync($"/undantag/ny?aktivitet={activity}&partner={partner}"));
            // A POST with a token of a page the caller may open is refused too.
            var token = (await client.GetDocumentAsync($"/aktiviteter/{activity}")).AntiforgeryToken("main form[method=post]");
            var fields = ExceptionFields(partner);
            fields["__RequestVerificationToken"] = token;
            AssertForbidden(await client.PostAsync($"/undantag/ny?aktivitet={activity}", new FormUrlEncodedContent(fields)));
        }
        Assert.Equal(0, await ExceptionCountAsync(activity));
    }

    [Fact]
    public async Task RecordPage_MissingParagraphDateAndCaseNumber_SwedishErrors_NothingStored()
    {
        var (activity, partner) = await ChineseActivityAsync("Lärarutbyte i Shenzhen");
        var ks = await app.SignInAsync(Ks);
        var response = await ks.PostFormAsync($"/undantag/ny?aktivitet={activity}&partner={partner}", ExceptionFields(partner, f =>
        {
            f["Input.MinuteParagraph"] = "";
            f["Input.DecidedOn"] = "";
            f["Input.CaseNumber"] = " ";
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        var errors = Errors(document);
        Assert.Contains("Beslutsdatum måste fyllas i.", errors);
        Assert.Contains("Paragraf (§) i protokollet måste fyllas i.", errors);
        Assert.Contains("Diarienummer måste fyllas i.", errors);
        // What was typed stays in the form.
        Assert.Equal("Kommunstyrelsen", document.QuerySelector("#Input_Body")?.GetAttribute("value"));
        Assert.Contains("beslutar om undantag", document.QuerySelector("#Input_DecisionText")?.TextContent);
        Assert.Equal(0, await ExceptionCountAsync(activity));

        // The domain's own checks come back in Swedish too: the end before the decision.
        response = await ks.PostFormAsync($"/undantag/ny?aktivitet={activity}&partner={partner}", ExceptionFields(partner, f => f["Input.ValidUntil"] = "2026-01-01"));
        Assert.Contains("Undantaget måste gälla till ett datum efter beslutsdatumet.", Errors(await response.ReadDocumentAsync()));
        Assert.Equal(0, await ExceptionCountAsync(activity));
    }

    [Fact]
    public async Task RecordPage_PartnerNotInTheActivity_Refused()
    {
        var (activity, partner) = await ChineseActivityAsync("Kulturutbyte i Shenzhen");
        var (_, otherPartner) = await ChineseActivityAsync("Annat utbyte i Shenzhen");
        var ks = await app.SignInAsync(Ks);
        var response = await ks.PostFormAsync($"/undantag/ny?aktivitet={activity}&partner={partner}", ExceptionFields(otherPartner));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Samarbetsparten är inte med i aktiviteten.", Errors(await response.ReadDocumentAsync()));
        Assert.Equal(0, await ExceptionCountAsync(activity));
        // An activity that does not exist is not found.
        var missing = await ks.GetAsync($"/undantag/ny?aktivitet={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task CountryPage_China_NotMetWithReadingsAndAttribution()
    {
        var reader = await app.SignInAsync(Reader);
        var page = await reader.GetDocumentAsync("/lander/CN");
        var assessment = page.QuerySelector("#assessment")!;
        Assert.Contains("Bedömning: Uppfyller inte kraven", page.QuerySelector("#assessment-outcome")!.TextContent);
        Assert.Contains("Bedömning enligt data: Uppfyller inte kraven", page.QuerySelector("#assessment-data-outcome")!.TextContent);
        Assert.Contains("Internationell policy", assessment.TextContent);
        foreach (var criterion in new[] { "Respekterar mänskliga rättigheter", "Är en demokrati", "Upprätthåller rättsstatens principer" })
            Assert.Contains(criterion, assessment.TextContent);
        Assert.Contains("Sluten autokrati", assessment.TextContent);
        Assert.Contains("Världsbanken, WGI Rule of Law", assessment.TextContent);
        Assert.Contains("standardfel", assessment.TextContent);
        Assert.Contains("Osäkerhetsintervall (68 %)", assessment.TextContent);
        // The release of each reading, and the licences' attribution on the same page.
        Assert.Contains("V-Dem", assessment.QuerySelector("table")!.TextContent);
        Assert.Contains("Regimes of the World", page.QuerySelector("#sources")!.TextContent);
        // Readers see no judgement form.
        Assert.Null(page.QuerySelector("#judgement-form"));
    }

    [Fact]
    public async Task CountryPage_CoordinatorJudgement_ChangesOutcome_DataResultStaysVisible_Withdrawn()
    {
        var coordinator = await app.SignInAsync(Coordinator);
        var before = await coordinator.GetDocumentAsync("/lander/RU");
        Assert.Contains("Uppfyller inte kraven", before.QuerySelector("#assessment-outcome")!.TextContent);

        // The reason is required: a Swedish error, nothing stored.
        var response = await coordinator.PostFormAsync("/lander/RU", new() { ["Judgement.Outcome"] = "Met", ["Judgement.Reason"] = " " }, "#judgement-form", "Judge");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Motivera bedömningen.", Errors(await response.ReadDocumentAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.ManualJudgements.IgnoreQueryFilters().CountAsync(j => j.CountryAlpha2 == "RU")));

        response = await coordinator.PostFormAsync("/lander/RU", new()
        {
            ["Judgement.Outcome"] = "Met", ["Judgement.Reason"] = "Samarbetet gäller bara ett miljöprojekt\nmed en oberoende forskningsstiftelse.",
            ["Judgement.Evidence"] = "Rapport från ambassaden 2026-05",
        }, "#judgement-form", "Judge");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var reader = await app.SignInAsync(Reader);
        var page = await reader.GetDocumentAsync("/lander/RU");
        Assert.Contains("Bedömning: Uppfyller kraven", page.QuerySelector("#assessment-outcome")!.TextContent);
        Assert.Contains("Bedömning enligt data: Uppfyller inte kraven", page.QuerySelector("#assessment-data-outcome")!.TextContent);
        var judgement = page.QuerySelector("#assessment-override")!.TextContent;
        Assert.Contains("Samordnare", judgement, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("oberoende forskningsstiftelse", judgement);
        Assert.Contains("Rapport från ambassaden", judgement);
        // The readings are still shown beside the judgement.
        Assert.NotEmpty(page.QuerySelectorAll("#assessment table.assessment-readings tbody tr"));

        // A reader may not withdraw it; the coordinator may.
        var id = await app.WithDbAsync(db => db.ManualJudgements.IgnoreQueryFilters().Where(j => j.CountryAlpha2 == "RU").Select(j => j.Id).SingleAsync());
        var readerToken = (await reader.GetDocumentAsync("/aktiviteter")).AntiforgeryToken("form[method=post]");
        AssertForbidden(await reader.PostAsync($"/lander/RU?handler=Withdraw&judgementId={id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = readerToken })));
        response = await coordinator.PostFormAsync($"/lander/RU?judgementId={id}", new(), $"form[action*='judgementId={id}']", "Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        page = await reader.GetDocumentAsync("/lander/RU");
        Assert.Contains("Bedömning: Uppfyller inte kraven", page.QuerySelector("#assessment-outcome")!.TextContent);
        Assert.Null(page.QuerySelector("#assessment-override"));
    }

    [Fact]
    public async Task PolicyPage_CriteriaForm_SavesNewLevels_SwedishErrors_Conflict()
    {
        var versions = await app.WithDbAsync(db => db.PolicyVersions.IgnoreQueryFilters().Where(v => v.MunicipalityId == app.Boras).Select(v => v.Id).ToListAsync());
        var coordinator = await app.SignInAsync(Coordinator);
        // The version with the partner precondition (BORAS-2023).
        IHtmlDocument page = null!;
        var url = "";
        foreach (var v in versions)
        {
            url = $"/styrdokument/versioner/{v}";
            page = await coordinator.GetDocumentAsync(url);
            if (page.QuerySelector("#precondition-heading") is not null) break;
        }
        Assert.Contains("standardvärdena används", page.QuerySelector("#precondition-heading")!.ParentElement!.TextContent);
        Dictionary<string, string> Fields(string version, string rule = "0,65") => new()
        {
            ["Criteria.Version"] = version, ["Criteria.MinimumRegime"] = "ElectoralDemocracy", ["Criteria.MinimumVDemRuleOfLaw"] = rule,
            ["Criteria.MinimumCivilLiberties"] = "0.72", ["Criteria.MinimumWgiRuleOfLawPercentile"] = "55", ["Criteria.WgiPercentileMargin"] = "5",
            ["Criteria.MaxDataAgeYears"] = "4",
        };

        var response = await coordinator.PostFormAsync(url, Fields("0", rule: "1,5"), "#criteria-form", "Criteria");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("V-Dems rättsstatsindex ska vara mellan 0 och 1.", Errors(await response.ReadDocumentAsync()));

        response = await coordinator.PostFormAsync(url, Fields("0"), "#criteria-form", "Criteria");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        page = await (await app.SignInAsync(Reader)).GetDocumentAsync(url);
        var criteria = page.QuerySelector("#criteria")!.TextContent;
        Assert.Contains("0,65", criteria);
        Assert.Contains("0,72", criteria);
        Assert.Contains("55", criteria);
        Assert.Contains("nivåerna för den här versionen", page.QuerySelector("#precondition-heading")!.ParentElement!.TextContent);
        Assert.Null(page.QuerySelector("#criteria-form"));

        // A save made from the old version is a conflict: nothing changes.
        response = await coordinator.PostFormAsync(url, Fields("0", rule: "0,9"), "#criteria-form", "Criteria");
        Assert.Contains("Någon annan har sparat nivåerna", Errors(await response.ReadDocumentAsync()));
        Assert.Contains("0,65", (await coordinator.GetDocumentAsync(url)).QuerySelector("#criteria")!.TextContent);
    }

    [Fact]
    public async Task StartPage_Coordinator_ListsExpiredException()
    {
        var (activity, partner) = await ChineseActivityAsync("Tidigare samarbete med Shenzhen");
        var ks = await app.SignInAsync(Ks);
        var response = await ks.PostFormAsync($"/undantag/ny?aktivitet={activity}&partner={partner}", ExceptionFields(partner, f =>
        {
            f["Input.DecidedOn"] = "2024-02-01";
            f["Input.ValidUntil"] = "2025-06-30";
            f["Input.CaseNumber"] = "KS 2024-00077";
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var start = await (await app.SignInAsync(Coordinator)).GetDocumentAsync("/");
        var item = start.QuerySelectorAll("#expiring-exceptions li").Single(li => li.TextContent.Contains("Tidigare samarbete med Shenzhen"));
        Assert.Contains("gick ut 30 juni 2025", item.TextContent);
        Assert.Contains("KS 2024-00077", item.TextContent);
        // The list shows it as expired, and the activity is blocked again.
        var list = await ks.GetDocumentAsync("/undantag");
        Assert.Contains("Har gått ut", list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("KS 2024-00077")).TextContent);
        Assert.Single((await ks.GetDocumentAsync($"/aktiviteter/{activity}")).QuerySelectorAll("#exception-needed a"));
        // A unit editor's start page has no such section.
        Assert.Null((await (await app.SignInAsync(Editor)).GetDocumentAsync("/")).QuerySelector("#expiring-exceptions"));
    }

    [Fact]
    public async Task Menu_Members_SeeExceptions()
    {
        var reader = await app.SignInAsync(Reader);
        var nav = (await reader.GetDocumentAsync("/")).QuerySelector("nav.main-nav")!;
        Assert.Contains(nav.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/undantag" && a.TextContent == "Undantag");
    }
}

public sealed class PreconditionPagesTests_Sqlite(SqliteApp app) : PreconditionPagesTests(app), IClassFixture<SqliteApp>;
public sealed class PreconditionPagesTests_Postgres(PostgresApp app) : PreconditionPagesTests(app), IClassFixture<PostgresApp>;
