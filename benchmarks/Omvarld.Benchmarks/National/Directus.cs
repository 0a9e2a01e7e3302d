using System.Diagnostics;
using System.Text.Json;
using Npgsql;

namespace Omvarld.Benchmarks.National;

/// <summary>
/// Issue 17: the generic data platform beside the app, on the same database in the same run — Directus 11.2.2 (the
/// last release for Node.js 20; <c>benchmarks/directus/package.json</c>, installed by <c>npm ci --prefix benchmarks/directus</c>),
/// its items API asked with the filters of the app's list requests, as its admin (a static token: no permission filters).
/// </summary>
internal static class Directus
{
    public const string AdminToken = "omv_bench_directus_admin";

    /// <summary>
    /// The tables the compared requests read. Directus serves only tables with a single-column primary key (its schema
    /// reader skips the others, <c>indnatts = 1</c>), and the app's tenant tables have (MunicipalityId, Id); these get a
    /// primary key on Id (a GUID, unique on its own) and keep (MunicipalityId, Id) as a unique constraint with the same
    /// index, which the foreign keys that referenced the old key reference again. The app runs on the same converted tables.
    /// </summary>
    private static readonly string[] Tables = ["Activities", "ActivityPartners", "Partners", "Trips"];

    public static async Task SingleColumnKeysAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection + ";Command Timeout=0");
        await db.OpenAsync();
        await using var tx = await db.BeginTransactionAsync();
        foreach (var table in Tables)
        {
            var columns = await ScalarAsync(db, $"SELECT array_length(conkey, 1) FROM pg_constraint WHERE conrelid = '\"{table}\"'::regclass AND contype = 'p'") is int n ? n : 0;
            if (columns == 1) continue;
            var watch = Stopwatch.StartNew();
            var references = new List<(string Table, string Name, string Definition)>();
            await using (var read = new NpgsqlCommand($"SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE confrelid = '\"{table}\"'::regclass AND contype = 'f'", db))
            await using (var reader = await read.ExecuteReaderAsync())
                while (await reader.ReadAsync()) references.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            foreach (var r in references) await ExecuteAsync(db, $"ALTER TABLE {r.Table} DROP CONSTRAINT \"{r.Name}\"");
            await ExecuteAsync(db, $"ALTER TABLE \"{table}\" DROP CONSTRAINT \"PK_{table}\"");
            await ExecuteAsync(db, $"ALTER TABLE \"{table}\" ADD CONSTRAINT \"PK_{table}\" PRIMARY KEY (\"Id\")");
            await ExecuteAsync(db, $"ALTER TABLE \"{table}\" ADD CONSTRAINT \"AK_{table}_MunicipalityId_Id\" UNIQUE (\"MunicipalityId\", \"Id\")");
            foreach (var r in references) await ExecuteAsync(db, $"ALTER TABLE {r.Table} ADD CONSTRAINT \"{r.Name}\" {r.Definition}");
            Console.WriteLine($"Directus: \"{table}\" keyed on Id ({references.Count} foreign keys re-made) in {watch.Elapsed.TotalSeconds:0.0} s.");
        }
        await ExecuteAsync(db, "ANALYZE");
        await tx.CommitAsync();
    }

    /// <summary>Installs Directus' own tables into the database (once; again it only migrates them) and starts it.</summary>
    public static async Task<Process?> StartAsync(string connection, int port)
    {
        var cli = Cli();
        if (cli is null) { Console.Error.WriteLine("Directus is not installed: npm ci --prefix benchmarks/directus"); return null; }
        var c = new NpgsqlConnectionStringBuilder(connection);
        var work = Path.Combine(Path.GetTempPath(), "omvarld-directus");
        Directory.CreateDirectory(Path.Combine(work, "extensions"));
        Directory.CreateDirectory(Path.Combine(work, "uploads"));
        var environment = new Dictionary<string, string>
        {
            ["DB_CLIENT"] = "pg",
            ["DB_HOST"] = c.Host ?? "127.0.0.1",
            ["DB_PORT"] = c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DB_DATABASE"] = c.Database ?? throw new InvalidOperationException("No database in the connection string."),
            ["DB_USER"] = c.Username ?? "postgres",
            ["KEY"] = "omvarld-bench-directus-key",
            ["SECRET"] = "omvarld-bench-directus-secret-not-for-production",
            ["ADMIN_EMAIL"] = "admin@example.com",
            ["ADMIN_PASSWORD"] = "omvarld-bench",
            // Set on the admin user by 'bootstrap' when it creates it: the static token every request below carries.
            ["ADMIN_TOKEN"] = AdminToken,
            ["HOST"] = "127.0.0.1",
            ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PUBLIC_URL"] = $"http://127.0.0.1:{port}",
            // Errors only: at "warn" it names every app table it skips for a composite primary key, at each start.
            ["LOG_LEVEL"] = "error",
            ["LOG_STYLE"] = "raw",
            // Like the app: nothing served from a response cache, no rate limit, no load shedding (Directus' pressure
            // limiter answers 503 when its event loop lags). Its schema stays cached in memory, as by default.
            ["CACHE_ENABLED"] = "false",
            ["RATE_LIMITER_ENABLED"] = "false",
            ["RATE_LIMITER_GLOBAL_ENABLED"] = "false",
            ["PRESSURE_LIMITER_ENABLED"] = "false",
            ["TELEMETRY"] = "false",
            ["WEBSOCKETS_ENABLED"] = "false",
            ["EXTENSIONS_PATH"] = Path.Combine(work, "extensions"),
            ["STORAGE_LOCAL_ROOT"] = Path.Combine(work, "uploads"),
        };
        if (!string.IsNullOrEmpty(c.Password)) environment["DB_PASSWORD"] = c.Password;
        var watch = Stopwatch.StartNew();
        using (var bootstrap = Node(cli, "bootstrap", environment))
        {
            await bootstrap.WaitForExitAsync();
            if (bootstrap.ExitCode != 0) { Console.Error.WriteLine("directus bootstrap failed"); return null; }
        }
        Console.WriteLine($"Directus bootstrapped in {watch.Elapsed.TotalSeconds:0.0} s.");
        await RelationsAsync(connection);
        return Node(cli, "start", environment);
    }

    /// <summary>
    /// The one relation the country filter follows that Directus cannot read from the database: ActivityPartners.PartnerId
    /// → Partners (its foreign key is on (MunicipalityId, PartnerId), and Directus reads single-column foreign keys only).
    /// A Directus relation without a foreign key, as its own table records one. The reverse relations (activity → its
    /// partner rows, its trips) need none: Directus 11 filters on them with <c>$FOLLOW(collection, field)</c>.
    /// </summary>
    private static async Task RelationsAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await ExecuteAsync(db, """
            INSERT INTO directus_relations (many_collection, many_field, one_collection, one_deselect_action)
            SELECT 'ActivityPartners', 'PartnerId', 'Partners', 'nullify'
            WHERE NOT EXISTS (SELECT 1 FROM directus_relations WHERE many_collection = 'ActivityPartners' AND many_field = 'PartnerId')
            """);
    }

    /// <summary>
    /// The items API request for one of the app's list requests: the same rows (tenant, filter, order, page of 50) and a
    /// total (<c>meta=filter_count</c>), the list's own columns.
    /// </summary>
    public static string ItemsPath(Guid municipality, object[] filters, bool published = false)
    {
        object[] all = [new Dictionary<string, object> { ["MunicipalityId"] = new { _eq = municipality } }, .. (published ? Published : []), .. filters];
        var filter = JsonSerializer.Serialize(new { _and = all });
        var fields = published ? "Id,Title,Description,Kind,Status,OwnerUnitId,PlannedStart,PlannedEnd,PublishedAt" : "Id,Title,Kind,Status,OwnerUnitId,PlannedStart,PlannedEnd";
        return $"/items/Activities?filter={Uri.EscapeDataString(filter)}&sort=-PlannedStart,Id&limit=50&meta=filter_count&fields={fields}";
    }

    private static readonly object[] Published =
    [
        new Dictionary<string, object> { ["PublishedAt"] = new { _nnull = true } },
        new Dictionary<string, object> { ["Status"] = new { _in = new[] { "Approved", "Ongoing", "Completed", "ResultsReported" } } },
    ];

    /// <summary>Overlaps the year: started by its end and not ended before its start (the app's year filter).</summary>
    public static object[] Year(int year) =>
    [
        new Dictionary<string, object> { ["PlannedStart"] = new { _lte = $"{year}-12-31" } },
        new { _or = new object[] { new Dictionary<string, object> { ["PlannedEnd"] = new { _null = true } }, new Dictionary<string, object> { ["PlannedEnd"] = new { _gte = $"{year}-01-01" } } } },
    ];

    /// <summary>
    /// A partner in the country, or (for the internal list) a trip to it; the related rows bounded by the municipality
    /// too, as the app's tenant filter bounds them (and as a per-tenant Directus permission on those collections would).
    /// </summary>
    public static object Country(Guid municipality, string code, bool trips)
    {
        var tenant = new { _eq = municipality };
        object partner = new Dictionary<string, object>
        {
            ["$FOLLOW(ActivityPartners,ActivityId)"] = new { _some = new { MunicipalityId = tenant, PartnerId = new { MunicipalityId = tenant, CountryCode = new { _eq = code } } } },
        };
        if (!trips) return partner;
        object trip = new Dictionary<string, object> { ["$FOLLOW(Trips,ActivityId)"] = new { _some = new { MunicipalityId = tenant, CountryCode = new { _eq = code } } } };
        return new { _or = new[] { partner, trip } };
    }

    /// <summary>The app's free text: title, description or case number containing the words, case-insensitively.</summary>
    public static object Text(string q) => new
    {
        _or = new object[]
        {
            new Dictionary<string, object> { ["Title"] = new { _icontains = q } },
            new Dictionary<string, object> { ["Description"] = new { _icontains = q } },
            new Dictionary<string, object> { ["CaseNumber"] = new { _icontains = q } },
        },
    };

    private static string? Cli()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Omvarld.slnx")))
            {
                // The CLI behind the 'directus' command without its wrapper, which asks the npm registry for a newer version first.
                var cli = Path.Combine(dir.FullName, "benchmarks", "directus", "node_modules", "@directus", "api", "dist", "cli", "run.js");
                return File.Exists(cli) ? cli : null;
            }
        return null;
    }

    private static Process Node(string cli, string command, Dictionary<string, string> environment)
    {
        var psi = new ProcessStartInfo("node") { WorkingDirectory = Path.Combine(Path.GetTempPath(), "omvarld-directus") };
        psi.ArgumentList.Add(cli);
        psi.ArgumentList.Add(command);
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        return Process.Start(psi)!;
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection db, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, db);
        return await cmd.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(NpgsqlConnection db, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, db);
        await cmd.ExecuteNonQueryAsync();
    }
}
