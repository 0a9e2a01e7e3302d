using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omvarld.Browser.Tests;

/// <summary>Issue 18.3: the coordinator pastes a policy, reviews the proposal beside the text and saves it as a draft.</summary>
public sealed class PolicyReviewFlowTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Policy = Omvarld.Web.Tests.Infrastructure.SamplePolicyText.Policy;

    [Fact]
    public Task Coordinator_reads_a_pasted_policy_reviews_it_and_saves_a_draft() => RunAsync(async () =>
    {
        await LoginAsync("samordnare@boras.demo");
        await VisitAsync("/styrdokument");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Läs in ett antaget styrdokument (PDF, Word eller text)" }));
        await Expect(Heading1).ToHaveTextAsync("Läs in ett styrdokument");

        await Page.GetByLabel("Eller klistra in texten").FillAsync(Policy);
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Läs dokumentet" }));
        var source = Page.Locator("#source-text");
        await Expect(source).ToContainTextAsync("Hållbar utveckling i kommunen");

        // The item in focus highlights its passage in the text (the script's enhancement).
        await Page.Locator("#Form_Goals_1__Name").FocusAsync();
        await Expect(source.Locator("mark.is-active")).Not.ToHaveCountAsync(0);
        await Expect(source.Locator("mark.is-active").First).ToContainTextAsync("Hållbar utveckling");

        // Text selected in the document fills the add field; it is added as a goal.
        await source.EvaluateAsync("""
            el => {
              const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
              let node;
              while ((node = walker.nextNode()) && !node.textContent.includes('handlingsplan')) { }
              const at = node.textContent.indexOf('Nämnder och bolag');
              const range = document.createRange();
              range.setStart(node, Math.max(0, at));
              range.setEnd(node, node.textContent.indexOf('arbete.') + 'arbete.'.length);
              const s = window.getSelection(); s.removeAllRanges(); s.addRange(range);
              el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
            }
            """);
        await Expect(Page.Locator("#Form_NewText")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("handlingsplan för sitt internationella arbete"));
        await Page.Locator("#Form_NewName").FillAsync("Handlingsplaner");
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Lägg till", Exact = true }));
        await Expect(Page.Locator("fieldset[data-item^='g-']")).ToHaveCountAsync(4);

        // Leave out the second goal; fill what a version needs and the document does not say.
        await Page.Locator("#keep-g-1").UncheckAsync();
        await Page.GetByLabel("Versionens namn").FillAsync("2018");
        foreach (var (id, value) in new[] { ("title", "Internationell policy för Testkommun"), ("kind", "policy"), ("adoptedBy", "Kommunfullmäktige"), ("appliesTo", "Kommunens nämnder och bolag"), ("validUntil", "replaced") })
        {
            var input = Page.Locator($".review-item[data-item='m-{id}'] input[name$='.Value']");
            await input.FillAsync(value);
            await Page.Locator($"#keep-m-{id}").CheckAsync();
        }
        await ClickAndScanAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Spara som utkast" }));

        await Expect(Heading1).ToContainTextAsync("Internationell policy för Testkommun 2018");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Utkastet 2018 är sparat");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Handlingsplaner");
    });
}
