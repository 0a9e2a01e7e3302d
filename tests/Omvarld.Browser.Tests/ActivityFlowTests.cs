using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omvarld.Browser.Tests;

/// <summary>
/// The activity register's main flow (issue 5): the editor registers a project that serves no goal of Borås 2023, sees
/// the blocking finding beside it with the clause that demands it, mends it and submits; the approver approves.
/// </summary>
public sealed class ActivityFlowTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Title = "Hållbara skolmåltider i Östersjöregionen";

    [Fact]
    public Task Editor_registers_a_project_mends_the_blocking_finding_and_the_approver_approves() => RunAsync(async () =>
    {
        await LoginAsync("redaktor@boras.demo");
        await ClickAndScanAsync(await MenuLinkAsync("Aktiviteter"));
        await Expect(Heading1).ToHaveTextAsync("Aktiviteter");

        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Registrera aktivitet" }));
        await Expect(Heading1).ToHaveTextAsync("Registrera aktivitet");
        await Page.GetByLabel("Titel", new() { Exact = true }).FillAsync(Title);
        await Page.GetByLabel("Typ av aktivitet").SelectOptionAsync(new SelectOptionValue { Label = "Transnationellt projekt" });
        await Page.GetByLabel("Beskrivning").FillAsync("Ett projekt om skolmåltider med skolor runt Östersjön.");
        await Page.GetByLabel("Startdatum").FillAsync("2026-09-01");
        await Page.GetByLabel("Syfte", new() { Exact = true }).FillAsync("Minska matsvinnet i gymnasieskolornas kök.");
        await Page.GetByLabel("Förväntade resultat").FillAsync("En gemensam handbok och mindre matsvinn.");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }));

        // The details, and beside them the policy's verdict: "ska bidra till" is a blocking finding, with its clause.
        await Expect(Heading1).ToHaveTextAsync(Title);
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Aktiviteten är sparad som utkast.");
        var findings = Page.GetByRole(AriaRole.Complementary, new() { Name = "Kontroll mot policyn" });
        var blocking = findings.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Hinder för godkännande" });
        await Expect(blocking).ToHaveCountAsync(1);
        await Expect(blocking).ToContainTextAsync("Aktiviteten ska bidra till minst 1 av policyns mål. Nu anges 0.");
        await Expect(blocking.Locator("blockquote")).ToContainTextAsync("Internationella samarbeten ska bidra till följande:");
        await Expect(blocking.Locator("blockquote")).ToContainTextAsync("• Kunskapsutbyten");
        await Expect(blocking).ToContainTextAsync("Ur Internationell policy 2023");

        // Mend it: the goal Kunskapsutbyten, and how the project serves it.
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Ändra uppgifter" }));
        await Expect(Heading1).ToHaveTextAsync($"Ändra {Title}");
        var goals = Page.GetByRole(AriaRole.Group, new() { Name = "Mål i den internationella policyn" });
        await goals.GetByRole(AriaRole.Checkbox, new() { Name = "Kunskapsutbyten" }).CheckAsync();
        await goals.GetByLabel("Hur bidrar aktiviteten till Kunskapsutbyten?").FillAsync("Köken delar arbetssätt med skolor i Finland och Estland.");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }));
        await Expect(Heading1).ToHaveTextAsync(Title);
        await Expect(findings).Not.ToContainTextAsync("Hinder för godkännande");
        await Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Mål i den internationella policyn" })).ToContainTextAsync("Kunskapsutbyten");

        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Skicka för godkännande" }));
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Inskickad för godkännande");
        var activityUrl = Page.Url;

        // The partner directory and its form pass the scan too.
        await ClickAndScanAsync(await MenuLinkAsync("Samarbetsparter"));
        await Expect(Heading1).ToHaveTextAsync("Samarbetsparter");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Ny samarbetspart" }));
        await Expect(Heading1).ToHaveTextAsync("Ny samarbetspart");

        // The approver of the committee approves.
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Logga ut" }));
        await LoginAsync("godkannare@boras.demo");
        await VisitAsync(activityUrl);
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Godkänn", Exact = true }));
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Aktiviteten är godkänd.");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Godkänd enligt");
        await Expect(Page.Locator(".tag--status")).ToHaveTextAsync("Godkänd");
    });
}
