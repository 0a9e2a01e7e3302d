using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms;

namespace Omvarld.Benchmarks.National;

/// <summary>
/// Issue 17, "beyond one machine", with real processes: two app processes (the Release build) start together on one
/// empty PostgreSQL database behind a reverse proxy (YARP, round robin, hosted here); a browser signs in through the
/// proxy and goes on, served by both; then the reminder job runs from both at once, as cron on two machines would, into
/// an SMTP sink, and each reminder is mailed once. The in-process twins of these checks are
/// <c>TwoInstancesTests</c> and <c>FollowUpReminderTests.TwoInstances_RunningTheJobTogether_SendEachReminderOnce</c>.
/// Exit 0 only when every check holds.
/// </summary>
internal static class TwoInstances
{
    public const string Usage = "two-instances --connection \"Host=…;Database=omvarld_two\" [--port 5200] [--date yyyy-MM-dd (default: 15 days ahead)]";
    private const string DemoPassword = "Tva-instanser-demo-1";
    private const string ServedBy = "X-Served-By";

    public static async Task<int> RunAsync(string[] args)
    {
        var connection = NationalGenerator.Option(args, "--connection");
        if (connection is null) { Console.Error.WriteLine(Usage); return 2; }
        var database = new NpgsqlConnectionStringBuilder(connection).Database ?? "";
        // The database is dropped: only a throwaway one by its name.
        if (!database.Contains("two", StringComparison.OrdinalIgnoreCase) && !database.Contains("bench", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"'{database}' is dropped and created by this command: give a database whose name contains 'two' or 'bench'.");
            return 2;
        }
        var port = int.Parse(NationalGenerator.Option(args, "--port") ?? "5200", CultureInfo.InvariantCulture);
        var web = LoadHarness.WebDll();
        if (web is null) { Console.Error.WriteLine("Build the app first: dotnet build -c Release benchmarks/Omvarld.Benchmarks"); return 2; }

        var failures = new List<string>();
        void Check(bool holds, string what)
        {
            Console.WriteLine($"  [{(holds ? "ok" : "FAIL")}] {what}");
            if (!holds) failures.Add(what);
        }
        Console.WriteLine($"two-instances, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, database {database}");

        await RecreateAsync(connection, database);
        var (portA, portB, smtpPort) = (port + 1, port + 2, port + 25);
        var proxyUrl = $"http://127.0.0.1:{port}";
        var folder = Directory.CreateTempSubdirectory("omvarld-two-");
        Dictionary<string, string> Environment(string name) => new()
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Omvarld"] = connection,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            // Behind a proxy that speaks plain http on loopback (as this run does) the production cookies (__Host-, Secure)
            // would never come back; an installation terminates TLS at the proxy and keeps this off.
            ["Security__AllowHttp"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__Console__FormatterName"] = "simple",
            // A reminder claim lost to the other instance is the unique index refusing the second insert, which EF logs
            // as a failed command: expected here, and the checks below count what was claimed and sent.
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "None",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Update"] = "None",
            ["Data__Folder"] = Path.Combine(folder.FullName, name),
            ["Database__MigrateOnStart"] = "true",
            ["Demo__Enabled"] = "true",
            ["Demo__Password"] = DemoPassword,
            ["App__BaseUrl"] = proxyUrl,
            ["Smtp__Enabled"] = "true",
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Smtp__UseStartTls"] = "None",
            ["Smtp__From"] = "Omvärld <omvarld@two.test>",
        };

        var started = new List<Process>();
        WebApplication? proxy = null;
        try
        {
            // 1. Both at once on the empty database: each migrates and seeds under the start-up lock.
            Console.WriteLine($"1. Two app processes start together on :{portA} and :{portB}");
            var clock = Stopwatch.StartNew();
            started.Add(LoadHarness.Start(web, ["--urls", $"http://127.0.0.1:{portA}"], Environment("a")));
            started.Add(LoadHarness.Start(web, ["--urls", $"http://127.0.0.1:{portB}"], Environment("b")));
            var up = await Task.WhenAll(LoadHarness.AnswersAsync($"http://127.0.0.1:{portA}/health", started[0], TimeSpan.FromMinutes(3)),
                LoadHarness.AnswersAsync($"http://127.0.0.1:{portB}/health", started[1], TimeSpan.FromMinutes(3)));
            Check(up.All(u => u), $"both answer /health ({clock.Elapsed.TotalSeconds:0.0} s)");
            if (!up.All(u => u)) return 1;
            var perSlug = await RowsAsync(connection, "SELECT \"Slug\", count(*) FROM \"Municipalities\" GROUP BY \"Slug\" ORDER BY 1");
            Check(perSlug.Count == 2 && perSlug.All(r => r.Count == 1), $"the demo seeded once: {string.Join(", ", perSlug.Select(r => $"{r.Key} ×{r.Count}"))}");
            var coordinators = await RowsAsync(connection, "SELECT \"Email\", count(*) FROM \"AspNetUsers\" WHERE \"Email\" = 'samordnare@boras.demo' GROUP BY 1");
            Check(coordinators is [{ Count: 1 }], "one demo coordinator samordnare@boras.demo");
            var releases = await RowsAsync(connection, "SELECT \"Name\", count(*) FROM \"CountryDataReleases\" GROUP BY 1");
            Check(releases.Count > 0 && releases.All(r => r.Count == 1), $"the shipped country data loaded once ({releases.Count} release(s), none twice)");

            // 2. The proxy: round robin over the two, naming the one that served each answer.
            proxy = StartProxy(port, $"http://127.0.0.1:{portA}/", $"http://127.0.0.1:{portB}/");
            await proxy.StartAsync();
            Console.WriteLine($"2. YARP on {proxyUrl}, round robin over a=:{portA} and b=:{portB}");

            // 3. A browser through the proxy only.
            Console.WriteLine("3. A browser through the proxy");
            var jar = new CookieContainer();
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = new Uri(proxyUrl) };
            var served = new List<(string Request, string By)>();
            async Task<(HttpResponseMessage Response, string Body, string By)> SendAsync(HttpMethod method, string path, Dictionary<string, string>? form = null)
            {
                using var request = new HttpRequestMessage(method, path) { Content = form is null ? null : new FormUrlEncodedContent(form) };
                var response = await browser.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var by = response.Headers.TryGetValues(ServedBy, out var v) ? v.First() : "?";
                var where = response.Headers.Location is { } l ? $" → {l.OriginalString}" : "";
                Console.WriteLine($"     {method,-4} {path,-28} {(int)response.StatusCode}{where,-22} served by {by}");
                served.Add(($"{method} {path}", by));
                return (response, body, by);
            }

            var login = await SendAsync(HttpMethod.Get, "/konto/logga-in");
            Check(login.Response.StatusCode == HttpStatusCode.OK && Token(login.Body) is not null, "the sign-in page with its antiforgery token");
            var signIn = await SendAsync(HttpMethod.Post, "/konto/logga-in", new()
            {
                ["Input.Email"] = "samordnare@boras.demo",
                ["Input.Password"] = DemoPassword,
                ["__RequestVerificationToken"] = Token(login.Body) ?? "",
            });
            Check(signIn.Response.StatusCode == HttpStatusCode.Redirect && signIn.Response.Headers.Location?.OriginalString == "/",
                $"signed in (302 to /) on {signIn.By}");

            foreach (var path in new[] { "/", "/aktiviteter", "/konto", "/aktiviteter" })
            {
                var page = await SendAsync(HttpMethod.Get, path);
                Check(page.Response.StatusCode == HttpStatusCode.OK && page.Body.Contains("/konto/logga-ut", StringComparison.Ordinal),
                    $"{path}: 200 and still signed in (served by {page.By})");
            }

            // One form post by the signed-in user, with a token from a form the other instance (or either) served; it is
            // sent again until it lands on the instance that did not sign in (round robin makes that the first or second).
            (HttpResponseMessage Response, string Body, string By) post = default;
            for (var attempt = 0; attempt < 4 && (post.By is null || post.By == signIn.By); attempt++)
            {
                // Strict round robin alternates: one more page read per attempt moves the post to the other instance.
                var account = await SendAsync(HttpMethod.Get, "/konto");
                for (var extra = 0; extra < attempt; extra++) account = await SendAsync(HttpMethod.Get, "/konto");
                post = await SendAsync(HttpMethod.Post, "/konto?handler=Reminders", new()
                {
                    ["enabled"] = "true",
                    ["__RequestVerificationToken"] = Token(account.Body) ?? "",
                });
                Check(post.Response.StatusCode == HttpStatusCode.Redirect, $"POST /konto (reminders on): 302 (served by {post.By})");
            }
            Check(post.By is not null && post.By != signIn.By, $"the form post was served by {post.By}, the sign-in by {signIn.By}");
            var after = await SendAsync(HttpMethod.Get, "/konto");
            Check(after.Response.StatusCode == HttpStatusCode.OK && after.Body.Contains("/konto/logga-ut", StringComparison.Ordinal),
                $"/konto after the post: 200, still signed in (served by {after.By})");
            var byInstance = served.GroupBy(s => s.By).ToDictionary(g => g.Key, g => g.Count());
            Check(byInstance.Keys.Order().SequenceEqual(["a", "b"]), $"one session served by both: {string.Join(", ", byInstance.Select(kv => $"{kv.Key} {kv.Value} request(s)"))}");

            // 4. The reminder job from both processes' binaries at once, as cron on two machines, into one SMTP sink.
            // By default 15 days after the seeding: the demo's follow-up round (deadline 21 days after it) is then in its
            // week of "before" reminders, and results reports are due, so both kinds of reminder are sent.
            var date = NationalGenerator.Option(args, "--date") ?? DateTime.UtcNow.AddDays(15).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Console.WriteLine($"4. send-reminders --date {date} from both at once, twice each, into an SMTP sink on :{smtpPort}");
            var sink = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-u", "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{smtpPort}" }) sink.ArgumentList.Add(a);
            var mailLog = new StringBuilder();
            var smtp = Process.Start(sink)!;
            started.Add(smtp);
            smtp.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (mailLog) mailLog.AppendLine(e.Data); };
            smtp.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"     smtp: {e.Data}"); };
            smtp.BeginOutputReadLine();
            smtp.BeginErrorReadLine();
            if (!await WaitForPortAsync(smtpPort, smtp)) { Check(false, "the SMTP sink (python3-aiosmtpd) started"); return 1; }

            var reminders = new[] { Environment("a"), Environment("b"), Environment("a"), Environment("b") }
                .Select(e => LoadHarness.RunToEndAsync(web, ["send-reminders", "--date", date], e)).ToArray();
            var codes = await Task.WhenAll(reminders);
            Check(codes.All(c => c == 0), $"four runs (two per instance) exited 0: {string.Join(", ", codes)}");
            await Task.Delay(1000); // the sink writes each message after it acknowledged it
            string mails;
            lock (mailLog) mails = mailLog.ToString();
            var messages = Regex.Matches(mails, "-{10} MESSAGE FOLLOWS -{10}(.*?)-{12} END MESSAGE -{12}", RegexOptions.Singleline)
                .Select(m => (To: Header(m.Groups[1].Value, "To"), Subject: Header(m.Groups[1].Value, "Subject"))).ToList();
            var results = await RowsAsync(connection, "SELECT 'results', count(*) FROM \"ReminderLogs\" UNION ALL SELECT 'follow-up', count(*) FROM \"FollowUpReminderLogs\"");
            Check(messages.Count > 0, $"mails arrived: {messages.Count} to {messages.Select(m => m.To).Distinct().Count()} recipient(s); reminders claimed in the database: {string.Join(", ", results.Select(r => $"{r.Key} {r.Count}"))}");
            // One mail per recipient and kind of results reminder (own reports, or the coordinator's digest) and one per
            // follow-up claim: what the claims promise is what the sink received, no more.
            var promised = await RowsAsync(connection, "SELECT 'mails', (SELECT count(DISTINCT (\"RecipientUserId\", \"ReportKey\" = 'digest')) FROM \"ReminderLogs\") + (SELECT count(*) FROM \"FollowUpReminderLogs\")");
            Check(promised is [{ Count: var p }] && p == messages.Count, $"mails received ({messages.Count}) = mails the claims stand for ({promised.FirstOrDefault().Count})");
            var twice = messages.GroupBy(m => m).Where(g => g.Count() > 1).ToList();
            Check(twice.Count == 0, twice.Count == 0 ? "no recipient got the same reminder twice"
                : $"sent twice: {string.Join("; ", twice.Select(g => $"{g.Key.To} '{g.Key.Subject}' ×{g.Count()}"))}");
            var resultsDuplicates = await RowsAsync(connection, "SELECT 'dup', count(*) FROM (SELECT 1 FROM \"ReminderLogs\" GROUP BY \"MunicipalityId\", \"ActivityId\", \"ReportKey\", \"RecipientUserId\", \"Week\" HAVING count(*) > 1) d");
            Check(resultsDuplicates is [{ Count: 0 }], "no reminder claimed twice in ReminderLogs");
        }
        catch (Exception e) when (e is HttpRequestException or NpgsqlException or IOException)
        {
            Check(false, $"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            if (proxy is not null) { await proxy.StopAsync(); await proxy.DisposeAsync(); }
            foreach (var p in started)
            {
                try { if (!p.HasExited) p.Kill(entireProcessTree: true); await p.WaitForExitAsync(); } catch (InvalidOperationException) { }
                p.Dispose();
            }
            try { folder.Delete(recursive: true); } catch (IOException) { }
        }
        Console.WriteLine(failures.Count == 0 ? "All checks hold." : $"{failures.Count} check(s) failed.");
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>YARP in this process: one route for everything, round robin, and the serving destination's id in a header.</summary>
    private static WebApplication StartProxy(int port, string a, string b)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddReverseProxy()
            .LoadFromMemory(
                [new RouteConfig { RouteId = "all", ClusterId = "omvarld", Match = new RouteMatch { Path = "{**rest}" } }],
                [new ClusterConfig
                {
                    ClusterId = "omvarld",
                    LoadBalancingPolicy = "RoundRobin",
                    Destinations = new Dictionary<string, DestinationConfig> { ["a"] = new() { Address = a }, ["b"] = new() { Address = b } },
                }])
            .AddTransforms(t => t.AddResponseTransform(context =>
            {
                if (context.HttpContext.Features.Get<IReverseProxyFeature>()?.ProxiedDestination is { } destination)
                    context.HttpContext.Response.Headers[ServedBy] = destination.DestinationId;
                return ValueTask.CompletedTask;
            }));
        var app = builder.Build();
        app.MapReverseProxy();
        return app;
    }

    private static async Task RecreateAsync(string connection, string database)
    {
        var admin = new NpgsqlConnectionStringBuilder(connection) { Database = "postgres", Pooling = false };
        await using var db = new NpgsqlConnection(admin.ConnectionString);
        await db.OpenAsync();
        var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)", db)) await drop.ExecuteNonQueryAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", db)) await create.ExecuteNonQueryAsync();
    }

    private static async Task<List<(string Key, long Count)>> RowsAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, long)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetInt64(1)));
        return rows;
    }

    private static async Task<bool> WaitForPortAsync(int port, Process process)
    {
        for (var i = 0; i < 40 && !process.HasExited; i++)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (System.Net.Sockets.SocketException) { await Task.Delay(250); }
        }
        return false;
    }

    private static string? Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"") is { Success: true } m ? m.Groups[1].Value : null;

    private static string Header(string message, string name) =>
        Regex.Match(message, $"^{name}: (.*)$", RegexOptions.Multiline) is { Success: true } m ? m.Groups[1].Value.Trim() : "";
}
