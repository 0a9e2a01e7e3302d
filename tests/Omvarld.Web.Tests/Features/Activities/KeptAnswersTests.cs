using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omvarld.Web.Infrastructure;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Activities;

/// <summary>
/// Issue 17 on both databases: the register's list is kept per state of the municipality's data
/// (<see cref="KeptAnswers"/>): another member of the same municipality gets the same answer without it being built
/// again, another municipality never gets it, and a change is in the very next answer. Whether an answer was built is
/// read from <see cref="KeptAnswers.Built"/>, never from timing.
/// </summary>
public abstract class KeptAnswersTests(OmvarldApp app)
{
    private KeptAnswers Answers => app.Services.GetRequiredService<KeptAnswers>();

    private static async Task<List<(Guid Id, string Title)>> ItemsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("id").GetGuid(), i.GetProperty("title").GetString()!)).ToList();
    }

    [Fact]
    public async Task TheSameListIsBuiltOncePerMunicipalityAndState_NeverCrossesMunicipalities_AndAChangeIsSeenAtOnce()
    {
        const string url = "/api/v1/activities?pageSize=7&sort=Title";
        var borasCoordinator = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));
        var borasReader = await app.ApiClientAsync(OmvarldApp.Email("lasare"));
        var ubCoordinator = await app.ApiClientAsync(OmvarldApp.Email("samordnare", "upplands-bro"));
        var borasIds = await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().Where(a => a.MunicipalityId == app.Boras).Select(a => a.Id).ToListAsync());

        var built = Answers.Built;
        var boras = await ItemsAsync(borasCoordinator, url);
        Assert.NotEmpty(boras);
        Assert.All(boras, i => Assert.Contains(i.Id, borasIds));
        Assert.Equal(built + 1, Answers.Built);

        // Another member of Borås, another role: the same answer, kept.
        Assert.Equal(boras, await ItemsAsync(borasReader, url));
        Assert.Equal(built + 1, Answers.Built);

        // Upplands-Bro asks the same address: its own list, built for it, nothing of Borås's.
        var ub = await ItemsAsync(ubCoordinator, url);
        Assert.NotEmpty(ub);
        Assert.DoesNotContain(ub, i => borasIds.Contains(i.Id));
        Assert.Equal(built + 2, Answers.Built);

        // A change to Borås's data is in Borås's very next answer; Upplands-Bro's is still kept.
        await app.WithDbAsync(async db =>
        {
            db.Tenant.Use(app.Boras);
            var first = await db.Activities.SingleAsync(a => a.Id == boras[0].Id);
            db.Entry(first).Property(nameof(Omvarld.Domain.Activities.Activity.Title)).CurrentValue = "AAA Svarsminnet ändrat";
            await db.SaveChangesAsync();
        });
        var changed = await ItemsAsync(borasReader, url);
        Assert.Equal("AAA Svarsminnet ändrat", changed[0].Title);
        Assert.Equal(built + 3, Answers.Built);
        Assert.Equal(ub, await ItemsAsync(ubCoordinator, url));
        Assert.Equal(built + 3, Answers.Built);
    }

    [Fact]
    public async Task AnAnswerThatIsRefused_IsNeverKept()
    {
        var api = await app.ApiClientAsync(OmvarldApp.Email("redaktor"));
        var built = Answers.Built;
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/activities?page=100000")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/activities?after=nonsense")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().GetAsync("/api/v1/activities")).StatusCode);
        Assert.Equal(built, Answers.Built);
    }
}

public sealed class KeptAnswersTests_Sqlite(SqliteApp app) : KeptAnswersTests(app), IClassFixture<SqliteApp>;
public sealed class KeptAnswersTests_Postgres(PostgresApp app) : KeptAnswersTests(app), IClassFixture<PostgresApp>;
