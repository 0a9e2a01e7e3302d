using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omvarld.Browser.Tests;

/// <summary>
/// The partner precondition's flow (issue 6, R8, R9): the editor registers an activity with a partner in China, sees
/// the blocking finding with the clause and submits; the approver is refused; the KS secretariat records KS's
/// exception from the activity page's link; the approver approves. The country page and the exception pages are scanned.
/// </summary>
public sealed class PreconditionFlowTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Title = "Yrkesutbyte med Peking";
    private const string Partner = "Pekings yrkesutbildningsbyrå";

    [Fact]
    public Task Editor_registers_a_partner_in_China_the_approver_is_refused_until_KS_records_an_exception() => RunAsync(async () =>
    {
        await LoginAsync("redaktor@boras.demo");

        // The partner, on the partner form.
        await VisitAsync("/partner/ny");
        await Page.GetByLabel("Namn", new() { Exact = true }).FillAsync(Partner);
        await Page.GetByLabel("Typ av organisation").SelectOptionAsync(new SelectOptionValue { Label = "Kommun" });
        await Page.GetByLabel("Ort").FillAsync("Peking");
        await Page.GetByLabel("Land", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Kina" });
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }));
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync(Partner);

        // The activity, with the partner and a goal, so the precondition is the only hinder.
        await VisitAsync("/aktiviteter/ny");
        await Page.GetByLabel("Titel", new() { Exact = true }).FillAsync(Title);
        await Page.GetByLabel("Typ av aktivitet").SelectOptionAsync(new SelectOptionValue { Label = "Benchmarking, studiebesök eller utbyte med aktörer utanför Sverige" });
        await Page.GetByLabel("Beskrivning").FillAsync("Lärare i yrkesämnen besöker yrkesskolor i Peking.");
        await Page.GetByLabel("Startdatum").FillAsync("2026-09-01");
        await Page.GetByLabel("Syfte", new() { Exact = true }).FillAsync("Lära av yrkesutbildningens samarbete med arbetslivet.");
        await Page.GetByLabel("Förväntade resultat").FillAsync("En rapport till nämnden.");
        var goals = Page.GetByRole(AriaRole.Group, new() { Name = "Mål i den internationella policyn" });
        await goals.GetByRole(AriaRole.Checkbox, new() { Name = "Kunskapsutbyten" }).CheckAsync();
        await goals.GetByLabel("Hur bidrar aktiviteten till Kunskapsutbyten?").FillAsync("Lärarna tar del av hur yrkesskolorna arbetar.");
        await Page.GetByLabel("Samarbetspart 1", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{Partner} (Peking, Kina)" });
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }));
        await Expect(Heading1).ToHaveTextAsync(Title);

        // The blocking finding names the partner and the country, with BORAS-2023's clause.
        var findings = Page.GetByRole(AriaRole.Complementary, new() { Name = "Kontroll mot policyn" });
        var blocking = findings.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Hinder för godkännande" });
        await Expect(blocking).ToHaveCountAsync(1);
        await Expect(blocking).ToContainTextAsync($"{Partner} (Kina) uppfyller inte förutsättningen");
        await Expect(blocking.Locator("blockquote")).ToContainTextAsync("respekterar mänskliga rättigheter");
        // The editor does not record exceptions.
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Registrera undantag" })).ToHaveCountAsync(0);
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Skicka för godkännande" }));
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Inskickad för godkännande");
        var activityUrl = Page.Url;

        // The country page: the assessment, its readings and the attribution.
        await ClickAndScanAsync(await MenuLinkAsync("Länder"));
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Kina", Exact = true }));
        await Expect(Page.Locator("#assessment-outcome")).ToContainTextAsync("Uppfyller inte kraven");

        // The approver is not offered approval (issue 15): the page says why, and that it waits for KS.
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Logga ut" }));
        await LoginAsync("godkannare@boras.demo");
        await VisitAsync(activityUrl);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Godkänn", Exact = true })).ToHaveCountAsync(0);
        await Expect(Page.Locator("#approval-blocked")).ToContainTextAsync("Väntar på Kommunstyrelsens beslut om undantag");
        await Expect(Page.Locator(".tag--status")).ToHaveTextAsync("Inskickad för godkännande");

        // The KS secretariat records KS's exception from the activity page.
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Logga ut" }));
        await LoginAsync("ks@boras.demo");
        await VisitAsync(activityUrl);
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Registrera undantag" }));
        await Expect(Heading1).ToHaveTextAsync("Registrera undantag");
        // Missing fields first: the errors in Swedish, nothing stored.
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Registrera undantaget" }));
        await Expect(Page.Locator("#error-summary")).ToContainTextAsync("Paragraf (§) i protokollet måste fyllas i.");
        await Page.GetByLabel("Beslutsdatum").FillAsync("2026-10-07");
        await Page.GetByLabel("Paragraf (§)").FillAsync("§ 187");
        await Page.GetByLabel("Diarienummer").FillAsync("KS 2026-00388");
        await Page.GetByLabel("Gäller till och med").FillAsync("2027-12-31");
        await Page.GetByLabel("Beslutstext").FillAsync("Kommunstyrelsen beslutar om undantag för samarbetet med Pekings yrkesutbildningsbyrå.");
        await Page.GetByLabel("Beslutsdokument (protokollsutdrag, valfritt)").SetInputFilesAsync(new FilePayload
        {
            Name = "protokollsutdrag.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n% KS 2026-10-07\n"u8.ToArray(),
        });
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Registrera undantaget" }));
        await Expect(Heading1).ToHaveTextAsync(Title);
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Undantaget för");
        var exceptions = Page.GetByRole(AriaRole.Region, new() { Name = "Undantag från förutsättningen för samarbetsparter" });
        await Expect(exceptions).ToContainTextAsync("KS 2026-00388");
        await Expect(exceptions).ToContainTextAsync("Gäller");

        // The list of all exceptions.
        await ClickAndScanAsync(await MenuLinkAsync("Undantag"));
        await Expect(Heading1).ToHaveTextAsync("Undantag från förutsättningen för samarbetsparter");
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = Title })).ToContainTextAsync("protokollsutdrag.pdf");

        // Now the approver approves.
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Logga ut" }));
        await LoginAsync("godkannare@boras.demo");
        await VisitAsync(activityUrl);
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Godkänn", Exact = true }));
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Aktiviteten är godkänd.");
        await Expect(Page.Locator(".tag--status")).ToHaveTextAsync("Godkänd");
    });
}
