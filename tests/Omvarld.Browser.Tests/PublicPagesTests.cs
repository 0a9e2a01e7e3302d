using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omvarld.Browser.Tests;

/// <summary>
/// R20: an anonymous visitor reads Borås's open pages — filters the activities, opens one, the countries with the map,
/// the exceptions and the open-data page — each scanned by axe; on a phone-sized screen nothing scrolls sideways.
/// </summary>
public sealed class PublicPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private ILocator PublicNav => Page.GetByRole(AriaRole.Navigation, new() { Name = "Öppna sidor" });

    [Fact]
    public Task Anonymous_visitor_filters_opens_an_activity_the_countries_and_the_exceptions() => RunAsync(async () =>
    {
        await VisitAsync("/oppet/boras");
        await Expect(Heading1).ToHaveTextAsync("Internationella aktiviteter i Borås Stad");
        await Expect(Page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Borås Stad");
        await Expect(Page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Tillgänglighetsredogörelse" })).ToBeVisibleAsync();
        Assert.Equal(0, await Page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).CountAsync());

        var kind = await Page.Locator("#typ option").Nth(1).GetAttributeAsync("value");
        await Page.GetByLabel("Typ").SelectOptionAsync(kind!);
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Filtrera" }));
        Assert.Contains("typ=" + kind, Page.Url);
        await Expect(Page.Locator("#result-count")).ToBeVisibleAsync();
        var first = Page.Locator("#activities h2 a").First;
        var title = (await first.TextContentAsync())!.Trim();
        await ClickAndScanAsync(first);
        await Expect(Heading1).ToHaveTextAsync(title);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Partnerorganisationer" })).ToBeVisibleAsync();

        await ClickAndScanAsync(PublicNav.GetByRole(AriaRole.Link, new() { Name = "Länder" }));
        await Expect(Page.Locator("svg[role=img]")).ToBeVisibleAsync();
        var country = Page.Locator("#countries a").First;
        var countryName = (await country.TextContentAsync())!.Trim();
        await ClickAndScanAsync(country);
        await Expect(Heading1).ToHaveTextAsync(countryName);
        await Expect(Page.Locator("#activities li").First).ToBeVisibleAsync();

        await ClickAndScanAsync(PublicNav.GetByRole(AriaRole.Link, new() { Name = "Beslutade undantag" }));
        await Expect(Heading1).ToHaveTextAsync("Kommunstyrelsens beslut om undantag i Borås Stad");
        await ClickAndScanAsync(PublicNav.GetByRole(AriaRole.Link, new() { Name = "Öppna data" }));
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "CC BY 4.0" })).ToBeVisibleAsync();

        await VisitAsync("/oppet/boras?ar=abc", expectedStatus: 400);
        await Expect(Page.Locator("#filter-errors")).ToContainTextAsync("Året måste vara ett heltal");
        await VisitAsync("/oppet");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Borås Stad" }));
        Assert.Equal(BaseUrl + "/oppet/boras", Page.Url);
    });

    [Fact]
    public Task Open_pages_fit_a_phone_screen() => RunAsync(async () =>
    {
        await Page.SetViewportSizeAsync(360, 740);
        await VisitAsync("/oppet/boras");
        var activity = await Page.Locator("#activities h2 a").First.GetAttributeAsync("href");
        await VisitAsync("/oppet/boras/lander");
        var country = await Page.Locator("#countries a").First.GetAttributeAsync("href");
        foreach (var path in new[] { "/oppet/boras", activity!, "/oppet/boras/lander", country!, "/oppet/boras/undantag", "/oppet/boras/oppna-data", "/oppet", "/oppet/boras?ar=abc" })
        {
            await Page.GotoAsync(path);
            await ScanAsync();
            var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px on a 360px wide screen.");
        }
    });

    [Fact]
    public Task Coordinator_publishes_an_approved_activity_by_keyboard_and_it_is_on_the_open_pages() => RunAsync(async () =>
    {
        const string title = "Vänortsmöte i Musterhausen 2026";
        await LoginAsync("samordnare@boras.demo");
        await VisitAsync("/aktiviteter?q=" + Uri.EscapeDataString(title));
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }));
        await Expect(Page.Locator("#publication-status")).ToContainTextAsync("inte publicerad");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publicera på de öppna sidorna" }).FocusAsync();
        await NavigateByAsync(() => Page.Keyboard.PressAsync("Enter"));
        await Expect(Page.Locator("#publication-status")).ToContainTextAsync("Publicerad på de öppna sidorna sedan");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Visa den öppna sidan" }));
        await Expect(Heading1).ToHaveTextAsync(title);
        Assert.StartsWith(BaseUrl + "/oppet/boras/aktiviteter/", Page.Url);
    });

    [Fact]
    public Task Coordinator_finds_the_open_pages_from_the_start_page() => RunAsync(async () =>
    {
        await LoginAsync("samordnare@boras.demo");
        await ClickAndScanAsync(Page.Locator("#open-pages-link"));
        Assert.Equal(BaseUrl + "/oppet/boras", Page.Url);
        await VisitAsync("/oppenhet/installningar");
        await Expect(Heading1).ToHaveTextAsync("Öppna data");
        await Expect(Page.GetByLabel("Kontaktadress för öppna data")).ToHaveValueAsync("oppnadata@boras.demo");
    });
}
