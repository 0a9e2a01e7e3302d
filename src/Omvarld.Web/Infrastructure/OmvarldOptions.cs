using Microsoft.Extensions.Options;

namespace Omvarld.Web.Infrastructure;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary><c>Database:*</c>: which provider holds the data, and whether start-up may migrate it.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);
    /// <summary>Migrate (and seed the demo) on start. Defaults to true for the embedded SQLite and false for PostgreSQL.</summary>
    public bool? MigrateOnStart { get; set; }

    public DatabaseProvider ParsedProvider =>
        Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var p) ? p : (DatabaseProvider)(-1);
    public bool ShouldMigrateOnStart => MigrateOnStart ?? ParsedProvider == DatabaseProvider.Sqlite;
}

/// <summary><c>Data:*</c>: where the embedded default keeps its files.</summary>
public sealed class DataOptions
{
    public const string Section = "Data";
    /// <summary>Folder for the SQLite file and other local data; relative paths are under the content root.</summary>
    public string Folder { get; set; } = "App_Data";
}

/// <summary><c>Demo:*</c>: demo municipalities and demo users. Off unless enabled; the embedded default enables it.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";
    public bool? Enabled { get; set; }
    /// <summary>One password for every demo user (tests); when empty each demo user gets a random one, printed once.</summary>
    public string? Password { get; set; }
}

/// <summary><c>App:*</c>: how the application is reached from outside (links in e-mails).</summary>
public sealed class AppOptions
{
    public const string Section = "App";
    /// <summary>The public address, e.g. https://omvarld.kommun.se; required when e-mail is enabled.</summary>
    public string? BaseUrl { get; set; }

    public Uri? ParsedBaseUrl => Uri.TryCreate(BaseUrl?.TrimEnd('/'), UriKind.Absolute, out var u) && u.Scheme is "https" or "http" ? u : null;
}

/// <summary>Start-up checks of the configuration, each failure with a message that says what to set.</summary>
internal sealed class DatabaseOptionsValidator(IConfiguration configuration) : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.ParsedProvider))
            failures.Add($"Database:Provider is '{options.Provider}'; it must be 'Sqlite' or 'Postgres'.");
        if (options.ParsedProvider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(configuration.GetConnectionString("Omvarld")))
            failures.Add("Database:Provider is 'Postgres' but ConnectionStrings:Omvarld is empty. Set it, e.g. ConnectionStrings__Omvarld='Host=localhost;Database=omvarld;Username=omvarld;Password=…'.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
