using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Browser.Tests;

/// <summary>
/// The real app over real HTTP (Kestrel on 127.0.0.1, a free port), on a fresh SQLite file, migrated and
/// filled with the demo data at start, every demo user with <see cref="DemoPassword"/>, on a fake clock that starts at
/// <see cref="TestClock.Start"/> (the browser keeps its own clock: the app's cookies are session cookies).
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "webbläsartest-lösenord-2026";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "omvarld-browser-" + Guid.NewGuid().ToString("N"));

    public AppFactory()
    {
        Directory.CreateDirectory(_folder);
        UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
    }

    /// <summary>Errors the app logged, for failure messages.</summary>
    public ServerLog Log { get; } = new();

    public string DatabaseFile => Path.Combine(_folder, "omvarld.db");

    /// <summary>The app's clock (its registered <see cref="TimeProvider"/>).</summary>
    public FakeTimeProvider Clock { get; } = TestClock.Create();

    /// <summary>The server's address, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public void Start()
    {
        StartServer();
        DemoWorld.KeepCurrentAsync(Services, TestClock.Today(Clock)).GetAwaiter().GetResult();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        BaseUrl = addresses.Select(a => a.TrimEnd('/')).First(a => a.StartsWith("http://", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Omvarld", $"Data Source={DatabaseFile}");
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Data:Folder", _folder);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The crawl of every page as every role is no client to limit (issue 17's rate limiter stays on, never refuses).
        builder.UseSetting("RateLimits:PerUser", "1000000");
        builder.UseSetting("RateLimits:PerAddress", "1000000");
        builder.UseSetting("RateLimits:ExpensiveConcurrent", "1000");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        builder.ConfigureLogging(l => l.AddProvider(Log));
        builder.ConfigureTestServices(s =>
        {
            s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            DemoWorld.MoveShippedCountryData(s, TestClock.Today(Clock));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
