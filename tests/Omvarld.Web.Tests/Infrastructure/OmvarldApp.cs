using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Account;

namespace Omvarld.Web.Tests.Infrastructure;

/// <summary>
/// The whole app over a real database, migrated and filled with the demo data on start, served over https://localhost
/// in the "Testing" environment so that the production cookie settings (__Host- prefix, Secure) are in force, on a
/// fake clock that starts at <see cref="TestClock.Start"/> (moved by <see cref="ClockStart"/> in a fixture that needs it).
/// </summary>
public abstract class OmvarldApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Testlösenord-för-demo-1";
    public const string Admin = "admin@omvarld.demo";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "omvarld-tests", Guid.NewGuid().ToString("N"));

    public abstract string ProviderName { get; }
    protected abstract string ConnectionString { get; }

    /// <summary>Borås Stad and Upplands-Bro kommun, as seeded.</summary>
    public Guid Boras { get; private set; }
    public Guid UpplandsBro { get; private set; }

    public static string Email(string local, string municipality = "boras") => $"{local}@{municipality}.demo";

    /// <summary>Where this app's clock starts; a fixture that runs the app on another day overrides it.</summary>
    protected virtual DateTimeOffset ClockStart => TestClock.Start;

    private FakeTimeProvider? _clock;

    /// <summary>The app's clock (its registered <see cref="TimeProvider"/>): arrange dates relative to it, never to the wall clock.</summary>
    public FakeTimeProvider Clock => _clock ??= TestClock.Create(ClockStart);

    /// <summary>The app's "today" (in Sweden).</summary>
    public DateOnly Today => TestClock.Today(Clock);

    public virtual async Task InitializeAsync()
    {
        _ = Server; // starts the app: migrates and seeds
        await DemoWorld.KeepCurrentAsync(Services, Today);
        await WithDbAsync(async db =>
        {
            Boras = (await db.Municipalities.SingleAsync(m => m.Slug == "boras")).Id;
            UpplandsBro = (await db.Municipalities.SingleAsync(m => m.Slug == "upplands-bro")).Id;
        });
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabaseAsync();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        GC.SuppressFinalize(this);
    }

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", ProviderName);
        builder.UseSetting("ConnectionStrings:Omvarld", ConnectionString);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("Data:Folder", _dataFolder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Error");
        // The rate limiter runs (issue 17) but no test is refused by it: the attack and matrix tests send thousands of
        // requests as one user. RateLimitTests sets low limits in its own fixture.
        builder.UseSetting("RateLimits:PerUser", "1000000");
        builder.UseSetting("RateLimits:PerAddress", "1000000");
        builder.UseSetting("RateLimits:ExpensiveConcurrent", "1000");
        // Password hashing at production strength costs ~0.1 s per demo user and sign-in on 2 cores; the tests
        // check what a password lets you do, not how slowly it is hashed.
        builder.ConfigureTestServices(s =>
        {
            s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            DemoWorld.MoveShippedCountryData(s, Today);
        });
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>More settings for a fixture that needs them (the reminder tests' SMTP server).</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [];

    /// <summary>A client on https://localhost that keeps cookies and does not follow redirects.</summary>
    public HttpClient NewClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real login page; the returned client carries the session cookie.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = Password)
    {
        var client = NewClient();
        var response = await client.PostFormAsync("/konto/logga-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>A client that calls the API with a fresh personal API token of <paramref name="email"/>.</summary>
    public async Task<HttpClient> ApiClientAsync(string? email)
    {
        var client = NewClient();
        if (email is not null)
            client.DefaultRequestHeaders.Authorization = new("Bearer", (await CreateTokenAsync(email)).Secret);
        return client;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string>>> _sharedTokens = new();

    /// <summary>
    /// A client with one API token of <paramref name="email"/> made once per fixture and shared by the tests that ask
    /// (and their parallel clients): a user may hold only so many tokens.
    /// </summary>
    public async Task<HttpClient> SharedApiClientAsync(string email)
    {
        var secret = await _sharedTokens.GetOrAdd(email, e => new(async () => (await CreateTokenAsync(e)).Secret)).Value;
        var client = NewClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        return client;
    }

    public async Task<(Guid Id, string Secret)> CreateTokenAsync(string email, int days = 30)
    {
        using var scope = Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}");
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(user.MunicipalityId);
        var (token, secret, result) = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(user.Id, user.MunicipalityId, "test", days);
        if (!result.IsOk) throw new InvalidOperationException(result.Error);
        return (token!.Id, secret!);
    }

    /// <summary>Direct database access in system scope, for arranging and checking what the app wrote.</summary>
    public async Task<T> WithDbAsync<T>(Func<OmvarldDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OmvarldDbContext>();
        db.Tenant.SystemScope = true;
        return await work(db);
    }

    public Task WithDbAsync(Func<OmvarldDbContext, Task> work) => WithDbAsync(async db => { await work(db); return 0; });

    public Task<Guid> UnitIdAsync(Guid municipality, string name) =>
        WithDbAsync(db => db.Units.IgnoreQueryFilters().Where(u => u.MunicipalityId == municipality && u.Name == name).Select(u => u.Id).SingleAsync());

    public Task<Guid> UserIdAsync(string email) =>
        WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}

/// <summary>Settings a fixture adds to the app, the same on both databases: <see cref="SqliteApp{T}"/> and <see cref="PostgresApp{T}"/>.</summary>
public interface IFixtureSettings
{
    static abstract IEnumerable<(string Key, string Value)> Settings { get; }
}

/// <summary>The app on SQLite with <typeparamref name="T"/>'s settings.</summary>
public sealed class SqliteApp<T> : SqliteApp where T : IFixtureSettings
{
    protected override IEnumerable<(string Key, string Value)> Settings => T.Settings;
}

/// <summary>The app on PostgreSQL with <typeparamref name="T"/>'s settings.</summary>
public sealed class PostgresApp<T> : PostgresApp where T : IFixtureSettings
{
    protected override IEnumerable<(string Key, string Value)> Settings => T.Settings;
}

public class SqliteApp : OmvarldApp
{
    // A named in-memory database lives as long as one connection to it is open: this one, for the fixture's lifetime.
    private readonly string _connectionString = $"Data Source=omvarld-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
    private SqliteConnection? _keepAlive;

    public override string ProviderName => "Sqlite";
    protected override string ConnectionString => _connectionString;

    public override async Task InitializeAsync()
    {
        _keepAlive = new SqliteConnection(_connectionString);
        await _keepAlive.OpenAsync();
        await base.InitializeAsync();
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_keepAlive is not null) await _keepAlive.DisposeAsync();
    }
}

public class PostgresApp : OmvarldApp
{
    public const string ServerVariable = "OMVARLD_TEST_POSTGRES";
    private readonly string _database;
    private string? _server;

    public PostgresApp() : this($"omvarld_t_{Guid.NewGuid():N}") { }

    /// <summary>An app on a named database: a second instance on the same database as another (<see cref="DatabaseName"/>).</summary>
    protected PostgresApp(string database) => _database = database;

    public string DatabaseName => _database;

    public override string ProviderName => "Postgres";
    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(Server_()) { Database = _database }.ConnectionString;

    private string Server_() => _server ??= Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } s
        ? s
        : throw new InvalidOperationException(
            $"The PostgreSQL tests need a server: {ServerVariable} is not set. Run ./test.sh, which starts PostgreSQL " +
            $"(or start one and set {ServerVariable}=\"Host=127.0.0.1;Port=…;Username=…;Database=postgres\").");

    public override Task InitializeAsync()
    {
        _ = Server_();
        return base.InitializeAsync();
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_server is null) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

public static class HttpClientForms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {response.Headers.Location}");
        return await response.ReadDocumentAsync();
    }

    public static async Task<IHtmlDocument> ReadDocumentAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public static string AntiforgeryToken(this IHtmlDocument document, string formSelector = "main form[method=post]") =>
        (document.QuerySelector(formSelector)?.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
        ?? throw new InvalidOperationException($"No antiforgery token in {formSelector}");

    /// <summary>GETs the page, takes the antiforgery token of its form and POSTs <paramref name="fields"/> like a browser.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields,
        string formSelector = "main form[method=post]", string? handler = null)
    {
        var document = await client.GetDocumentAsync(url);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = document.AntiforgeryToken(formSelector) };
        var target = handler is null ? url : $"{url}{(url.Contains('?') ? '&' : '?')}handler={handler}";
        return await client.PostAsync(target, new FormUrlEncodedContent(form));
    }

    public static string Text(this IHtmlDocument document) => document.Body?.TextContent ?? "";
}
