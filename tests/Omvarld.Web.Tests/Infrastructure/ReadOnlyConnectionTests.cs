using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Omvarld.Web.Tests.Infrastructure;

/// <summary>
/// Issue 17: with <c>ConnectionStrings:OmvarldReadOnly</c> set, the open pages and open data are read through it and
/// nothing else is. Proven twice: through a connection that may only read they answer in full (so they write nothing);
/// through one that reaches no server they are out (503) while the signed-in app works on the primary.
/// </summary>
public sealed class ReadOnlyConnectionTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private string Primary => app.Services.GetRequiredService<IConfiguration>().GetConnectionString("Omvarld")!;

    private WebApplicationFactory<Program> WithReadOnly(string connectionString) =>
        app.WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:OmvarldReadOnly", connectionString);
            b.UseSetting("Database:MigrateOnStart", "false");
        });

    private static HttpClient Client(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    [Fact]
    public async Task ThroughAReadOnlyConnection_TheOpenPagesAndDataAnswerInFull()
    {
        var readOnly = new NpgsqlConnectionStringBuilder(Primary) { Options = "-c default_transaction_read_only=on" }.ConnectionString;
        await using var factory = WithReadOnly(readOnly);
        var client = Client(factory);

        var list = await client.GetAsync("/api/v1/public/boras/activities");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.NotEmpty((await list.ReadJsonAsync()).GetProperty("data").GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/oppet/boras")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/public/boras/activities.csv")).StatusCode);
    }

    [Fact]
    public async Task TheOpenPagesUseTheReadOnlyConnection_AndNothingElseDoes()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(Primary) { Port = 1, Timeout = 2 }.ConnectionString;
        await using var factory = WithReadOnly(unreachable);
        var client = Client(factory);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/api/v1/public/boras/activities")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/oppet/boras")).StatusCode);
        // Signing in (the primary) works, and so do the signed-in pages.
        var signIn = await client.PostFormAsync("/konto/logga-in", new() { ["Input.Email"] = OmvarldApp.Email("samordnare"), ["Input.Password"] = OmvarldApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }
}
