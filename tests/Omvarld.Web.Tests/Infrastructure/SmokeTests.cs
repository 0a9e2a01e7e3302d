using System.Net;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Infrastructure;

public abstract class SmokeTests(OmvarldApp app)
{
    [Fact]
    public async Task Health_Database_Healthy()
    {
        var response = await app.NewClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var c = await app.SignInAsync(OmvarldApp.Email("samordnare"));
        var r = await c.GetAsync("/enheter");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var db = await app.WithDbAsync(d => Task.FromResult(d.GetType().Name));
        Assert.Contains(app.ProviderName, db);
    }
}
public sealed class SmokeTests_Sqlite(SqliteApp app) : SmokeTests(app), IClassFixture<SqliteApp>;
public sealed class SmokeTests_Postgres(PostgresApp app) : SmokeTests(app), IClassFixture<PostgresApp>;
