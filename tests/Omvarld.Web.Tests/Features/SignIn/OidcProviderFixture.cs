using Omvarld.TestOidc;

namespace Omvarld.Web.Tests.Features.SignIn;

/// <summary>One real OpenID Connect provider (OpenIddict on Kestrel) per test class, with Omvärld's test client registered.</summary>
public sealed class OidcProviderFixture : IAsyncLifetime
{
    public const string ClientId = "omvarld-boras";
    public const string ClientSecret = "en-hemlighet-for-testerna-1234";
    public TestOidcProvider Provider { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await TestOidcProvider.StartAsync();
        await Provider.AddClientAsync(ClientId, ClientSecret, "https://localhost/konto/extern/boras/callback");
    }

    public async Task DisposeAsync() => await Provider.DisposeAsync();
}
