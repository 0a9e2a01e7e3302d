using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omvarld.Browser.Tests;

/// <summary>
/// R18 in the browser: the coordinator opens a twin town from the menu, sees the partner precondition's assessment of its
/// country with the policy clause, writes the year's note; the membership and twin-town pages and forms pass axe.
/// </summary>
public sealed class NetworkFlowTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Coordinator_opens_a_twin_town_sees_its_assessment_and_writes_the_years_note() => RunAsync(async () =>
    {
        await LoginAsync("samordnare@boras.demo");
        await ClickAndScanAsync(await MenuLinkAsync("Vänorter"));
        await Expect(Heading1).ToHaveTextAsync("Vänorter och vänskapsorter");
        var table = Page.GetByRole(AriaRole.Table, new() { Name = "Vänorter och vänskapsorter" });
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Pavyzdys" })).ToContainTextAsync("Vilande");

        await ClickAndScanAsync(table.GetByRole(AriaRole.Link, new() { Name = "Esimerkkilä" }));
        await Expect(Heading1).ToHaveTextAsync("Esimerkkilä, Finland");
        // The precondition's assessment of Finland, as on the country page, with the clause it rests on.
        await Expect(Page.Locator("#assessment-heading")).ToHaveTextAsync("Bedömning mot förutsättningen för samarbetsparter");
        await Expect(Page.Locator("#assessment-outcome")).ToContainTextAsync("Bedömning");
        await Expect(Page.Locator("#precondition-clause blockquote")).ToContainTextAsync("mänskliga rättigheter");
        await Expect(Page.Locator("#linked-activities")).ToContainTextAsync("Vänortssamarbete med Esimerkkilä: ungdomsutbyte");

        // An empty note is refused in Swedish; then the year's note is saved with who wrote it.
        await Page.GetByLabel("År", new() { Exact = true }).FillAsync("2027");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Spara anteckningen" }));
        await Expect(Page.Locator("#error-summary")).ToContainTextAsync("Skriv anteckningen.");
        await Page.GetByLabel("Anteckning", new() { Exact = true }).FillAsync("Ett gemensamt Erasmus+-projekt har beviljats.");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Spara anteckningen" }));
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Anteckningen är sparad.");
        var note = Page.Locator("#notes li").Filter(new() { HasText = "2027" });
        await Expect(note).ToContainTextAsync("Ett gemensamt Erasmus+-projekt har beviljats.");
        await Expect(note).ToContainTextAsync("Demo Internationell samordnare");

        // The twin town's form, the memberships with their yearly cost, one membership and its form.
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Ändra", Exact = true }));
        await Expect(Heading1).ToHaveTextAsync("Ändra Esimerkkilä");
        await ClickAndScanAsync(await MenuLinkAsync("Medlemskap"));
        await Expect(Heading1).ToHaveTextAsync("Medlemskap och nätverk");
        await Expect(Page.Locator("#cost-total")).ToContainTextAsync("Avgifter totalt");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "West Sweden" }));
        await Expect(Heading1).ToHaveTextAsync("West Sweden");
        await Expect(Page.Locator("#linked-activities")).ToContainTextAsync("Interreg ÖKS");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Ändra", Exact = true }));
        await Expect(Page.GetByLabel("Årsavgift")).ToHaveValueAsync("142000");
        await VisitAsync("/medlemskap/ny");
        await Page.GetByLabel("Namn", new() { Exact = true }).FillAsync("Negativa nätverket");
        await Page.GetByLabel("Årsavgift").FillAsync("-1");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }));
        await Expect(Page.Locator("#error-summary")).ToBeVisibleAsync();
    });
}
