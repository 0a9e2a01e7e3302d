using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Activities;
using Omvarld.Web.Features.Activities.Import;
using Omvarld.Web.Infrastructure;
using Omvarld.Web.Tests.Infrastructure;
using C = Omvarld.Web.Features.Activities.Import.ActivityImportColumns;

namespace Omvarld.Web.Tests.Features.Activities;

/// <summary>Moving in from Excel (issue 5 item 9): the template, XLSX and CSV files stored whole or not at all, every row's errors by row and column.</summary>
public abstract class ActivityImportTests(OmvarldApp app)
{
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");

    /// <summary>A valid Borås row (the 2023 policy is in force on 2025-03-01) with <paramref name="changes"/> applied.</summary>
    private static Dictionary<string, string> Row(string title, params (string Column, string Value)[] changes)
    {
        var row = C.All.ToDictionary(c => c, _ => "");
        row[C.Title] = title;
        row[C.Description] = "Importerad i ett test.";
        row[C.Kind] = "Vänortssamarbete";
        row[C.Unit] = "Kulturförvaltningen";
        row[C.Responsible] = OmvarldApp.Email("redaktor");
        row[C.Start] = "2025-03-01";
        row[C.End] = "2025-12-31";
        row[C.Purpose] = "Syfte.";
        row[C.ExpectedResults] = "Resultat.";
        row[C.Goals] = "KUNSKAPSUTBYTEN;VANORTER";
        row[C.GoalsHow] = "Genom utbyten.";
        row[C.Sdgs] = "4;11.3";
        row[C.Partners] = "Stadt Musterhausen (fiktiv)";
        row[C.PartnerCountries] = "DE";
        row[C.OwnBudget] = "25 000";
        row[C.ExternalFunder] = "ERASMUS_PLUS";
        row[C.ExternalAmount] = "100000";
        row[C.ExternalStatus] = "ansökt";
        row[C.ExternalStatusOn] = "2025-01-10";
        foreach (var (column, value) in changes) row[column] = value;
        return row;
    }

