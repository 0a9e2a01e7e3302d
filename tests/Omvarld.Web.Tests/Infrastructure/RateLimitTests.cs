using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Tests.Infrastructure;

/// <summary>Low limits for <see cref="RateLimitTests"/> only: every other fixture sets them out of reach (<see cref="OmvarldApp"/>).</summary>
public sealed class LowLimits : IFixtureSettings
{
    public const int PerUser = 5;
    public const int PerAddress = 4;
    public const int ExpensiveRetryAfter = 7;

    /// <summary>An hour's window: nothing is given back while a test runs, so the counts are exact.</summary>
    public static IEnumerable<(string Key, string Value)> Settings =>
    [
        ("RateLimits:PerUser", PerUser.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("RateLimits:PerAddress", PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("RateLimits:WindowSeconds", "3600"),
        ("RateLimits:ExpensiveConcurrent", "1"),
        ("RateLimits:ExpensiveQueue", "0"),
        ("RateLimits:ExpensiveRetryAfterSeconds", ExpensiveRetryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}

/// <summary>
/// Issue 17: a client over its limit gets 429 with Retry-After (ProblemDetails in Swedish in the API, the Swedish page
/// elsewhere) and others do not; the expensive requests take one of few places. Each test counts against its own client
/// (its own user, or the anonymous address only one test uses), so the order of the tests changes nothing.
/// </summary>
public abstract class RateLimitTests(OmvarldApp app)
{
    private static async Task AssertTooManyProblemAsync(HttpResponseMessage response, int maxSeconds)
    {
        Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var wait = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(wait);
        Assert.InRange(wait.Value.TotalSeconds, 1, maxSeconds);
        var problem = await response.ReadProblemAsync();
        Assert.Equal("För många förfrågningar", problem.GetProperty("title").GetString());
        Assert.Contains($"Vänta {(int)wait.Value.TotalSeconds} sekunder", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AUserOverTheLimit_Gets429WithRetryAfter_AnotherUserDoesNot()
    {
        var reader = await app.ApiClientAsync(OmvarldApp.Email("lasare"));
        for (var i = 0; i < LowLimits.PerUser; i++)
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/units")).StatusCode);
        await AssertTooManyProblemAsync(await reader.GetAsync("/api/v1/units"), 3600);

        // The limit is the user's, not the token's: a second token of the same user is refused too.
        var sameUser = await app.ApiClientAsync(OmvarldApp.Email("lasare"));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await sameUser.GetAsync("/api/v1/activities")).StatusCode);

        var editor = await app.ApiClientAsync(OmvarldApp.Email("redaktor"));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/api/v1/units")).StatusCode);
    }

    [Fact]
    public async Task AnAnonymousClientOverTheLimit_Gets429_AsProblemInTheApi_AndASwedishPage_ButHealthStillAnswers()
    {
        var anonymous = app.NewClient();
        for (var i = 0; i < LowLimits.PerAddress; i++)
        {
            var ok = await anonymous.GetAsync("/api/v1/public/boras/activities");
            Assert.True(ok.StatusCode == HttpStatusCode.OK, $"request {i + 1}: {(int)ok.StatusCode}");
        }
        await AssertTooManyProblemAsync(await anonymous.GetAsync("/api/v1/public/boras/activities"), 3600);

        var page = await anonymous.GetAsync("/oppet/boras");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter?.Delta);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var text = (await page.ReadDocumentAsync()).Text();
        Assert.Contains("För många förfrågningar", text);
        Assert.Contains($"Vänta {(int)page.Headers.RetryAfter!.Delta!.Value.TotalSeconds} sekunder och försök igen", text);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task AnExpensiveRequest_WhileEveryPlaceIsTaken_Is429_OtherRequestsAreNot_AndItRunsOnceAPlaceIsFree()
    {
        // A refused expensive request may count twice against its user (the middleware tries once at once, once
        // waiting): the compilation is asked by another user, so the per-user limit stays out of reach here.
        var ks = await app.ApiClientAsync(OmvarldApp.Email("ks"));
        var approver = await app.ApiClientAsync(OmvarldApp.Email("godkannare"));
        var gate = app.Services.GetRequiredService<ExpensiveRequestGate>();
        using (var held = gate.TryEnter())
        {
            Assert.True(held.IsAcquired);
            await AssertTooManyProblemAsync(await ks.GetAsync("/api/v1/activities/export?format=csv"), LowLimits.ExpensiveRetryAfter);
            Assert.Equal(LowLimits.ExpensiveRetryAfter, (int)(await approver.GetAsync("/api/v1/compilation?year=2025")).Headers.RetryAfter!.Delta!.Value.TotalSeconds);
            Assert.Equal(HttpStatusCode.OK, (await ks.GetAsync("/api/v1/units")).StatusCode);
        }
        var export = await ks.GetAsync("/api/v1/activities/export?format=csv");
        Assert.True(export.StatusCode == HttpStatusCode.OK, $"{(int)export.StatusCode}: {await export.Content.ReadAsStringAsync()}");
    }
}

public sealed class RateLimitTests_Sqlite(SqliteApp<LowLimits> app) : RateLimitTests(app), IClassFixture<SqliteApp<LowLimits>>;
public sealed class RateLimitTests_Postgres(PostgresApp<LowLimits> app) : RateLimitTests(app), IClassFixture<PostgresApp<LowLimits>>;
