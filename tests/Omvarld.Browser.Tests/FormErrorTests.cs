using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omvarld.Browser.Tests;

/// <summary>Bad input in the browser: the error summary names the problem in Swedish and leads to the field.</summary>
public sealed class FormErrorTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Empty_unit_name_gives_an_error_summary_linked_to_the_field() => RunAsync(async () =>
    {
        await LoginAsync("samordnare@boras.demo");
        await VisitAsync("/enheter");
        var tree = Page.GetByRole(AriaRole.List, new() { Name = "Organisation" }).GetByRole(AriaRole.Listitem);
        var before = await tree.CountAsync();
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Ny enhet" }));
        await Page.GetByLabel("Typ").SelectOptionAsync(new SelectOptionValue { Label = "Kontor" });
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Spara" }));

        // Still on the form (nothing created), with the summary on top.
        Assert.Equal(BaseUrl + "/enheter/ny", Page.Url);
        await Expect(Heading1).ToHaveTextAsync("Ny enhet");
        var summary = Page.GetByRole(AriaRole.Alert);
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Formuläret innehåller fel");
        var link = summary.GetByRole(AriaRole.Link, new() { Name = "Namn måste fyllas i." });
        await Expect(link).ToHaveAttributeAsync("href", "#Input_Name");
        // The message is also next to the field, and the chosen type is kept.
        await Expect(Page.Locator(".field", new() { Has = Page.GetByLabel("Namn") })).ToContainTextAsync("Namn måste fyllas i.");
        await Expect(Page.GetByLabel("Typ")).ToHaveValueAsync("Office");

        // The link in the summary takes the user to the field.
        await link.ClickAsync();
        await Expect(Page.GetByLabel("Namn")).ToBeFocusedAsync();
        await ScanAsync();

        // Nothing was created.
        await VisitAsync("/enheter");
        await Expect(tree).ToHaveCountAsync(before);
    });

    [Fact]
    public Task Error_summary_gets_focus_and_lists_errors_in_form_order() => RunAsync(async () =>
    {
        await LoginAsync("samordnare@boras.demo");
        await VisitAsync("/enheter/ny");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Spara" }));

        var summary = Page.GetByRole(AriaRole.Alert);
        // Focus lands on the summary, so a keyboard or screen-reader user starts from the list of errors.
        await Expect(summary).ToBeFocusedAsync();
        // Name stands before Type in the form, and so in the summary.
        var items = summary.GetByRole(AriaRole.Listitem);
        await Expect(items).ToHaveTextAsync(["Namn måste fyllas i.", "Typ måste fyllas i."]);
    });

    [Fact]
    public Task Wrong_password_gives_a_swedish_message_on_the_login_page() => RunAsync(async () =>
    {
        await VisitAsync("/konto/logga-in");
        await Page.GetByLabel("E-postadress").FillAsync("samordnare@boras.demo");
        await Page.GetByLabel("Lösenord").FillAsync("fel-lösenord-helt-enkelt");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Logga in" }));
        await Expect(Heading1).ToHaveTextAsync("Logga in");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Fel e-postadress eller lösenord.");
    });
}