    private static byte[] CsvFile(IEnumerable<Dictionary<string, string>> rows, char separator = ';', Encoding? encoding = null, IReadOnlyList<string>? header = null)
    {
        header ??= C.All;
        var text = new StringBuilder(string.Join(separator, header.Select(h => Csv.Field(h, separator)))).Append("\r\n");
        foreach (var row in rows) text.Append(string.Join(separator, header.Select(h => Csv.Field(row.GetValueOrDefault(h, ""), separator)))).Append("\r\n");
        return encoding is null ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())] : encoding.GetBytes(text.ToString());
    }

    private static byte[] XlsxFile(IEnumerable<Dictionary<string, string>> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Aktiviteter");
        for (var c = 0; c < C.All.Count; c++) sheet.Cell(1, c + 1).SetValue(C.All[c]);
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < C.All.Count; c++)
            {
                var value = row[C.All[c]];
                // Dates as Excel keeps them, as dates; everything else as text.
                if (DateTime.TryParseExact(value, "yyyy-MM-dd", null, System.Globalization.DateTimeStyles.None, out var date)) sheet.Cell(r, c + 1).SetValue(date);
                else { sheet.Cell(r, c + 1).SetDataType(XLDataType.Text); sheet.Cell(r, c + 1).SetValue(value); }
            }
            r++;
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static MultipartFormDataContent Form(byte[] bytes, string fileName, string field = "file")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { content, field, fileName } };
    }

    private async Task<HttpResponseMessage> ImportAsync(byte[] bytes, string fileName, string? email = null) =>
        await (await app.ApiClientAsync(email ?? Coordinator)).PostAsync("/api/v1/activities/import", Form(bytes, fileName));

    private Task<int> ActivityCountAsync() => app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().CountAsync());

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadProblemAsync()).GetProperty("errors");
        return errors.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    [Fact]
    public async Task Csv_GoodFile_StoredAsDraftsWithGoalsPartnersAndFunding()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var newPartner = $"Testkommun {tag} (fiktiv)";
        var file = CsvFile([
            Row($"Import A {tag}"),
            Row($"Import B {tag}", (C.Partners, $"{newPartner};Stadt Musterhausen (fiktiv)"), (C.PartnerCountries, "fi;DE"), (C.PartnerTypes, "Kommun"),
                (C.ExternalFunder, "Nordplus"), (C.ExternalFunderKind, "internationell"), (C.ExternalStatus, ""), (C.ExternalStatusOn, "")),
            Row($"Import C {tag}", (C.Partners, newPartner), (C.PartnerCountries, "FI"), (C.Goals, ""), (C.GoalsHow, ""), (C.ExternalFunder, ""),
                (C.ExternalAmount, ""), (C.ExternalStatus, ""), (C.ExternalStatusOn, "")),
        ]);

        var response = await ImportAsync(file, "aktiviteter.csv");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(3, (await response.ReadJsonAsync()).GetProperty("stored").GetInt32());
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Activities.IgnoreQueryFilters().Include(a => a.Goals).Include(a => a.Partners).Include(a => a.Funding).Include(a => a.Sdgs)
                .Where(a => a.Title.EndsWith(tag)).OrderBy(a => a.Title).ToListAsync();
            Assert.Equal(3, stored.Count);
            Assert.All(stored, a => Assert.Equal(ActivityStatus.Draft, a.Status));
            Assert.All(stored, a => Assert.Equal(app.Boras, a.MunicipalityId));
            Assert.Equal(["KUNSKAPSUTBYTEN", "VANORTER"], stored[0].Goals.Select(g => g.GoalCode).Order());
            Assert.Equal(["11.3", "4"], stored[0].Sdgs.Select(s => s.ToSdg().ToString()).Order());
            Assert.Equal(2, stored[0].Funding.Count);
            Assert.Contains(stored[0].Funding, f => f.Source == FundingSource.EuProgramme && f.ProgrammeCode == "ERASMUS_PLUS" && f.Status == FundingStatus.Applied);
            Assert.Contains(stored[1].Funding, f => f.Source == FundingSource.OtherFunder && f.FunderName == "Nordplus" && f.FunderKind == FunderKind.International);
            var created = await db.Partners.IgnoreQueryFilters().Where(p => p.Name == newPartner).ToListAsync();
            Assert.Single(created); // named by two rows, created once
            Assert.Equal("FI", created[0].CountryCode);
            var musterhausen = await db.Partners.IgnoreQueryFilters().SingleAsync(p => p.MunicipalityId == app.Boras && p.Name == "Stadt Musterhausen (fiktiv)");
            Assert.Equal(new[] { created[0].Id, musterhausen.Id }.Order(), stored[1].Partners.Select(p => p.PartnerId).Order());
            Assert.Equal([created[0].Id], stored[2].Partners.Select(p => p.PartnerId));
        });
    }

    [Fact]
    public async Task Xlsx_GoodFileThroughThePage_Stored()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var coordinator = await app.SignInAsync(Coordinator);
        var page = await coordinator.GetDocumentAsync("/aktiviteter/importera");
        var form = Form(XlsxFile([Row($"Excel A {tag}"), Row($"Excel B {tag}", (C.Kind, "Transnationellt projekt"), (C.Goals, "projektsamverkan"))]), "aktiviteter.xlsx", "ImportFile");
        form.Add(new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken");

        var response = await coordinator.PostAsync("/aktiviteter/importera", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().Include(a => a.Goals).Include(a => a.Partners)
            .Where(a => a.Title.EndsWith(tag)).OrderBy(a => a.Title).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.Equal(new DateOnly(2025, 3, 1), stored[0].PlannedStart);
        Assert.Equal(ActivityKind.TransnationalProject, stored[1].Kind);
        Assert.Equal(["PROJEKTSAMVERKAN"], stored[1].Goals.Select(g => g.GoalCode));
        Assert.Single(stored[1].Partners);
    }

    [Fact]
    public async Task Csv_WrongHeader_NamesMissingAndUnknownColumns_NothingStored()
    {
        var before = await ActivityCountAsync();
        var header = C.All.Where(c => c != C.Start).Append("Startdag").ToList();

        var errors = await ErrorsAsync(await ImportAsync(CsvFile([Row("Fel rubrik")], header: header), "fel.csv"));

        var messages = string.Join(" ", errors["file"]);
        Assert.Contains("saknar kolumnerna ”Startdatum”", messages);
        Assert.Contains("”Startdag”", messages);
        Assert.Equal(before, await ActivityCountAsync());
    }

    [Fact]
    public async Task Csv_CommaSeparated_IsReadToo()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var response = await ImportAsync(CsvFile([Row($"Komma {tag}")], separator: ','), "komma.csv");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Csv_Latin1_BrokenEncodingIsRefused_NothingStored()
    {
        var before = await ActivityCountAsync();

        var errors = await ErrorsAsync(await ImportAsync(CsvFile([Row("Föräldrar och förskola")], encoding: Encoding.Latin1), "latin1.csv"));

        Assert.Contains("inte sparad som UTF-8", errors["file"].Single());
        Assert.Equal(before, await ActivityCountAsync());
    }

    [Fact]
    public async Task PdfNamedXlsx_IsRefusedByContent()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

        var errors = await ErrorsAsync(await ImportAsync(pdf, "aktiviteter.xlsx"));

        Assert.Contains("ingen Excel-fil", errors["file"].Single());
    }

    [Fact]
    public async Task TenThousandRows_AreRefusedWithTheCount()
    {
        var before = await ActivityCountAsync();
        var rows = Enumerable.Range(1, 10_000).Select(i => Row($"Rad {i}")).ToList();

        var errors = await ErrorsAsync(await ImportAsync(CsvFile(rows), "stor.csv"));

        Assert.StartsWith("Filen har 10 000 rader; högst 2 000 kan läsas in på en gång", errors["file"].Single());
        Assert.Equal(before, await ActivityCountAsync());
    }

    [Fact]
    public async Task RowErrors_EveryRowReportedWithRowAndColumn_NothingStored()
    {
        var before = await ActivityCountAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var rows = new[]
        {
            Row($"Rad 1 {tag}"), Row($"Rad 2 {tag}"),
            Row($"Rad 3 {tag}", (C.Start, "2025-06-01"), (C.End, "2025-05-01")),
            Row($"Rad 4 {tag}"),
            Row($"Rad 5 {tag}", (C.Goals, "KUNSKAPSUTBYTEN;PÅHITTAT_MÅL")),
        };

        var errors = await ErrorsAsync(await ImportAsync(CsvFile(rows), "fel.csv"));

        // Rows as the spreadsheet numbers them: the header is row 1, so data row 3 is row 4.
        Assert.Equal(["row 4", "row 6"], errors.Keys.Order());
        Assert.Equal("Slutdatum: Slutdatum kan inte vara före startdatum.", errors["row 4"].Single());
        Assert.StartsWith("Mål (koder): Målkoden ”PÅHITTAT_MÅL” finns inte i policyversion 2023", errors["row 6"].Single());
        Assert.Equal(before, await ActivityCountAsync());
        Assert.False(await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().AnyAsync(a => a.Title.EndsWith(tag))));
    }

    [Fact]
    public async Task RowErrors_OnThePage_ListedInATableWithCaption()
    {
        var coordinator = await app.SignInAsync(Coordinator);
        var page = await coordinator.GetDocumentAsync("/aktiviteter/importera");
        var form = Form(CsvFile([Row("Sidfel", (C.Unit, "Finns inte"), (C.Responsible, "ingen@boras.demo"))]), "fel.csv", "ImportFile");
        form.Add(new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken");

        var response = await coordinator.PostAsync("/aktiviteter/importera", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.NotNull(document.QuerySelector("#error-summary"));
        var table = document.QuerySelector("#import-errors")!;
        Assert.NotNull(table.QuerySelector("caption"));
        var cells = table.QuerySelectorAll("tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).ToList();
        Assert.Contains(cells, c => c[0] == "2" && c[1] == C.Unit);
        Assert.Contains(cells, c => c[0] == "2" && c[1] == C.Responsible);
    }

    [Theory]
    [InlineData("redaktor")]
    [InlineData("lasare")]
    public async Task ReaderAndEditor_AreForbidden(string local)
    {
        var before = await ActivityCountAsync();
        var response = await ImportAsync(CsvFile([Row("Inte tillåten")]), "a.csv", OmvarldApp.Email(local));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await (await app.SignInAsync(OmvarldApp.Email(local))).GetAsync("/aktiviteter/importera");
        Assert.Contains("/konto/nekad", page.Headers.Location?.ToString() ?? ((int)page.StatusCode).ToString());
        Assert.Equal(before, await ActivityCountAsync());
    }

    [Fact]
    public async Task XlsxTemplate_OpensWithTheHeaderAndACodesSheet()
    {
        var response = await (await app.ApiClientAsync(Coordinator)).GetAsync("/api/v1/activities/import/template?format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheets.First();
        Assert.Equal(C.All, Enumerable.Range(1, C.All.Count).Select(c => sheet.Cell(1, c).GetString()));
        var codes = workbook.Worksheet("Koder");
        var goalsColumn = Enumerable.Range(1, 20).First(c => codes.Cell(1, c).GetString().StartsWith("Målkoder"));
        Assert.Contains("PROJEKTSAMVERKAN", codes.Column(goalsColumn).CellsUsed().Select(c => c.GetString()));
    }

    [Fact]
    public async Task CsvTemplate_HeaderIsTheImportsHeader_AndItsExampleRowImports()
    {
        var coordinator = await app.SignInAsync(Coordinator);
        var response = await coordinator.GetAsync("/aktiviteter/importera/mall.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal(string.Join(';', C.All), lines[0]);
        var imported = await ImportAsync(bytes, "mall.csv");
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
    }
}

public sealed class ActivityImportTests_Sqlite(SqliteApp app) : ActivityImportTests(app), IClassFixture<SqliteApp>;
public sealed class ActivityImportTests_Postgres(PostgresApp app) : ActivityImportTests(app), IClassFixture<PostgresApp>;
