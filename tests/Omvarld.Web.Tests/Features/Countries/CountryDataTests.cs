using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omvarld.Domain.Countries;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Countries;
using Omvarld.Web.Tests.Infrastructure;
using static Omvarld.Web.Tests.Features.Countries.CountryFiles;

namespace Omvarld.Web.Tests.Features.Countries;

/// <summary>
/// The country data releases over a real database: the shipped files loaded on start, evidence for the assessment,
/// imports through the service, the API, the page and the command line. A test that stores a newer release
/// deactivates it again at its end, so the shipped releases are in use for every other test of the class.
/// </summary>
public abstract class CountryDataTests(OmvarldApp app)
{
    /// <summary>A year of the shipped data as the app holds it on the test clock's day (moved on with the clock, see <see cref="DemoWorld"/>).</summary>
    private int Y(int year) => DemoWorld.Year(year, app.Today);

    private static readonly string Reader_ = OmvarldApp.Email("lasare");

    private async Task<T> WithServiceAsync<T>(Func<CountryDataService, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<CountryDataService>());
    }

    private Task<(int Releases, int Governance, int Regimes)> CountsAsync() => app.WithDbAsync(async db =>
        (await db.CountryDataReleases.CountAsync(), await db.GovernanceRows.CountAsync(), await db.RegimeRows.CountAsync()));

    private Task DeactivateAsync(Guid id) => app.WithDbAsync(async db =>
    {
        var release = await db.CountryDataReleases.SingleAsync(r => r.Id == id);
        release.IsActive = false;
        await db.SaveChangesAsync();
    });

    private static MultipartFormDataContent Form(string? kind, string? name, byte[] bytes, string fileName = "data.csv")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (kind is not null) form.Add(new StringContent(kind), "kind");
        if (name is not null) form.Add(new StringContent(name), "name");
        return form;
    }

    [Fact]
    public async Task Start_ShippedFiles_LoadedOnceWithTheirCounts()
    {
        var releases = await WithServiceAsync(s => s.ListReleasesAsync());
        var governance = Assert.Single(releases, r => r.Kind == DataReleaseKind.Governance && r.ImportedBy == CountryDataService.ShippedImporter);
        var regime = Assert.Single(releases, r => r.Kind == DataReleaseKind.Regime && r.ImportedBy == CountryDataService.ShippedImporter);
        Assert.Equal((1080, Y(2019), Y(2023), true), (governance.RowCount, governance.FirstYear, governance.LastYear, governance.InUse));
        Assert.Equal((895, Y(2020), Y(2024), true), (regime.RowCount, regime.FirstYear, regime.LastYear, regime.InUse));
        Assert.Contains("doi:10.23696/mcwt-fr58", governance.Attribution);
        Assert.Contains("Worldwide Governance Indicators", governance.Attribution);
        Assert.Contains("Regimes of the World", regime.Attribution);
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(1080, await db.GovernanceRows.CountAsync(r => r.ReleaseId == governance.Id));
            Assert.Equal(895, await db.RegimeRows.CountAsync(r => r.ReleaseId == regime.Id));
        });

        var before = await CountsAsync();
        Assert.Empty(await WithServiceAsync(s => s.EnsureShippedAsync()));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Evidence_Sweden_Has2023IndicatorsAndV15Regime2024()
    {
        var sweden = await WithServiceAsync(s => s.EvidenceAsync("se"));

        Assert.NotNull(sweden);
        Assert.Equal(("SWE", "SE", "Sverige"), (sweden.Iso3, sweden.Alpha2, sweden.NameSv));
        Assert.Equal(new[] { 2019, 2020, 2021, 2022, 2023 }.Select(Y), sweden.Governance.Select(g => g.Year));
        var y2023 = sweden.Governance[^1];
        Assert.Equal((Regime.LiberalDemocracy, 0.852m, 0.884m, 1.604m, 0.165m, 93.4m),
            (y2023.Regime, y2023.LiberalDemocracy, y2023.ElectoralDemocracy, y2023.WgiRuleOfLawEstimate, y2023.WgiRuleOfLawStdErr, y2023.WgiRuleOfLawPercentile));
        Assert.Equal(new[] { 2020, 2021, 2022, 2023, 2024 }.Select(Y), sweden.Regimes.Select(r => r.Year));
        Assert.Equal((Regime.LiberalDemocracy, 0.881m, 0.844m, 0.921m), (sweden.Regimes[^1].Regime, sweden.Regimes[^1].ElectoralDemocracy,
            sweden.Regimes[^1].ElectoralDemocracyLow, sweden.Regimes[^1].ElectoralDemocracyHigh));
        Assert.Equal(("V-Dem v14 + WGI 2024", "V-Dem v15 (ERT)"), (sweden.GovernanceRelease, sweden.RegimeRelease));

        var many = await WithServiceAsync(s => s.EvidenceAsync(["SE", "NO", "AD", "XX", "se"]));
        Assert.Equal(["AD", "NO", "SE"], many.Keys.Order());
        Assert.Empty(many["AD"].Regimes); // Andorra: WGI only
        Assert.Equal(5, many["AD"].Governance.Count);
        Assert.Null(await WithServiceAsync(s => s.EvidenceAsync("XX")));
    }

    public static TheoryData<string, DataReleaseKind, int, string> BadFiles => new()
    {
        { "header", DataReleaseKind.Governance, 1, "v2x_rules" },
        { "iso", DataReleaseKind.Governance, 3, "iso3" },
        { "range", DataReleaseKind.Governance, 4, "wgi_va_pctrank" },
        { "duplicate", DataReleaseKind.Regime, 7, "year" },
        { "label", DataReleaseKind.Regime, 2, "regime_label" },
    };

    private static byte[] BadFile(string problem)
    {
        var governance = Only(GovernanceLines(), "SWE");
        var regime = Only(RegimeLines(), "SWE");
        switch (problem)
        {
            case "header": governance[0] = governance[0].Replace("v2x_rule", "v2x_rules"); return Bytes(governance);
            case "iso": governance[2] = "SWX" + governance[2][3..]; return Bytes(governance);
            case "range": governance[3] = With(governance[0], governance[3], "wgi_va_pctrank", "140"); return Bytes(governance);
            case "duplicate": regime.Add(regime[1]); return Bytes(regime);
            default: regime[1] = With(regime[0], regime[1], "regime_label", "Electoral democracy"); return Bytes(regime);
        }
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Import_BadFile_RejectedWithLineAndField_NothingStored(string problem, DataReleaseKind kind, int line, string field)
    {
        var before = await CountsAsync();

        var outcome = await WithServiceAsync(s => s.ImportAsync(new CountryDataImport(kind, $"Fel ({problem})", "fel.csv", BadFile(problem), "test")));

        Assert.Null(outcome.Release);
        Assert.Contains(outcome.Errors, e => e.Line == line && e.Field == field);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Api_BadFile_400ByLineAndColumn_NothingStored()
    {
        var before = await CountsAsync();
        var admin = await app.ApiClientAsync(OmvarldApp.Admin);

        var response = await admin.PostAsync("/api/v1/country-data/releases", Form("governance", "Fel", BadFile("range")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadProblemAsync()).GetProperty("errors");
        Assert.StartsWith("wgi_va_pctrank:", errors.GetProperty("line 4")[0].GetString());
        Assert.Equal(before, await CountsAsync());

        var noKind = await admin.PostAsync("/api/v1/country-data/releases", Form(null, "Fel", BadFile("range")));
        Assert.True((await noKind.ReadProblemAsync()).GetProperty("errors").TryGetProperty("kind", out _));
    }

    [Fact]
    public async Task Api_NewerRelease_BecomesTheOneInUse_OldKept()
    {
        var admin = await app.ApiClientAsync(OmvarldApp.Admin);
        // Sweden only, with a 2025 row: a newer regime release in the same format.
        var lines = Only(RegimeLines(), "SWE");
        lines.Add(With(lines[0], lines[^1], "year", "2025"));

        var response = await admin.PostAsync("/api/v1/country-data/releases", Form("regime", "V-Dem v16 (test)", Bytes(lines), "v16.csv"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
        try
        {
            var releases = (await (await admin.GetAsync("/api/v1/country-data/releases")).ReadJsonAsync()).EnumerateArray().ToList();
            var added = releases.Single(r => r.GetProperty("id").GetGuid() == id);
            Assert.True(added.GetProperty("inUse").GetBoolean());
            Assert.Equal((6, "Regime", "v16.csv"), (added.GetProperty("rowCount").GetInt32(), added.Str("kind"), added.Str("fileName")));
            Assert.Contains("Regimes of the World", added.Str("attribution")); // carried over from the release it replaces
            var shipped = releases.Single(r => r.Str("name") == "V-Dem v15 (ERT)");
            Assert.False(shipped.GetProperty("inUse").GetBoolean());
            Assert.True(shipped.GetProperty("isActive").GetBoolean());

            var sweden = (await WithServiceAsync(s => s.EvidenceAsync("SE")))!;
            Assert.Equal((2025, "V-Dem v16 (test)"), (sweden.Regimes[^1].Year, sweden.RegimeRelease));
            // Norway is not in the new regime release: its newest classification falls back to the governance release.
            var norway = (await WithServiceAsync(s => s.CountriesAsync())).Single(c => c.Country.Alpha2 == "NO");
            Assert.Equal((Y(2023), "V-Dem v14 + WGI 2024"), (norway.Latest!.Year, norway.Latest.Release));
            // The old release keeps its rows for assessments made with it.
            Assert.Equal(895, await app.WithDbAsync(db => db.RegimeRows.CountAsync(r => r.ReleaseId == shipped.GetProperty("id").GetGuid())));

            var again = await admin.PostAsync("/api/v1/country-data/releases", Form("regime", "Samma igen", Bytes(lines)));
            Assert.Contains("redan inläst", (await again.ReadProblemAsync()).GetProperty("errors").GetProperty("file")[0].GetString());
        }
        finally
        {
            await DeactivateAsync(id);
        }
        Assert.Equal("V-Dem v15 (ERT)", (await WithServiceAsync(s => s.EvidenceAsync("SE")))!.RegimeRelease);
    }

    [Fact]
    public async Task Command_ImportCountryData_ExitCodesAndErrorsByLine()
    {
        var folder = Directory.CreateTempSubdirectory("omvarld-countrydata-").FullName;
        try
        {
            var bad = Path.Combine(folder, "bad.csv");
            await File.WriteAllBytesAsync(bad, BadFile("iso"));
            var (code, _, error) = await RunAsync("import-country-data", "--kind", "governance", "--name", "Fel", "--file", bad);
            Assert.Equal(1, code);
            Assert.Contains("line 3, iso3: ", error);

            Assert.Equal(2, (await RunAsync("import-country-data", "--kind", "weather", "--name", "X", "--file", bad)).Code);

            var good = Path.Combine(folder, "good.csv");
            var lines = Only(GovernanceLines(), "SWE");
            lines[^1] = With(lines[0], lines[^1], "v2x_libdem", "0.851");
            await File.WriteAllBytesAsync(good, Bytes(lines));
            var (ok, output, _) = await RunAsync("import-country-data", "--kind", "governance", "--name", "V-Dem v14 + WGI 2024 (rättad)", "--file", good);
            Assert.Equal(0, ok);
            Assert.Contains("5 rows", output);
            var release = await app.WithDbAsync(db => db.CountryDataReleases.SingleAsync(r => r.Name == "V-Dem v14 + WGI 2024 (rättad)"));
            await DeactivateAsync(release.Id);
            Assert.Equal((DataReleaseKind.Governance, "good.csv", 5), (release.Kind, release.FileName, release.RowCount));
            Assert.StartsWith("kommandorad", release.ImportedBy);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var scope = app.Services.CreateScope();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CountryDataCommand.RunAsync(scope.ServiceProvider, args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task CountryPage_Sweden_RegimeTrendIndicatorsAndAttribution()
    {
        var reader = await app.SignInAsync(Reader_);

        var page = await reader.GetDocumentAsync("/lander/SE");

        Assert.Equal("Sverige", page.QuerySelector("h1")!.TextContent);
        Assert.Equal($"Senaste klassificering: Liberal demokrati ({Y(2024)}, V-Dem v15 (ERT)).", page.QuerySelector("#latest-regime")!.TextContent.Trim());
        Assert.Equal(5, page.QuerySelectorAll("#regime-trend tbody tr").Length);
        Assert.Contains("0,844–0,921", page.QuerySelector("#regime-trend tbody tr:last-child")!.TextContent);
        Assert.Contains("1,575 ± 0,111", page.QuerySelector("#wgi tbody tr:last-child")!.TextContent);
        Assert.Contains("97,1", page.QuerySelector("#wgi tbody tr:last-child")!.TextContent);
        Assert.Contains("V-Dem v14 + WGI 2024", page.QuerySelector("#vdem caption")!.TextContent);
        Assert.NotNull(page.QuerySelector("section#assessment"));
        var sources = page.QuerySelector("#sources")!.TextContent;
        Assert.Contains("Coppedge et al. 2024, V-Dem Institute, University of Gothenburg, doi:10.23696/mcwt-fr58", sources);
        Assert.Contains("Lührmann, Tannenberg & Lindberg (2018)", sources);
        Assert.Contains("Worldwide Governance Indicators, 2024 update (www.govindicators.org), World Bank, CC BY 4.0", sources);
        Assert.Contains("V-Dem v15", sources);
        Assert.Empty(page.QuerySelectorAll("[style], script:not([src])"));

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/lander/XX")).StatusCode);
    }

    [Fact]
    public async Task CountryList_FilterByRegionAndName()
    {
        var admin = await app.SignInAsync(OmvarldApp.Admin);

        var europe = (await admin.GetDocumentAsync("/lander?region=Europe")).QuerySelector("#countries")!.TextContent;
        Assert.Contains("Sverige", europe);
        Assert.Contains("Liberal demokrati", europe);
        Assert.DoesNotContain("Kenya", europe);
        var named = (await admin.GetDocumentAsync("/lander?q=norg")).QuerySelectorAll("#countries tbody tr");
        Assert.Equal("Norge", Assert.Single(named).QuerySelector("a")!.TextContent);
    }

    [Fact]
    public async Task CountryList_ShowsAndFiltersTheMunicipalitysVerdict()
    {
        var reader = await app.SignInAsync(Reader_);

        var page = await reader.GetDocumentAsync("/lander");
        Assert.Contains("Internationell policy", page.QuerySelector("#verdict-basis")!.TextContent);
        string VerdictOf(AngleSharp.Dom.IDocument d, string country) =>
            d.QuerySelectorAll("#countries tbody tr").Single(r => r.QuerySelector("a")!.TextContent == country).QuerySelectorAll("td")[1].TextContent;
        Assert.Contains("Uppfyller kraven", VerdictOf(page, "Sverige"));
        var china = VerdictOf(page, "Kina");
        Assert.Contains("Uppfyller inte kraven", china);
        Assert.Contains("Är en demokrati", china); // the criterion that fails is named

        var notMet = await reader.GetDocumentAsync("/lander?bedomning=notmet");
        var names = notMet.QuerySelectorAll("#countries tbody tr a").Select(a => a.TextContent).ToList();
        Assert.Contains("Kina", names);
        Assert.DoesNotContain("Sverige", names);
        Assert.All(notMet.QuerySelectorAll("#countries tbody tr"), r => Assert.Contains("Uppfyller inte kraven", r.QuerySelectorAll("td")[1].TextContent));
        var option = notMet.QuerySelector("#bedomning option[value=notmet]")!;
        Assert.True(option.HasAttribute("selected"));
        Assert.Contains($"({names.Count})", option.TextContent);

        // The system administrator belongs to no municipality: no verdict to show.
        var admin = await app.SignInAsync(OmvarldApp.Admin);
        var adminPage = await admin.GetDocumentAsync("/lander");
        Assert.Null(adminPage.QuerySelector("#bedomning"));
        Assert.Null(adminPage.QuerySelector("#verdict-basis"));
    }

    [Fact]
    public async Task CountryPage_LeadsWithTheVerdict_ThenTheEvidence()
    {
        var reader = await app.SignInAsync(Reader_);

        var page = await reader.GetDocumentAsync("/lander/CN");

        var headings = page.QuerySelectorAll("main h2").Select(h => h.Id).ToList();
        Assert.Equal("assessment-heading", headings[0]);
        Assert.True(headings.IndexOf("regime-heading") > 0);
        Assert.Contains("Uppfyller inte kraven", page.QuerySelector("#assessment-outcome")!.TextContent);
    }

    [Fact]
    public async Task CountriesApi_ListAndEvidence()
    {
        var api = await app.ApiClientAsync(OmvarldApp.Email("redaktor"));

        var countries = (await (await api.GetAsync("/api/v1/countries")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(250, countries.Count);
        var sweden = countries.Single(c => c.Str("alpha2") == "SE");
        Assert.Equal(("SWE", "Sverige", "Sweden", true), (sweden.Str("alpha3"), sweden.Str("nameSv"), sweden.Str("nameEn"), sweden.GetProperty("euMember").GetBoolean()));
        Assert.Equal(("LiberalDemocracy", Y(2024)), (sweden.GetProperty("latestRegime").Str("regime"), sweden.GetProperty("latestRegime").GetProperty("year").GetInt32()));

        var evidence = await (await api.GetAsync("/api/v1/countries/SE/evidence")).ReadJsonAsync();
        Assert.Equal(5, evidence.GetProperty("governance").GetArrayLength());
        Assert.Equal("V-Dem v15 (ERT)", evidence.Str("regimeRelease"));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/countries/XX/evidence")).StatusCode);

        var openApi = await (await api.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        Assert.Contains("/api/v1/countries/{alpha2}/evidence", openApi);
    }

    [Fact]
    public async Task AdminPage_ReleasesListed_BadFileErrorsByLine_OthersDenied()
    {
        var admin = await app.SignInAsync(OmvarldApp.Admin);
        var page = await admin.GetDocumentAsync("/admin/landdata");
        Assert.Equal(2, page.QuerySelectorAll("#releases tbody tr").Count(r => r.TextContent.Contains("Används")));

        var before = await CountsAsync();
        var form = Form(null, null, BadFile("label"));
        form.Add(new StringContent("regime"), "Kind");
        form.Add(new StringContent("Fel etikett"), "Name");
        var fileContent = form.Single(c => c.Headers.ContentDisposition?.Name == "file");
        fileContent.Headers.ContentDisposition!.Name = "DataFile";
        form.Add(new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken");
        var response = await admin.PostAsync("/admin/landdata", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await response.ReadDocumentAsync()).QuerySelectorAll("#import-errors tbody tr");
        var row = Assert.Single(errors);
        Assert.Equal(["2", "regime_label"], row.QuerySelectorAll("td").Take(2).Select(c => c.TextContent));
        Assert.Equal(before, await CountsAsync());

        var coordinator = await app.SignInAsync(OmvarldApp.Email("samordnare"));
        var denied = await coordinator.GetAsync("/admin/landdata");
        Assert.True(denied.StatusCode is HttpStatusCode.Forbidden || denied.Headers.Location?.ToString().Contains("/konto/nekad") == true);
        var api = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync("/api/v1/country-data/releases", Form("regime", "X", BadFile("label")))).StatusCode);
    }
}

public sealed class CountryDataTests_Sqlite(SqliteApp app) : CountryDataTests(app), IClassFixture<SqliteApp>;
public sealed class CountryDataTests_Postgres(PostgresApp app) : CountryDataTests(app), IClassFixture<PostgresApp>;
