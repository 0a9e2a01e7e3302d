using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omvarld.Browser.Tests;

/// <summary>
/// Contact persons (R15, UPPLANDSBRO-2020 4.3): Upplands-Bro's coordinator sees on the start page that
/// Samhällsbyggnadskontoret has no contact person, follows the flag to the list, names one through the form, logs a
/// competence development, and the flag for that office is gone. Every contact-person page on the way is scanned.
/// </summary>
public sealed class ContactPersonFlowTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Office = "Samhällsbyggnadskontoret";

    [Fact]
    public Task Coordinator_names_a_contact_person_for_a_flagged_office_and_the_flag_goes_away() => RunAsync(async () =>
    {
        await LoginAsync("samordnare@upplands-bro.demo");
        await VisitAsync("/");
        await Expect(Page.Locator("#contacts-flag")).ToContainTextAsync("kontor saknar kontaktperson");
        await Expect(Page.Locator("#contacts-missing")).ToContainTextAsync(Office);
        await Expect(Page.Locator("#contacts-heading + p + ul + figure blockquote")).ToContainTextAsync("kontaktperson för informationsspridning");

        await ClickAndScanAsync(Page.Locator("#contacts-flag a"));
        await Expect(Heading1).ToHaveTextAsync("Kontaktpersoner för internationella frågor");
        await Expect(Page.Locator("#units-without")).ToContainTextAsync(Office);
        await Expect(Page.Locator("#utan figcaption")).ToContainTextAsync("UPPLANDSBRO-2020");

        await ClickAndScanAsync(Page.Locator("#units-without").GetByRole(AriaRole.Link, new() { Name = $"Utse kontaktperson för {Office}" }));
        await Expect(Page.GetByLabel("Enhet", new() { Exact = true })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("[0-9a-f-]{36}"));
        await Page.GetByLabel("Kontaktperson", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Demo Läsare (Upplands-Bro kommun) (lasare@upplands-bro.demo)" });
        await Page.GetByLabel("Ersättare", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Demo Enhetsredaktör (Upplands-Bro kommun) (redaktor@upplands-bro.demo)" });
        await Page.GetByLabel("Från och med").FillAsync("2026-01-01");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }));
        await Expect(Heading1).ToContainTextAsync($"Demo Läsare (Upplands-Bro kommun), kontaktperson för {Office}");

        // A competence development in the log.
        await Page.GetByLabel("Slag").SelectOptionAsync(new SelectOptionValue { Label = "Nätverksträff" });
        await Page.GetByLabel("Datum", new() { Exact = true }).FillAsync("2026-03-10");
        await Page.GetByLabel("Timmar").FillAsync("2,5");
        await Page.GetByLabel("Gemensam", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Beskrivning").FillAsync("Kontaktpersonernas nätverksträff om EU-projekt.");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Logga", Exact = true }));
        await Expect(Page.Locator("#competence-log")).ToContainTextAsync("Kontaktpersonernas nätverksträff om EU-projekt.");
        await Expect(Page.Locator("#competence-log")).ToContainTextAsync("2,5");

        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Ändra kontaktperson eller period" }));
        await Expect(Heading1).ToHaveTextAsync($"Ändra kontaktperson för {Office}");

        // The flag for the office is gone; the others remain.
        await VisitAsync("/");
        await Expect(Page.Locator("#contacts-missing")).Not.ToContainTextAsync(Office);
        await Expect(Page.Locator("#contacts-missing")).ToContainTextAsync("Socialkontoret");
        await VisitAsync("/kontaktpersoner");
        await Expect(Page.Locator("#units-without")).Not.ToContainTextAsync(Office);
    });
}
