using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Omvarld.TestOidc;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Admin.SignIn;
using static Microsoft.Playwright.Assertions;

namespace Omvarld.Browser.Tests;

/// <summary>Sign-in with the municipality's own account: a real OpenID Connect provider on 127.0.0.1, its login form, back to Omvärld.</summary>
public sealed class OidcSignInTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task A_person_signs_in_with_the_municipalitys_account_and_gets_the_mapped_role() => RunAsync(async () =>
    {
        await using var provider = await TestOidcProvider.StartAsync(Fixture.App.Clock);
        await provider.AddClientAsync("omvarld-boras", "browser-test-hemlighet-42", BaseUrl + "/konto/extern/boras/callback");
        provider.AddUser(new TestUser("karin", "karin-sub-1", "Karin Extern", "karin.extern@boras.test", ["Omvärld-samordnare"]));
        await using (var scope = Fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OmvarldDbContext>();
            var boras = db.Municipalities.Single(m => m.Slug == "boras").Id;
            var settings = scope.ServiceProvider.GetRequiredService<OidcSettingsService>();
            var current = await settings.GetAsync(boras);
            var (_, errors) = await settings.SaveAsync(boras, new OidcSettingsInput(true, "Logga in med Borås stads konto", provider.Issuer,
                "omvarld-boras", "browser-test-hemlighet-42", null, null, null, null, null,
                [new OidcMappingInput("Omvärld-samordnare", Omvarld.Domain.Access.Role.Coordinator, null)], current!.Version));
            Assert.Empty(errors);
        }

        await VisitAsync("/konto/logga-in");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Logga in med Borås stads konto" }).ClickAsync();
        // At the provider: its own login page.
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Testkommunens inloggning");
        Assert.StartsWith(provider.Issuer, Page.Url);
        await Page.GetByLabel("Användarnamn").FillAsync("karin");
        await NavigateByAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync());

        // Back at Omvärld, signed in, with the coordinator's menu.
        Assert.Equal(BaseUrl + "/", Page.Url);
        await Expect(Heading1).ToHaveTextAsync("Start");
        await Expect(await MenuLinkAsync("Användare")).ToBeVisibleAsync();
        await ClickAndScanAsync(await MenuLinkAsync("Inloggning"));
        await Expect(Heading1).ToHaveTextAsync("Inloggning med kommunens konto");
        await Expect(Page.GetByLabel("Text på knappen")).ToHaveValueAsync("Logga in med Borås stads konto");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("En hemlighet är sparad");
    });
}
