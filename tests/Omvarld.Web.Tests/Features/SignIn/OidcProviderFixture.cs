using Omvarld.TestOidc;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.SignIn;

/// <summary>One real OpenID Connect provider (OpenIddict on Kestrel) per test class, with Omvärld's test client registered.</summary>
public sealed class OidcProviderFixture : IAsyncLifetime
{
    public const string ClientId = "omvarld-boras";
    public const string ClientSecret = "en-hemlighet-for-testerna-1234";
    public TestOidcProvider Provider { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Its own fake clock from the same start as the app's: the two agree to well within the ID token's minute of skew.
        Provider = await TestOidcProvider.StartAsync(TestClock.Create());
        await Provider.AddClientAsync(ClientId, ClientSecret, "https://localhost/konto/extern/boras/callback");
    }

    public async Task DisposeAsync() => await Provider.DisposeAsync();
}
