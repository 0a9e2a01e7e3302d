using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omvarld.Domain.Activities;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Openness;

/// <summary>
/// R20 on both databases: only the coordinator publishes, only an approved activity; the open pages and the open data
/// show it to anyone and hide it again when unpublished; an unpublished, draft or other municipality's activity is the
/// same 404 as a missing one on every route and never shows up through a filter; malformed query strings are a 400
/// (ProblemDetails in the API, a Swedish message on the page); answers are cacheable with ETag and 304.
/// </summary>
public abstract class OpennessTests(OmvarldApp app)
{
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");
    private static readonly string Editor = OmvarldApp.Email("redaktor");
    private static readonly string Reader = OmvarldApp.Email("lasare");

    private static async Task<string> BodyAsync(HttpResponseMessage r) => await r.Content.ReadAsStringAsync();

    [Fact]
    public async Task Publish_OnlyCoordinator_OnlyApproved_UnpublishHidesItAgain()
    {
        var approved = await app.ActivityAsync(app.Boras, "boras", "Öppenhetsprovet godkänd", ActivityStatus.Approved, country: "IS");
        var draft = await app.ActivityAsync(app.Boras, "boras", "Öppenhetsprovet utkast", ActivityStatus.Draft);
        var anonymous = app.NewClient();

        foreach (var who in new[] { Editor, Reader, OmvarldApp.Email("godkannare"), OmvarldApp.Email("ks") })
        {
            var refused = await (await app.ApiClientAsync(who)).PutAsync($"/api/v1/activities/{approved.Id}/publication", null);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        var coordinator = await app.ApiClientAsync(Coordinator);
        var notApproved = await coordinator.PutAsync($"/api/v1/activities/{draft.Id}/publication", null);
        Assert.Equal(HttpStatusCode.BadRequest, notApproved.StatusCode);
        Assert.Contains("godkända", await BodyAsync(notApproved));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/oppet/boras/aktiviteter/{approved.Id}")).StatusCode);

        var published = await coordinator.PutAsync($"/api/v1/activities/{approved.Id}/publication", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.True((await published.ReadJsonAsync()).GetProperty("isPublished").GetBoolean());
        var page = await anonymous.GetAsync($"/oppet/boras/aktiviteter/{approved.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Öppenhetsprovet godkänd", (await page.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/public/boras/activities/{approved.Id}")).StatusCode);

        // The signed-in list's filter "publicerad", in the API and on the page.
        async Task<List<string?>> ListedAsync(string published) =>
            (await (await coordinator.GetAsync($"/api/v1/activities?published={published}&pageSize=200")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Contains("Öppenhetsprovet godkänd", await ListedAsync("true"));
        Assert.DoesNotContain("Öppenhetsprovet utkast", await ListedAsync("true"));
        Assert.Contains("Öppenhetsprovet utkast", await ListedAsync("false"));
        var listPage = await (await app.SignInAsync(Reader)).GetDocumentAsync("/aktiviteter?publicerad=true&q=Öppenhetsprovet");
        Assert.Contains("Öppenhetsprovet godkänd", listPage.Text());
        Assert.DoesNotContain("Öppenhetsprovet utkast", listPage.Text());
        Assert.Equal("/oppet/boras", listPage.QuerySelector("#open-pages-link")!.GetAttribute("href"));

        // The activity page tells the coordinator since when, and the audit trail has the step.
        var signedIn = await app.SignInAsync(Coordinator);
        var details = await signedIn.GetDocumentAsync($"/aktiviteter/{approved.Id}");
        Assert.Contains("Publicerad på de öppna sidorna sedan", details.QuerySelector("#publication-status")!.TextContent);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.EntityId == approved.Id && a.Comment == "Publicerad på de öppna sidorna")));

        // Unpublish through the page's form: gone from every open route.
        var version = await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().Where(a => a.Id == approved.Id).Select(a => a.Version).SingleAsync());
        var posted = await signedIn.PostFormAsync($"/aktiviteter/{approved.Id}", new() { ["publish"] = "false", ["version"] = version.ToString() }, "#publication form", "Publication");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/oppet/boras/aktiviteter/{approved.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/public/boras/activities/{approved.Id}")).StatusCode);
        Assert.DoesNotContain("Öppenhetsprovet godkänd", await BodyAsync(await anonymous.GetAsync("/api/v1/public/boras/activities.csv")));
        Assert.Contains("inte publicerad", (await signedIn.GetDocumentAsync($"/aktiviteter/{approved.Id}")).QuerySelector("#publication-status")!.TextContent);

        // A reader sees no publishing form.
        var reader = await app.SignInAsync(Reader);
        Assert.Null((await reader.GetDocumentAsync($"/aktiviteter/{approved.Id}")).QuerySelector("#publication form"));
    }

    [Fact]
    public async Task EveryOpenRoute_AnswersAnonymously_AndTheFiltersFindThePublishedActivity()
    {
        var a = await app.ActivityAsync(app.Boras, "boras", "Filterprovet Island", ActivityStatus.Ongoing, publish: true, country: "IS", goal: "PROJEKTSAMVERKAN", sdg: 11);
        await app.ExceptionAsync(app.Boras, "boras", a, "Kommunstyrelsen beslutar om undantag för samarbetet i Island.");
        var anonymous = app.NewClient();

        foreach (var url in new[] { "/oppet/boras?ar=2025&land=IS", "/oppet/boras?land=IS&typ=TransnationalProject", "/oppet/boras?land=IS&mal=PROJEKTSAMVERKAN",
                     "/oppet/boras?land=IS&sdg=11", "/oppet/boras/lander/IS", "/oppet/boras/lander/is" })
        {
            var doc = await anonymous.GetDocumentAsync(url);
            Assert.Contains("Filterprovet Island", doc.QuerySelector("#activities")?.TextContent ?? "");
        }
        foreach (var url in new[] { "/oppet/boras?ar=2019&land=IS", "/oppet/boras?land=IS&typ=Network", "/oppet/boras?land=IS&sdg=3", "/oppet/boras?land=DE" })
            Assert.DoesNotContain("Filterprovet Island", (await anonymous.GetDocumentAsync(url)).Text());

        var activity = await anonymous.GetDocumentAsync($"/oppet/boras/aktiviteter/{a.Id}");
        Assert.Contains("Projektsamverkan", activity.QuerySelector("#goals")!.TextContent); // the goal's name from the policy
        Assert.Contains("Island", activity.QuerySelector("#partners")!.TextContent);
        Assert.Contains("Island", (await anonymous.GetDocumentAsync("/oppet/boras/lander")).QuerySelector("#countries")!.TextContent);
        Assert.NotNull((await anonymous.GetDocumentAsync("/oppet/boras/lander")).QuerySelector("svg[role=img] title"));
        var exceptions = await anonymous.GetDocumentAsync("/oppet/boras/undantag");
        Assert.Contains("KS 2025/00042", exceptions.Text());
        Assert.Contains("Filterprovet Island", exceptions.Text());
        Assert.Contains("Borås Stad", (await anonymous.GetDocumentAsync("/oppet")).QuerySelector("#municipalities")!.TextContent);
        Assert.Contains("CC BY 4.0", (await anonymous.GetDocumentAsync("/oppet/boras/oppna-data")).Text());

        // The API: same filters, the licence in the envelope and the Link header.
        var list = await anonymous.GetAsync("/api/v1/public/boras/activities?country=IS&year=2025&goal=PROJEKTSAMVERKAN&sdg=11&kind=TransnationalProject");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains(list.Headers.GetValues("Link"), v => v.Contains("creativecommons.org/licenses/by/4.0") && v.Contains("rel=\"license\""));
        Assert.Equal("public, max-age=300", list.Headers.CacheControl!.ToString());
        Assert.False(list.Headers.Contains("Set-Cookie"));
        var json = await list.ReadJsonAsync();
        Assert.Equal("CC BY 4.0", json.GetProperty("licence").GetProperty("name").GetString());
        Assert.Equal(1, json.GetProperty("data").GetProperty("total").GetInt32());
        var item = json.GetProperty("data").GetProperty("items")[0];
        Assert.Equal("Filterprovet Island", item.GetProperty("title").GetString());
        Assert.Equal("IS", item.GetProperty("countries")[0].GetProperty("code").GetString());
        Assert.Equal("Projektsamverkan", item.GetProperty("goals")[0].GetProperty("name").GetString());

        var csv = await anonymous.GetAsync("/api/v1/public/boras/activities.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains(csv.Headers.GetValues("Link"), v => v.Contains("rel=\"license\""));
        var csvText = await BodyAsync(csv);
        Assert.StartsWith("id,title,description", csvText);
        Assert.Contains("Filterprovet Island", csvText);
        var exJson = await (await anonymous.GetAsync("/api/v1/public/boras/exceptions")).ReadJsonAsync();
        Assert.Contains(exJson.GetProperty("data").GetProperty("items").EnumerateArray(), e => e.GetProperty("caseNumber").GetString() == "KS 2025/00042");
        Assert.Contains("KS 2025/00042", await BodyAsync(await anonymous.GetAsync("/api/v1/public/boras/exceptions.csv")));

        // Paging: pageSize 1, page 2 differs from page 1.
        var p1 = (await (await anonymous.GetAsync("/api/v1/public/boras/activities?pageSize=1&page=1")).ReadJsonAsync()).GetProperty("data");
        var p2 = (await (await anonymous.GetAsync("/api/v1/public/boras/activities?pageSize=1&page=2")).ReadJsonAsync()).GetProperty("data");
        Assert.True(p1.GetProperty("total").GetInt32() > 1);
        Assert.NotEqual(p1.GetProperty("items")[0].GetProperty("id").GetGuid(), p2.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Unpublished_Draft_OtherMunicipality_UnknownSlug_AreTheSame404_AndNoFilterRevealsThem()
    {
        var draft = await app.ActivityAsync(app.Boras, "boras", "Dolda utkastet", ActivityStatus.Draft, country: "MT");
        var approved = await app.ActivityAsync(app.Boras, "boras", "Dolda godkända", ActivityStatus.Approved, country: "MT", goal: "VANORTER", sdg: 14);
        var other = await app.ActivityAsync(app.UpplandsBro, "upplands-bro", "Upplands-Bros publicerade", ActivityStatus.Ongoing, publish: true, country: "MT");
        var anonymous = app.NewClient();

        var missingPage = await anonymous.GetAsync($"/oppet/boras/aktiviteter/{Guid.NewGuid()}");
        var missingApi = await anonymous.GetAsync($"/api/v1/public/boras/activities/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missingPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingApi.StatusCode);
        var pageBody = await BodyAsync(missingPage);
        // The visitor is led back to the open pages, not to a sign-in.
        var back = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(pageBody).QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/oppet", back);
        Assert.DoesNotContain("/", back);
        var apiBody = await BodyAsync(missingApi);
        foreach (var id in new[] { draft.Id, approved.Id, other.Id })
        {
            var page = await anonymous.GetAsync($"/oppet/boras/aktiviteter/{id}");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Equal(pageBody, await BodyAsync(page));
            var api = await anonymous.GetAsync($"/api/v1/public/boras/activities/{id}");
            Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
            Assert.Equal(apiBody, await BodyAsync(api));
        }
        // The other municipality's activity is public under its own slug only.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/oppet/upplands-bro/aktiviteter/{other.Id}")).StatusCode);

        foreach (var url in new[] { "/oppet/finns-inte", "/oppet/finns-inte/lander", "/oppet/finns-inte/undantag", "/oppet/finns-inte/oppna-data", "/oppet/BORAS",
                     $"/oppet/finns-inte/aktiviteter/{other.Id}", "/oppet/boras/lander/XX", "/oppet/boras/lander/zzz" })
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        foreach (var url in new[] { "/api/v1/public/finns-inte/activities", "/api/v1/public/finns-inte/activities.csv", "/api/v1/public/finns-inte/exceptions",
                     "/api/v1/public/finns-inte/exceptions.csv", "/api/v1/public/finns-inte/dcat", $"/api/v1/public/finns-inte/activities/{other.Id}" })
        {
            var r = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Equal(apiBody, await BodyAsync(r));
        }

        // Filters by its country, goal or SDG: nothing of the hidden ones.
        foreach (var url in new[] { "/oppet/boras?land=MT", "/oppet/boras?mal=VANORTER", "/oppet/boras?sdg=14", "/oppet/boras/lander", "/oppet/boras/lander/MT", "/oppet/boras",
                     "/api/v1/public/boras/activities?country=MT", "/api/v1/public/boras/activities?goal=VANORTER&pageSize=100", "/api/v1/public/boras/activities.csv?country=MT",
                     "/api/v1/public/boras/activities.csv", "/api/v1/public/boras/dcat", "/api/v1/public/dcat" })
        {
            var body = await BodyAsync(await anonymous.GetAsync(url));
            Assert.DoesNotContain("Dolda", body);
            Assert.DoesNotContain("Upplands-Bros publicerade", body);
        }
        Assert.Equal(0, (await (await anonymous.GetAsync("/api/v1/public/boras/activities?country=MT")).ReadJsonAsync()).GetProperty("data").GetProperty("total").GetInt32());
        Assert.DoesNotContain("Malta", (await anonymous.GetDocumentAsync("/oppet/boras")).QuerySelector("#land")!.TextContent);
        Assert.DoesNotContain("Malta", (await anonymous.GetDocumentAsync("/oppet/boras/lander")).QuerySelector("#countries")!.TextContent);
    }

    public static TheoryData<string> BadQueries => new()
    {
        "ar=abc", "ar=99999999999999999999", "ar=1800", "ar=-1", "ar=2020&ar=2021", "typ=%3Cscript%3Ealert(1)%3C/script%3E", "typ=99", "land=XX",
        "land=%27%20OR%201=1--", "mal=a%27%3BDROP%20TABLE%20Activities%3B--", "sdg=18", "sdg=0", "sdg=1.5", "sida=0", "sida=99999999999999999999999",
        "land=" + new string('A', 5000),
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task MalformedQuery_Is400_ProblemDetailsInTheApi_SwedishMessageOnThePage(string query)
    {
        var anonymous = app.NewClient();
        var apiQuery = query.Replace("ar=", "year=").Replace("typ=", "kind=").Replace("land=", "country=").Replace("mal=", "goal=").Replace("sida=", "page=");
        foreach (var url in new[] { $"/api/v1/public/boras/activities?{apiQuery}", $"/api/v1/public/boras/activities.csv?{apiQuery}" })
        {
            var api = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
            var problem = await api.ReadProblemAsync();
            Assert.NotEmpty(problem.GetProperty("errors").EnumerateObject());
        }
        var page = await anonymous.GetAsync($"/oppet/boras?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var doc = await page.ReadDocumentAsync();
        Assert.Contains("Filtret kunde inte användas", doc.QuerySelector("#filter-errors")!.TextContent);
        Assert.DoesNotContain("<script>alert", await BodyAsync(await anonymous.GetAsync($"/oppet/boras?{query}")));
    }

    [Fact]
    public async Task PageSizeTooLarge_Is400()
    {
        var r = await app.NewClient().GetAsync("/api/v1/public/boras/activities?pageSize=1000");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
    }

    [Fact]
    public async Task ETag_SameAnswer_Is304_AChangeMakesANewOne()
    {
        var anonymous = app.NewClient();
        foreach (var url in new[] { "/api/v1/public/boras/activities?sdg=11", "/oppet/boras/lander", "/oppet/boras?ar=2025", "/api/v1/public/boras/dcat" })
        {
            var first = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = first.Headers.ETag!;
            Assert.Equal("public, max-age=300", first.Headers.CacheControl!.ToString());
            var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.IfNoneMatch.Add(etag);
            var notModified = await anonymous.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
            // Another address (query) has another ETag.
            var otherQuery = await anonymous.GetAsync(url + (url.Contains('?') ? "&" : "?") + "sida=1");
            Assert.NotEqual(etag, otherQuery.Headers.ETag);
        }
        var before = (await anonymous.GetAsync("/api/v1/public/boras/activities")).Headers.ETag!;
        var a = await app.ActivityAsync(app.Boras, "boras", "ETag-provet", ActivityStatus.Approved);
        await (await app.ApiClientAsync(Coordinator)).PutAsync($"/api/v1/activities/{a.Id}/publication", null);
        var stale = new HttpRequestMessage(HttpMethod.Get, "/api/v1/public/boras/activities");
        stale.Headers.IfNoneMatch.Add(before);
        var changed = await anonymous.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(before, changed.Headers.ETag);
    }

    [Fact]
    public async Task OpenList_TheSameStateIsBuiltOnce_AChangeIsSeenAtOnce()
    {
        var answers = app.Services.GetRequiredService<Omvarld.Web.Infrastructure.KeptAnswers>();
        var anonymous = app.NewClient();
        const string url = "/api/v1/public/boras/activities?pageSize=13";
        var first = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType!.MediaType);
        var built = answers.Built;

        // Another visitor, same state: the same bytes, not built again; the licence header and ETag as always.
        var second = await app.NewClient().GetAsync(url);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(built, answers.Built);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Contains("rel=\"license\"", second.Headers.GetValues("Link").Single());
        var total = (await second.ReadJsonAsync()).GetProperty("data").GetProperty("total").GetInt32();

        // A newly published activity is in the very next answer.
        await app.ActivityAsync(app.Boras, "boras", "Svarsminnesprovet", ActivityStatus.Approved, publish: true);
        var third = await anonymous.GetAsync(url);
        Assert.Equal(total + 1, (await third.ReadJsonAsync()).GetProperty("data").GetProperty("total").GetInt32());
        Assert.Equal(built + 1, answers.Built);
        Assert.NotEqual(first.Headers.ETag, third.Headers.ETag);

        // The links in it name the address asked: another host is another answer.
        var otherHost = new HttpRequestMessage(HttpMethod.Get, url);
        otherHost.Headers.Host = "oppna-data.example.se";
        Assert.Contains("https://oppna-data.example.se/oppet/boras", await (await anonymous.SendAsync(otherHost)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Settings_CoordinatorChoosesLicenceAndMailbox_PersonalAddressRefused_StaleVersionConflicts()
    {
        var anonymous = app.NewClient();
        var ub = await app.ApiClientAsync(OmvarldApp.Email("samordnare", "upplands-bro"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync(OmvarldApp.Email("redaktor", "upplands-bro")))
            .PutJsonAsync("/api/v1/openness/settings", new { licence = "Cc0", contactEmail = "kommun@upplands-bro.demo" })).StatusCode);
        var personal = await ub.PutJsonAsync("/api/v1/openness/settings", new { licence = "Cc0", contactEmail = OmvarldApp.Email("lasare", "upplands-bro") });
        Assert.Equal(HttpStatusCode.BadRequest, personal.StatusCode);
        Assert.Contains("funktionsbrevlåda", await BodyAsync(personal));
        Assert.Equal(HttpStatusCode.BadRequest, (await ub.PutJsonAsync("/api/v1/openness/settings", new { licence = "Cc0", contactEmail = "inte en adress" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ub.PutJsonAsync("/api/v1/openness/settings", new { contactEmail = "kommun@upplands-bro.demo" })).StatusCode);

        var saved = await ub.PutJsonAsync("/api/v1/openness/settings", new { licence = "Cc0", contactEmail = "Kommun@Upplands-Bro.demo", version = 0 });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var settings = await saved.ReadJsonAsync();
        Assert.Equal("kommun@upplands-bro.demo", settings.GetProperty("contactEmail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await ub.PutJsonAsync("/api/v1/openness/settings", new { licence = "CcBy40", version = 0 })).StatusCode);

        var list = await anonymous.GetAsync("/api/v1/public/upplands-bro/activities");
        Assert.Contains(list.Headers.GetValues("Link"), v => v.Contains("publicdomain/zero/1.0"));
        var json = await list.ReadJsonAsync();
        Assert.Equal("CC0 1.0", json.GetProperty("licence").GetProperty("name").GetString());
        Assert.Equal("kommun@upplands-bro.demo", json.GetProperty("publisher").GetProperty("contactEmail").GetString());

        // The page: the coordinator sees the choice and saves through the form; others may not open it.
        var page = await app.SignInAsync(OmvarldApp.Email("samordnare", "upplands-bro"));
        var doc = await page.GetDocumentAsync("/oppenhet/installningar");
        Assert.Equal("kommun@upplands-bro.demo", doc.QuerySelector("#Input_ContactEmail")!.GetAttribute("value"));
        var version = doc.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        var posted = await page.PostFormAsync("/oppenhet/installningar", new() { ["Input.Licence"] = "CcBy40", ["Input.ContactEmail"] = "oppnadata@upplands-bro.demo", ["Input.Version"] = version });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var refused = await page.PostFormAsync("/oppenhet/installningar", new() { ["Input.Licence"] = "CcBy40", ["Input.ContactEmail"] = OmvarldApp.Email("redaktor", "upplands-bro"), ["Input.Version"] = (int.Parse(version) + 1).ToString() });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("funktionsbrevlåda", (await refused.ReadDocumentAsync()).QuerySelector("#error-summary")!.TextContent);
        Assert.Equal("CC BY 4.0", (await (await anonymous.GetAsync("/api/v1/public/upplands-bro/activities")).ReadJsonAsync()).GetProperty("licence").GetProperty("name").GetString());
        var reader = await app.SignInAsync(OmvarldApp.Email("lasare", "upplands-bro"));
        Assert.NotEqual(HttpStatusCode.OK, (await reader.GetAsync("/oppenhet/installningar")).StatusCode);
    }

    [Fact]
    public async Task Dcat_IsJsonLd_WithEveryMandatoryProperty()
    {
        await app.ActivityAsync(app.UpplandsBro, "upplands-bro", "DCAT-provet Upplands-Bro", ActivityStatus.Ongoing, publish: true, country: "IS");
        var anonymous = app.NewClient();
        foreach (var url in new[] { "/api/v1/public/boras/dcat", "/api/v1/public/dcat" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/ld+json", response.Content.Headers.ContentType!.MediaType);
            using var doc = JsonDocument.Parse(await BodyAsync(response));
            var catalog = doc.RootElement;
            var context = catalog.GetProperty("@context");
            foreach (var (prefix, iri) in new[] { ("dcat", "http://www.w3.org/ns/dcat#"), ("dct", "http://purl.org/dc/terms/"), ("foaf", "http://xmlns.com/foaf/0.1/"), ("vcard", "http://www.w3.org/2006/vcard/ns#") })
                Assert.Equal(iri, context.GetProperty(prefix).GetString());
            Assert.Equal("dcat:Catalog", catalog.GetProperty("@type").GetString());
            AssertTexts(catalog, "dct:title");
            AssertTexts(catalog, "dct:description");
            AssertAgent(catalog.GetProperty("dct:publisher"));
            AssertIri(catalog, "dct:license");
            AssertIri(catalog, "foaf:homepage");
            var datasets = catalog.GetProperty("dcat:dataset").EnumerateArray().ToList();
            Assert.NotEmpty(datasets);
            foreach (var d in datasets)
            {
                Assert.Equal("dcat:Dataset", d.GetProperty("@type").GetString());
                AssertTexts(d, "dct:title");
                AssertTexts(d, "dct:description");
                AssertAgent(d.GetProperty("dct:publisher"));
                Assert.False(string.IsNullOrWhiteSpace(d.GetProperty("dct:identifier").GetString()));
                Assert.NotEmpty(d.GetProperty("dcat:keyword").EnumerateArray());
                Assert.Equal("http://publications.europa.eu/resource/authority/data-theme/GOVE", d.GetProperty("dcat:theme").GetProperty("@id").GetString());
                Assert.Equal("http://publications.europa.eu/resource/authority/access-right/PUBLIC", d.GetProperty("dct:accessRights").GetProperty("@id").GetString());
                Assert.False(string.IsNullOrWhiteSpace(d.GetProperty("dct:issued").GetProperty("@value").GetString()));
                Assert.False(string.IsNullOrWhiteSpace(d.GetProperty("dct:modified").GetProperty("@value").GetString()));
                var contact = d.GetProperty("dcat:contactPoint");
                Assert.Equal("vcard:Organization", contact.GetProperty("@type").GetString());
                Assert.False(string.IsNullOrWhiteSpace(contact.GetProperty("vcard:fn").GetString()));
                AssertIri(contact, "vcard:hasURL");
                // Borås's demo has its function mailbox set (the settings); without one there is no address to give.
                if (d.GetProperty("dct:identifier").GetString()!.Contains("/boras/"))
                    Assert.Equal("mailto:oppnadata@boras.demo", contact.GetProperty("vcard:hasEmail").GetProperty("@id").GetString());
                var distributions = d.GetProperty("dcat:distribution").EnumerateArray().ToList();
                Assert.NotEmpty(distributions);
                foreach (var x in distributions)
                {
                    Assert.Equal("dcat:Distribution", x.GetProperty("@type").GetString());
                    AssertIri(x, "dcat:accessURL");
                    AssertIri(x, "dct:format");
                    AssertIri(x, "dcat:mediaType");
                    AssertIri(x, "dct:license");
                    // The access URL answers.
                    var path = new Uri(x.GetProperty("dcat:accessURL").GetProperty("@id").GetString()!).PathAndQuery;
                    Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
                    if (x.TryGetProperty("dcat:accessService", out var service))
                        Assert.Contains(catalog.GetProperty("dcat:service").EnumerateArray(), s => s.GetProperty("@id").GetString() == service.GetProperty("@id").GetString());
                }
                Assert.Contains(distributions, x => x.TryGetProperty("dcat:accessService", out _));
            }
            // The open-data API as a data service: title and endpoint (mandatory), described by the OpenAPI document.
            var services = catalog.GetProperty("dcat:service").EnumerateArray().ToList();
            Assert.NotEmpty(services);
            foreach (var service in services)
            {
                Assert.Equal("dcat:DataService", service.GetProperty("@type").GetString());
                AssertTexts(service, "dct:title");
                AssertIri(service, "dcat:endpointURL");
                Assert.EndsWith("/openapi/v1.json", service.GetProperty("dcat:endpointDescription").GetProperty("@id").GetString());
                Assert.NotEmpty(service.GetProperty("dcat:servesDataset").EnumerateArray());
            }
        }
    }

    [Fact]
    public async Task OpenApi_DescribesTheOpenData_UnderItsOwnTag()
    {
        var doc = await (await app.NewClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/public/{kommun}/activities", "/api/v1/public/{kommun}/activities.csv", "/api/v1/public/{kommun}/activities/{id}",
                     "/api/v1/public/{kommun}/exceptions", "/api/v1/public/{kommun}/exceptions.csv", "/api/v1/public/{kommun}/dcat", "/api/v1/public/dcat", "/api/v1/public/{kommun}/iati.xml" })
        {
            Assert.True(paths.TryGetProperty(path, out var item), path);
            Assert.Contains(item.GetProperty("get").GetProperty("tags").EnumerateArray(), t => t.GetString() == "Öppna data");
        }
        Assert.True(paths.TryGetProperty("/api/v1/activities/{id}/publication", out _));
    }

    [Fact]
    public async Task NationalDcat_EachDatasetUnderItsOwnMunicipality()
    {
        await app.ActivityAsync(app.UpplandsBro, "upplands-bro", "DCAT-provet nationellt", ActivityStatus.Ongoing, publish: true, country: "IS");
        using var doc = JsonDocument.Parse(await BodyAsync(await app.NewClient().GetAsync("/api/v1/public/dcat")));
        var datasets = doc.RootElement.GetProperty("dcat:dataset").EnumerateArray().ToList();
        var publishers = datasets.Select(d => d.GetProperty("dct:publisher").GetProperty("foaf:name")[0].GetProperty("@value").GetString()).Distinct().ToList();
        Assert.Contains("Borås Stad", publishers);
        Assert.Contains("Upplands-Bro kommun", publishers);
        foreach (var d in datasets)
        {
            var publisher = d.GetProperty("dct:publisher").GetProperty("foaf:name")[0].GetProperty("@value").GetString();
            var slug = publisher == "Borås Stad" ? "boras" : "upplands-bro";
            Assert.Contains($"/api/v1/public/{slug}/", d.GetProperty("dct:identifier").GetString());
        }
        // Each municipality's own first publication: Upplands-Bro's demo has published nothing, so its is the one arranged here.
        var ub = datasets.First(d => d.GetProperty("dct:identifier").GetString()!.EndsWith("/upplands-bro/activities"));
        Assert.StartsWith("2025-03-11", ub.GetProperty("dct:issued").GetProperty("@value").GetString());
        var boras = datasets.First(d => d.GetProperty("dct:identifier").GetString()!.EndsWith("/boras/activities"));
        Assert.False(boras.GetProperty("dct:issued").GetProperty("@value").GetString()!.StartsWith("2025-03-11"));
    }

    private static void AssertTexts(JsonElement e, string property)
    {
        var values = e.GetProperty(property).EnumerateArray().ToList();
        Assert.Contains(values, v => v.GetProperty("@language").GetString() == "sv" && !string.IsNullOrWhiteSpace(v.GetProperty("@value").GetString()));
        Assert.Contains(values, v => v.GetProperty("@language").GetString() == "en" && !string.IsNullOrWhiteSpace(v.GetProperty("@value").GetString()));
    }

    private static void AssertIri(JsonElement e, string property) =>
        Assert.True(Uri.TryCreate(e.GetProperty(property).GetProperty("@id").GetString(), UriKind.Absolute, out _), property);

    private static void AssertAgent(JsonElement agent)
    {
        Assert.Equal("foaf:Agent", agent.GetProperty("@type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(agent.GetProperty("foaf:name")[0].GetProperty("@value").GetString()));
    }
}

public sealed class OpennessTests_Sqlite(SqliteApp app) : OpennessTests(app), IClassFixture<SqliteApp>;
public sealed class OpennessTests_Postgres(PostgresApp app) : OpennessTests(app), IClassFixture<PostgresApp>;
