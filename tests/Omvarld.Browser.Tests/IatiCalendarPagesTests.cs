using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omvarld.Browser.Tests;

/// <summary>The IATI page and the calendar page (issue 9): reachable as a person would, in Swedish, free of axe violations.</summary>
public sealed class IatiCalendarPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Coordinator_sees_the_iati_file_and_an_activitys_choice() => RunAsync(async () =>
    {
        await LoginAsync("samordnare@boras.demo");
        await ClickAndScanAsync(await MenuLinkAsync("IATI"));
        await Expect(Heading1).ToHaveTextAsync("IATI-export");
        await Expect(Page.GetByLabel("IATI-organisationsidentifierare")).ToHaveValueAsync("SE-ON-2120001561");
        await Expect(Page.Locator("#iati-included")).ToContainTextAsync("Partnerskap för lokal demokrati med Zrazkove");
        // The coordinator brings an activity of another kind into the file from its page.
        await ClickAndScanAsync(Page.Locator("#iati-included").GetByRole(AriaRole.Link, new() { Name = "Partnerskap för lokal demokrati med Zrazkove" }));
        await Expect(Page.Locator("#iati-choice")).ToContainTextAsync("Bistånd och utvecklingssamarbete tas alltid med i IATI-filen.");
    });

    [Fact]
    public Task User_creates_a_calendar_address_shown_once() => RunAsync(async () =>
    {
        await LoginAsync("redaktor@boras.demo");
        await VisitAsync("/konto");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Kalender med tidsfrister" }));
        await Expect(Heading1).ToHaveTextAsync("Kalender med tidsfrister");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Skapa kalenderadress" }));
        var url = (await Page.Locator("#calendar-url").InnerTextAsync()).Trim();
        Assert.Contains("/kalender/kal_", url);
        var feed = await Page.APIRequest.GetAsync(url);
        Assert.Equal(200, feed.Status);
        Assert.StartsWith("BEGIN:VCALENDAR", await feed.TextAsync());
        await VisitAsync("/konto/kalender");
        await Expect(Page.Locator("#calendar-url")).ToHaveCountAsync(0);
    });
}
