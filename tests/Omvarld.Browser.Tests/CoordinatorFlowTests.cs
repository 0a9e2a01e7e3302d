using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omvarld.Browser.Tests;

/// <summary>The coordinator's main flow: sign in, find the organisation, create and rename a unit, sign out.</summary>
public sealed class CoordinatorFlowTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Coordinator_creates_and_renames_a_unit_then_signs_out() => RunAsync(async () =>
    {
        // Not signed in: the start page is the front door, with the open pages and a way to sign in (issue 16.8).
        await VisitAsync("/");
        Assert.Equal(BaseUrl + "/", Page.Url);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Kommunernas internationella arbete" })).ToBeVisibleAsync();
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Logga in" }));
        Assert.StartsWith(BaseUrl + "/konto/logga-in", Page.Url);
        await Expect(Heading1).ToHaveTextAsync("Logga in");
        // In Development with the demo seeded, the login page says where the demo logins are and lists the roles.
        var demo = Page.GetByRole(AriaRole.Region, new() { Name = "Demoinloggningar" }).First;
        await Expect(demo).ToContainTextAsync("demo-logins.txt");
        await Expect(demo).ToContainTextAsync("samordnare@boras.demo");
        await Expect(demo).ToContainTextAsync("KS-sekretariatet");

        await Page.GetByLabel("E-postadress").FillAsync("samordnare@boras.demo");
        await Page.GetByLabel("Lösenord").FillAsync(AppFactory.DemoPassword);
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Logga in" }));
        await Expect(Heading1).ToHaveTextAsync("Start");
        await Expect(Page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Borås Stad");

        // The main menu leads to the organisation.
        await ClickAndScanAsync(await MenuLinkAsync("Organisation"));
        await Expect(Heading1).ToHaveTextAsync("Organisation");
        await Expect(await MenuLinkAsync("Organisation")).ToHaveAttributeAsync("aria-current", "page");

        // A new office under Stadsledningskansliet.
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Ny enhet" }));
        await Expect(Heading1).ToHaveTextAsync("Ny enhet");
        const string name = "Enheten för EU-samordning";
        await Page.GetByLabel("Namn").FillAsync(name);
        await Page.GetByLabel("Typ").SelectOptionAsync(new SelectOptionValue { Label = "Kontor" });
        var parent = Page.GetByLabel("Överordnad enhet");
        var parentValue = await parent.Locator("option", new() { HasText = "Stadsledningskansliet" }).GetAttributeAsync("value");
        await parent.SelectOptionAsync(parentValue!);
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Spara" }));

        await Expect(Heading1).ToHaveTextAsync(name);
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Enheten {name} är skapad.");
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Var i organisationen" })).ToContainTextAsync("Stadsledningskansliet");
        var unitUrl = Page.Url;

        // It is in the organisation tree, under its parent.
        await ClickAndScanAsync(await MenuLinkAsync("Organisation"));
        var tree = Page.GetByRole(AriaRole.List, new() { Name = "Organisation" });
        await Expect(tree.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        // Nested in its parent's list item, so the hierarchy is there for screen readers too.
        var parentItem = tree.GetByRole(AriaRole.Listitem).Filter(new()
        {
            Has = Page.Locator(":scope > .tree__row").GetByRole(AriaRole.Link, new() { Name = "Stadsledningskansliet", Exact = true }),
        });
        await Expect(parentItem).ToHaveCountAsync(1);
        await Expect(parentItem.Locator(":scope > ul").GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();

        // Rename it.
        await ClickAndScanAsync(tree.GetByRole(AriaRole.Link, new() { Name = name }));
        Assert.Equal(unitUrl, Page.Url);
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Ändra", Exact = true }));
        await Expect(Heading1).ToHaveTextAsync($"Ändra {name}");
        const string newName = "Enheten för EU- och internationell samordning";
        await Page.GetByLabel("Namn").FillAsync(newName);
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Spara" }));
        Assert.Equal(unitUrl, Page.Url);
        await Expect(Heading1).ToHaveTextAsync(newName);
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ändringarna är sparade.");

        // The history shows the rename, from the old name to the new, and the creation.
        var history = Page.GetByRole(AriaRole.Region, new() { Name = "Historik" });
        var rename = history.GetByRole(AriaRole.Row).Filter(new() { HasText = "Namn" }).Filter(new() { HasText = newName });
        await Expect(rename).ToHaveCountAsync(1);
        await Expect(rename.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync(name);
        await Expect(rename.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync(newName);
        await Expect(history.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);

        // Sign out from the header: back on the login page, and the organisation is closed again.
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Logga ut" }));
        Assert.StartsWith(BaseUrl + "/konto/logga-in", Page.Url);
        await Expect(Heading1).ToHaveTextAsync("Logga in");
        await Expect(Page.GetByRole(AriaRole.Banner)).Not.ToContainTextAsync("Borås Stad");
        await VisitAsync("/enheter");
        Assert.StartsWith(BaseUrl + "/konto/logga-in", Page.Url);
    });
}
