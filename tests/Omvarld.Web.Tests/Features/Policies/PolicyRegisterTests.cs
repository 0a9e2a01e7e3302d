using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Policies;

/// <summary>The seed policies stored as data per municipality, the version in force on a date (R2), and importing a policy file.</summary>
public abstract class PolicyRegisterTests(OmvarldApp app)
{
    private static readonly string BorasCoordinator = OmvarldApp.Email("samordnare");
    private static readonly string UpplandsBroCoordinator = OmvarldApp.Email("samordnare", "upplands-bro");

    private static string SeedFile(string name) => RepositoryFiles.SeedPolicy(name);

    /// <summary>BORAS-2023 made into a later version: another key and label, adopted and valid as given.</summary>
    private static string LaterVersion(string key, string adopted, string validUntil) => SeedFile("boras-2023.yaml")
        .Replace("key: BORAS-2023", $"key: {key}")
        .Replace("label: \"2023\"", $"label: \"{key[^4..]}\"")
        .Replace("date: 2023-06-21", $"date: {adopted}")
        .Replace("validUntil: \"2027\"", $"validUntil: \"{validUntil}\"");

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient api, string yaml)
    {
        var content = new StringContent(yaml, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        return await api.PostAsync("/api/v1/policies/import", content);
    }

    private Task<int> VersionCountAsync() => app.WithDbAsync(db => db.PolicyVersions.IgnoreQueryFilters().CountAsync());

    [Theory]
    [InlineData("2010-05-01", "InForce", "2009")]
    [InlineData("2017-06-01", "InForce", "2016")]
    [InlineData("2022-03-01", "Gap", "2016")]
    [InlineData("2024-01-01", "InForce", "2023")]
    public async Task InForceApi_BorasHistory_VersionOrGap(string date, string outcome, string label)
    {
        var api = await app.ApiClientAsync(BorasCoordinator);

        var result = (await (await api.GetAsync($"/api/v1/policies/in-force?date={date}")).ReadJsonAsync()).EnumerateArray().Single();

        Assert.Equal(outcome, result.Str("outcome"));
        var version = outcome == "Gap" ? result.GetProperty("lastExpired") : result.GetProperty("version");
        Assert.Equal(label, version.Str("label"));
    }

    [Fact]
    public async Task InForceApi_DateThatDoesNotParse_IsValidationProblem()
    {
        var api = await app.ApiClientAsync(BorasCoordinator);
        var response = await api.GetAsync("/api/v1/policies/in-force?date=2022-13-45");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Datumet ska skrivas ÅÅÅÅ-MM-DD.", (await response.ReadProblemAsync()).GetProperty("errors").GetProperty("date")[0].GetString());
    }

    [Fact]
    public async Task List_EachMunicipalitySeesOnlyItsOwnPolicies()
    {
        var boras = (await (await (await app.ApiClientAsync(BorasCoordinator)).GetAsync("/api/v1/policies")).ReadJsonAsync()).EnumerateArray().ToList();
        var upplandsBro = (await (await (await app.ApiClientAsync(UpplandsBroCoordinator)).GetAsync("/api/v1/policies")).ReadJsonAsync()).EnumerateArray().ToList();

        // Other tests may import later Borås versions into the shared app; the seeds are there, and nothing of the other municipality.
        var borasKeys = boras.Single().GetProperty("versions").EnumerateArray().Select(v => v.Str("key")!).ToList();
        Assert.Subset(borasKeys.ToHashSet(), new HashSet<string> { "BORAS-2009", "BORAS-2016", "BORAS-2023" });
        Assert.All(borasKeys, k => Assert.StartsWith("BORAS-", k));
        Assert.Equal(["UPPLANDSBRO-2020"], upplandsBro.Single().GetProperty("versions").EnumerateArray().Select(v => v.Str("key")));

        var borasVersion = boras.Single().GetProperty("versions")[0].GetProperty("id").GetGuid();
        var other = await app.SignInAsync(UpplandsBroCoordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/styrdokument/versioner/{borasVersion}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClientAsync(UpplandsBroCoordinator)).GetAsync($"/api/v1/policies/versions/{borasVersion}")).StatusCode);
    }

    [Fact]
    public async Task VersionPage_Boras2023_ShowsGoalsWithClausesAndThePrecondition()
    {
        var client = await app.SignInAsync(OmvarldApp.Email("lasare"));
        var id = await app.WithDbAsync(db => db.PolicyVersions.IgnoreQueryFilters().Where(v => v.Key == "BORAS-2023").Select(v => v.Id).SingleAsync());

        var text = (await client.GetDocumentAsync($"/styrdokument/versioner/{id}")).QuerySelector("main")!.TextContent;

        Assert.Contains("Internationell policy 2023", text);
        Assert.Contains("Projektsamverkan, där en förutsättning är att flera parter medverkar.", text);
        Assert.Contains("Utveckling av arbetet med Borås Stads vänorter.", text);
        Assert.Contains("Om en verksamhet vill ingå ett samarbete med en part som inte uppfyller kraven ska beslut om undantag fattas av Kommunstyrelsen.", text);
        Assert.Contains("Projektsamverkan kräver flera parter", text);
    }

    [Fact]
    public async Task Import_OverlappingVersion_RefusedNamingTheConflictAndNothingStored()
    {
        var api = await app.ApiClientAsync(BorasCoordinator);
        var before = await VersionCountAsync();

        var response = await ImportAsync(api, LaterVersion("BORAS-2025", "2025-03-01", "2026"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.ReadProblemAsync()).GetProperty("errors").GetProperty("version.validUntil")[0].GetString();
        Assert.Contains("version 2023", message);
        Assert.Equal(before, await VersionCountAsync());
    }

    [Fact]
    public async Task Import_FileWithAnError_RefusedWithLineAndFieldAndNothingStored()
    {
        var api = await app.ApiClientAsync(BorasCoordinator);
        var before = await VersionCountAsync();

        var response = await ImportAsync(api, LaterVersion("BORAS-2028", "2028-13-40", "2031"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadProblemAsync()).GetProperty("errors");
        var message = errors.EnumerateObject().SelectMany(p => p.Value.EnumerateArray()).Select(e => e.GetString()).First(m => m!.Contains("2028-13-40"));
        Assert.StartsWith("Rad ", message);
        Assert.Equal(before, await VersionCountAsync());
    }

    [Fact]
    public async Task Import_LaterVersion_StoredAndInForceFromItsAdoption()
    {
        var api = await app.ApiClientAsync(BorasCoordinator);

        // The year after Borås' policy of 2023 ends (2027, or later where the moved test clock had KS extend it).
        var year = DemoWorld.Year(2028, app.Today);
        var response = await ImportAsync(api, LaterVersion($"BORAS-{year}", $"{year}-01-15", $"{year + 3}"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var inForce = (await (await api.GetAsync($"/api/v1/policies/in-force?date={year + 1}-06-01")).ReadJsonAsync()).EnumerateArray().Single();
        Assert.Equal($"{year}", inForce.GetProperty("version").Str("label"));
        var again = await ImportAsync(api, LaterVersion($"BORAS-{year}", $"{year}-01-15", $"{year + 3}"));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task Import_Reader_IsForbidden()
    {
        var api = await app.ApiClientAsync(OmvarldApp.Email("lasare"));
        var response = await ImportAsync(api, LaterVersion("BORAS-2032", "2032-01-01", "2035"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

public sealed class PolicyRegisterTests_Sqlite(SqliteApp app) : PolicyRegisterTests(app), IClassFixture<SqliteApp>;
public sealed class PolicyRegisterTests_Postgres(PostgresApp app) : PolicyRegisterTests(app), IClassFixture<PostgresApp>;

/// <summary>R3 on the start page: a document whose last version ran out is listed for the coordinator and KS, not for a reader.</summary>
public abstract class RevisionWatchPageTests(OmvarldApp app)
{
    [Fact]
    public async Task StartPage_ExpiredDocument_ListedForCoordinatorAndKs_NotForReader()
    {
        var yaml = RepositoryFiles.SeedPolicy("boras-2016.yaml")
            .Replace("key: BORAS-INTERNATIONELL-POLICY", "key: BORAS-RIKTLINJER-VANORTER")
            .Replace("key: BORAS-2016", "key: BORAS-VANORTER-2016")
            .Replace("title: Internationell policy", "title: Riktlinjer för vänortsarbete");
        var api = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));
        var content = new System.Net.Http.StringContent(yaml, System.Text.Encoding.UTF8, "application/yaml");
        Assert.Equal(System.Net.HttpStatusCode.Created, (await api.PostAsync("/api/v1/policies/import", content)).StatusCode);

        foreach (var who in new[] { "samordnare", "ks" })
        {
            var start = await (await app.SignInAsync(OmvarldApp.Email(who))).GetDocumentAsync("/");
            var section = start.QuerySelector("#revision-heading")?.ParentElement?.TextContent ?? "";
            Assert.Contains("Riktlinjer för vänortsarbete 2016", section);
            Assert.Contains("gällde till och med 31 dec. 2021 och har inte ersatts", section);
        }
        var reader = await (await app.SignInAsync(OmvarldApp.Email("lasare"))).GetDocumentAsync("/");
        Assert.Null(reader.QuerySelector("#revision-heading"));
    }
}

public sealed class RevisionWatchPageTests_Sqlite(SqliteApp app) : RevisionWatchPageTests(app), IClassFixture<SqliteApp>;
public sealed class RevisionWatchPageTests_Postgres(PostgresApp app) : RevisionWatchPageTests(app), IClassFixture<PostgresApp>;

/// <summary>R3: KS's secretariat and the coordinator record revision and extension decisions, with the history kept.</summary>
public abstract class PolicyDecisionTests(OmvarldApp app)
{
    private Task<(Guid Id, int Version)> VersionAsync(string key) =>
        app.WithDbAsync(db => db.PolicyVersions.IgnoreQueryFilters().Where(v => v.Key == key).Select(v => new ValueTuple<Guid, int>(v.Id, v.Version)).SingleAsync());

    private static object Extension(int version, string? caseNumber = "KS 2023/00123", string validUntil = "2029", string date = "2027-10-26") =>
        new { kind = "Extended", body = "KF", date, proposedBy = "KS", caseNumber, minuteParagraph = "§ 142", validUntil, version };

    [Fact]
    public async Task RecordDecision_Extension_ByKs_ExtendsValidityAndKeepsHistory()
    {
        var (id, version) = await VersionAsync("BORAS-2023");
        var api = await app.ApiClientAsync(OmvarldApp.Email("ks"));
        // Two years past its end (2027, or as far as the moved test clock had KS extend it already).
        var until = DemoWorld.Year(2029, app.Today);

        var response = await api.PostJsonAsync($"/api/v1/policies/versions/{id}/decisions", Extension(version, validUntil: $"{until}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var decisions = (await response.ReadJsonAsync()).GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal(("Adopted", "Extended"), (decisions[0].Str("kind"), decisions[^1].Str("kind")));
        Assert.Equal("KS 2023/00123", decisions[^1].Str("caseNumber"));
        var inForce = (await (await api.GetAsync($"/api/v1/policies/in-force?date={until}-06-01")).ReadJsonAsync()).EnumerateArray().Single();
        Assert.Equal("2023", inForce.GetProperty("version").Str("label"));
        // The change is in the audit trail of the version.
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.EntityId == id && a.Changes.Contains($"{until}"))));
    }

    [Fact]
    public async Task RecordDecision_BadInput_RefusedAndNothingChanges()
    {
        var (id, version) = await VersionAsync("BORAS-2016");
        var api = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));
        var before = await app.WithDbAsync(db => db.PolicyDecisions.IgnoreQueryFilters().CountAsync());

        var noCase = await api.PostJsonAsync($"/api/v1/policies/versions/{id}/decisions", Extension(version, caseNumber: null));
        Assert.Equal("Ange diarienummer.", (await noCase.ReadProblemAsync()).GetProperty("errors").GetProperty("caseNumber")[0].GetString());
        // Extending 2016 into 2024 would make it overlap the 2023 version.
        var overlap = await api.PostJsonAsync($"/api/v1/policies/versions/{id}/decisions", Extension(version, validUntil: "2024", date: "2017-11-20"));
        Assert.StartsWith("Versionen skulle gälla samtidigt som version 2023 (antagen 21 juni 2023", (await overlap.ReadProblemAsync()).GetProperty("errors").GetProperty("validUntil")[0].GetString());
        var stale = await api.PostJsonAsync($"/api/v1/policies/versions/{id}/decisions", Extension(version - 1 + 100));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        Assert.Equal(before, await app.WithDbAsync(db => db.PolicyDecisions.IgnoreQueryFilters().CountAsync()));
        Assert.Equal("2021", await app.WithDbAsync(db => db.PolicyVersions.IgnoreQueryFilters().Where(v => v.Id == id).Select(v => v.ValidUntil).SingleAsync()));
    }

    [Fact]
    public async Task RecordDecisionPage_Reader_IsForbidden_KsSeesTheForm()
    {
        var (id, _) = await VersionAsync("BORAS-2009");
        var ks = await (await app.SignInAsync(OmvarldApp.Email("ks"))).GetDocumentAsync($"/styrdokument/versioner/{id}");
        Assert.NotNull(ks.QuerySelector("form[action*='handler=Decision']"));
        var reader = await app.SignInAsync(OmvarldApp.Email("lasare"));
        Assert.Null((await reader.GetDocumentAsync($"/styrdokument/versioner/{id}")).QuerySelector("form[action*='handler=Decision']"));
        var api = await app.ApiClientAsync(OmvarldApp.Email("lasare"));
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostJsonAsync($"/api/v1/policies/versions/{id}/decisions", new { })).StatusCode);
    }
}

public sealed class PolicyDecisionTests_Sqlite(SqliteApp app) : PolicyDecisionTests(app), IClassFixture<SqliteApp>;
public sealed class PolicyDecisionTests_Postgres(PostgresApp app) : PolicyDecisionTests(app), IClassFixture<PostgresApp>;

/// <summary>The coordinator's upload page for a policy file: errors with line and field, content checked, nothing half-stored.</summary>
public abstract class PolicyImportPageTests(OmvarldApp app)
{
    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string name)
    {
        var page = await client.GetDocumentAsync("/styrdokument/importera");
        var form = new MultipartFormDataContent
        {
            { new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "PolicyFile", name },
        };
        return await client.PostAsync("/styrdokument/importera", form);
    }

    private static string Seed(string file) => RepositoryFiles.SeedPolicy(file);

    [Fact]
    public async Task Upload_FileWithErrors_ListsLinesAndStoresNothing_ThenGoodFileIsStored()
    {
        var client = await app.SignInAsync(OmvarldApp.Email("samordnare", "upplands-bro"));
        var before = await app.WithDbAsync(db => db.PolicyVersions.IgnoreQueryFilters().CountAsync());
        var bad = Seed("upplandsbro-2020.yaml").Replace("key: UPPLANDSBRO-2020", "key: UPPLANDSBRO-2030").Replace("date: 2020-02-12", "date: 2030-02-30");

        var response = await UploadAsync(client, Encoding.UTF8.GetBytes(bad), "policy.yaml");

        var table = (await response.ReadDocumentAsync()).QuerySelector("#import-errors");
        Assert.NotNull(table);
        Assert.Contains("2030-02-30", table!.TextContent);
        Assert.Equal(before, await app.WithDbAsync(db => db.PolicyVersions.IgnoreQueryFilters().CountAsync()));

        var binary = await UploadAsync(client, [0x50, 0x4B, 0x03, 0x04, 0xFF, 0xFE, 0x00], "policy.yaml");
        Assert.Contains("Filen är inte en textfil i UTF-8.", (await binary.ReadDocumentAsync()).Text());

        var good = Seed("upplandsbro-2020.yaml").Replace("key: UPPLANDSBRO-2020", "key: UPPLANDSBRO-2030")
            .Replace("key: UPPLANDSBRO-INTERNATIONELLA-KONTAKTER", "key: UPPLANDSBRO-TESTDOKUMENT");
        var stored = await UploadAsync(client, Encoding.UTF8.GetBytes(good), "policy.yaml");
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.PolicyVersions.IgnoreQueryFilters().CountAsync()));
    }
}

public sealed class PolicyImportPageTests_Sqlite(SqliteApp app) : PolicyImportPageTests(app), IClassFixture<SqliteApp>;
public sealed class PolicyImportPageTests_Postgres(PostgresApp app) : PolicyImportPageTests(app), IClassFixture<PostgresApp>;
