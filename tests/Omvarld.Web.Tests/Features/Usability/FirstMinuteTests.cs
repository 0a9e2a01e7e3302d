using System.Net;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Usability;

/// <summary>Issue 16.8: a newcomer's first minute: the front door for the public, no demo hints outside Development.</summary>
public abstract class FirstMinuteTests(OmvarldApp app)
{
    [Fact]
    public async Task Anonymous_StartPage_LeadsToTheOpenPagesAndToSignIn()
    {
        var client = app.NewClient();
        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.NotNull(page.QuerySelector("main a[href='/oppet']"));
        Assert.NotNull(page.QuerySelector("main a[href='/konto/logga-in']"));
        Assert.NotNull(page.QuerySelector("header a[href='/konto/logga-in']"));
        // Nothing of the signed-in shell: no main menu, no work list.
        Assert.Null(page.QuerySelector("nav.main-nav"));
        Assert.DoesNotContain("Att göra", page.Body!.TextContent);
    }

    [Fact]
    public async Task LoginPage_OutsideDevelopment_ShowsNoDemoLogins_ButLinksTheOpenPages()
    {
        // The test app runs as "Testing" with the demo seeded: the hint is for Development only.
        var page = await app.NewClient().GetDocumentAsync("/konto/logga-in");

        Assert.Null(page.QuerySelector("#demo-logins"));
        Assert.DoesNotContain("samordnare@boras.demo", page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='/oppet']"));
    }

    [Fact]
    public async Task Anonymous_CannotPostTheStartPagesAcknowledgement()
    {
        var response = await app.NewClient().PostAsync($"/?handler=Acknowledge&changeId={Guid.NewGuid()}", new FormUrlEncodedContent([]));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.True((int)response.StatusCode < 500);
    }
}

public sealed class FirstMinuteTests_Sqlite(SqliteApp app) : FirstMinuteTests(app), IClassFixture<SqliteApp>;
public sealed class FirstMinuteTests_Postgres(PostgresApp app) : FirstMinuteTests(app), IClassFixture<PostgresApp>;
