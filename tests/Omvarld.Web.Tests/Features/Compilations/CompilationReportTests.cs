using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omvarld.Domain.Activities;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Tests.Features.Reminders;
using Omvarld.Web.Tests.Infrastructure;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Omvarld.Web.Tests.Features.Compilations;

/// <summary>
/// Issue 15 on both databases: the compilation as a report for KS's agenda, on the Borås demo's 2025 (and Upplands-Bro's,
/// whose policy demands plans and the child perspective). The page's charts (culture-invariant SVG, bars proportional
/// to their figures, Swedish amounts); the DOCX (title, language, heading styles, charts as images with alt text, page
/// field, repeated table headers); the tagged PDF (poppler's pdfinfo, pdftotext, pdfimages, pdftoppm); the XLSX (a
/// sheet per section, frozen and filtered headers, number formats); names, never codes; duties only where demanded.
/// </summary>
public abstract class CompilationReportTests(OmvarldApp app)
{
    private const int Year = 2025;
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");
    private static readonly CultureInfo Sv = CultureInfo.GetCultureInfo("sv-SE");

    private async Task<JsonElement> JsonAsync(string email, string query)
    {
        var api = await app.ApiClientAsync(email);
        var response = await api.GetAsync("/api/v1/compilation?" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private async Task<byte[]> FileAsync(string format, string query = "year=2025")
    {
        var api = await app.ApiClientAsync(Coordinator);
        var response = await api.GetAsync($"/api/v1/compilation/export?{query}&format={format}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{format}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static IEnumerable<JsonElement> Sections(JsonElement c) => c.GetProperty("sections").EnumerateArray();
    private static IEnumerable<JsonElement> Rows(JsonElement s) => s.GetProperty("rows").EnumerateArray();

    private static string Figure(decimal value, string measure) => measure switch
    {
        "Sek" => value.ToString("N0", Sv) + "\u00a0kr",
        "Hours" => value.ToString("#,##0.#", Sv),
        _ => value.ToString("N0", Sv),
    };

    [Fact]
    public async Task Page_EveryChartsBarsAreProportionalAndLabelledInSwedish()
    {
        var json = await JsonAsync(Coordinator, $"year={Year}");
        var page = await (await app.SignInAsync(Coordinator)).GetDocumentAsync($"/sammanstallning?ar={Year}");
        var charts = page.QuerySelectorAll("figure.compilation-chart").ToList();
        Assert.True(charts.Count >= 8, $"{charts.Count} charts");
        var money = 0;
        foreach (var figure in charts)
        {
            var key = figure.GetAttribute("data-section")!;
            var section = Sections(json).Single(s => s.Str("key") == key);
            var measure = section.Str("measure")!;
            var rows = Rows(section).ToList();
            var max = Math.Max(1m, rows.Max(r => Math.Max(r.GetProperty("value").GetDecimal(), r.GetProperty("previous").GetDecimal())));
            // The SVG as XML: every number in it is an invariant number (a Swedish decimal comma would fail here).
            var svg = XElement.Parse(figure.QuerySelector("svg")!.OuterHtml.Replace("&nbsp;", "&#160;", StringComparison.Ordinal));
            XNamespace ns = "http://www.w3.org/2000/svg";
            foreach (var element in svg.Descendants())
                foreach (var attribute in element.Attributes().Where(a => a.Name.LocalName is "x" or "y" or "width" or "height"))
                    Assert.True(double.TryParse(attribute.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"{key}: {attribute.Name}=\"{attribute.Value}\"");
            Assert.DoesNotContain(",", svg.Attribute("viewBox")!.Value);
            var bars = svg.Descendants(ns + "rect").Where(r => (string?)r.Attribute("class") == "bar bar--year").ToList();
            var previousBars = svg.Descendants(ns + "rect").Where(r => (string?)r.Attribute("class") == "bar bar--previous").ToList();
            var labels = svg.Descendants(ns + "text").Where(t => (string?)t.Attribute("class") == "bar-label").ToList();
            Assert.Equal(rows.Count, bars.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                var (value, previous) = (rows[i].GetProperty("value").GetDecimal(), rows[i].GetProperty("previous").GetDecimal());
                Assert.Equal(rows[i].Str("key"), (string?)bars[i].Attribute("data-row"));
                Assert.Equal((double)(value / max) * 300, double.Parse(bars[i].Attribute("width")!.Value, CultureInfo.InvariantCulture), 0.01);
                Assert.Equal((double)(previous / max) * 300, double.Parse(previousBars[i].Attribute("width")!.Value, CultureInfo.InvariantCulture), 0.01);
                // The label sits just after its bar and reads as the table does: "1 860 000 kr".
                Assert.Equal(220 + (double)(value / max) * 300 + 4, double.Parse(labels[i].Attribute("x")!.Value, CultureInfo.InvariantCulture), 0.01);
                Assert.Equal(Figure(value, measure), labels[i].Value);
                if (measure == "Sek" && value >= 1000) money++;
            }
        }
        Assert.True(money > 0, "no chart of money with a grouped amount");
        // The world map is drawn too.
        Assert.NotNull(page.QuerySelector("figure.compilation-map svg path"));
    }

    [Fact]
    public async Task Docx_TitlePageHeadingsImagesPageFieldsAndRepeatedHeaders()
    {
        var json = await JsonAsync(Coordinator, $"year={Year}");
        using var doc = WordprocessingDocument.Open(new MemoryStream(await FileAsync("docx")), false);
        Assert.Equal("Internationellt arbete 2025: Borås Stad", doc.PackageProperties.Title);
        Assert.Equal("sv-SE", doc.PackageProperties.Language);
        var main = doc.MainDocumentPart!;
        var paragraphs = main.Document.Body!.Descendants<W.Paragraph>().ToList();
        string? Style(W.Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        Assert.Equal("Title", Style(paragraphs[0]));
        Assert.Equal("Internationellt arbete 2025", paragraphs[0].InnerText);
        Assert.Contains(paragraphs.Take(6), p => p.InnerText == "Borås Stad");
        var h1 = paragraphs.Where(p => Style(p) == "Heading1").Select(p => p.InnerText).ToList();
        var h2 = paragraphs.Where(p => Style(p) == "Heading2").Select(p => p.InnerText).ToList();
        Assert.Contains("Finansiering", h1);
        Assert.Equal(Sections(json).Select(s => s.Str("title")), h2);
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<W.Style>().Select(s => s.StyleId?.Value).ToList();
        Assert.Contains("Heading1", styles);
        Assert.Contains("Heading2", styles);
        // A table of contents, and page numbers in the footer.
        Assert.Contains(main.Document.Body.Descendants<W.FieldCode>(), f => f.Text.Trim().StartsWith("TOC", StringComparison.Ordinal));
        Assert.Contains(main.FooterParts.SelectMany(f => f.Footer!.Descendants<W.FieldCode>()), f => f.Text.Trim() == "PAGE");
        Assert.Contains(main.HeaderParts, h => h.Header!.InnerText.Contains("Borås Stad", StringComparison.Ordinal));
        // Each chart and the map as a PNG with its text alternative.
        var charts = Sections(json).Count(s => s.Str("chart") != "None");
        var drawings = main.Document.Body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().ToList();
        Assert.Equal(charts, drawings.Count);
        Assert.All(drawings, d => Assert.False(string.IsNullOrWhiteSpace(d.Description?.Value)));
        Assert.Contains(drawings, d => d.Description!.Value!.StartsWith("Världskarta", StringComparison.Ordinal));
        Assert.All(main.ImageParts, p =>
        {
            using var s = p.GetStream();
            var head = new byte[8];
            s.ReadExactly(head);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, head);
        });
        // Tables: a header row repeated on every page; each figure beside the previous year's and the change.
        var tables = main.Document.Body.Descendants<W.Table>().ToList();
        Assert.All(tables, t => Assert.NotNull(t.Elements<W.TableRow>().First().TableRowProperties?.GetFirstChild<W.TableHeader>()));
        var funding = Sections(json).Single(s => s.Str("key") == "funding");
        var own = Rows(funding).Single(r => r.Str("key") == "own");
        var row = tables.SelectMany(t => t.Elements<W.TableRow>()).Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList()).First(r => r[0] == own.Str("label"));
        var (value, previous) = (own.GetProperty("value").GetDecimal(), own.GetProperty("previous").GetDecimal());
        Assert.Equal([own.Str("label")!, Figure(value, "Sek"), Figure(previous, "Sek"),
            value == previous ? "±0" : (value > previous ? "+" : "\u2212") + Figure(Math.Abs(value - previous), "Sek")], row);
    }

    [Fact]
    public async Task Pdf_TaggedTitledWithChartsAndEveryHeading()
    {
        var json = await JsonAsync(Coordinator, $"year={Year}");
        var pdf = await FileAsync("pdf");
        var folder = Directory.CreateTempSubdirectory("omvarld-report-");
        try
        {
            var path = Path.Combine(folder.FullName, "sammanstallning.pdf");
            await File.WriteAllBytesAsync(path, pdf);
            var info = Poppler.Run("pdfinfo", $"\"{path}\"");
            Assert.Contains("Tagged:          yes", info);
            Assert.Contains("Title:           Internationellt arbete 2025: Borås Stad", info);
            // Every chart and the map is an image in the file.
            var images = Poppler.Run("pdfimages", $"-list \"{path}\"").Split('\n').Count(line => line.Contains(" image ", StringComparison.Ordinal));
            Assert.Equal(Sections(json).Count(s => s.Str("chart") != "None"), images);
            var text = Poppler.Run("pdftotext", $"\"{path}\" -").Replace('\u00a0', ' ');
            var flat = string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));
            foreach (var s in Sections(json)) Assert.Contains(s.Str("title")!, flat);
            foreach (var chapter in new[] { "Verksamheten", "Finansiering", "Uppföljning och styrning" }) Assert.Contains(chapter, flat);
            var own = Rows(Sections(json).Single(s => s.Str("key") == "funding")).Single(r => r.Str("key") == "own").GetProperty("value").GetDecimal();
            Assert.Contains(Figure(own, "Sek").Replace('\u00a0', ' '), flat);
            Assert.Contains("Förändring", flat);
            // Nothing is cut off with an ellipsis: long texts wrap.
            Assert.DoesNotContain("…", text);
            Poppler.Run("pdftoppm", $"-png -r 40 -f 1 -l 1 \"{path}\" \"{Path.Combine(folder.FullName, "page")}\"");
            var first = Assert.Single(Directory.GetFiles(folder.FullName, "page*.png"));
            Assert.True(new FileInfo(first).Length > 1000);
        }
        finally { folder.Delete(true); }
    }

    [Fact]
    public async Task Xlsx_SheetPerSectionFrozenFilteredAndFormatted()
    {
        var json = await JsonAsync(Coordinator, $"year={Year}");
        using var book = new XLWorkbook(new MemoryStream(await FileAsync("xlsx")));
        var sections = Sections(json).ToList();
        Assert.Equal(sections.Count + 1, book.Worksheets.Count);
        Assert.Equal("Innehåll", book.Worksheet(1).Name);
        for (var i = 0; i < sections.Count; i++)
        {
            var sheet = book.Worksheet(i + 2);
            Assert.Equal(sections[i].Str("title"), sheet.Cell(1, 1).GetString());
            var rows = Rows(sections[i]).ToList();
            if (rows.Count == 0) continue;
            var header = sheet.SheetView.SplitRow;
            Assert.True(header > 1, $"{sheet.Name}: no frozen header");
            Assert.Equal("Vad", sheet.Cell(header, 1).GetString());
            Assert.True(sheet.AutoFilter.IsEnabled, $"{sheet.Name}: no filter");
            Assert.Equal(header, sheet.AutoFilter.Range.FirstRow().RowNumber());
            for (var r = 0; r < rows.Count; r++)
            {
                var cell = sheet.Cell(header + 1 + r, 2);
                Assert.Equal(rows[r].Str("label"), sheet.Cell(header + 1 + r, 1).GetString());
                Assert.Equal(rows[r].GetProperty("value").GetDecimal(), cell.GetValue<decimal>());
                if (sections[i].Str("measure") == "Sek") Assert.Equal("#,##0 \"kr\"", cell.Style.NumberFormat.Format);
                if (sections[i].GetProperty("compared").GetBoolean())
                    Assert.Equal(rows[r].GetProperty("value").GetDecimal() - rows[r].GetProperty("previous").GetDecimal(), sheet.Cell(header + 1 + r, 4).GetValue<decimal>());
            }
        }
    }

    /// <summary>Goals, kinds and SDGs by their Swedish names everywhere: no goal code of any policy, no kind's enum name.</summary>
    [Fact]
    public async Task EveryOutput_NamesNeverCodes()
    {
        var codes = await app.WithDbAsync(async db =>
        {
            db.Tenant.Use(app.Boras);
            var sources = await db.PolicyVersions.Select(v => v.Source).ToListAsync();
            return sources.Select(s => PolicyFileReader.Read(new StringReader(s)).Definition).OfType<Omvarld.Domain.Policies.PolicyDefinition>()
                .SelectMany(d => d.Version.Goals.Select(g => g.Code)).Distinct().ToList();
        });
        Assert.Contains("DEMOKRATISKA_VARDERINGAR", codes);
        var forbidden = codes.Concat(Enum.GetNames<ActivityKind>()).ToList();
        void None(string where, string text)
        {
            foreach (var code in forbidden) Assert.False(text.Contains(code, StringComparison.Ordinal), $"{where} shows the code {code}");
        }

        var json = await JsonAsync(Coordinator, $"year={Year}");
        var goal = Sections(json).Single(s => s.Str("key") == "goal");
        Assert.Contains(Rows(goal), r => r.Str("key") == "DEMOKRATISKA_VARDERINGAR");
        None("JSON", string.Join('\n', Sections(json).SelectMany(s => Rows(s).Select(r => r.Str("label")))));
        var page = await (await app.SignInAsync(Coordinator)).GetDocumentAsync($"/sammanstallning?ar={Year}");
        None("page", page.QuerySelector("main")!.TextContent);
        using (var book = new XLWorkbook(new MemoryStream(await FileAsync("xlsx"))))
            None("XLSX", string.Join('\n', book.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString())));
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await FileAsync("docx")), false))
            None("DOCX", doc.MainDocumentPart!.Document.Body!.InnerText);
        var folder = Directory.CreateTempSubdirectory("omvarld-report-");
        try
        {
            var path = Path.Combine(folder.FullName, "s.pdf");
            await File.WriteAllBytesAsync(path, await FileAsync("pdf"));
            None("PDF", Poppler.Run("pdftotext", $"\"{path}\" -"));
        }
        finally { folder.Delete(true); }
    }

    /// <summary>
    /// Borås's policies demand neither action plans nor a child perspective: none is "missing", the figures are labelled
    /// informational. Upplands-Bro 2020 demands both (3, 4.3 and 5): there they are missing, citing the clause and version.
    /// </summary>
    [Fact]
    public async Task Duties_MissingOnlyWhereThePolicyDemandsThem()
    {
        var boras = await JsonAsync(Coordinator, $"year={Year}");
        JsonElement Section(JsonElement c, string key) => Sections(c).Single(s => s.Str("key") == key);
        var plans = Section(boras, "action-plans");
        Assert.DoesNotContain(Rows(plans), r => r.Str("key") == "missing");
        Assert.Contains(Rows(plans), r => r.Str("key") == "without" && r.GetProperty("value").GetDecimal() > 0);
        Assert.False(plans.GetProperty("basis").GetProperty("demanded").GetBoolean());
        Assert.StartsWith("Upplysning", plans.GetProperty("basis").Str("text"), StringComparison.Ordinal);
        var child = Section(boras, "child-perspective");
        Assert.False(child.GetProperty("basis").GetProperty("demanded").GetBoolean());
        Assert.DoesNotContain(Rows(child), r => r.Str("label")!.Contains("krävs", StringComparison.Ordinal));

        var upplandsBro = await JsonAsync(OmvarldApp.Email("samordnare", "upplands-bro"), $"year={Year}");
        var demanded = Section(upplandsBro, "action-plans");
        Assert.Contains(Rows(demanded), r => r.Str("key") == "missing");
        var basis = demanded.GetProperty("basis");
        Assert.True(basis.GetProperty("demanded").GetBoolean());
        Assert.Contains("handlingsplan", basis.Str("clause"), StringComparison.Ordinal);
        Assert.Contains(basis.Str("policyLabel")!, basis.Str("text"), StringComparison.Ordinal);
        Assert.True(Section(upplandsBro, "child-perspective").GetProperty("basis").GetProperty("demanded").GetBoolean());

        // The page says so under the heading.
        var page = await (await app.SignInAsync(Coordinator)).GetDocumentAsync($"/sammanstallning?ar={Year}");
        Assert.StartsWith("Upplysning", page.QuerySelector("#section-action-plans")!.ParentElement!.QuerySelector(".compilation-basis")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>What remains owed: the results reports the year's activities still owe, each listed with its due date.</summary>
    [Fact]
    public async Task Owed_ListsTheReportsStillOwed()
    {
        var json = await JsonAsync(Coordinator, $"year={Year}");
        var owed = Sections(json).Single(s => s.Str("key") == "owed");
        Assert.False(owed.GetProperty("compared").GetBoolean());
        var count = Rows(owed).Where(r => r.Str("key") is "yearly-reports" or "final-reports").Sum(r => r.GetProperty("value").GetDecimal());
        Assert.Equal(count, owed.GetProperty("items").GetArrayLength());
        Assert.All(owed.GetProperty("items").EnumerateArray(), i => Assert.Matches(@"redovisning.*senast \d{1,2} [a-zä]{3,4}\.? \d{4}", i.Str("note")));
    }

    /// <summary>
    /// <i>Avvikelser som kvarstår</i>: for every activity listed, exactly the blocking findings and warnings its own page
    /// gives, each citing its document, version and clause; an Upplands-Bro activity running since two years back with
    /// nothing reported is listed with its overdue report under the 2020 policy's clause.
    /// </summary>
    [Fact]
    public async Task Findings_StillStanding_PerActivityAsOnItsPage_CitingTheClause()
    {
        var coordinator = OmvarldApp.Email("samordnare", "upplands-bro");
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);
        var year = today.Year - 1;
        var id = await app.RunningActivityAsync(app.UpplandsBro, "Samhällsbyggnadskontoret", "Avvikelse som kvarstår (test)", coordinator, new DateOnly(year - 1, 1, 1));

        var section = Sections(await JsonAsync(coordinator, $"year={year}")).Single(s => s.Str("key") == "findings");
        Assert.Equal("Avvikelser som kvarstår", section.Str("title"));
        Assert.False(section.GetProperty("compared").GetBoolean());
        var items = section.GetProperty("items").EnumerateArray().ToList();
        var api = await app.ApiClientAsync(coordinator);
        var severities = new List<string>();
        foreach (var activityId in items.Select(i => i.GetProperty("activityId").GetGuid()).Distinct())
        {
            var findings = (await (await api.GetAsync($"/api/v1/activities/{activityId}")).ReadJsonAsync()).GetProperty("findings").EnumerateArray()
                .Where(f => f.Str("severity") is "Blocking" or "Warning").ToList();
            var notes = items.Where(i => i.GetProperty("activityId").GetGuid() == activityId).Select(i => i.Str("note")!.Split('\n')).ToList();
            Assert.Equal(findings.Select(f => (f.Str("severity") == "Blocking" ? "Hinder för godkännande" : "Varning") + ": " + f.Str("message")).Order(),
                notes.Select(n => n[0]).Order());
            foreach (var f in findings.Where(f => f.Str("clause")!.Length > 0))
                Assert.Contains(notes, n => n[1].StartsWith("Ur ", StringComparison.Ordinal) && n[1].Contains(f.Str("policyVersionLabel")!, StringComparison.Ordinal)
                    && n[1].Contains(f.Str("clause")!.Split("\n\n")[0].Trim(), StringComparison.Ordinal));
            severities.AddRange(findings.Select(f => f.Str("severity")!));
        }
        var mine = items.Where(i => i.GetProperty("activityId").GetGuid() == id).Select(i => i.Str("note")!).ToList();
        Assert.Contains(mine, n => n.StartsWith($"Varning: Resultaten för {year - 1} ", StringComparison.Ordinal));
        int Row(string key) => (int)Rows(section).Single(r => r.Str("key") == key).GetProperty("value").GetDecimal();
        Assert.Equal((severities.Count(s => s == "Blocking"), severities.Count(s => s == "Warning"), items.Select(i => i.GetProperty("activityId").GetGuid()).Distinct().Count()),
            (Row("blocking"), Row("warning"), Row("activities")));
    }

    /// <summary>
    /// The yearly follow-up round in the report: the coordinator's summary first, the units' accounts last, each account with
    /// its state; the demo's Borås 2025 round's summary and a ready account's answers appear in the page, the JSON, the DOCX,
    /// the PDF and the XLSX. A unit's part leaves the municipality's summary out and keeps its own account.
    /// </summary>
    [Fact]
    public async Task FollowUp_SummaryAndUnitAccountsInEveryOutput()
    {
        var api = await app.ApiClientAsync(Coordinator);
        var report = await (await api.GetAsync($"/api/v1/follow-up/report?year={Year}")).ReadJsonAsync();
        var summary = report.Str("summary")!;
        var firstParagraph = summary.Split("\n\n")[0];
        var units = report.GetProperty("units").EnumerateArray().ToList();
        var ready = units.First(u => u.Str("status") == "Ready");
        var answer = ready.GetProperty("answers")[0].Str("answer")!;
        var unitName = ready.Str("unitName")!;
        var notStarted = units.First(u => u.Str("status") == "NotStarted").Str("unitName")!;
        Assert.False(string.IsNullOrWhiteSpace(answer));

        var json = await JsonAsync(Coordinator, $"year={Year}");
        var sections = Sections(json).ToList();
        Assert.Equal("coordinator-summary", sections[0].Str("key"));
        Assert.Equal("unit-accounts", sections[^1].Str("key"));
        Assert.Equal(firstParagraph, sections[0].GetProperty("paragraphs")[0].GetString());
        var accounts = sections[^1];
        Assert.Equal(units.Count, accounts.GetProperty("notes").GetArrayLength());
        Assert.Equal(units.Count(u => u.Str("status") == "Ready"), (int)Rows(accounts).Single(r => r.Str("key") == "ready").GetProperty("value").GetDecimal());
        var note = accounts.GetProperty("notes").EnumerateArray().Single(n => n.Str("subject")!.StartsWith(unitName + " (Klar", StringComparison.Ordinal));
        Assert.Contains(answer, note.Str("text"));
        Assert.StartsWith("Markerad som klar av ", note.Str("writtenBy"), StringComparison.Ordinal);
        Assert.Contains(accounts.GetProperty("notes").EnumerateArray(), n => n.Str("subject")!.StartsWith(notStarted + " (Inte påbörjad", StringComparison.Ordinal));

        var page = (await (await app.SignInAsync(Coordinator)).GetDocumentAsync($"/sammanstallning?ar={Year}")).QuerySelector("main")!.TextContent;
        Assert.Contains(firstParagraph, page);
        Assert.Contains(answer, page);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await FileAsync("docx")), false))
        {
            var paragraphs = doc.MainDocumentPart!.Document.Body!.Descendants<W.Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Contains(firstParagraph, paragraphs);
            Assert.Contains(paragraphs, p => p.Contains(answer, StringComparison.Ordinal));
            Assert.Contains(paragraphs, p => p.StartsWith(unitName + " (Klar", StringComparison.Ordinal));
        }
        var folder = Directory.CreateTempSubdirectory("omvarld-report-");
        try
        {
            var path = Path.Combine(folder.FullName, "s.pdf");
            await File.WriteAllBytesAsync(path, await FileAsync("pdf"));
            var text = Poppler.Run("pdftotext", $"\"{path}\" -").Replace('\u00a0', ' ');
            var flat = string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(firstParagraph, flat);
            Assert.Contains(answer, flat);
            Assert.Contains("Enheternas redovisningar", flat);
        }
        finally { folder.Delete(true); }
        using (var book = new XLWorkbook(new MemoryStream(await FileAsync("xlsx"))))
        {
            var cells = book.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()).ToList();
            Assert.Contains(firstParagraph, cells);
            Assert.Contains(cells, c => c.Contains(answer, StringComparison.Ordinal));
        }

        // A unit's part: no summary of the municipality's, the unit's own account.
        var unitId = ready.GetProperty("unitId").GetGuid();
        var part = await JsonAsync(Coordinator, $"year={Year}&unit={unitId}");
        Assert.DoesNotContain(Sections(part), s => s.Str("key") == "coordinator-summary");
        var own = Assert.Single(Sections(part).Single(s => s.Str("key") == "unit-accounts").GetProperty("notes").EnumerateArray());
        Assert.Contains(answer, own.Str("text"));
    }
}

/// <summary>Runs a poppler tool; missing poppler-utils fails with what to install, never skips.</summary>
internal static class Poppler
{
    public static string Run(string tool, string arguments)
    {
        var path = $"/usr/bin/{tool}";
        Assert.True(File.Exists(path),
            $"{tool} is missing: the PDF tests need Debian's poppler-utils. Install with:  sudo apt-get install -y poppler-utils  (./test.sh does so when run as root).");
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(path, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {error}");
        return output;
    }
}

public sealed class CompilationReportTests_Sqlite(SqliteApp app) : CompilationReportTests(app), IClassFixture<SqliteApp>;
public sealed class CompilationReportTests_Postgres(PostgresApp app) : CompilationReportTests(app), IClassFixture<PostgresApp>;
