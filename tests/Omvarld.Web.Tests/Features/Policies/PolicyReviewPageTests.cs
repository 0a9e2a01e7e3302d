using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Auditing;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Policies;

/// <summary>
/// Issue 18.3: the review page — a document is read into a proposal shown beside its text, the coordinator keeps,
/// edits, leaves out and adds items, and the result is saved as a draft version through the import of a policy file.
/// </summary>
public abstract class PolicyReviewPageTests(OmvarldApp app)
{
    private const string Page = "/styrdokument/las-in-dokument";
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");

    /// <summary>The fields a browser would post for the form: checked boxes only, every hidden and text field, textareas, selects.</summary>
    internal static List<KeyValuePair<string, string>> Fields(IHtmlDocument document, string selector = "form#review-form")
    {
        var form = document.QuerySelector(selector) ?? throw new InvalidOperationException($"No {selector}: " + document.QuerySelector("main")?.TextContent);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var e in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = e.GetAttribute("name")!;
            switch (e)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked: break;
                case IHtmlInputElement { Type: "file" or "submit" }: break;
                case IHtmlInputElement input: fields.Add(new(name, input.Value)); break;
                case IHtmlTextAreaElement area: fields.Add(new(name, area.Value ?? "")); break;
                case IHtmlSelectElement select: fields.Add(new(name, select.Value ?? "")); break;
            }
        }
        return fields;
    }

    internal static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        var i = fields.FindIndex(f => f.Key == name);
        if (i < 0) fields.Add(new(name, value)); else fields[i] = new(name, value);
    }

    /// <summary>Unticks "Ta med": the checkbox's "true" goes, the hidden "false" stays.</summary>
    internal static void Reject(List<KeyValuePair<string, string>> fields, string keepName) =>
        fields.RemoveAll(f => f.Key == keepName && f.Value == "true");

    private static string FieldName(IHtmlDocument document, string metadata) =>
        document.QuerySelectorAll("form#review-form input[type=hidden]").OfType<IHtmlInputElement>()
            .Single(i => i.Name!.EndsWith("].Name") && i.Name.StartsWith("Form.Fields[") && i.Value == metadata).Name![..^".Name".Length];

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName)
    {
        var start = await client.GetDocumentAsync(Page);
        var content = new MultipartFormDataContent
        {
            { new StringContent(start.AntiforgeryToken()), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "Document", fileName },
        };
        return await client.PostAsync(Page + "?handler=Read", content);
    }

    // The form's fields carry its antiforgery token.
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, List<KeyValuePair<string, string>> fields) =>
        client.PostAsync($"{Page}?handler={handler}", new FormUrlEncodedContent(fields));

    private Task<int> VersionCountAsync() => app.WithDbAsync(db => db.PolicyVersions.IgnoreQueryFilters().CountAsync());

    [Fact]
    public async Task Upload_review_and_save_makes_a_draft_with_the_kept_items_only()
    {
        var client = await app.SignInAsync(Coordinator);
        Assert.NotNull((await client.GetDocumentAsync("/styrdokument")).QuerySelector($"a[href='{Page}']"));
        var before = await VersionCountAsync();

        var read = await UploadAsync(client, PolicyDocumentTextTests.Docx(PolicyDocumentTextTests.Policy), "policy.docx");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var review = await read.ReadDocumentAsync();
        // The source text beside the proposal, each goal's passage marked and linked.
        var source = review.QuerySelector("#source-text")!;
        Assert.Contains("Hållbar utveckling i kommunen och i partnerorten", source.TextContent);
        Assert.NotNull(source.QuerySelector("#src-g-1"));
        Assert.Contains("g-1", source.QuerySelectorAll("mark[data-items]").Select(m => m.GetAttribute("data-items")!).SelectMany(s => s.Split(' ')));
        Assert.NotNull(review.QuerySelector("a[href='#src-g-1']"));
        Assert.Equal(3, review.QuerySelectorAll("fieldset[data-item^='g-']").Length);
        Assert.NotNull(review.QuerySelector("fieldset[data-item='p']"));
        Assert.Equal(before, await VersionCountAsync());   // reading stores nothing

        // Add a goal the reader did not propose (the no-script way: the passage written into the add field).
        var fields = Fields(review);
        Set(fields, "Form.NewText", "Nämnder och bolag skall varje år upprätta en handlingsplan för sitt internationella arbete.");
        Set(fields, "Form.NewName", "Handlingsplaner");
        var added = await PostAsync(client, "Add", fields);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        review = await added.ReadDocumentAsync();
        Assert.Equal(4, review.QuerySelectorAll("fieldset[data-item^='g-']").Length);
        Assert.NotNull(review.QuerySelector("#source-text #src-g-3"));   // the added passage is found and marked in the text

        // Leave out the second goal, rename the first, fill what the file needs and the document does not say.
        fields = Fields(review);
        Reject(fields, "Form.Goals[1].Keep");
        Set(fields, "Form.Goals[0].Name", "Kompetens");
        Set(fields, "Form.Label", "2018");
        Set(fields, FieldName(review, "title") + ".Value", "Internationell policy för Testkommun");
        Set(fields, FieldName(review, "kind") + ".Value", "policy");
        Set(fields, FieldName(review, "adoptedBy") + ".Value", "Kommunfullmäktige");
        Set(fields, FieldName(review, "appliesTo") + ".Value", "Kommunens nämnder och bolag");
        Set(fields, FieldName(review, "validUntil") + ".Value", "replaced");
        foreach (var name in new[] { "title", "kind", "adoptedBy", "appliesTo", "validUntil" }) Set(fields, FieldName(review, name) + ".Keep", "true");

        // Without a label: a Swedish message by the field, nothing stored, the review kept.
        var withoutLabel = fields.Select(f => f.Key == "Form.Label" ? new KeyValuePair<string, string>(f.Key, "") : f).ToList();
        var refused = await PostAsync(client, "Save", withoutLabel);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await refused.ReadDocumentAsync();
        Assert.Contains("Versionens namn måste fyllas i", refusedPage.QuerySelector("#error-summary")!.TextContent);
        Assert.NotNull(refusedPage.QuerySelector("form#review-form #source-text"));
        Assert.Equal(before, await VersionCountAsync());

        var saved = await PostAsync(client, "Save", fields);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, (await saved.ReadDocumentAsync()).QuerySelector("main")?.TextContent);
        var id = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/').Last());

        var (yaml, status, audited, adopted) = await app.WithDbAsync(async db =>
        {
            var v = await db.PolicyVersions.IgnoreQueryFilters().SingleAsync(x => x.Id == id);
            return (v.Source,
                v.Key,
                await db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.EntityId == id && a.Action == AuditAction.Created),
                await db.PolicyDecisions.IgnoreQueryFilters().AnyAsync(d => d.PolicyVersionId == id));
        });
        Assert.True(audited);
        Assert.False(adopted);   // a draft: no decisions, never adopted by the reader
        Assert.Equal("INTERNATIONELL-POLICY-FOR-TESTKOMMUN-2018", status);
        var definition = PolicyFileReader.Read(new StringReader(yaml)).Definition!;
        Assert.Equal(["Kompetens", "Fler kontakter för det lokala näringslivet", "Handlingsplaner"], definition.Version.Goals.Select(g => g.Name));
        Assert.DoesNotContain(definition.Version.Goals, g => g.Clause.Contains("Hållbar utveckling"));
        Assert.NotNull(definition.Version.Precondition);
        Assert.Equal("Borås Stad", definition.Document.Municipality);
        var versionPage = await client.GetDocumentAsync($"/styrdokument/versioner/{id}");
        Assert.Contains("Detta är ett utkast", versionPage.Text());

        // Another municipality's coordinator does not see the draft; other roles do not reach the page.
        var other = await app.SignInAsync(OmvarldApp.Email("samordnare", "upplands-bro"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/styrdokument/versioner/{id}")).StatusCode);
        foreach (var who in new[] { "lasare", "ks", "redaktor" })
        {
            var denied = await (await app.SignInAsync(OmvarldApp.Email(who))).GetAsync(Page);
            Assert.Contains("/konto/nekad", denied.Headers.Location?.OriginalString ?? denied.RequestMessage!.RequestUri!.ToString());
        }
    }

    [Fact]
    public async Task Two_goals_read_from_one_sentence_are_both_marked_and_both_kept()
    {
        var client = await app.SignInAsync(Coordinator);
        const string sentence = "Kommunen deltar i europeiska projekt i syfte att få kompetens- och verksamhetsutveckling.";
        var text = "Policy för internationella kontakter\n\nInriktning\n\n" + sentence + " Nämnderna ska söka EU-medel för sina projekt.\n";
        var start = await client.GetDocumentAsync(Page);
        var read = await client.PostAsync(Page + "?handler=Read", new FormUrlEncodedContent([new("__RequestVerificationToken", start.AntiforgeryToken()), new("Pasted", text)]));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var review = await read.ReadDocumentAsync();
        // Two goals, one passage: each has its anchor and link, and the one mark names both.
        Assert.Equal(2, review.QuerySelectorAll("fieldset[data-item^='g-']").Length);
        var source = review.QuerySelector("#source-text")!;
        Assert.NotNull(source.QuerySelector("#src-g-0"));
        Assert.NotNull(source.QuerySelector("#src-g-1"));
        Assert.NotNull(review.QuerySelector("a[href='#src-g-0']"));
        Assert.NotNull(review.QuerySelector("a[href='#src-g-1']"));
        var mark = source.QuerySelectorAll("mark[data-items]").Single(m => m.TextContent == sentence);
        Assert.Equal(["g-0", "g-1"], mark.GetAttribute("data-items")!.Split(' ').Where(i => i.StartsWith("g-", StringComparison.Ordinal)));

        var fields = Fields(review);
        Set(fields, "Form.Label", "2024");
        Set(fields, FieldName(review, "title") + ".Value", "Policy för internationella kontakter i Testkommun");
        Set(fields, FieldName(review, "kind") + ".Value", "policy");
        Set(fields, FieldName(review, "adoptedBy") + ".Value", "Kommunfullmäktige");
        Set(fields, FieldName(review, "appliesTo") + ".Value", "Kommunens nämnder");
        Set(fields, FieldName(review, "validUntil") + ".Value", "replaced");
        foreach (var name in new[] { "title", "kind", "adoptedBy", "appliesTo", "validUntil" }) Set(fields, FieldName(review, name) + ".Keep", "true");
        var saved = await PostAsync(client, "Save", fields);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, (await saved.ReadDocumentAsync()).QuerySelector("main")?.TextContent);
        var id = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/').Last());
        var yaml = await app.WithDbAsync(db => db.PolicyVersions.IgnoreQueryFilters().Where(v => v.Id == id).Select(v => v.Source).SingleAsync());
        var goals = PolicyFileReader.Read(new StringReader(yaml)).Definition!.Version.Goals;
        Assert.Equal(["Kompetensutveckling", "Verksamhetsutveckling"], goals.Select(g => g.Name));
        Assert.All(goals, g => Assert.Equal(sentence, g.Clause));
    }

    [Fact]
    public async Task A_save_by_another_role_is_forbidden_and_bad_documents_are_named_in_Swedish()
    {
        var client = await app.SignInAsync(Coordinator);
        var before = await VersionCountAsync();

        var picture = await UploadAsync(client, [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], "bild.pdf");
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Contains("Filen kunde inte läsas", (await picture.ReadDocumentAsync()).QuerySelector("#error-summary")!.TextContent);

        var agenda = await UploadAsync(client, "Föredragningslista\n\n1. Val av justerare\n2. Övriga frågor"u8.ToArray(), "agenda.txt");
        Assert.Contains("inget styrdokument", (await agenda.ReadDocumentAsync()).QuerySelector("#error-summary")!.TextContent);

        // A save posted without the document's text has nothing to review: back to the upload form, nothing stored.
        var start = await client.GetDocumentAsync(Page);
        var empty = await client.PostAsync(Page + "?handler=Save", new FormUrlEncodedContent([new("__RequestVerificationToken", start.AntiforgeryToken()), new("Form.Label", "2018")]));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.NotNull((await empty.ReadDocumentAsync()).QuerySelector("input#Document"));

        // A reader's post is refused before anything is read.
        var reader = await app.SignInAsync(OmvarldApp.Email("lasare"));
        var readerPost = await reader.PostAsync(Page + "?handler=Save", new FormUrlEncodedContent([new("Form.Text", PolicyDocumentTextTests.Policy), new("Form.Label", "2018")]));
        Assert.True(readerPost.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest || readerPost.Headers.Location?.OriginalString.Contains("/konto/nekad") == true,
            $"{readerPost.StatusCode} {readerPost.Headers.Location}");
        Assert.Equal(before, await VersionCountAsync());
    }
}

public sealed class PolicyReviewPageTests_Sqlite(SqliteApp app) : PolicyReviewPageTests(app), IClassFixture<SqliteApp>;
public sealed class PolicyReviewPageTests_Postgres(PostgresApp app) : PolicyReviewPageTests(app), IClassFixture<PostgresApp>;
