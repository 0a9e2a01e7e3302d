using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Omvarld.Web.Tests.Features.Activities;

namespace Omvarld.Web.Tests.Infrastructure;

/// <summary>
/// Issue 14, "Trust first": every bad input of the reproducers is a 4xx with a Swedish message (ProblemDetails in the
/// API, an error page on the pages), never a 500, on both databases.
/// </summary>
public abstract class BadInputTests(OmvarldApp app)
{
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");
    private static readonly string Editor = OmvarldApp.Email("redaktor");

    private static async Task<string> ProblemTextAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        var problem = await response.ReadProblemAsync();
        return problem.ToString();
    }

    private static async Task<string> PageTextAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return (await response.ReadDocumentAsync()).Text();
    }

    private Task<HttpClient> ApiAsync(string email) => app.SharedApiClientAsync(email);

    private static HttpContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("/api/v1/activities?Year=0")]
    [InlineData("/api/v1/activities?year=10000")]
    [InlineData("/api/v1/activities/export?Year=0&format=csv")]
    [InlineData("/api/v1/activities/funding-pipeline?year=-1")]
    [InlineData("/api/v1/action-plans?year=0")]
    [InlineData("/api/v1/action-plans/due?year=-5")]
    [InlineData("/api/v1/priorities?year=0")]
    [InlineData("/api/v1/memberships/cost?year=0")]
    [InlineData("/api/v1/compilation?year=0")]
    public async Task YearOutsideTheCalendar_InTheApi_Is400WithASwedishMessage(string url)
    {
        var api = await ApiAsync(Coordinator);
        var text = await ProblemTextAsync(await api.GetAsync(url), HttpStatusCode.BadRequest);
        Assert.Contains("år", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/sammanstallning?ar=0")]
    [InlineData("/sammanstallning/export?ar=-1&format=xlsx")]
    [InlineData("/prioriteringar?ar=0")]
    [InlineData("/handlingsplaner?ar=0")]
    [InlineData("/medlemskap?ar=0")]
    [InlineData("/aktiviteter?ar=0")]
    [InlineData("/aktiviteter/finansiering?ar=-1")]
    public async Task YearOutsideTheCalendar_OnThePages_IsNeverA500(string url)
    {
        var client = await app.SignInAsync(Coordinator);
        var response = await client.GetAsync(url);
        Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("/api/v1/activities", """{"title":"x","goals":[null]}""")]
    [InlineData("/api/v1/activities", """{"title":"x","partners":[null]}""")]
    [InlineData("/api/v1/activities", """{"title":"x","sdgs":[null]}""")]
    [InlineData("/api/v1/action-plans", """{"year":2026,"items":[null]}""")]
    public async Task NullInsideAnArray_Is400(string url, string json)
    {
        var api = await ApiAsync(Coordinator);
        var text = await ProblemTextAsync(await api.PostAsync(url, Json(json)), HttpStatusCode.BadRequest);
        Assert.Contains("tomt värde", text);
    }

    [Fact]
    public async Task NullInsideTheOidcMappings_Is400()
    {
        var api = await ApiAsync(Coordinator);
        var body = """{"enabled":false,"displayName":"x","issuer":"https://login.example.se","clientId":"c","scopes":"openid","mappings":[null],"version":0}""";
        var text = await ProblemTextAsync(await api.PutAsync("/api/v1/sign-in/oidc", Json(body)), HttpStatusCode.BadRequest);
        Assert.Contains("tomt värde", text);
    }

    // The default limit of a request body (Kestrel's 30 000 000 bytes), which the app enforces itself before reading.
    private static MultipartFormDataContent Upload(int bytes, string name = "stor.pdf")
    {
        var content = new ByteArrayContent(new byte[bytes]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { content, "file", name } };
    }

    [Fact]
    public async Task UploadOverTheBodyLimit_InTheApi_Is413WithASwedishMessage()
    {
        var api = await ApiAsync(Coordinator);
        var activity = await app.ActivityAsync(app.Boras, "Kulturnämnden", "Stor bilaga", Coordinator);
        var version = await app.WithDbAsync(db => db.PolicyVersions.IgnoreQueryFilters().Where(v => v.MunicipalityId == app.Boras).Select(v => v.Id).FirstAsync());
        var town = await app.WithDbAsync(db => db.TwinTowns.IgnoreQueryFilters().Where(t => t.MunicipalityId == app.Boras).Select(t => t.Id).FirstAsync());
        foreach (var url in new[] { $"/api/v1/activities/{activity}/files", $"/api/v1/policies/versions/{version}/files", $"/api/v1/twin-towns/{town}/agreement", "/api/v1/activities/import" })
        {
            var text = await ProblemTextAsync(await api.PostAsync(url, Upload(30_000_100)), HttpStatusCode.RequestEntityTooLarge);
            Assert.Contains("för stor", text);
        }
        var json = await api.PostAsync("/api/v1/activities", Json("{\"title\":\"" + new string('a', 30_000_100) + "\"}"));
        Assert.Contains("för stor", await ProblemTextAsync(json, HttpStatusCode.RequestEntityTooLarge));
    }

    [Fact]
    public async Task UploadOverTheBodyLimit_OnTheImportPage_Is413WithASwedishPage()
    {
        var coordinator = await app.SignInAsync(Coordinator);
        var page = await coordinator.GetDocumentAsync("/aktiviteter/importera");
        var form = Upload(6 * 1024 * 1024, "aktiviteter.xlsx");
        form.Add(new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken");
        var text = await PageTextAsync(await coordinator.PostAsync("/aktiviteter/importera", form), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("för stor", text);
    }

    [Theory]
    [InlineData("/oppet")]
    [InlineData("/konto/logga-in")]
    [InlineData("/oppet/boras")]
    public async Task NulByteInAFormPost_Anonymous_Is400(string url)
    {
        var response = await app.NewClient().PostAsync(url, new StringContent("a=%00", Encoding.ASCII, "application/x-www-form-urlencoded"));
        var text = await PageTextAsync(response, HttpStatusCode.BadRequest);
        Assert.True(text.Contains("styrtecken"), text);
    }

    [Fact]
    public async Task NulByteInASignedInFormPost_Is400WithASwedishPage()
    {
        var coordinator = await app.SignInAsync(Coordinator);
        var response = await coordinator.PostFormAsync("/partner/ny", new() { ["Input.Name"] = "Nul\0partner", ["Input.Country"] = "FI" });
        Assert.Contains("styrtecken", await PageTextAsync(response, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("/api/v1/activities?page=2147483647")]
    [InlineData("/api/v1/partners?page=2147483647")]
    [InlineData("/api/v1/contact-persons?page=2147483647")]
    [InlineData("/api/v1/units?page=2147483647")]
    [InlineData("/api/v1/users?page=2147483647")]
    [InlineData("/api/v1/audit?page=2147483647")]
    [InlineData("/api/v1/memberships?page=2147483647")]
    [InlineData("/api/v1/twin-towns?page=2147483647")]
    [InlineData("/api/v1/public/boras/activities?page=2147483647")]
    public async Task HugePageNumber_IsAnEmptyPageOrA400_NeverA500(string url)
    {
        var api = await ApiAsync(Coordinator);
        var response = await api.GetAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [InlineData("/aktiviteter?sida=2147483647")]
    [InlineData("/partner?sida=2147483647")]
    [InlineData("/kontaktpersoner?sida=2147483647")]
    [InlineData("/medlemskap?sida=2147483647")]
    [InlineData("/vanorter?sida=2147483647")]
    [InlineData("/logg?sida=2147483647")]
    [InlineData("/admin/anvandare?sida=2147483647")]
    public async Task HugePageNumber_OnThePages_IsNeverA500(string url)
    {
        var client = await app.SignInAsync(Coordinator);
        var response = await client.GetAsync(url);
        Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("/api/v1/activities?q=a%00b")]
    [InlineData("/api/v1/partners?q=a%00b")]
    [InlineData("/api/v1/users?search=a%00b")]
    [InlineData("/api/v1/contact-persons?q=a%01")]
    [InlineData("/api/v1/public/boras/activities?country=S%00")]
    public async Task ControlCharacterInASearch_InTheApi_Is400(string url)
    {
        var api = await ApiAsync(Coordinator);
        Assert.Contains("styrtecken", await ProblemTextAsync(await api.GetAsync(url), HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("/aktiviteter?q=a%00b")]
    [InlineData("/partner?q=a%00b")]
    [InlineData("/oppet/boras?land=S%00")]
    public async Task ControlCharacterInASearch_OnThePages_Is400(string url)
    {
        var client = await app.SignInAsync(Coordinator);
        Assert.Contains("styrtecken", await PageTextAsync(await client.GetAsync(url), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task ControlCharacterInStoredText_Is400_ButLineBreaksAndTabsInTextAreKept()
    {
        var api = await ApiAsync(Coordinator);
        var nul = await api.PostJsonAsync("/api/v1/partners", new { name = "Nul\0skolan", type = "School", city = "Orten", countryCode = "FI" });
        Assert.Contains("styrtecken", await ProblemTextAsync(nul, HttpStatusCode.BadRequest));
        var escape = await api.PostJsonAsync("/api/v1/partners", new { name = "Esc\u001bskolan", type = "School", city = "Orten", countryCode = "FI" });
        Assert.Equal(HttpStatusCode.BadRequest, escape.StatusCode);
        var surrogate = await api.PostAsync("/api/v1/partners", Json("""{"name":"Halv\ud800skola","type":"School","city":"Orten","countryCode":"FI"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, surrogate.StatusCode);
        var activity = await app.ActivityAsync(app.Boras, "Kulturnämnden", "Kommentarer", Coordinator);
        var comment = await api.PostJsonAsync($"/api/v1/activities/{activity}/comments", new { text = "Rad ett\r\n\tRad två" });
        Assert.Equal(HttpStatusCode.OK, comment.StatusCode);
        var bad = await api.PostJsonAsync($"/api/v1/activities/{activity}/comments", new { text = "Rad\0ett" });
        Assert.Contains("styrtecken", await ProblemTextAsync(bad, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("/api/v1/openness/settings", """{"licence":"CcBy40"}""")]
    [InlineData("/api/v1/action-plans/settings", """{"planDueMonth":3}""")]
    public async Task ConcurrentFirstSavesOfTheSettings_TheLosersAre409(string url, string json)
    {
        await app.WithDbAsync(async db =>
        {
            await db.OpenDataSettings.IgnoreQueryFilters().Where(s => s.MunicipalityId == app.UpplandsBro).ExecuteDeleteAsync();
            await db.ActionPlanSettings.IgnoreQueryFilters().Where(s => s.MunicipalityId == app.UpplandsBro).ExecuteDeleteAsync();
        });
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ApiAsync(OmvarldApp.Email("samordnare", "upplands-bro"))));
        var responses = await Task.WhenAll(clients.Select(c => c.PutAsync(url, Json(json))));
        foreach (var r in responses)
            Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent or HttpStatusCode.Conflict, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        Assert.Contains(responses, r => r.IsSuccessStatusCode);
        foreach (var r in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict)) await ProblemTextAsync(r, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ConcurrentCreationOfTheSameUser_TheLosersAre409Or400()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ApiAsync(Coordinator)));
        var email = $"dubbel.{Guid.NewGuid():N}@boras.demo";
        var responses = await Task.WhenAll(clients.Select(c => c.PostJsonAsync("/api/v1/users", new { email, displayName = "Dubbel Användare" })));
        foreach (var r in responses)
            Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict or HttpStatusCode.BadRequest, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
    }

    [Fact]
    public async Task ConcurrentPasswordResets_TheLosersAre409()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ApiAsync(Coordinator)));
        var created = await (await clients[0].PostJsonAsync("/api/v1/users", new { email = $"aterstall.{Guid.NewGuid():N}@boras.demo", displayName = "Återställd" })).ReadJsonAsync();
        var id = created.GetProperty("user").GetProperty("id").GetGuid();
        var responses = await Task.WhenAll(clients.Select(c => c.PostAsync($"/api/v1/users/{id}/reset-password", null)));
        foreach (var r in responses)
            Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
    }

    private static byte[] ZipBomb(string mainEntry)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open())) w.Write("<Types/>");
            using (var w = new StreamWriter(zip.CreateEntry(mainEntry).Open())) w.Write("<document/>");
            // 101 MB of zeros packs to about 100 kB: the directory declares more than any document unpacks to.
            using var zeros = zip.CreateEntry("word/media/zeros.bin", System.IO.Compression.CompressionLevel.Fastest).Open();
            var block = new byte[1024 * 1024];
            for (var i = 0; i < 101; i++) zeros.Write(block);
        }
        return stream.ToArray();
    }

    [Fact]
    public async Task ZipBomb_AsAPolicyFileAnActivityFileOrAnImport_IsRefusedInSwedish_AndNothingIsStored()
    {
        var api = await ApiAsync(Coordinator);
        var version = await app.WithDbAsync(db => db.PolicyVersions.IgnoreQueryFilters().Where(v => v.MunicipalityId == app.Boras).Select(v => v.Id).FirstAsync());
        var activity = await app.ActivityAsync(app.Boras, "Kulturnämnden", "Zipbomb", Coordinator);
        var before = await app.WithDbAsync(db => db.StoredFiles.IgnoreQueryFilters().CountAsync());
        var docx = ZipBomb("word/document.xml");
        foreach (var url in new[] { $"/api/v1/policies/versions/{version}/files", $"/api/v1/activities/{activity}/files" })
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent(docx), "file", "policy.docx" } };
            var text = await ProblemTextAsync(await api.PostAsync(url, form), HttpStatusCode.BadRequest);
            Assert.True(text.Contains("packas"), text);
        }
        var xlsx = new MultipartFormDataContent { { new ByteArrayContent(ZipBomb("xl/workbook.xml")), "file", "aktiviteter.xlsx" } };
        Assert.Contains("packas", await ProblemTextAsync(await api.PostAsync("/api/v1/activities/import", xlsx), HttpStatusCode.BadRequest));
        Assert.Equal(before, await app.WithDbAsync(db => db.StoredFiles.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task UploadedFileName_IsStoredWithoutControlAndBidiCharacters()
    {
        var api = await ApiAsync(Coordinator);
        var activity = await app.ActivityAsync(app.Boras, "Kulturnämnden", "Filnamn", Coordinator);
        var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "file", "rese\u202Erapport\u200B.pdf" } };
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/activities/{activity}/files", form)).StatusCode);
        var stored = await app.WithDbAsync(db => db.StoredFiles.IgnoreQueryFilters().Where(f => f.OwnerId == activity).Select(f => f.FileName).SingleAsync());
        Assert.Equal("reserapport.pdf", stored);
        // The domain keeps the rule for every way a file is made, NUL and C1 controls and lone surrogates too.
        Assert.Equal("avtal.pdf", Omvarld.Domain.Files.StoredFile.CleanName("av\0tal\u0085\u2067\ud800.pdf"));
        Assert.Equal("fil", Omvarld.Domain.Files.StoredFile.CleanName("\u202E\0 "));
    }
}

public sealed class BadInputTests_Sqlite(SqliteApp app) : BadInputTests(app), IClassFixture<SqliteApp>;
public sealed class BadInputTests_Postgres(PostgresApp app) : BadInputTests(app), IClassFixture<PostgresApp>;
