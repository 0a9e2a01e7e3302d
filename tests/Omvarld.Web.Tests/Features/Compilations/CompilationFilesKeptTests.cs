using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Compilations;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Compilations;

/// <summary>
/// Issue 17 on both databases: the compilation's files are rendered once per state of the municipality and format, kept
/// in the database (<see cref="CompilationRendering"/>) and answered from there. Which answer was rendered is read from
/// <see cref="CompilationStats"/>, never from timing; on the demo data of Borås and Upplands-Bro.
/// </summary>
public abstract class CompilationFilesKeptTests(OmvarldApp app)
{
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");
    private static readonly string[] Formats = ["xlsx", "docx", "pdf"];
    private int Year => app.Today.Year - 1;
    private CompilationStats Stats => app.Services.GetRequiredService<CompilationStats>();

    private async Task<byte[]> FileAsync(HttpClient api, string format = "xlsx")
    {
        var response = await api.GetAsync($"/api/v1/compilation/export?year={Year}&format={format}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{format}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(CompilationExport.ContentType(format), response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"sammanstallning-{Year}.{format}", response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.LongLength, response.Content.Headers.ContentLength);
        return bytes;
    }

    /// <summary>
    /// Saves in Borås (a unit's name changed and changed back), so that nothing is kept for the state the test starts
    /// from, and every name is as before (other tests, and this class's, look units up by name; ids are not seeded in order).
    /// </summary>
    private Task ChangeBorasAsync() =>
        app.WithDbAsync(async db =>
        {
            db.Tenant.Use(app.Boras);
            var unit = await db.Units.OrderBy(u => u.Id).FirstAsync();
            var name = (string)db.Entry(unit).Property("Name").CurrentValue!;
            db.Entry(unit).Property("Name").CurrentValue = name + " ";
            await db.SaveChangesAsync();
            db.Entry(unit).Property("Name").CurrentValue = name;
            await db.SaveChangesAsync();
        });

    /// <summary>The kept renderings of a municipality's whole-municipality compilation of the year, read under its own tenant.</summary>
    private Task<List<CompilationRendering>> RenderingsAsync(Guid municipality) =>
        app.WithDbAsync(async db =>
        {
            db.Tenant.SystemScope = false;
            db.Tenant.Use(municipality);
            return await db.CompilationRenderings.AsNoTracking().Where(r => r.Year == Year && r.UnitId == Guid.Empty).ToListAsync();
        });

    private static List<string> Texts(byte[] xlsx)
    {
        using var book = new XLWorkbook(new MemoryStream(xlsx));
        return book.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()).ToList();
    }

    [Fact]
    public async Task Xlsx_AskedTwice_RenderedOnce_SameBytes_OnTheApiAndThePage()
    {
        var api = await app.ApiClientAsync(Coordinator);
        var pages = await app.SignInAsync(Coordinator);
        await ChangeBorasAsync();
        var (rendered, fromKept) = (Stats.Rendered, Stats.FilesFromKept);

        var first = await FileAsync(api);
        Assert.Equal(rendered + 1, Stats.Rendered);
        Assert.StartsWith("PK", System.Text.Encoding.ASCII.GetString(first, 0, 2));

        var second = await FileAsync(api);
        Assert.Equal(rendered + 1, Stats.Rendered);
        Assert.Equal(fromKept + 1, Stats.FilesFromKept);
        Assert.Equal(first, second);

        // The Export page answers the same kept file.
        var page = await pages.GetAsync($"/sammanstallning/export?ar={Year}&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(first, await page.Content.ReadAsByteArrayAsync());
        Assert.Equal(rendered + 1, Stats.Rendered);

        // Kept as one row, under the stamps now current.
        var kept = Assert.Single(await RenderingsAsync(app.Boras), r => r.Format == "xlsx");
        Assert.Equal(first, kept.Bytes);
        Assert.Equal(first.LongLength, kept.Length);
        var stamp = await app.WithDbAsync(db => db.ChangeStamps.IgnoreQueryFilters().Where(s => s.MunicipalityId == app.Boras).Select(s => s.Value).SingleAsync());
        Assert.Equal(stamp, kept.Stamp);
        Assert.Equal(CompilationFiles.Build, kept.Build);
    }

    [Fact]
    public async Task EachFormat_RenderedAndKeptSeparately()
    {
        var api = await app.ApiClientAsync(Coordinator);
        await ChangeBorasAsync();
        var rendered = Stats.Rendered;

        var files = new Dictionary<string, byte[]>();
        foreach (var format in Formats)
        {
            files[format] = await FileAsync(api, format);
            Assert.Equal(rendered + files.Count, Stats.Rendered);
        }
        // Asked again in every format: none rendered, each its own bytes.
        foreach (var format in Formats)
            Assert.Equal(files[format], await FileAsync(api, format));
        Assert.Equal(rendered + Formats.Length, Stats.Rendered);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(files["pdf"], 0, 5));
        Assert.NotEqual(files["xlsx"], files["docx"]);

        var kept = await RenderingsAsync(app.Boras);
        Assert.Equal(Formats.Order(), kept.Select(r => r.Format).Order());
        foreach (var row in kept) Assert.Equal(files[row.Format], row.Bytes);
    }

