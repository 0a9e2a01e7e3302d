using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Omvarld.Browser.Tests;

/// <summary>
/// Issue 16.2, WCAG 1.4.10 (reflow): every page of every role at 320 px CSS wide, scanned by axe, without sideways
/// scrolling of the page (a wide table may scroll inside its own region); and the main menu's top-level entries
/// per role, at most <see cref="Omvarld.Web.Features.Shared.Shell.MaxTopLevelEntries"/>.
/// Every page: each role's start page and menu, then every page linked from those and from the pages found so far
/// (one address per route: ids and codes are one page), until no new route turns up.
/// </summary>
public sealed partial class ReflowTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture)
{
    private static readonly string[] Roles =
        ["samordnare@boras.demo", "ks@boras.demo", "redaktor@boras.demo", "godkannare@boras.demo", "lasare@boras.demo", "admin@omvarld.demo", "samordnare@upplands-bro.demo"];

    /// <summary>Downloads, feeds, the API and signing out are not pages to look at.</summary>
    private static readonly Regex NotAPage = SkipPattern();

    [Fact]
    public Task Every_page_of_every_role_reflows_at_320_px_and_the_menu_has_few_top_level_entries() => RunAsync(async () =>
    {
        var seenRoutes = new HashSet<string>(StringComparer.Ordinal);
        var failures = new StringBuilder();
        var figures = new StringBuilder();
        var visited = 0;

        // The public first: the front door and the open pages.
        await Page.SetViewportSizeAsync(320, 720);
        visited += await CrawlAsync("anonymous", ["/", "/oppet", "/konto/logga-in"], seenRoutes, failures);

        foreach (var email in Roles)
        {
            await Context.ClearCookiesAsync();
            await Page.SetViewportSizeAsync(1280, 900);
            await LoginAsync(email);
            var topLevel = await Page.Locator("nav.main-nav .main-nav__list > li").CountAsync();
            var hrefs = await Page.Locator("nav.main-nav a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
            figures.AppendLine($"{email}: {topLevel} top-level menu entries, {hrefs.Length} menu links");
            if (topLevel > Omvarld.Web.Features.Shared.Shell.MaxTopLevelEntries)
                failures.AppendLine($"{email}: the main menu has {topLevel} top-level entries (at most {Omvarld.Web.Features.Shared.Shell.MaxTopLevelEntries}).");

            await Page.SetViewportSizeAsync(320, 720);
            await VisitAsync("/");
            var menuHeight = await Page.EvaluateAsync<double>("() => document.querySelector('nav.main-nav').getBoundingClientRect().height");
            figures.AppendLine($"{email}: main menu {menuHeight:0} px high at 320 px (folded)");
            visited += await CrawlAsync(email, ["/", .. hrefs], seenRoutes, failures, always: ["/", .. hrefs]);
        }
        output.WriteLine(figures.ToString());
        output.WriteLine($"{visited} pages visited at 320 px, {seenRoutes.Count} routes.");
        Assert.True(failures.Length == 0, "At 320 px:\n" + failures);
    });

    /// <summary>Visits pages breadth-first from <paramref name="start"/>; each route once over all roles, except <paramref name="always"/>.</summary>
    private async Task<int> CrawlAsync(string who, IEnumerable<string> start, HashSet<string> seenRoutes, StringBuilder failures, IEnumerable<string>? always = null)
    {
        var mustVisit = new HashSet<string>(always ?? [], StringComparer.Ordinal);
        var queue = new Queue<string>(start.Distinct());
        var queued = new HashSet<string>(queue, StringComparer.Ordinal);
        var count = 0;
        while (queue.TryDequeue(out var path))
        {
            var route = RouteOf(path);
            if (!mustVisit.Contains(path) && !seenRoutes.Add(route)) continue;
            seenRoutes.Add(route);
            // A generous limit: the first page also starts the app, and the machine may be busy.
            var response = await Page.GotoAsync(path, new() { Timeout = 90_000 });
            if (response is null || response.Status != 200 || new Uri(Page.Url).AbsolutePath.StartsWith("/konto/nekad", StringComparison.Ordinal))
                continue; // Not this role's page (403 or a redirect): the authorization matrix covers that.
            await ScanAsync();
            count++;
            var overflow = await Page.EvaluateAsync<string>("""
                () => {
                  const d = document.documentElement, w = d.clientWidth;
                  if (d.scrollWidth <= w) return '';
                  // The elements that stick out, outermost first; not those inside a scrolling box that itself fits.
                  const out = e => e.getBoundingClientRect().right > w + 1;
                  const contained = e => { for (let a = e.parentElement; a && a !== d; a = a.parentElement) {
                    const o = getComputedStyle(a).overflowX; if (o !== 'visible' && o !== 'clip' && !out(a)) return true; } return false; };
                  const roots = [...document.body.querySelectorAll('*')].filter(e => out(e) && !contained(e) && !(e.parentElement && out(e.parentElement)));
                  const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '');
                  return `scrollWidth ${d.scrollWidth} > clientWidth ${w}; sticking out: ` + roots.slice(0, 5).map(e =>
                    `${e.parentElement ? name(e.parentElement) + ' > ' : ''}${name(e)} (${Math.round(e.getBoundingClientRect().right)} px, "${(e.textContent || '').trim().slice(0, 40)}")`).join('; ');
                }
                """);
            if (overflow.Length > 0) failures.AppendLine($"{who} {path}: {overflow}");
            var links = await Page.Locator("a[href]").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
            foreach (var href in links)
            {
                if (href is null || !href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal)) continue;
                var clean = href.Split('#')[0].Split('?')[0];
                if (clean.Length == 0 || NotAPage.IsMatch(clean) || seenRoutes.Contains(RouteOf(clean)) || !queued.Add(clean)) continue;
                queue.Enqueue(clean);
            }
        }
        return count;
    }

    /// <summary>The route of an address: ids, numbers and country codes are one page.</summary>
    private static string RouteOf(string path) => IdSegment().Replace(path, "/{id}");

    [GeneratedRegex(@"/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+|[A-Z]{2})(?=/|$)")]
    private static partial Regex IdSegment();

    [GeneratedRegex(@"^/(api|openapi|kalender)/|/(export|ladda-ner|fil|filer|kallfil|policyfil|dokument|mall|logga-ut|extern)(/|$)|\.(ics|csv|xlsx|docx|pdf|json|xml|yaml)$", RegexOptions.IgnoreCase)]
    private static partial Regex SkipPattern();
}
