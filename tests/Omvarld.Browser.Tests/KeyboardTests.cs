using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omvarld.Browser.Tests;

/// <summary>The login flow with the keyboard alone: skip link first, visible focus, form filled and sent without a mouse.</summary>
public sealed class KeyboardTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Skip_link_comes_first_and_the_login_works_by_keyboard() => RunAsync(async () =>
    {
        await VisitAsync("/konto/logga-in");
        await Expect(Heading1).ToHaveTextAsync("Logga in");

        // The first Tab lands on the skip link, which then shows, with a visible focus outline.
        await Page.Keyboard.PressAsync("Tab");
        var skip = Page.GetByRole(AriaRole.Link, new() { Name = "Hoppa till innehållet" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        var focus = await skip.EvaluateAsync<string[]>("e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }");
        Assert.True(focus[0] != "none" && focus[1] != "0px", $"The focused skip link shows no outline (outline-style {focus[0]}, width {focus[1]}).");

        // Enter on the skip link moves focus to the main content.
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();

        // From there, Tab reaches the e-mail field, then the password, then the button: type and press Enter.
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByLabel("E-postadress")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("samordnare@boras.demo");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByLabel("Lösenord")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(AppFactory.DemoPassword);
        await Page.Keyboard.PressAsync("Tab");
        var submit = Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Logga in" });
        await Expect(submit).ToBeFocusedAsync();
        var outline = await submit.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");
        Assert.NotEqual("none", outline);
        await NavigateByAsync(() => Page.Keyboard.PressAsync("Enter"));

        // (The browser keeps the skip link's #main across the redirect.)
        Assert.Equal("/", new Uri(Page.Url).AbsolutePath);
        await Expect(Heading1).ToHaveTextAsync("Start");
        await Expect(Page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Borås Stad");
    });

    [Fact]
    public Task The_main_menu_is_reachable_by_keyboard_after_the_skip_link() => RunAsync(async () =>
    {
        await LoginAsync("samordnare@boras.demo");
        // Skip link, brand, user name, sign-out, then the main menu: Start, then the groups (disclosures).
        var administration = MainNav.Locator("summary", new() { HasText = "Administration" });
        for (var i = 0; i < 12; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            if (await administration.EvaluateAsync<bool>("e => e === document.activeElement")) break;
        }
        await Expect(administration).ToBeFocusedAsync();
        // Enter opens the group; Tab goes to its first link; Escape closes it and gives focus back to the group.
        await Page.Keyboard.PressAsync("Enter");
        await Page.Keyboard.PressAsync("Tab");
        var organisation = MainNav.GetByRole(AriaRole.Link, new() { Name = "Organisation" });
        await Expect(organisation).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Escape");
        await Expect(administration).ToBeFocusedAsync();
        await Expect(organisation).ToBeHiddenAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(organisation).ToBeFocusedAsync();
        await NavigateByAsync(() => Page.Keyboard.PressAsync("Enter"));
        await Expect(Heading1).ToHaveTextAsync("Organisation");
    });
}
