using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Compilations;

namespace Omvarld.Web.Tests.Infrastructure;

/// <summary>A short time for expensive requests, for <see cref="ExpensiveTimeoutTests"/> only (every other fixture keeps the default).</summary>
public sealed class ShortTimeout : IFixtureSettings
{
    public const int TimeoutSeconds = 2;
    public const int RetryAfterSeconds = 9;

    public static IEnumerable<(string Key, string Value)> Settings =>
    [
        ("RateLimits:ExpensiveTimeoutSeconds", TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("RateLimits:ExpensiveRetryAfterSeconds", RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}

/// <summary>
/// Issue 17: an expensive request has a time of its own. One that runs out of it is answered 503 with Retry-After
/// (ProblemDetails in Swedish in the API, the Swedish page in the browser) while other requests go on, and the
/// compilation it asked for is still computed, once, for whoever asks next.
/// </summary>
public abstract class ExpensiveTimeoutTests(OmvarldApp app)
{
    /// <summary>
    /// Another connection holds the database's write lock for the compilation's kept snapshots (SQLite: a write
    /// transaction; PostgreSQL: the table in exclusive mode), so the compilation cannot be kept until it lets go.
    /// </summary>
    private async Task<IAsyncDisposable> HoldSnapshotWritesAsync()
    {
        var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OmvarldDbContext>();
        var transaction = await db.Database.BeginTransactionAsync();
        if (app.ProviderName == "Postgres")
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"CompilationSnapshots\" IN EXCLUSIVE MODE");
        return new Held(scope, transaction);
    }

    private sealed class Held(AsyncServiceScope scope, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await scope.DisposeAsync();
        }
    }

    [Fact]
    public async Task ACompilationThatTakesTooLong_Is503WithRetryAfter_OthersAreServed_AndItIsStillComputedOnce()
    {
        var api = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));
        var browser = await app.SignInAsync(OmvarldApp.Email("ks"));
        var stats = app.Services.GetRequiredService<CompilationStats>();
        var computedBefore = stats.Computed;
        // The token's first use is written down (then once a minute at most): before the lock, or it would wait for it.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/units")).StatusCode);

        await using (await HoldSnapshotWritesAsync())
        {
            var answer = await api.GetAsync("/api/v1/compilation?year=2024");
            Assert.True(answer.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
            Assert.Equal(ShortTimeout.RetryAfterSeconds, (int)answer.Headers.RetryAfter!.Delta!.Value.TotalSeconds);
            var problem = await answer.ReadProblemAsync();
            Assert.Equal("Det tog för lång tid", problem.GetProperty("title").GetString());
            Assert.Contains($"försök igen om {ShortTimeout.RetryAfterSeconds} sekunder", problem.GetProperty("detail").GetString());

            var page = await browser.GetAsync("/sammanstallning?ar=2024");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal(ShortTimeout.RetryAfterSeconds, (int)page.Headers.RetryAfter!.Delta!.Value.TotalSeconds);
            var text = (await page.ReadDocumentAsync()).Text();
            Assert.Contains("Det tog för lång tid", text);
            Assert.DoesNotContain("databas", text);

            // The rest of the service is not held up by it.
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/activities")).StatusCode);
        }

        // The computation did not end with the requests that gave up on it: it is kept once the lock is let go.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (stats.Computed == computedBefore && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50);
        var again = await api.GetAsync("/api/v1/compilation?year=2024");
        Assert.True(again.StatusCode == HttpStatusCode.OK, $"{(int)again.StatusCode}: {await again.Content.ReadAsStringAsync()}");
        Assert.Equal(2024, (await again.ReadJsonAsync()).GetProperty("year").GetInt32());
        Assert.Equal(computedBefore + 1, stats.Computed);
    }

    [Fact]
    public async Task AnExpensiveRequestWithinItsTime_IsAnsweredAsAlways()
    {
        var api = await app.ApiClientAsync(OmvarldApp.Email("redaktor"));
        var export = await api.GetAsync("/api/v1/activities/export?format=csv");
        Assert.True(export.StatusCode == HttpStatusCode.OK, $"{(int)export.StatusCode}: {await export.Content.ReadAsStringAsync()}");
        Assert.Null(export.Headers.RetryAfter);
    }
}

public sealed class ExpensiveTimeoutTests_Sqlite(SqliteApp<ShortTimeout> app) : ExpensiveTimeoutTests(app), IClassFixture<SqliteApp<ShortTimeout>>;
public sealed class ExpensiveTimeoutTests_Postgres(PostgresApp<ShortTimeout> app) : ExpensiveTimeoutTests(app), IClassFixture<PostgresApp<ShortTimeout>>;
