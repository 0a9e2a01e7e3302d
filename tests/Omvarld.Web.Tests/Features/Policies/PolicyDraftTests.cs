using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Policies;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Policies;

/// <summary>A draft's policy file is the earlier version's content, with a new key and label and no decisions.</summary>
public class PolicyDraftFileTests
{
    [Theory]
    [InlineData("boras-2009.yaml")]
    [InlineData("boras-2016.yaml")]
    [InlineData("boras-2023.yaml")]
    [InlineData("upplandsbro-2020.yaml")]
    public void From_SeedFile_ReadsWithTheSameContentAndNoDecisions(string file)
    {
        var source = RepositoryFiles.SeedPolicy(file);
        var original = PolicyFileReader.Read(new StringReader(source)).Definition!;

        var (draft, errors) = PolicyFileReader.Read(new StringReader(PolicyDraft.From(source, "NY-VERSION-1", "Nytt utkast")));

        Assert.Empty(errors);
        Assert.Equal("NY-VERSION-1", draft!.Key);
        Assert.Equal("Nytt utkast", draft.Version.Label);
        Assert.Empty(draft.Version.Decisions);
        Assert.Null(draft.Version.AdoptedOn);
        Assert.Equal(original.Document, draft.Document);
        Assert.Equal(original.Version.Goals, draft.Version.Goals);
        Assert.Equal(original.Version.Precondition?.Clause, draft.Version.Precondition?.Clause);
        Assert.Equal(original.Version.Checks.Select(c => (c.Kind, c.Clause)), draft.Version.Checks.Select(c => (c.Kind, c.Clause)));
        Assert.Equal(original.Version.Sdgs, draft.Version.Sdgs);
        Assert.Equal(original.Text, draft.Text);
    }
}

/// <summary>
/// Issue 4.6: the coordinator creates a new version from an earlier one as a draft, edits it until it is adopted, and
/// the adoption is refused when it would overlap the version in force unless it replaces it. Attached files checked by content.
/// </summary>
public abstract class PolicyDraftTests(OmvarldApp app)
{
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");

    private Task<(Guid Id, int Version)> VersionAsync(string key) =>
        app.WithDbAsync(db => db.PolicyVersions.IgnoreQueryFilters().Where(v => v.Key == key).Select(v => new ValueTuple<Guid, int>(v.Id, v.Version)).SingleAsync());

