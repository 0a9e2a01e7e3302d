using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Policies.Reading;
using Omvarld.Web.Features.Policies.Reading;
using Omvarld.Web.Tests.Infrastructure;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Omvarld.Web.Tests.Features.Policies;

/// <summary>A policy document read from PDF, DOCX and text gives the same proposal; bad input is refused in Swedish.</summary>
public sealed class PolicyDocumentTextTests
{
    internal const string Policy = SamplePolicyText.Policy;

    internal static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(text.Split('\n').Select(line => new Paragraph(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve })))));
        }
        return stream.ToArray();
    }

    internal static byte[] Pdf(string text)
    {
        var builder = new PdfDocumentBuilder();
        // The app's own TrueType font (Standard 14 Helvetica has no å, ä, ö in PdfPig's writer).
        var font = builder.AddTrueTypeFont(File.ReadAllBytes(Path.Combine(RepositoryFiles.Root, "src", "Omvarld.Web", "SeedData", "Fonts", "DejaVuSans.ttf")));
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var y = 800.0;
        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 0) page.AddText(line, 8, new PdfPoint(40, y), font);
            y -= 11;
        }
        return builder.Build();
    }

    private static PolicyProposal Proposal(byte[] bytes)
    {
        var read = PolicyDocumentText.Read(bytes);
        Assert.Null(read.ErrorKey);
        return PolicyReader.Read(TextNormaliser.Normalise(read.Pages!));
    }

    [Fact]
    public void Text_and_docx_carrying_the_same_text_give_the_same_proposal()
    {
        var fromText = Proposal(Encoding.UTF8.GetBytes(Policy));
        var yaml = ProposalOutput.Yaml(fromText);
        Assert.Equal(3, fromText.Goals.Count);
        Assert.Equal(yaml, ProposalOutput.Yaml(Proposal(Docx(Policy))));
        Assert.Contains("decisions: []", yaml);   // a proposal is a draft, never adopted
    }

    [Fact]
    public void Text_and_a_generated_pdf_carrying_the_same_text_give_the_same_proposal()
    {
        var fromText = ProposalOutput.Yaml(Proposal(Encoding.UTF8.GetBytes(Policy)));
        Assert.Equal(fromText, ProposalOutput.Yaml(Proposal(Pdf(Policy))));
    }

    /// <summary>A generated PDF with an encryption dictionary whose password is not the empty one: PdfPig cannot open it.</summary>
    internal static byte[] EncryptedPdf()
    {
        var pdf = Encoding.Latin1.GetString(Pdf(Policy));
        var trailer = pdf.LastIndexOf("trailer", StringComparison.Ordinal);
        Assert.True(trailer > 0, "the generated PDF has a classic trailer");
        var open = pdf.IndexOf("<<", trailer, StringComparison.Ordinal) + 2;
        var hex = new string('A', 64);
        var encrypt = $" /Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /O <{hex}> /U <{hex}> /P -4 >> /ID [<{hex[..32]}> <{hex[..32]}>] ";
        return Encoding.Latin1.GetBytes(pdf[..open] + encrypt + pdf[open..]);
    }

    [Fact]
    public void Bad_input_is_named()
    {
        var scanned = new PdfDocumentBuilder();
        scanned.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        Assert.Equal("PolicyRead_NoTextLayer", PolicyDocumentText.Read(scanned.Build()).ErrorKey);
        Assert.Equal("PolicyRead_PdfUnreadable", PolicyDocumentText.Read(Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF")).ErrorKey);
        Assert.Equal("PolicyRead_TooLarge", PolicyDocumentText.Read(new byte[PolicyDocumentText.MaxBytes + 1]).ErrorKey);
        Assert.Contains(PolicyDocumentText.Read(EncryptedPdf()).ErrorKey, new[] { "PolicyRead_Encrypted", "PolicyRead_PdfUnreadable" });
        Assert.Equal("PolicyRead_UnknownFormat", PolicyDocumentText.Read([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]).ErrorKey);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, true))
        {
            using var w = new StreamWriter(archive.CreateEntry("bild.txt").Open());
            w.Write("inte Word");
        }
        Assert.Equal("PolicyRead_NotWord", PolicyDocumentText.Read(zip.ToArray()).ErrorKey);
    }
}

/// <summary>POST /api/v1/policies/read: the proposal as JSON and YAML, bad input as ProblemDetails, nothing stored.</summary>
public abstract class PolicyReadApiTests(OmvarldApp app)
{
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");

    private Task<int> VersionCountAsync() => app.WithDbAsync(db => db.PolicyVersions.IgnoreQueryFilters().CountAsync());

    private static MultipartFormDataContent File(byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bytes), "file", name);
        return form;
    }

    [Fact]
    public async Task A_docx_is_read_into_a_proposal_and_nothing_is_stored()
    {
        var api = await app.ApiClientAsync(Coordinator);
        var before = await VersionCountAsync();

        var response = await api.PostAsync("/api/v1/policies/read", File(PolicyDocumentTextTests.Docx(PolicyDocumentTextTests.Policy), "policy.docx"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal(3, json.GetProperty("goals").GetArrayLength());
        Assert.Contains("format: omvarld-policy/1", json.Str("yaml"));
        Assert.Equal(before, await VersionCountAsync());

        var yaml = await api.PostAsync("/api/v1/policies/read?format=yaml", new StringContent(PolicyDocumentTextTests.Policy, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, yaml.StatusCode);
        Assert.StartsWith("application/yaml", yaml.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task An_agenda_and_a_scan_are_refused_in_Swedish()
    {
        var api = await app.ApiClientAsync(Coordinator);
        var agenda = new MultipartFormDataContent { { new StringContent("Föredragningslista\n\n1. Val av justerare\n2. Övriga frågor"), "text" } };

        var refused = await api.PostAsync("/api/v1/policies/read", agenda);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("inget styrdokument", await refused.Content.ReadAsStringAsync());

        var scanned = new PdfDocumentBuilder();
        scanned.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var scan = await api.PostAsync("/api/v1/policies/read", File(scanned.Build(), "scan.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, scan.StatusCode);
        Assert.Contains("inskannat", await scan.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_encrypted_pdf_is_a_Swedish_problem_not_a_500()
    {
        var api = await app.ApiClientAsync(Coordinator);
        var before = await VersionCountAsync();

        var response = await api.PostAsync("/api/v1/policies/read", File(PolicyDocumentTextTests.EncryptedPdf(), "krypterad.pdf"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("PDF-filen", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await VersionCountAsync());
    }
}

public sealed class PolicyReadApiTests_Sqlite(SqliteApp app) : PolicyReadApiTests(app), IClassFixture<SqliteApp>;
public sealed class PolicyReadApiTests_Postgres(PostgresApp app) : PolicyReadApiTests(app), IClassFixture<PostgresApp>;
