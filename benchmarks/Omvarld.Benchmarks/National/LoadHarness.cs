using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Omvarld.Benchmarks.National;

/// <summary>
/// Issue 17.2: starts the app (its Release build) on a generated database, runs <c>wrk</c> against the API at several
/// concurrencies and prints p50/p95/p99 and req/s per request, with the peak RSS of the app during the run; beside each,
/// the request's main SQL timed alone over Npgsql (the data limit) and <c>/health</c> (the web tier's ceiling).
/// </summary>
internal static class LoadHarness
{
    public const string Usage = "load --connection \"Host=…;Database=omvarld_bench\" [--municipality storstad] [--duration 10] [--concurrency 1,10,50] [--port 5099] [--only name,…] [--sql-runs 20] [--directus]";

    /// <param name="Directus">The same request to Directus' items API (<c>--directus</c>), when it has one.</param>
    private sealed record Case(string Name, string Path, bool Auth, string[] Sql, string? Directus = null);

    public static async Task<int> RunAsync(string[] args)
    {
        var connection = NationalGenerator.Option(args, "--connection");
        if (connection is null) { Console.Error.WriteLine(Usage); return 2; }
        var slug = NationalGenerator.Option(args, "--municipality") ?? NationalGenerator.SlugOf(0);
        var duration = int.Parse(NationalGenerator.Option(args, "--duration") ?? "10", CultureInfo.InvariantCulture);
        var concurrencies = (NationalGenerator.Option(args, "--concurrency") ?? "1,10,50").Split(',').Select(int.Parse).ToArray();
        var port = int.Parse(NationalGenerator.Option(args, "--port") ?? "5099", CultureInfo.InvariantCulture);
        var only = NationalGenerator.Option(args, "--only")?.Split(',');
        var sqlRuns = int.Parse(NationalGenerator.Option(args, "--sql-runs") ?? "20", CultureInfo.InvariantCulture);
        var token = NationalGenerator.TokenOf(slug);
        var directus = args.Contains("--directus");

        var web = WebDll();
        if (web is null) { Console.Error.WriteLine("Build the app first: dotnet build -c Release benchmarks/Omvarld.Benchmarks"); return 2; }
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Omvarld"] = connection,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__Console__FormatterName"] = "simple",
            // The runs measure what the app and its database can serve: one token asking thousands of times a minute is
            // what the per-client limit refuses (429) by design, so it is lifted; the concurrency limit on the expensive
            // requests stays as configured, since it is what keeps their memory bounded (its 429s show in the figures).
            ["RateLimits__PerUser"] = "1000000000",
            ["RateLimits__PerAddress"] = "1000000000",
        };
        // --cold: every answer built from the database, none kept (the lists' KeptAnswers off): what a request costs when
        // the data has just changed, or no one asked the same before. Without it, wrk's repeated address measures the kept answer.
        if (args.Contains("--cold")) environment["Performance__KeepAnswers"] = "false";
        // 'migrate' is a no-op for the schema the generator applied; it loads the shipped country data once.
        // Index builds over a national register outlast the default 30 s command timeout.
        var migrating = new Dictionary<string, string>(environment) { ["ConnectionStrings__Omvarld"] = connection + ";Command Timeout=0" };
        if (await RunToEndAsync(web, ["migrate"], migrating) != 0) { Console.Error.WriteLine("migrate failed"); return 1; }

        // Directus reads only tables with a single-column primary key: the compared tables get one before both run.
        if (directus) await Directus.SingleColumnKeysAsync(connection);

        Guid municipality;
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            await using var find = new NpgsqlCommand("SELECT \"Id\" FROM \"Municipalities\" WHERE \"Slug\" = @s", db);
            find.Parameters.AddWithValue("s", slug);
            municipality = (Guid)(await find.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No municipality '{slug}'."));
        }
        // --only takes case names or words of them: "--only compilation" runs the compilation's JSON and XLSX only.
        var cases = Cases(slug, municipality).Where(c => only is null || only.Any(o => c.Name == o || c.Name.Contains(o, StringComparison.OrdinalIgnoreCase))).ToList();

        using var app = Start(web, ["--urls", $"http://127.0.0.1:{port}"], environment);
        Process? platform = null;
        try
        {
            if (directus && (platform = await Directus.StartAsync(connection, port + 1)) is null) return 1;
            var baseUrl = $"http://127.0.0.1:{port}";
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            if (!await AnswersAsync($"{baseUrl}/health", app, TimeSpan.FromMinutes(2))) { Console.Error.WriteLine("The app did not start."); return 1; }
            var lua = Path.Combine(Path.GetTempPath(), "omvarld-wrk-report.lua");
            await File.WriteAllTextAsync(lua, """
                done = function(summary, latency, requests)
                  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
                  io.write(string.format("RESULT %d %d %.2f %.2f %.2f %d %d\n", summary.requests, summary.duration,
                    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.errors.status, errors))
                end
                """);
            var directusUrl = $"http://127.0.0.1:{port + 1}";
            if (platform is not null)
            {
                var up = Stopwatch.StartNew();
                if (!await AnswersAsync($"{directusUrl}/server/health", platform, TimeSpan.FromMinutes(3))) { Console.Error.WriteLine("Directus did not start."); return 1; }
                Console.WriteLine($"Directus up in {up.Elapsed.TotalSeconds:0.0} s.");
            }
            var comparison = new StringBuilder();
            comparison.AppendLine($"| request ({slug}) | rows counted: app's SQL / Directus | " + string.Join(" | ", concurrencies.Select(c => $"c={c} req/s app / Directus = ratio; p95 ms app / Directus"))
                + " | peak RSS MB app / Directus |");
            comparison.AppendLine("|---|---|" + string.Concat(concurrencies.Select(_ => "---|")) + "---|");
            var table = new StringBuilder();

            // One request at each concurrency, with the server's peak RSS during that concurrency's run alone: memory that
            // is flat under load stays near the c=1 figure at c=50.
            async Task<(List<string> Cells, List<WrkResult> Results, long Peak)> RunConcurrenciesAsync(string name, int pid, string url, string? bearer)
            {
                var cells = new List<string>();
                var results = new List<WrkResult>();
                long peak = 0;
                foreach (var n in concurrencies)
                {
                    long peakHere = 0;
                    using var sampler = new CancellationTokenSource();
                    var sampling = Task.Run(async () =>
                    {
                        while (!sampler.IsCancellationRequested) { peakHere = Math.Max(peakHere, Rss(pid)); await Task.Delay(200); }
                    });
                    var result = await WrkAsync(url, bearer, n, duration, lua);
                    await sampler.CancelAsync();
                    await sampling;
                    peak = Math.Max(peak, peakHere);
                    var text = result.Text + $", RSS {peakHere / 1024 / 1024} MB";
                    cells.Add(text);
                    results.Add(result);
                    Console.WriteLine($"{name} c={n}: {text}");
                }
                return (cells, results, peak);
            }
            table.AppendLine($"| request ({slug}) | first request ms | " + string.Join(" | ", concurrencies.Select(c => $"c={c} p50 / p95 / p99 ms, req/s")) + " | peak RSS MB | main SQL alone p50 / p95 ms |");
            table.AppendLine("|---|---|" + string.Concat(concurrencies.Select(_ => "---|")) + "---|---|");
            foreach (var c in cases)
            {
                using var warm = new HttpRequestMessage(HttpMethod.Get, baseUrl + c.Path);
                if (c.Auth) warm.Headers.Authorization = new("Bearer", token);
                // The first request is timed on its own: what a kept result (the compilation) costs to make.
                var first = Stopwatch.StartNew();
                var response = await http.SendAsync(warm);
                await response.Content.ReadAsByteArrayAsync();
                first.Stop();
                Console.WriteLine($"{c.Name} first request: {first.ElapsedMilliseconds} ms");
                if (!response.IsSuccessStatusCode) { Console.Error.WriteLine($"{c.Name}: {(int)response.StatusCode} on warm-up; skipped."); continue; }
                var (cells, results, peak) = await RunConcurrenciesAsync(c.Name, app.Id, baseUrl + c.Path, c.Auth ? token : null);
                var sql = c.Sql.Length == 0 ? "–" : await TimeSqlAsync(connection, c.Sql, sqlRuns);
                table.AppendLine($"| {c.Name} | {first.ElapsedMilliseconds} | {string.Join(" | ", cells)} | {peak / 1024 / 1024} | {sql} |");
                if (platform is null || c.Directus is null) continue;

                // The same request to Directus right after the app's, so that both meet the machine in the same state.
                var auth = c.Directus.StartsWith("/items/", StringComparison.Ordinal);
                using var ask = new HttpRequestMessage(HttpMethod.Get, directusUrl + c.Directus);
                if (auth) ask.Headers.Authorization = new("Bearer", Directus.AdminToken);
                var firstDirectus = Stopwatch.StartNew();
                var answer = await http.SendAsync(ask);
                var body = await answer.Content.ReadAsStringAsync();
                firstDirectus.Stop();
                if (!answer.IsSuccessStatusCode) { Console.Error.WriteLine($"Directus {c.Name}: {(int)answer.StatusCode} {body[..Math.Min(body.Length, 500)]}; skipped."); continue; }
                var counted = "–";
                if (auth)
                {
                    using var json = System.Text.Json.JsonDocument.Parse(body);
                    var directusCount = json.RootElement.GetProperty("meta").GetProperty("filter_count").GetRawText();
                    var appCount = await CountAsync(connection, c.Sql[0]);
                    counted = $"{appCount} / {directusCount}";
                }
                Console.WriteLine($"Directus {c.Name} first request: {firstDirectus.ElapsedMilliseconds} ms, counted (app's SQL / Directus) {counted}");
                var (_, other, otherPeak) = await RunConcurrenciesAsync("Directus " + c.Name, platform.Id, directusUrl + c.Directus, auth ? Directus.AdminToken : null);
                var pairs = results.Zip(other, (a, d) =>
                    d.PerSecond > 0
                        ? $"{Rate(a.PerSecond)} / {Rate(d.PerSecond)} = **{(a.PerSecond / d.PerSecond).ToString("0.0", CultureInfo.InvariantCulture)} ×**; {a.P95} / {d.P95}"
                        : $"{Rate(a.PerSecond)} / none in {duration} s; {a.P95} / –");
                comparison.AppendLine($"| {c.Name} | {counted} | {string.Join(" | ", pairs)} | {peak / 1024 / 1024} / {otherPeak / 1024 / 1024} |");
            }
            Console.WriteLine();
            Console.WriteLine($"{Environment.ProcessorCount} cores, {duration} s per run, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            Console.Write(table);
            if (platform is not null)
            {
                Console.WriteLine();
                Console.WriteLine("The app against Directus 11.2.2 on the same database (its items API as admin), each request's runs one after the other:");
                Console.Write(comparison);
            }
            return 0;
        }
        finally
        {
            if (!app.HasExited) app.Kill(entireProcessTree: true);
            if (platform is { HasExited: false }) platform.Kill(entireProcessTree: true);
            platform?.Dispose();
        }
    }

    /// <summary>The requests of the issue's table; the SQL is the request's main statements as EF sends them, with literals.</summary>
    private static IEnumerable<Case> Cases(string slug, Guid m)
    {
        var mid = $"'{m}'";
        const string Page = "ORDER BY a.\"PlannedStart\" DESC, a.\"Id\" LIMIT 50";
        string List(string where) => $"SELECT count(*) FROM \"Activities\" AS a WHERE a.\"MunicipalityId\" = {mid} {where}";
        string Rows(string where) => $"SELECT a.\"Id\", a.\"Title\", a.\"Kind\", a.\"Status\", a.\"OwnerUnitId\", a.\"PlannedStart\", a.\"PlannedEnd\" FROM \"Activities\" AS a WHERE a.\"MunicipalityId\" = {mid} {where} {Page}";
        var countryYear = $"""
            AND (a."Id" IN (SELECT ap."ActivityId" FROM "ActivityPartners" ap WHERE ap."MunicipalityId" = {mid} AND ap."PartnerId" IN (SELECT p."Id" FROM "Partners" p WHERE p."MunicipalityId" = {mid} AND p."CountryCode" = 'DE'))
              OR a."Id" IN (SELECT t."ActivityId" FROM "Trips" t WHERE t."MunicipalityId" = {mid} AND t."CountryCode" = 'DE'))
            AND a."PlannedStart" <= DATE '2023-12-31' AND (a."PlannedEnd" IS NULL OR a."PlannedEnd" >= DATE '2023-01-01')
            """;
        const string Text = "AND (lower(a.\"Title\") LIKE '%klimat%' OR (a.\"Description\" IS NOT NULL AND lower(a.\"Description\") LIKE '%klimat%') OR (a.\"CaseNumber\" IS NOT NULL AND lower(a.\"CaseNumber\") LIKE '%klimat%'))";
        const string Published = "AND a.\"PublishedAt\" IS NOT NULL AND a.\"Status\" IN ('Approved', 'Ongoing', 'Completed', 'ResultsReported')";
        var publicCountryYear = $"""
            {Published} AND a."PlannedStart" <= DATE '2023-12-31' AND (a."PlannedEnd" IS NULL OR a."PlannedEnd" >= DATE '2023-01-01')
            AND a."Id" IN (SELECT ap."ActivityId" FROM "ActivityPartners" ap WHERE ap."MunicipalityId" = {mid} AND ap."PartnerId" IN (SELECT p."Id" FROM "Partners" p WHERE p."MunicipalityId" = {mid} AND p."CountryCode" = 'DE'))
            """;
        var year = $"""
            a."MunicipalityId" = {mid} AND a."Status" IN ('Submitted', 'Approved', 'Ongoing', 'Completed', 'ResultsReported')
            AND ((a."PlannedStart" <= DATE '2025-12-31' AND (a."PlannedEnd" IS NULL OR a."PlannedEnd" >= DATE '2025-01-01')) OR (a."ActualEnd" >= DATE '2025-01-01' AND a."ActualEnd" <= DATE '2025-12-31'))
            """;
        string Child(string select, string from) => $"SELECT {select} FROM {from} WHERE c.\"MunicipalityId\" = {mid} AND c.\"ActivityId\" IN (SELECT a.\"Id\" FROM \"Activities\" a WHERE {year})";
        string[] compilation =
        [
            $"SELECT a.\"Id\", a.\"Title\", a.\"Kind\", a.\"Status\", a.\"OwnerUnitId\", a.\"PlannedStart\", a.\"PlannedEnd\", a.\"ActualStart\", a.\"ActualEnd\" FROM \"Activities\" a WHERE {year}",
            Child("c.\"ActivityId\", c.\"GoalCode\"", "\"ActivityGoals\" c"),
            Child("DISTINCT c.\"ActivityId\", c.\"Goal\"", "\"ActivitySdgs\" c"),
            Child("DISTINCT c.\"ActivityId\", p.\"CountryCode\"", $"\"ActivityPartners\" c JOIN \"Partners\" p ON p.\"MunicipalityId\" = {mid} AND p.\"Id\" = c.\"PartnerId\""),
            Child("c.*", "\"FundingLines\" c"),
            Child("c.\"ActivityId\", c.\"Year\"", "\"ResultReports\" c"),
        ];
        yield return new("/health", "/health", false, [], "/server/ping");
        yield return new("GET /api/v1/activities (first page)", "/api/v1/activities", true, [List(""), Rows("")], Directus.ItemsPath(m, []));
        yield return new("… country=DE&year=2023", "/api/v1/activities?country=DE&year=2023", true, [List(countryYear), Rows(countryYear)],
            Directus.ItemsPath(m, [.. Directus.Year(2023), Directus.Country(m, "DE", trips: true)]));
        yield return new("… q=klimat", "/api/v1/activities?q=klimat", true, [List(Text), Rows(Text)], Directus.ItemsPath(m, [Directus.Text("klimat")]));
        yield return new($"GET /api/v1/public/{slug}/activities", $"/api/v1/public/{slug}/activities", false, [List(Published), Rows(Published)],
            Directus.ItemsPath(m, [], published: true));
        yield return new("… country=DE&year=2023 (public)", $"/api/v1/public/{slug}/activities?country=DE&year=2023", false, [List(publicCountryYear), Rows(publicCountryYear)],
            Directus.ItemsPath(m, [.. Directus.Year(2023), Directus.Country(m, "DE", trips: false)], published: true));
        yield return new("GET /api/v1/compilation?year=2025", "/api/v1/compilation?year=2025", true, compilation);
        yield return new("GET /api/v1/compilation/export?year=2025&format=xlsx", "/api/v1/compilation/export?year=2025&format=xlsx", true, []);
    }

    private sealed record WrkResult(string Text, double PerSecond, string P95);

    private static string Rate(double perSecond) => perSecond.ToString(perSecond < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<WrkResult> WrkAsync(string url, string? token, int connections, int duration, string lua)
    {
        var args = new List<string> { "-t", Math.Min(connections, 2).ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{duration}s", "--timeout", "60s", "-s", lua };
        if (token is not null) { args.Add("-H"); args.Add($"Authorization: Bearer {token}"); }
        args.Add(url);
        var psi = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var wrk = Process.Start(psi)!;
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        if (line is null) return new("wrk failed", 0, "–");
        var f = line.Split(' ');
        var requests = long.Parse(f[1], CultureInfo.InvariantCulture);
        if (requests == 0) return new($"none answered within {duration} s", 0, "–");
        var micros = double.Parse(f[2], CultureInfo.InvariantCulture);
        var perSecond = requests / (micros / 1_000_000);
        var status = int.Parse(f[6], CultureInfo.InvariantCulture);
        var errors = int.Parse(f[7], CultureInfo.InvariantCulture);
        var failures = status + errors > 0 ? $" ({status} non-2xx/3xx, {errors} socket errors)" : "";
        return new($"{Ms(f[3])} / {Ms(f[4])} / {Ms(f[5])}, {Rate(perSecond)}{failures}", perSecond, Ms(f[4]) + failures);
    }

    private static string Ms(string value)
    {
        var ms = double.Parse(value, CultureInfo.InvariantCulture);
        return ms.ToString(ms < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);
    }

    /// <summary>The statements run one after another, <paramref name="runs"/> times after a warm-up: p50 and p95 of their sum.</summary>
    private static async Task<string> TimeSqlAsync(string connectionString, string[] statements, int runs)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var times = new List<double>();
        for (var i = -2; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var sql in statements)
            {
                await using var cmd = new NpgsqlCommand(sql, db);
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync()) { }
            }
            if (i >= 0) times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        double At(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        return $"{At(0.5).ToString("0.0", CultureInfo.InvariantCulture)} / {At(0.95).ToString("0.0", CultureInfo.InvariantCulture)}";
    }

    private static long Rss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { return 0; }
    }

    /// <summary>The app's Release build beside this repository's benchmarks (built with it: a project reference).</summary>
    /// <summary>Whether <paramref name="url"/> answers 2xx within <paramref name="limit"/>, asked every half second while <paramref name="process"/> runs.</summary>
    internal static async Task<bool> AnswersAsync(string url, Process process, TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var up = Stopwatch.StartNew();
        while (up.Elapsed < limit && !process.HasExited)
        {
            try { if ((await http.GetAsync(url)).IsSuccessStatusCode) return true; }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(500);
        }
        return false;
    }

    internal static string? WebDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Omvarld.slnx")))
            {
                var dll = Path.Combine(dir.FullName, "src", "Omvarld.Web", "bin", "Release", "net10.0", "Omvarld.Web.dll");
                return File.Exists(dll) ? dll : null;
            }
        return null;
    }

    internal static Process Start(string dll, string[] args, Dictionary<string, string> environment)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        return Process.Start(psi)!;
    }

    internal static async Task<int> RunToEndAsync(string dll, string[] args, Dictionary<string, string> environment)
    {
        using var p = Start(dll, args, environment);
        await p.WaitForExitAsync();
        return p.ExitCode;
    }
}
