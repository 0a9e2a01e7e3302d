using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Omvarld.Web.Tests.Infrastructure;

/// <summary>
/// Issue 17: two instances of the app on one PostgreSQL database, as behind a load balancer. Started together they do
/// not race (the start-up lock: one migrates and seeds, the other finds it done), and a browser moving between them
/// stays signed in and its forms are accepted: the Data Protection keys that protect the cookie and the antiforgery
/// tokens are in the database, not in either instance.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public PostgresApp First { get; } = new();
    public PostgresApp Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Second = new SecondInstance(First.DatabaseName);
        // Both start at once on the empty database: migrations, country data and the demo, each under the start-up lock.
        var second = Task.Run(() => _ = Second.Server);
        await First.InitializeAsync();
        await second;
    }

    public async Task DisposeAsync()
    {
        await Second.DisposeAsync();
        await ((IAsyncLifetime)First).DisposeAsync();
    }

    /// <summary>The second instance leaves the database to the first, which drops it.</summary>
    private sealed class SecondInstance(string database) : PostgresApp(database)
    {
        protected override Task DropDatabaseAsync() => Task.CompletedTask;
    }
}

public sealed class TwoInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    /// <summary>A browser's cookie jar shared by clients of both instances.</summary>
    private sealed class CookieJar(CookieContainer jar, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var cookies = jar.GetCookieHeader(request.RequestUri!);
            if (cookies.Length > 0) request.Headers.Add("Cookie", cookies);
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
                foreach (var cookie in set) jar.SetCookies(request.RequestUri!, cookie);
            return response;
        }
    }

    private static HttpClient Browser(PostgresApp instance, CookieContainer jar) =>
        new(new CookieJar(jar, instance.Server.CreateHandler())) { BaseAddress = new Uri("https://localhost") };

    [Fact]
    public async Task StartedTogether_TheDemoIsSeededOnce()
    {
        var (municipalities, users, releases) = await instances.Second.WithDbAsync(async db => (
            await db.Municipalities.IgnoreQueryFilters().CountAsync(),
            await db.Users.CountAsync(u => u.Email == OmvarldApp.Email("samordnare")),
            await db.CountryDataReleases.Select(r => r.Name).ToListAsync()));
        Assert.Equal((2, 1), (municipalities, users));
        Assert.NotEmpty(releases);
        Assert.Equal(releases.Distinct().Count(), releases.Count);
    }

    [Fact]
    public async Task SignedInOnOne_StaysSignedInOnTheOther_AndItsFormsAreAccepted()
    {
        var jar = new CookieContainer();
        var first = Browser(instances.First, jar);
        var second = Browser(instances.Second, jar);

        var signIn = await first.PostFormAsync("/konto/logga-in",
            new() { ["Input.Email"] = OmvarldApp.Email("samordnare"), ["Input.Password"] = OmvarldApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // The other instance reads the cookie the first one protected.
        var start = await second.GetAsync("/aktiviteter");
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);

        // A form served by the first instance posts to the second: its antiforgery token is accepted, and signing out
        // there ends the session on both.
        var page = await first.GetDocumentAsync("/aktiviteter");
        var token = page.AntiforgeryToken("form[action$='/konto/logga-ut']");
        var signOut = await second.PostAsync("/konto/logga-ut", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var after = await first.GetAsync("/aktiviteter");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/konto/logga-in", after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AskedOnBothAtOnce_TheCompilationIsComputedOnce()
    {
        // The tokens first: creating one is a change, and the compilation is kept per state of the municipality.
        var first = await instances.First.ApiClientAsync(OmvarldApp.Email("samordnare"));
        var second = await instances.Second.ApiClientAsync(OmvarldApp.Email("ks"));
        Stats Of(PostgresApp app) => app.Services.GetRequiredService<Omvarld.Web.Features.Compilations.CompilationStats>() is var s
            ? new(s.Computed, s.FromSnapshot) : default;
        var (before1, before2) = (Of(instances.First), Of(instances.Second));

        var answers = await Task.WhenAll(first.GetAsync("/api/v1/compilation?year=2024"), second.GetAsync("/api/v1/compilation?year=2024"));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(await answers[0].Content.ReadAsStringAsync(), await answers[1].Content.ReadAsStringAsync());
        var (after1, after2) = (Of(instances.First), Of(instances.Second));
        // One computed it; the other waited its turn and read what the first kept.
        Assert.Equal(1, after1.Computed - before1.Computed + after2.Computed - before2.Computed);
        Assert.Equal(1, after1.FromSnapshot - before1.FromSnapshot + after2.FromSnapshot - before2.FromSnapshot);
    }

    [Fact]
    public async Task FileAskedOnBothAtOnce_RenderedOnce_BothAnswerTheSameBytes()
    {
        var first = await instances.First.ApiClientAsync(OmvarldApp.Email("samordnare"));
        var second = await instances.Second.ApiClientAsync(OmvarldApp.Email("ks"));
        long Rendered(PostgresApp app) => app.Services.GetRequiredService<Omvarld.Web.Features.Compilations.CompilationStats>().Rendered;
        var before = Rendered(instances.First) + Rendered(instances.Second);

        // A year of its own (the test above asks for 2024), so that neither instance has it kept.
        var answers = await Task.WhenAll(first.GetAsync("/api/v1/compilation/export?year=2023&format=xlsx"),
            second.GetAsync("/api/v1/compilation/export?year=2023&format=xlsx"));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(await answers[0].Content.ReadAsByteArrayAsync(), await answers[1].Content.ReadAsByteArrayAsync());
        // One rendered it; the other waited its turn and answered what the first kept.
        Assert.Equal(1, Rendered(instances.First) + Rendered(instances.Second) - before);
    }

    private readonly record struct Stats(long Computed, long FromSnapshot);
}
