using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Omvarld.Browser.Tests;

/// <summary>
/// A test in a browser: a fresh context (no cookies) per test, and an axe-core scan of every page the test
/// lands on (<see cref="VisitAsync"/>, <see cref="NavigateByAsync"/>). The page's own Content Security Policy stays
/// on, so a CSP violation on any page also fails the test.
/// </summary>
public abstract class BrowserTest(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly string AxeScript = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js"));
    private readonly List<string> _consoleErrors = [];

    protected BrowserFixture Fixture { get; } = fixture;
    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;
    protected string BaseUrl => Fixture.App.BaseUrl;
    /// <summary>Every page scanned by axe in this test, for the record.</summary>
    protected List<string> Scanned { get; } = [];

    public async Task InitializeAsync()
    {
        Context = await Fixture.Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            Locale = "sv-SE",
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        Context.SetDefaultTimeout(15_000);
        Page = await Context.NewPageAsync();
        Page.Console += (_, m) => { if (m.Type == "error") _consoleErrors.Add(m.Text); };
        Page.PageError += (_, e) => _consoleErrors.Add(e);
    }

    public async Task DisposeAsync() => await Context.CloseAsync();

    /// <summary>Runs the test body; on failure keeps a screenshot in /tmp and says where.</summary>
    protected async Task RunAsync(Func<Task> body, [CallerMemberName] string name = "")
    {
        try
        {
            await body();
        }
        catch (Exception e)
        {
            var serverErrors = Fixture.App.Log.TakeErrors();
            var server = serverErrors.Count == 0 ? "" : "\nThe app logged:\n" + string.Join("\n", serverErrors);
            var file = Path.Combine(Path.GetTempPath(), $"omvarld-browser-{GetType().Name}-{name}.png");
            try
            {
                await Page.ScreenshotAsync(new() { Path = file, FullPage = true });
            }
            catch (PlaywrightException) { file = "(no screenshot)"; }
            throw new Exception($"{e.Message}\n(Screenshot of the page at {Page.Url}: {file}){server}", e);
        }
    }

    /// <summary>Opens a path (or URL), expects the given HTTP status, and scans the page.</summary>
    protected async Task<IResponse?> VisitAsync(string path, int expectedStatus = 200)
    {
        var response = await Page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.True(response!.Status == expectedStatus,
            $"GET {path} answered {response.Status}, expected {expectedStatus} (now at {Page.Url}).");
        await ScanAsync();
        return response;
    }

    /// <summary>Does something that loads a new page (a click on a link, a form submission), waits for it, and scans it.</summary>
    protected async Task NavigateByAsync(Func<Task> action)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage page) => loaded.TrySetResult();
        Page.Load += OnLoad;
        try
        {
            await action();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No new page loaded within 15 s (still at {Page.Url}).");
        }
        finally
        {
            Page.Load -= OnLoad;
        }
        await ScanAsync();
    }

    protected Task ClickAndScanAsync(ILocator locator) => NavigateByAsync(() => locator.ClickAsync());

    /// <summary>Injects axe-core and fails on any WCAG 2.0/2.1 A or AA violation, listing each rule and where it is.</summary>
    protected async Task ScanAsync()
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        var cspErrors = _consoleErrors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            .Select(e => e.Length > 160 ? e[..160] + "…" : e).Distinct().ToList();
        _consoleErrors.Clear();
        Assert.True(cspErrors.Count == 0, $"The page {Page.Url} broke its Content Security Policy:\n  {string.Join("\n  ", cspErrors)}");

        // The app's CSP (script-src 'self') forbids inline scripts, so axe cannot go in as a <script> tag
        // (Page.AddScriptTagAsync); evaluating its source through the DevTools protocol is not subject to CSP.
        if (!await Page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await Page.EvaluateAsync(AxeScript + "\n;void 0");
        var json = await Page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }));
            }
            """);
        Scanned.Add(Page.Url);
        if (json.GetArrayLength() == 0) return;
        var message = new StringBuilder($"axe-core found {json.GetArrayLength()} WCAG 2.1 A/AA violation(s) on {Page.Url}:\n");
        foreach (var v in json.EnumerateArray())
        {
            message.Append($"  - {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()}\n");
            message.Append($"    {v.GetProperty("nodes").GetInt32()} element(s), e.g. {string.Join(" | ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()))}\n");
            message.Append($"    {v.GetProperty("helpUrl").GetString()}\n");
        }
        Assert.Fail(message.ToString());
    }

    /// <summary>Signs in through the login page as the given demo user and lands on the start page.</summary>
    protected async Task LoginAsync(string email)
    {
        await VisitAsync("/konto/logga-in");
        await Page.GetByLabel("E-postadress").FillAsync(email);
        await Page.GetByLabel("Lösenord").FillAsync(AppFactory.DemoPassword);
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Logga in" }));
        Assert.Equal(BaseUrl + "/", Page.Url);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Start");
    }

    protected ILocator Heading1 => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    protected ILocator MainNav => Page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });

    /// <summary>A link of the main menu, its group opened first (issue 16.2: the menu's groups are disclosures).</summary>
    protected async Task<ILocator> MenuLinkAsync(string name, bool exact = false)
    {
        var group = MainNav.Locator("details.main-nav__group")
            .Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = exact, IncludeHidden = true }) });
        if (await group.CountAsync() == 1 && await group.GetAttributeAsync("open") is null)
            await group.Locator("> summary").ClickAsync();
        return MainNav.GetByRole(AriaRole.Link, new() { Name = name, Exact = exact });
    }
    protected static Regex Exact(string text) => new("^\\s*" + Regex.Escape(text) + "\\s*$");
}