    private static async Task<HttpResponseMessage> PutSourceAsync(HttpClient api, Guid id, int version, string text)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        return await api.PutAsync($"/api/v1/policies/versions/{id}/source?version={version}", content);
    }

    private static object Adoption(int version, string date, bool replaces, string? validUntil = null) =>
        new { kind = "Adopted", body = "Kommunfullmäktige", date, caseNumber = "KS 2026/00077", minuteParagraph = "§ 12", validUntil, version, replacesInForce = replaces };

    [Fact]
    public async Task Draft_FromBoras2023_EditedAdoptedAndReplacingTheVersionInForce()
    {
        var api = await app.ApiClientAsync(Coordinator);
        var (from, _) = await VersionAsync("BORAS-2023");

        // A draft: the 2023 content, no decisions, status draft, nothing in force changes.
        var created = await api.PostJsonAsync($"/api/v1/policies/versions/{from}/drafts", new { key = "BORAS-2027", label = "2027" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.ReadJsonAsync();
        var id = draft.GetProperty("version").GetProperty("id").GetGuid();
        Assert.Equal("Draft", draft.GetProperty("version").Str("status"));
        Assert.Equal(0, draft.GetProperty("decisions").GetArrayLength());
        Assert.Equal(7, draft.GetProperty("content").GetProperty("version").GetProperty("goals").GetArrayLength());

        // Edited: a goal added, the validity moved. A broken file is refused by line, and nothing changes.
        var source = await (await api.GetAsync($"/api/v1/policies/versions/{id}/source")).Content.ReadAsStringAsync();
        var edited = source.Replace("validUntil: \"2027\"", "validUntil: \"2031\"").Replace("  goals:\n",
            "  goals:\n  - code: KLIMATOMSTALLNING\n    name: Klimatomställning\n    kind: goal\n    clause: Internationella samarbeten ska bidra till stadens klimatomställning.\n");
        Assert.Contains("KLIMATOMSTALLNING", edited);
        var (_, rowVersion) = await VersionAsync("BORAS-2027");
        var duplicate = await PutSourceAsync(api, id, rowVersion, edited.Replace("code: KLIMATOMSTALLNING", "code: PROJEKTSAMVERKAN"));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var message = (await duplicate.ReadProblemAsync()).GetProperty("errors").EnumerateObject().SelectMany(p => p.Value.EnumerateArray()).Select(e => e.GetString()!).Single();
        Assert.Matches(@"^Rad \d+: Målkoden 'PROJEKTSAMVERKAN' finns redan på rad \d+\.$", message);
        var withDecision = await PutSourceAsync(api, id, rowVersion, source.Replace("decisions: []", "decisions:\n    - kind: adopted\n      body: KF\n      date: 2026-12-01\n      proposedBy: null\n      caseNumber: null\n      minuteParagraph: null\n      validUntil: null"));
        Assert.Contains("Ett utkast har inga beslut", (await withDecision.ReadProblemAsync()).GetProperty("errors").GetProperty("version.decisions")[0].GetString());

        var saved = await PutSourceAsync(api, id, rowVersion, edited);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Klimatomställning", (await saved.ReadJsonAsync()).GetProperty("content").GetProperty("version").GetProperty("goals").EnumerateArray().Select(g => g.Str("name")));
        Assert.Equal(HttpStatusCode.Conflict, (await PutSourceAsync(api, id, rowVersion, edited)).StatusCode);

        // Adopted on 2026-12-01 while 2023 is in force to 2027: refused, naming 2023; then adopted as replacing it.
        (_, rowVersion) = await VersionAsync("BORAS-2027");
        var overlap = await api.PostJsonAsync($"/api/v1/policies/versions/{id}/decisions", Adoption(rowVersion, "2026-12-01", replaces: false));
        Assert.Equal(HttpStatusCode.BadRequest, overlap.StatusCode);
        Assert.StartsWith("Versionen skulle gälla samtidigt som version 2023", (await overlap.ReadProblemAsync()).GetProperty("errors").GetProperty("date")[0].GetString());
        Assert.Equal("Draft", (await (await api.GetAsync($"/api/v1/policies/versions/{id}")).ReadJsonAsync()).GetProperty("version").Str("status"));

        var adopted = await api.PostJsonAsync($"/api/v1/policies/versions/{id}/decisions", Adoption(rowVersion, "2026-12-01", replaces: true));
        Assert.Equal(HttpStatusCode.OK, adopted.StatusCode);
        var details = await adopted.ReadJsonAsync();
        Assert.Equal("2023", details.GetProperty("replaces").Str("label"));
        Assert.Equal("Adopted", details.GetProperty("decisions")[0].Str("kind"));

        var on = async (string date) => (await (await api.GetAsync($"/api/v1/policies/in-force?date={date}")).ReadJsonAsync()).EnumerateArray().Single();
        Assert.Equal("2023", (await on("2026-11-30")).GetProperty("version").Str("label"));
        Assert.Equal("2027", (await on("2026-12-01")).GetProperty("version").Str("label"));
        Assert.Equal("2027", (await on("2030-06-01")).GetProperty("version").Str("label"));
        var old = await (await api.GetAsync($"/api/v1/policies/versions/{from}")).ReadJsonAsync();
        Assert.Equal("2027", old.GetProperty("replacedBy").Str("label"));
        Assert.Equal("2026-11-30", old.GetProperty("version").Str("lastDay"));
        Assert.Contains(old.GetProperty("decisions").EnumerateArray(), d => d.Str("kind") == "Replaced" && d.Str("note") == "2027");

        // Adopted: immutable.
        (_, rowVersion) = await VersionAsync("BORAS-2027");
        var late = await PutSourceAsync(api, id, rowVersion, edited);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("kan inte längre ändras", (await late.ReadProblemAsync()).Str("detail"));
        var twice = await api.PostJsonAsync($"/api/v1/policies/versions/{id}/decisions", Adoption(rowVersion, "2026-12-02", replaces: false));
        Assert.Equal("Versionen är redan antagen.", (await twice.ReadProblemAsync()).GetProperty("errors").GetProperty("kind")[0].GetString());
    }

    [Fact]
    public async Task Draft_BadInput_RefusedWithAMessageAndNothingStored()
    {
        var api = await app.ApiClientAsync(Coordinator);
        var (from, _) = await VersionAsync("BORAS-2016");
        var before = await app.WithDbAsync(db => db.PolicyVersions.IgnoreQueryFilters().CountAsync());

        var taken = await api.PostJsonAsync($"/api/v1/policies/versions/{from}/drafts", new { key = "BORAS-2023", label = "2023 b" });
        Assert.Equal("Det finns redan en version med nyckeln BORAS-2023.", (await taken.ReadProblemAsync()).GetProperty("errors").GetProperty("key")[0].GetString());
        var badKey = await api.PostJsonAsync($"/api/v1/policies/versions/{from}/drafts", new { key = "ny version!", label = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        var noLabel = await api.PostJsonAsync($"/api/v1/policies/versions/{from}/drafts", new { key = "BORAS-UTKAST", label = " " });
        Assert.Equal("Ange versionens namn.", (await noLabel.ReadProblemAsync()).GetProperty("errors").GetProperty("label")[0].GetString());
        var missing = await api.PostJsonAsync($"/api/v1/policies/versions/{Guid.NewGuid()}/drafts", new { key = "BORAS-UTKAST", label = "x" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // A reader and the KS secretariat may not create drafts; an adopted version's file cannot be replaced.
        foreach (var who in new[] { "lasare", "ks" })
        {
            var other = await app.ApiClientAsync(OmvarldApp.Email(who));
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostJsonAsync($"/api/v1/policies/versions/{from}/drafts", new { key = "BORAS-UTKAST", label = "x" })).StatusCode);
        }
        var (_, version) = await VersionAsync("BORAS-2016");
        Assert.Equal(HttpStatusCode.Conflict, (await PutSourceAsync(api, from, version, RepositoryFiles.SeedPolicy("boras-2016.yaml"))).StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.PolicyVersions.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task DraftPages_CoordinatorCreatesAndEditsDraft_ErrorsListedByLine()
    {
        var client = await app.SignInAsync(Coordinator);
        var (from, _) = await VersionAsync("BORAS-2009");

        var created = await client.PostFormAsync($"/styrdokument/versioner/{from}", new() { ["Draft.Key"] = "BORAS-2009-B", ["Draft.Label"] = "2009 b" },
            "main form[action*='handler=Draft']", handler: "Draft");
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, (await created.ReadDocumentAsync()).QuerySelector("main")?.InnerHtml);
        var edit = created.Headers.Location!.OriginalString;
        Assert.EndsWith("/andra", edit);

        var page = await client.GetDocumentAsync(edit);
        var source = page.QuerySelector("textarea#Source")!.TextContent;
        Assert.Contains("key: BORAS-2009-B", source);
        var broken = await client.PostFormAsync(edit, new() { ["Source"] = source.Replace("  adoptedBy:", "  adoptedBy: [KF\n  x:"), ["RowVersion"] = ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#RowVersion")!).Value });
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        var doc = await broken.ReadDocumentAsync();
        Assert.NotNull(doc.QuerySelector("#error-summary"));
        Assert.NotNull(doc.QuerySelector("#draft-errors"));

        var saved = await client.PostFormAsync(edit, new() { ["Source"] = source.Replace("label: \"2009 b\"", "label: \"2009 c\""), ["RowVersion"] = ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#RowVersion")!).Value });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var versionPage = await client.GetDocumentAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("Internationell policy 2009 c", versionPage.QuerySelector("h1")!.TextContent);
        Assert.Contains("Detta är ett utkast", versionPage.Text());
        Assert.NotNull(versionPage.QuerySelector("form[action*='handler=Decision'] input[name='Input.Kind'][value=Adopted]"));

        // A reader sees the draft, not the forms, and cannot open the editor.
        var reader = await app.SignInAsync(OmvarldApp.Email("lasare"));
        Assert.Null((await reader.GetDocumentAsync(saved.Headers.Location!.OriginalString)).QuerySelector("form[action*='handler=Decision']"));
        var denied = await reader.GetAsync(edit);
        Assert.Contains("/konto/nekad", denied.Headers.Location?.OriginalString ?? denied.RequestMessage!.RequestUri!.ToString());
    }

    private static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "word/document.xml" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<?xml version=\"1.0\"?><x/>");
            }
        }
        return stream.ToArray();
    }

    private static MultipartFormDataContent FileForm(byte[] bytes, string name) => new() { { new ByteArrayContent(bytes), "file", name } };

    [Fact]
    public async Task Files_PdfAndDocxAttached_WrongContentRefused_OthersCannotReachThem()
    {
        var api = await app.ApiClientAsync(Coordinator);
        var (id, _) = await VersionAsync("BORAS-2016");
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% Internationell policy 2016\n%%EOF\n");

        var added = await api.PostAsync($"/api/v1/policies/versions/{id}/files", FileForm(pdf, "Internationell policy 2016.pdf"));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var fileId = (await added.ReadJsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync($"/api/v1/policies/versions/{id}/files", FileForm(Docx(), "policy.docx"))).StatusCode);

        var renamed = await api.PostAsync($"/api/v1/policies/versions/{id}/files", FileForm([0x4D, 0x5A, 0x90, 0x00, 0x03], "policy.pdf"));
        Assert.Equal("Filens innehåll stämmer inte med filnamnet: en fil som heter .pdf ska vara PDF.", (await renamed.ReadProblemAsync()).GetProperty("errors").GetProperty("file")[0].GetString());
        var exe = await api.PostAsync($"/api/v1/policies/versions/{id}/files", FileForm(pdf, "policy.exe"));
        Assert.Equal("Filtypen är inte tillåten här. Tillåtna: PDF, Word (.docx).", (await exe.ReadProblemAsync()).GetProperty("errors").GetProperty("file")[0].GetString());
        var fakeDocx = await api.PostAsync($"/api/v1/policies/versions/{id}/files", FileForm(pdf, "policy.docx"));
        Assert.Equal(HttpStatusCode.BadRequest, fakeDocx.StatusCode);

        var listed = (await (await api.GetAsync($"/api/v1/policies/versions/{id}/files")).ReadJsonAsync()).EnumerateArray().Select(f => f.Str("fileName")).ToList();
        Assert.Equal(["Internationell policy 2016.pdf", "policy.docx"], listed);

        // A reader of the municipality downloads it (the same bytes) but cannot add or remove; another municipality cannot reach it.
        var reader = await app.SignInAsync(OmvarldApp.Email("lasare"));
        var download = await reader.GetAsync($"/styrdokument/filer/{fileId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        var readerApi = await app.ApiClientAsync(OmvarldApp.Email("lasare"));
        Assert.Equal(HttpStatusCode.Forbidden, (await readerApi.PostAsync($"/api/v1/policies/versions/{id}/files", FileForm(pdf, "x.pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readerApi.DeleteAsync($"/api/v1/policies/files/{fileId}")).StatusCode);
        var other = await app.SignInAsync(OmvarldApp.Email("samordnare", "upplands-bro"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/styrdokument/filer/{fileId}")).StatusCode);

        // The page lists it; removing it is audited.
        var page = await (await app.SignInAsync(Coordinator)).GetDocumentAsync($"/styrdokument/versioner/{id}");
        Assert.NotNull(page.QuerySelector($"a[href='/styrdokument/filer/{fileId}']"));
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/policies/files/{fileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/styrdokument/filer/{fileId}")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.EntityId == fileId && a.Action == Omvarld.Domain.Auditing.AuditAction.Deleted)));
    }

    [Fact]
    public async Task VersionPage_ShowsSdgNamesAndTheReplacementChain()
    {
        var client = await app.SignInAsync(OmvarldApp.Email("lasare"));
        var (id, _) = await VersionAsync("BORAS-2023");

        var page = await client.GetDocumentAsync($"/styrdokument/versioner/{id}");

        var sdgs = page.QuerySelectorAll(".sdg-list li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(12, sdgs.Count);
        Assert.Equal("1 Ingen fattigdom", System.Text.RegularExpressions.Regex.Replace(sdgs[0], @"\s+", " "));
        Assert.Contains(sdgs, s => s.Contains("Hållbara städer och samhällen"));
    }
}

public sealed class PolicyDraftTests_Sqlite(SqliteApp app) : PolicyDraftTests(app), IClassFixture<SqliteApp>;
public sealed class PolicyDraftTests_Postgres(PostgresApp app) : PolicyDraftTests(app), IClassFixture<PostgresApp>;
