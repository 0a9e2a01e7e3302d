using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omvarld.Browser.Tests;

/// <summary>
/// The yearly follow-up (issue 15) in a browser: Upplands-Bro's coordinator opens the 2025 round with the default
/// questions (the child perspective among them, which Upplands-Bro's policy demands), Utbildningsnämnden's editor finds
/// its section on the start page and writes its account beside the register's facts, the approver marks it ready, and
/// the coordinator sees it ready in the progress table. Every page on the way is scanned by axe.
/// </summary>
public sealed class FollowUpFlowTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Committee = "Utbildningsnämnden";

    [Fact]
    public Task Coordinator_opens_the_round_editor_writes_approver_marks_ready_coordinator_sees_progress() => RunAsync(async () =>
    {
        var today = DateOnly.FromDateTime(Fixture.App.Services.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);

        await LoginAsync("samordnare@upplands-bro.demo");
        await VisitAsync("/");
        await ClickAndScanAsync(await MenuLinkAsync("Uppföljning", exact: true));
        await Expect(Heading1).ToHaveTextAsync("Uppföljning");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Öppna en uppföljning" }));
        await Page.GetByLabel("År", new() { Exact = true }).FillAsync("2025");
        await Expect(Page.GetByLabel("Frågor")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("barnets perspektiv"));
        await Page.GetByLabel("Sista svarsdatum").FillAsync(today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Öppna och skicka ut uppföljningen" }));
        await Expect(Heading1).ToHaveTextAsync("Uppföljning 2025");
        await Expect(Page.Locator("#round-counts")).ToContainTextAsync("0 klara");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Logga ut" }));

        await LoginAsync("redaktor@upplands-bro.demo");
        await VisitAsync("/");
        await ClickAndScanAsync(Page.Locator("#follow-up-owed").GetByRole(AriaRole.Link, new() { Name = $"{Committee}, uppföljning 2025" }));
        await Expect(Heading1).ToHaveTextAsync($"{Committee}: uppföljning 2025");
        await Expect(Page.Locator("#facts-heading")).ToHaveTextAsync("Ur registret 2025");
        var fields = Page.Locator("main form textarea");
        var count = await fields.CountAsync();
        for (var i = 0; i < count; i++) await fields.Nth(i).FillAsync($"Svar {i + 1}: utbytet med Tallinn gav nya arbetssätt.");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }));
        await Expect(Page.Locator("#section-progress")).ToHaveTextAsync("Påbörjad");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Logga ut" }));

        await LoginAsync("godkannare@upplands-bro.demo");
        await VisitAsync("/");
        await ClickAndScanAsync(Page.Locator("#follow-up-owed").GetByRole(AriaRole.Link, new() { Name = $"{Committee}, uppföljning 2025" }));
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Markera som klar" }));
        await Expect(Page.Locator("#ready-notice")).ToContainTextAsync("Markerat som klart av Demo Enhetsgodkännare");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Logga ut" }));

        await LoginAsync("samordnare@upplands-bro.demo");
        await VisitAsync("/uppfoljning");
        await ClickAndScanAsync(Page.Locator("#rounds").GetByRole(AriaRole.Link, new() { Name = "Uppföljning 2025" }));
        var row = Page.Locator("#progress tbody tr").Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = Committee, Exact = true }) });
        await Expect(row).ToContainTextAsync("Klar");
        await Expect(row).ToContainTextAsync("Demo Enhetsgodkännare");
        await Expect(Page.Locator("#round-counts")).ToContainTextAsync("1 klara");
    });
}
