using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omvarld.Browser.Tests;

/// <summary>The error pages, the accessibility statement and the account pages: in Swedish, and free of axe violations.</summary>
public sealed class PagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Unknown_url_gives_the_swedish_404_page() => RunAsync(async () =>
    {
        await LoginAsync("samordnare@boras.demo");
        await VisitAsync("/finns/inte/alls", expectedStatus: 404);
        await Expect(Heading1).ToHaveTextAsync("Sidan finns inte");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Till startsidan" }));
        await Expect(Heading1).ToHaveTextAsync("Start");
    });

    [Fact]
    public Task Policy_import_shows_the_errors_of_a_bad_file_by_line() => RunAsync(async () =>
    {
        await LoginAsync("samordnare@boras.demo");
        await VisitAsync("/styrdokument");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Läs in en policyfil" }));
        await Expect(Heading1).ToHaveTextAsync("Läs in en policyfil");
        await Page.GetByLabel("Policyfil").SetInputFilesAsync(new FilePayload
        {
            Name = "fel.yaml", MimeType = "application/yaml",
            Buffer = System.Text.Encoding.UTF8.GetBytes("format: omvarld-policy/1\nkey: BORAS-TEST\n"),
        });
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Läs in" }));
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("lästes inte in");
        await Expect(Page.Locator("#import-errors")).ToContainTextAsync("document");
    });

    [Fact]
    public Task Accessibility_statement_is_linked_from_the_footer_without_signing_in() => RunAsync(async () =>
    {
        await VisitAsync("/konto/logga-in");
        var footer = Page.GetByRole(AriaRole.Contentinfo);
        await ClickAndScanAsync(footer.GetByRole(AriaRole.Link, new() { Name = "Tillgänglighetsredogörelse" }));
        Assert.Equal(BaseUrl + "/tillganglighet", Page.Url);
        await Expect(Heading1).ToHaveTextAsync("Tillgänglighetsredogörelse för Omvärld");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "https://www.digg.se/tdosanmalan" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Account_page_and_api_tokens_show_a_new_token_once() => RunAsync(async () =>
    {
        await LoginAsync("samordnare@boras.demo");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Demo Internationell samordnare (Borås Stad)" }));
        Assert.Equal(BaseUrl + "/konto", Page.Url);
        await Expect(Heading1).ToHaveTextAsync("Mitt konto");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("samordnare@boras.demo");

        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "API-nycklar" }));
        Assert.Equal(BaseUrl + "/konto/api-nycklar", Page.Url);
        await Expect(Page.GetByText("Du har inga API-nycklar.")).ToBeVisibleAsync();

        await Page.GetByLabel("Namn på nyckeln").FillAsync("Rapportskript");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Skapa nyckel" }));
        var notice = Page.GetByRole(AriaRole.Status);
        await Expect(notice).ToContainTextAsync("Kopiera nyckeln nu. Den visas bara en gång.");
        var secret = (await Page.Locator("#new-token").InnerTextAsync()).Trim();
        Assert.True(secret.Length >= 20, $"The new token looks too short: '{secret}'.");
        var row = Page.GetByRole(AriaRole.Table, new() { Name = "Dina nycklar" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Rapportskript" });
        await Expect(row).ToContainTextAsync("Giltig");

        // Shown once: the next visit lists the token but no longer shows its secret.
        await VisitAsync("/konto/api-nycklar");
        await Expect(Page.Locator("#new-token")).ToHaveCountAsync(0);
        Assert.DoesNotContain(secret, await Page.ContentAsync());
        await Expect(row).ToBeVisibleAsync();

        // Revoking it works from the list (a form with its own antiforgery token).
        await ClickAndScanAsync(row.GetByRole(AriaRole.Button, new() { Name = "Återkalla Rapportskript" }));
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Nyckeln är återkallad.");
        await Expect(row).ToContainTextAsync("Återkallad");
    });

    [Fact]
    public Task Axe_scan_fails_on_a_violation() => RunAsync(async () =>
    {
        // The scanner itself: a page with an image without a text alternative and an unlabeled field must fail.
        await Page.SetContentAsync("<!DOCTYPE html><html lang=sv><head><title>t</title></head><body><main><h1>t</h1><img src=x.png><input></main></body></html>");
        var e = await Assert.ThrowsAnyAsync<Exception>(ScanAsync);
        Assert.Contains("image-alt", e.Message);
        Assert.Contains("label", e.Message);
        Assert.Contains("img", e.Message);
    });

    [Fact]
    public Task Coordinator_funding_pipeline_import_and_a_policy_draft_are_reachable_and_accessible() => RunAsync(async () =>
    {
        await LoginAsync("samordnare@boras.demo");
        await ClickAndScanAsync(await MenuLinkAsync("Finansiering"));
        await Expect(Heading1).ToContainTextAsync("Finansiering");
        // Issue 7: the yearly compilation with its charts and world map (SVG with text alternatives), scanned by axe.
        await ClickAndScanAsync(await MenuLinkAsync("Sammanställning"));
        await Expect(Heading1).ToHaveTextAsync("Årlig sammanställning");
        await Expect(Page.Locator("figure.compilation-map svg[role=img]")).ToHaveCountAsync(1);
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Stapeldiagram: Aktiviteter per slag" })).ToBeVisibleAsync();
        await ClickAndScanAsync(await MenuLinkAsync("Aktiviteter"));
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Läs in aktiviteter från Excel" }));
        await Expect(Heading1).ToHaveTextAsync("Läs in aktiviteter från Excel");

        // Issue 4: a new version of the 2023 policy as a draft, opened in its editor.
        await ClickAndScanAsync(await MenuLinkAsync("Styrdokument"));
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "2023" }).First);
        await Page.GetByText("Ny version som utkast").ClickAsync();
        await Page.GetByLabel("Nyckel för den nya versionen").FillAsync("BORAS-2028");
        await Page.GetByLabel("Versionens namn").FillAsync("2028");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Skapa utkast" }));
        await Expect(Heading1).ToContainTextAsync("Ändra utkast");
        await Expect(Page.GetByLabel("Policyfilens text")).ToContainTextAsync("key: BORAS-2028");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Spara" }));
        await Expect(Page.GetByText("Detta är ett utkast.")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Registrera antagande", new() { Exact = true })).ToBeVisibleAsync();
    });
}
