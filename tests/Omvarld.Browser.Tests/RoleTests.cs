using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omvarld.Browser.Tests;

/// <summary>What a reader and a system administrator see.</summary>
public sealed class RoleTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Reader_sees_no_create_button_and_gets_the_swedish_403_page() => RunAsync(async () =>
    {
        await LoginAsync("lasare@boras.demo");
        // Issue 16.2: the menu in groups, each a disclosure that opens to its links.
        await Expect(MainNav.Locator(".main-nav__list > li > a, .main-nav__list > li > details > summary")).ToHaveTextAsync(["Start", "Arbete", "Styrning", "Omvärld", "Administration"]);
        await Expect(MainNav.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Start"]);
        await MainNav.GetByText("Omvärld", new() { Exact = true }).ClickAsync();
        await Expect(MainNav.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Start", "Länder", "Samarbetsparter", "Vänorter", "Medlemskap"]);
        await MainNav.GetByText("Styrning", new() { Exact = true }).ClickAsync();
        // One group open at a time (site.js).
        await Expect(MainNav.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Start", "Styrdokument", "Prioriteringar", "Undantag"]);

        // The municipality's policies: the list says which version is in force, a version shows its goals and clauses.
        await ClickAndScanAsync(await MenuLinkAsync("Styrdokument"));
        await Expect(Heading1).ToHaveTextAsync("Styrdokument");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Internationell policy 2016" }));
        await Expect(Heading1).ToHaveTextAsync("Internationell policy 2016");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Förlängd");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Datum framgår inte av underlaget");

        // Compare 2016 with 2023: the goals 2023 added are listed as added.
        await VisitAsync("/styrdokument/jamfor");
        await Page.GetByLabel("Från version").SelectOptionAsync(new SelectOptionValue { Label = "Internationell policy 2016" });
        await Page.GetByLabel("Till version").SelectOptionAsync(new SelectOptionValue { Label = "Internationell policy 2023" });
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Jämför" }));
        var added = Page.Locator("tr.change--added");
        await Expect(added).ToHaveCountAsync(3);
        await Expect(added.Filter(new() { HasText = "Projektsamverkan" })).ToContainTextAsync("Tillagt");
        await Expect(added.Filter(new() { HasText = "Demokratiska värderingar" })).ToHaveCountAsync(1);
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Tillagda globala mål: 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13");

        await ClickAndScanAsync(await MenuLinkAsync("Organisation"));
        await Expect(Heading1).ToHaveTextAsync("Organisation");
        await Expect(Page.GetByRole(AriaRole.List, new() { Name = "Organisation" }).GetByRole(AriaRole.Link, new() { Name = "Stadsledningskansliet" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Ny enhet" })).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Ny enhet" })).ToHaveCountAsync(0);

        // A unit's page has no edit actions for a reader.
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Stadsledningskansliet" }));
        await Expect(Heading1).ToHaveTextAsync("Stadsledningskansliet");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Ändra", Exact = true })).ToHaveCountAsync(0);

        await VisitAsync("/enheter/ny", expectedStatus: 403);
        await Expect(Heading1).ToHaveTextAsync("Åtkomst nekad");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Du har inte behörighet att se den här sidan.");
    });

    [Fact]
    public Task System_administrator_sees_both_demo_municipalities() => RunAsync(async () =>
    {
        await LoginAsync("admin@omvarld.demo");
        var menuItem = await MenuLinkAsync("Kommuner");
        await Expect(menuItem).ToBeVisibleAsync();
        await ClickAndScanAsync(menuItem);
        Assert.Equal(BaseUrl + "/admin/kommuner", Page.Url);
        await Expect(Heading1).ToHaveTextAsync("Kommuner");
        var table = Page.GetByRole(AriaRole.Table, new() { Name = "Kommuner" });
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = "Borås Stad" })).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = "Upplands-Bro kommun" })).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Borås Stad" })).ToContainTextAsync("1490");
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Upplands-Bro kommun" })).ToContainTextAsync("0139");

        // Their pages open and pass axe too.
        await ClickAndScanAsync(table.GetByRole(AriaRole.Link, new() { Name = "Upplands-Bro kommun" }));
        await Expect(Heading1).ToHaveTextAsync("Ändra Upplands-Bro kommun");
        await Expect(Page.GetByLabel("Namn", new() { Exact = true })).ToHaveValueAsync("Upplands-Bro kommun");
    });
}
