using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Omvarld.Web.Data;
using Omvarld.Web.Data.Demo;
using Omvarld.Web.Features.Countries;

namespace Omvarld.Web.Infrastructure;

/// <summary>
/// Start-up and the explicit commands: <c>migrate</c> (production migrates only this way; it also loads the shipped
/// country data once), <c>create-admin</c> (the first system administrator of a production installation, which gets no
/// demo users), <c>import-country-data</c> (a newer country data release, <see cref="CountryDataCommand"/>).
/// </summary>
public static class Commands
{
    public static async Task<int?> RunCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) return null;
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<OmvarldDbContext>();
        switch (args[0])
        {
            case "migrate":
                await using (await StartupLock.TakeAsync(db))
                {
                    await db.Database.MigrateAsync();
                    Console.WriteLine("The database is migrated to the latest version.");
                    await LoadShippedCountryDataAsync(services);
                    if (args.Contains("--demo")) PrintDemoBlock(await SeedDemoAsync(services, app.Configuration), app);
                }
                return 0;
            case CountryDataCommand.Name:
                return await CountryDataCommand.RunAsync(services, args, Console.Out, Console.Error);
            case "send-reminders":
                return await SendRemindersAsync(services, Option(args, "--date"));
            case "create-admin":
                return await CreateAdminAsync(services, Option(args, "--email"), Option(args, "--password"), Option(args, "--name"));
            default:
                Console.Error.WriteLine($"Unknown command '{args[0]}'. Commands: migrate [--demo], create-admin --email E --password P [--name N], send-reminders [--date yyyy-MM-dd], {CountryDataCommand.Usage}.");
                return 2;
        }
    }

    /// <summary>The embedded default migrates and seeds on start; PostgreSQL only checks that it is migrated.</summary>
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<OmvarldDbContext>();
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.ShouldMigrateOnStart)
        {
            // Instances starting together (behind a load balancer) take turns: the first migrates and seeds, the
            // others find it done.
            await using var turn = await StartupLock.TakeAsync(db);
            await db.Database.MigrateAsync();
            await LoadShippedCountryDataAsync(services);
            var demo = services.GetRequiredService<IOptions<DemoOptions>>().Value;
            if (demo.Enabled ?? options.ParsedProvider == DatabaseProvider.Sqlite)
            {
                // Issue 16.8: the logins are printed as one block once the app has started (after the host's and EF's
                // start-up messages), where a newcomer looking at the terminal sees them last.
                var block = await SeedDemoAsync(services, app.Configuration);
                app.Lifetime.ApplicationStarted.Register(() => PrintDemoBlock(block, app));
            }
            return true;
        }
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count == 0) return true;
        Console.Error.WriteLine($"Omvärld cannot start: the database has {pending.Count} pending migration(s) ({string.Join(", ", pending)}).");
        Console.Error.WriteLine("Migrate it first: 'dotnet Omvarld.Web.dll migrate' (or 'dotnet run --project src/Omvarld.Web -- migrate').");
        return false;
    }

    /// <summary>Country data is reference data, not demo data: every installation gets the shipped releases once.</summary>
    private static async Task LoadShippedCountryDataAsync(IServiceProvider services)
    {
        foreach (var r in await services.GetRequiredService<CountryDataService>().EnsureShippedAsync())
            Console.WriteLine($"Country data '{r.Name}' loaded ({r.RowCount} rows, {r.FirstYear}–{r.LastYear}).");
    }

    /// <summary>The demo's logins (first start: each account; later starts: where the file with them is).</summary>
    private static async Task<List<string>> SeedDemoAsync(IServiceProvider services, IConfiguration configuration)
    {
        var seeder = services.GetRequiredService<DemoSeeder>();
        var logins = await seeder.SeedAsync();
        var folder = Path.GetFullPath(configuration["Data:Folder"] ?? "App_Data", services.GetRequiredService<IWebHostEnvironment>().ContentRootPath);
        var file = Path.Combine(folder, "demo-logins.txt");
        if (logins.Count > 0)
        {
            var lines = new List<string> { "Omvärld demo logins (demo data only; these accounts do not exist in production):" };
            lines.AddRange(logins.Select(l => $"  {l.Municipality,-22} {l.Role,-28} {l.Email,-36} {l.Password}"));
            Directory.CreateDirectory(folder);
            await File.WriteAllLinesAsync(file, lines);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            lines.Add($"(also kept in {file})");
            return lines;
        }
        return File.Exists(file) ? [$"Omvärld demo mode: the demo logins are in {file}"] : [];
    }

    /// <summary>One framed block, written at once so that no log line lands inside it.</summary>
    private static void PrintDemoBlock(List<string> lines, WebApplication app)
    {
        if (lines.Count == 0) return;
        var addresses = app.Services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
        var rule = new string('=', 100);
        var block = new System.Text.StringBuilder().AppendLine().AppendLine(rule);
        if (addresses.FirstOrDefault() is { } address) block.AppendLine($"Omvärld is running at {address} — sign in at {address.TrimEnd('/')}/konto/logga-in");
        foreach (var line in lines) block.AppendLine(line);
        block.AppendLine(rule);
        Console.Out.Write(block.ToString());
        Console.Out.Flush();
    }

    /// <summary>
    /// R11: one results reminder run, for cron (e.g. daily at 07:00). Repeating it, or running it beside the hourly run
    /// of another instance, sends nothing twice: the reminder log decides. Exit 0 when it ran, 1 when e-mail is off or a
    /// mail failed.
    /// </summary>
    private static async Task<int> SendRemindersAsync(IServiceProvider services, string? date)
    {
        var reminders = services.GetRequiredService<Omvarld.Web.Features.Reminders.ReminderService>();
        var today = reminders.Today;
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", out today))
        {
            Console.Error.WriteLine($"--date '{date}' is not a date (yyyy-MM-dd).");
            return 2;
        }
        var run = await reminders.SendDueRemindersAsync(today);
        if (run.NotRunReason is { } reason)
        {
            Console.Error.WriteLine(reason + " Configure Smtp:* (see README) to send reminders.");
            return 1;
        }
        Console.WriteLine($"Results reminders for {today:yyyy-MM-dd}: {run.MailsSent} mail(s) sent covering {run.RemindersClaimed} reminder(s), {run.Failures} failed.");
        return run.Failures == 0 ? 0 : 1;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string? email, string? password, string? name)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            Console.Error.WriteLine("Usage: create-admin --email E --password P [--name N]");
            return 2;
        }
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email, Email = email, DisplayName = name ?? email, IsSystemAdministrator = true,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, EmailConfirmed = true,
        };
        services.GetRequiredService<TenantContext>().SystemScope = true;
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) Console.Error.WriteLine(e.Description);
            return 1;
        }
        Console.WriteLine($"System administrator {email} created.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