    [Fact]
    public async Task AfterAChangeThroughTheApi_RenderedAnew_TheChangeInTheFile_StaleRenderingsGone()
    {
        var api = await app.ApiClientAsync(Coordinator);
        await ChangeBorasAsync();
        var before = await FileAsync(api);
        await FileAsync(api, "docx");
        var rendered = Stats.Rendered;

        // Through the API, as a coordinator does: an activity of the year registered and submitted, so that it is counted.
        var title = "Utbyte som syns i filen " + Guid.NewGuid().ToString("N")[..8];
        var created = await api.PostJsonAsync("/api/v1/activities", new
        {
            title, description = "Ett utbyte.", kind = "StudyVisitOrExchange",
            ownerUnitId = await app.UnitIdAsync(app.Boras, "Gymnasie- och vuxenutbildningsförvaltningen"), responsibleUserId = await app.UserIdAsync(Coordinator),
            start = $"{Year}-03-01", end = $"{Year}-03-05", purpose = "Lära av varandra.", expectedResults = "En rapport.",
            childPerspective = "Eleverna deltar.", aimedAtEnablingInternationalWork = false, goals = Array.Empty<object>(), sdgs = new[] { "4" },
            partners = Array.Empty<object>(),
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var activity = await created.ReadJsonAsync();
        var submitted = await api.PostJsonAsync($"/api/v1/activities/{activity.GetProperty("id").GetGuid()}/transitions",
            new { action = "Submit", version = activity.GetProperty("version").GetInt32() });
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, $"{(int)submitted.StatusCode} {await submitted.Content.ReadAsStringAsync()}");
        Assert.DoesNotContain(title, Texts(before));

        var after = await FileAsync(api);
        Assert.Equal(rendered + 1, Stats.Rendered);
        Assert.Contains(title, Texts(after));

        // One row per format: the XLSX replaced; the DOCX of the earlier state deleted when the compilation was recomputed.
        var kept = await RenderingsAsync(app.Boras);
        Assert.Equal(after, Assert.Single(kept).Bytes);
        Assert.Equal("xlsx", kept[0].Format);

        // And kept again.
        Assert.Equal(after, await FileAsync(api));
        Assert.Equal(rendered + 1, Stats.Rendered);
    }

    [Fact]
    public async Task AnotherMunicipality_NeverGetsTheFile()
    {
        var boras = await app.ApiClientAsync(Coordinator);
        var upplandsBro = await app.ApiClientAsync(OmvarldApp.Email("samordnare", "upplands-bro"));
        var borasFile = await FileAsync(boras);
        Assert.Contains(Texts(borasFile), t => t.Contains("Borås", StringComparison.Ordinal));
        var rendered = Stats.Rendered;
        // Upplands-Bro's file is its own, whether it was kept before or rendered now.
        var ub = await FileAsync(upplandsBro);
        Assert.NotEqual(borasFile, ub);
        Assert.Contains(Texts(ub), t => t.Contains("Upplands-Bro", StringComparison.Ordinal));
        Assert.DoesNotContain(Texts(ub), t => t.Contains("Borås", StringComparison.Ordinal));
        Assert.Equal(ub, await FileAsync(upplandsBro));
        Assert.True(Stats.Rendered <= rendered + 1);

        // Each municipality reads its own renderings only.
        var seen = await app.WithDbAsync(async db =>
        {
            db.Tenant.SystemScope = false;
            db.Tenant.Use(app.UpplandsBro);
            return await db.CompilationRenderings.Select(r => r.MunicipalityId).Distinct().ToListAsync();
        });
        Assert.Equal([app.UpplandsBro], seen);
        Assert.All(await RenderingsAsync(app.UpplandsBro), r => Assert.NotEqual(borasFile, r.Bytes));
    }

    [Fact]
    public async Task FiftyAtOnce_RenderedOnce_OneFile()
    {
        var api = await app.ApiClientAsync(Coordinator);
        await ChangeBorasAsync();
        var rendered = Stats.Rendered;

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => FileAsync(api)));

        Assert.Equal(rendered + 1, Stats.Rendered);
        Assert.All(answers, a => Assert.Equal(answers[0], a));
    }

    [Fact]
    public async Task NextDay_RenderedAnew()
    {
        var api = await app.ApiClientAsync(Coordinator);
        await FileAsync(api);
        var rendered = Stats.Rendered;
        app.Clock.Advance(TimeSpan.FromDays(1));
        await FileAsync(api);
        Assert.Equal(rendered + 1, Stats.Rendered);
        Assert.Equal(app.Today, Assert.Single(await RenderingsAsync(app.Boras), r => r.Format == "xlsx").Day);
    }
}

public sealed class CompilationFilesKeptTests_Sqlite(SqliteApp app) : CompilationFilesKeptTests(app), IClassFixture<SqliteApp>;
public sealed class CompilationFilesKeptTests_Postgres(PostgresApp app) : CompilationFilesKeptTests(app), IClassFixture<PostgresApp>;
