using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Omvarld.Web.Tests.Infrastructure;

/// <summary>A fixture whose database can be taken out of reach and brought back, for real.</summary>
public interface IDatabaseOutage
{
    Task TakeDownAsync();
    Task BringBackAsync();
}

/// <summary>SQLite in a file; "down" moves the file's folder away, so that opening it fails as for an unreadable file.</summary>
public sealed class SqliteFileApp : OmvarldApp, IDatabaseOutage
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "omvarld-tests", "db-" + Guid.NewGuid().ToString("N"));
    private string DatabaseFolder => Path.Combine(_folder, "db");
    private string AwayFolder => Path.Combine(_folder, "borta");

    public override string ProviderName => "Sqlite";
    protected override string ConnectionString => $"Data Source={Path.Combine(DatabaseFolder, "omvarld.db")}";

    public override Task InitializeAsync()
    {
        Directory.CreateDirectory(DatabaseFolder);
        return base.InitializeAsync();
    }

    public Task TakeDownAsync()
    {
        SqliteConnection.ClearAllPools(); // no open handle keeps the moved file readable
        Directory.Move(DatabaseFolder, AwayFolder);
        return Task.CompletedTask;
    }

    public Task BringBackAsync()
    {
        Directory.Move(AwayFolder, DatabaseFolder);
        return Task.CompletedTask;
    }

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }
}

/// <summary>PostgreSQL reached through a TCP relay on loopback; "down" closes the relay: connections are refused.</summary>
public sealed class PostgresRelayApp : PostgresApp, IDatabaseOutage
{
    private TcpRelay? _relay;

    protected override string ConnectionString
    {
        get
        {
            var direct = new NpgsqlConnectionStringBuilder(base.ConnectionString);
            _relay ??= TcpRelay.Start(direct.Host!, direct.Port);
            direct.Host = IPAddress.Loopback.ToString();
            direct.Port = _relay.Port;
            return direct.ConnectionString;
        }
    }

    public Task TakeDownAsync()
    {
        _relay!.Stop();
        NpgsqlConnection.ClearAllPools();
        return Task.CompletedTask;
    }

    public Task BringBackAsync()
    {
        _relay!.Restart();
        return Task.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        _relay?.Stop();
        await base.DisposeAsync();
    }
}

/// <summary>Forwards loopback connections to a server; Stop closes the listener and every open connection.</summary>
public sealed class TcpRelay
{
    private readonly string _host;
    private readonly int _targetPort;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;

    private TcpRelay(string host, int targetPort) => (_host, _targetPort) = (host, targetPort);

    public int Port { get; private set; }

    public static TcpRelay Start(string host, int port)
    {
        var relay = new TcpRelay(host, port);
        relay.Restart();
        return relay;
    }

    /// <summary>Listens again, on the same port once one was given.</summary>
    public void Restart()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _stop = new CancellationTokenSource();
        _ = AcceptAsync(listener, _stop.Token);
    }

    public void Stop()
    {
        _stop?.Cancel();
        _listener?.Stop();
        lock (_open)
        {
            foreach (var c in _open) c.Dispose();
            _open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(ct); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            var server = new TcpClient();
            try { await server.ConnectAsync(_host, _targetPort, ct); }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }
            lock (_open) _open.AddRange([client, server]);
            _ = PumpAsync(client, server);
            _ = PumpAsync(server, client);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try { await from.GetStream().CopyToAsync(to.GetStream()); }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or SocketException) { }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}

/// <summary>While the database is out of reach, pages and API answer 503 with Retry-After, in Swedish, never 500.</summary>
public abstract class DatabaseUnavailableTests(OmvarldApp app)
{
    private IDatabaseOutage Outage => (IDatabaseOutage)app;

    [Fact]
    public async Task DatabaseDown_PagesAndApi_503WithRetryAfter_ThenBackTo200()
    {
        var email = OmvarldApp.Email("samordnare");
        var api = await app.ApiClientAsync(email);
        var pages = await app.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/activities")).StatusCode);

        await Outage.TakeDownAsync();
        HttpResponseMessage apiAnswer, pageAnswer, loginAnswer, health;
        try
        {
            apiAnswer = await api.GetAsync("/api/v1/activities");
            pageAnswer = await pages.GetAsync("/aktiviteter");
            loginAnswer = await app.NewClient().GetAsync("/konto/logga-in");
            health = await app.NewClient().GetAsync("/health");
        }
        finally
        {
            await Outage.BringBackAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, apiAnswer.StatusCode);
        Assert.NotNull(apiAnswer.Headers.RetryAfter);
        var problem = await apiAnswer.ReadProblemAsync();
        Assert.Equal("Tjänsten är tillfälligt otillgänglig", problem.GetProperty("title").GetString());
        foreach (var page in new[] { pageAnswer, loginAnswer })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.NotNull(page.Headers.RetryAfter);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Omvärld når inte sin databas just nu", (await page.ReadDocumentAsync()).Text());
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/activities")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/aktiviteter")).StatusCode);
    }
}

public sealed class DatabaseUnavailableTests_Sqlite(SqliteFileApp app) : DatabaseUnavailableTests(app), IClassFixture<SqliteFileApp>;
public sealed class DatabaseUnavailableTests_Postgres(PostgresRelayApp app) : DatabaseUnavailableTests(app), IClassFixture<PostgresRelayApp>;
