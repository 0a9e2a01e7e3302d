using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Omvarld.Web;
using Omvarld.Web.Features.Shared;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Usability;

/// <summary>
/// Issue 16.6: the Swedish on every page reads as Swedish: no internal codes (DEMOKRATISKA_VARDERINGAR, ERASMUS_PLUS),
/// no count glued to the wrong form ("1 aktiviteter", "alla 1"), "§" written once. Every GET page each role reaches
/// from its start page (one address per route), as the server renders it; the text of form fields, code and
/// preformatted text (where codes belong, e.g. a policy file) is left out.
/// </summary>
public abstract partial class PageTextTests(OmvarldApp app)
{
    [Fact]
    public async Task EveryPage_OfEveryRole_ShowsNoInternalCodes_NoBrokenPlurals_NoDoubleParagraphSign()
    {
        var callers = new[] { OmvarldApp.Email("samordnare"), OmvarldApp.Email("ks"), OmvarldApp.Email("redaktor"), OmvarldApp.Email("godkannare"),
            OmvarldApp.Email("lasare"), OmvarldApp.Admin, OmvarldApp.Email("samordnare", "upplands-bro") };
        var failures = new StringBuilder();
        var pages = 0;
        foreach (var caller in callers)
        {
            var client = await app.SignInAsync(caller);
            var seen = new HashSet<string>();
            var queue = new Queue<string>(["/"]);
            while (queue.TryDequeue(out var path) && seen.Count < 150)
            {
                if (!seen.Add(Route().Replace(path, "/{id}"))) continue;
                var response = await client.GetAsync(path);
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                // The change log (/logg) quotes stored values as they were saved, codes included: it is the record, not prose.
                // Its own wording is left for later (issue 16, what is left); every other page is read.
                if (path == "/logg") continue;
                var page = await response.ReadDocumentAsync();
                pages++;
                foreach (var problem in Problems(page)) failures.AppendLine($"{caller} {path}: {problem}");
                foreach (var href in page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
                {
                    if (!href.StartsWith('/') || href.StartsWith("//")) continue;
                    var clean = href.Split('#')[0].Split('?')[0];
                    if (clean.Length > 0 && !NotAPage().IsMatch(clean) && !seen.Contains(Route().Replace(clean, "/{id}"))) queue.Enqueue(clean);
                }
            }
        }
        Assert.True(pages > 100, $"Only {pages} pages read.");
        Assert.True(failures.Length == 0, "Text that reads as machine text:\n" + failures);
    }

    [Fact]
    public void Count_ChoosesTheFormByTheNumber_FromTheResourceFile()
    {
        var l = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        string Shown(int n) => l.Count(n, "Public_Count").Replace('\u00A0', ' ');
        Assert.Equal(["0 aktiviteter", "1 aktivitet", "2 aktiviteter", "21 aktiviteter", "1 234 aktiviteter"], new[] { 0, 1, 2, 21, 1234 }.Select(Shown));
    }

    [Fact]
    public void TheChecks_CatchWhatTheyAreFor()
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var bad = parser.ParseDocument("<main><p>Mål: DEMOKRATISKA_VARDERINGAR</p><p>1 aktiviteter</p><p>Skriv e-post till alla 1</p><p>KS § § 87</p></main>");
        Assert.Equal(4, Problems(bad).Count());
        var good = parser.ParseDocument("<main><p>1 aktivitet, 2 aktiviteter, 21 aktiviteter</p><p>KS § 87</p><table><tr><td>Hållbar energi för alla</td><td>1</td></tr></table><textarea>key: BORAS_X</textarea><code>ERASMUS_PLUS</code></main>");
        Assert.Empty(Problems(good));
    }

    private static IEnumerable<string> Problems(IHtmlDocument page)
    {
        foreach (var skip in page.QuerySelectorAll("textarea, pre, code, script, style, select, option, .preserve-code").ToList()) skip.Remove();
        // Each text node on its own, so that the cells of a row do not run together.
        var text = Regex.Replace(string.Join(" ", page.Body?.Descendants<AngleSharp.Dom.IText>().Select(t => t.Data) ?? []), @"\s+", " ");
        foreach (Match m in InternalCode().Matches(text)) yield return $"internal code \"{m.Value}\" in \"…{Around(text, m)}…\"";
        foreach (Match m in BrokenPlural().Matches(text)) yield return $"broken plural \"{m.Value}\" in \"…{Around(text, m)}…\"";
        foreach (Match m in DoubleParagraph().Matches(text)) yield return $"\"§\" twice in \"…{Around(text, m)}…\"";
    }

    private static string Around(string text, Match m) => text.Substring(Math.Max(0, m.Index - 40), Math.Min(text.Length - Math.Max(0, m.Index - 40), m.Length + 80));

    /// <summary>Upper-case words joined by underscores: the form of the policy's and the reference data's codes.</summary>
    [GeneratedRegex(@"\b[A-ZÅÄÖ0-9]{2,}(?:_[A-ZÅÄÖ0-9]+)+\b")]
    private static partial Regex InternalCode();

    /// <summary>"1" (not part of a larger number) followed by a plural noun, or "alla 1".</summary>
    [GeneratedRegex(@"(?<!\d\s)\b1 (?:\p{Ll}+ )?(?:aktiviteter|enheter|länder|kommuner|organisationer|rader|dagar|månader|veckor|timmar|filer|samarbetsparter|versioner|nämnder|personer|kontaktpersoner|frågor)\b|\btill alla 1\b")]
    private static partial Regex BrokenPlural();

    [GeneratedRegex(@"§\s*§")]
    private static partial Regex DoubleParagraph();

    [GeneratedRegex(@"/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+|[A-Z]{2})(?=/|$)")]
    private static partial Regex Route();

    [GeneratedRegex(@"^/(api|openapi|kalender)/|/(export|ladda-ner|fil|filer|kallfil|policyfil|dokument|mall|logga-ut|extern)(/|$)|\.(ics|csv|xlsx|docx|pdf|json|xml|yaml)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotAPage();
}

public sealed class PageTextTests_Sqlite(SqliteApp app) : PageTextTests(app), IClassFixture<SqliteApp>;
public sealed class PageTextTests_Postgres(PostgresApp app) : PageTextTests(app), IClassFixture<PostgresApp>;
