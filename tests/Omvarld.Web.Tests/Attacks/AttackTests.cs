using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omvarld.Domain.Municipalities;
using Omvarld.Domain.Organisation;
using Omvarld.Web.Data;
using Omvarld.Web.Tests.Features.Compilations;
using Omvarld.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Omvarld.Web.Tests.Attacks;

/// <summary>
/// Generated attacks (issue 14, 5): bad inputs made from the OpenAPI document and the pages' forms — wrong types, nulls
/// in arrays, out-of-range numbers and dates, NUL and control characters, huge strings, unknown enum values, the other
/// municipality's ids — for every route, as every role, on both providers. Asserted for every answer: no 5xx; no row id
/// or text of the other municipality (that the request did not carry); a 4xx for a row of the other municipality named
/// in the route; and, for every refused write, an unchanged database (every table's row count, the audit trail among
/// them, measured before and after each write, which run one at a time). The reads run in parallel; they must leave the
/// database as it was. Seeded (<see cref="SeedVariable"/>): a failure prints the seed and the exact request.
/// </summary>
public abstract partial class AttackTests(OmvarldApp app, ITestOutputHelper output)
{
    public const string SeedVariable = "OMVARLD_ATTACK_SEED";
    private const int DefaultSeed = 14_05_2026;
    /// <summary>Per provider: two providers make the issue's 10 000 requests per run.</summary>
    private const int MinimumRequests = 5_000;
    private const string OwnSlug = "boras", OtherSlug = "upplands-bro";

    private static readonly string?[] CallerEmails =
        [null, OmvarldApp.Admin, .. new[] { "samordnare", "redaktor", "godkannare", "ks", "lasare" }.Select(l => OmvarldApp.Email(l))];
    private const int Anonymous = 0, SystemAdmin = 1, Coordinator = 2;

    private sealed record Caller(string Name, HttpClient Pages, HttpClient Api, string? Token);
    private sealed record Failure(string Problem, AttackRequest Request, string Caller, int Status, string Body, string? Detail);

    private readonly ConcurrentBag<Failure> _failures = [];
    private int _sent;
    private int _seed;
    private Caller[] _callers = [];
    private AttackDatabase _data = null!;

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\??\}")]
    private static partial Regex Parameter();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();

    [Fact]
    public async Task GeneratedAttacks_EveryRouteEveryRole_NoServerErrorNoChangeWhenRefusedNoOtherMunicipalitysData()
    {
        _seed = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } s ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : DefaultSeed;
        var rng = new Random(_seed);
        output.WriteLine($"{SeedVariable}={_seed} ({app.ProviderName})");

        var spares = await ArrangeSparesAsync();
        _data = await AttackDatabase.ReadAsync(app, OwnSlug, OtherSlug);
        var world = new AttackWorld(_data, spares, OwnSlug, OtherSlug, app.UpplandsBro);
        _callers = await Task.WhenAll(CallerEmails.Select(SignInAsync));
        var generator = new AttackGenerator(rng, world);

        // What to attack: every operation of the OpenAPI document, every other endpoint, every page and its forms.
        var document = JsonNode.Parse(await _callers[Anonymous].Pages.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var api = generator.FromOpenApi(document);
        var described = api.Select(t => Normal(t.Key)).ToHashSet();
        var (pageRoutes, otherRoutes) = Routes();
        foreach (var route in otherRoutes.Where(r => !described.Contains(Normal(r))))
        {
            var (method, path) = (route[..route.IndexOf(' ')], route[(route.IndexOf(' ') + 1)..]);
            api.Add(generator.FromRoute(method, path));
        }
        var pages = new List<AttackTarget>();
        var forms = new List<AttackTarget>();
        foreach (var route in pageRoutes)
        {
            var (queryFields, postForms) = await DiscoverAsync(route, world);
            pages.Add(generator.PageTarget(route, queryFields));
            forms.AddRange(postForms.Select(generator.FormTarget).DistinctBy(t => t.Key));
        }
        forms = forms.DistinctBy(t => t.Key).ToList();
        output.WriteLine($"{api.Count} API operations, {pages.Count} pages, {forms.Count} forms");

        // Reads in parallel, then writes one at a time (the API's before the pages': a page may revoke the caller's API key).
        var reads = api.Where(t => !t.Baseline.IsWrite).Concat(pages).ToList();
        var writes = api.Where(t => t.Baseline.IsWrite).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var before = await _data.CountsAsync();
        await RunReadsAsync(reads, rng);
        var afterReads = await _data.CountsAsync();
        // The two-factor page makes the caller's authenticator key on first view (ASP.NET Identity's way): a user token, not business data.
        if (_data.Difference(before, afterReads, except: "AspNetUserTokens") is { Length: > 0 } readChange)
            _failures.Add(new("reads changed the database", reads[0].Baseline, "(all readers)", 0, "", readChange));
        output.WriteLine($"reads: {_sent} requests in {clock.Elapsed.TotalSeconds:0}s");
        await RunWritesAsync(writes, rng);
        output.WriteLine($"API writes: {_sent} requests in {clock.Elapsed.TotalSeconds:0}s");
        await RunWritesAsync(forms, rng);
        output.WriteLine($"form posts: {_sent} requests in {clock.Elapsed.TotalSeconds:0}s");

        output.WriteLine($"{_sent} requests sent");
        Assert.True(_failures.IsEmpty, Report());
        Assert.True(_sent >= MinimumRequests, $"Only {_sent} requests were generated; the suite promises at least {MinimumRequests} per provider.");
    }

    // ---------------------------------------------------------------- running

    private async Task RunReadsAsync(List<AttackTarget> targets, Random rng)
    {
        var probes = await RunParallelAsync(targets.SelectMany(t => Enumerable.Range(0, _callers.Length).Select(c => t.Baseline with { Caller = c })).ToList());
        await RunParallelAsync(Assign(targets, probes, rng));
    }

    private async Task RunWritesAsync(List<AttackTarget> targets, Random rng)
    {
        var probes = new Dictionary<(string, int), int>();
        var counts = await _data.CountsAsync();
        foreach (var t in targets)
            for (var c = 0; c < _callers.Length; c++)
                (probes[(t.Key, c)], counts) = await SendWriteAsync(t.Baseline with { Caller = c }, counts);
        foreach (var request in Assign(targets, probes, rng))
            (_, counts) = await SendWriteAsync(request, counts);
    }

    private async Task<(int Status, long[] Counts)> SendWriteAsync(AttackRequest request, long[] before)
    {
        var (status, refused) = await SendAsync(request);
        var after = await _data.CountsAsync();
        if (refused && _data.Difference(before, after) is { Length: > 0 } change)
            _failures.Add(new("refused, but the database changed", request, _callers[request.Caller].Name, status, "", change));
        return (status, after);
    }

    private async Task<Dictionary<(string, int), int>> RunParallelAsync(List<AttackRequest> requests)
    {
        var statuses = new ConcurrentDictionary<(string, int), int>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (r, _) =>
            statuses[(r.Key(), r.Caller)] = (await SendAsync(r)).Status);
        return new(statuses);
    }

    /// <summary>
    /// Who sends which mutation: each mutation goes to one of the callers the baseline let through (in turn, from a
    /// seeded shuffle), and each caller it refused gets three of them (they must be refused the same way).
    /// </summary>
    private List<AttackRequest> Assign(List<AttackTarget> targets, IReadOnlyDictionary<(string, int), int> probes, Random rng)
    {
        var list = new List<AttackRequest>();
        foreach (var t in targets)
        {
            var mutations = t.Mutations.OrderBy(_ => rng.Next()).ToList();
            var allowed = Enumerable.Range(0, _callers.Length).Where(c => !AuthRefused(t.Baseline, probes.GetValueOrDefault((t.Key, c)))).ToList();
            if (allowed.Count == 0) allowed = [.. Enumerable.Range(0, _callers.Length)];
            var offset = rng.Next(allowed.Count);
            list.AddRange(mutations.Select((m, i) => m with { Caller = allowed[(i + offset) % allowed.Count] }));
            foreach (var c in Enumerable.Range(0, _callers.Length).Except(allowed))
                list.AddRange(mutations.OrderBy(_ => rng.Next()).Take(3).Select(m => m with { Caller = c }));
        }
        return list;
    }

    /// <summary>The status, or for a page a redirect to the sign-in or refusal page as 401/403.</summary>
    private static bool AuthRefused(AttackRequest r, int status) => status is 401 or 403 or -401 or -403;

    private async Task<(int Status, bool Refused)> SendAsync(AttackRequest request)
    {
        Interlocked.Increment(ref _sent);
        var caller = _callers[request.Caller];
        using var message = request.ToMessage(caller.Token);
        HttpResponseMessage response;
        try { response = await (request.IsApi ? caller.Api : caller.Pages).SendAsync(message); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _failures.Add(new("the server threw", request, caller.Name, 0, e.GetType().Name + ": " + e.Message, null));
            return (500, false);
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
            var text = Readable(bytes, mediaType);
            var location = response.Headers.Location?.ToString() ?? "";
            if (status >= 500)
                _failures.Add(new($"{status}", request, caller.Name, status, text, null));
            var route = request.Target;
            var isPublic = route.Contains("/oppet") || route.Contains("/api/v1/public/") || route.Contains("/kalender/");
            if (request.ForeignRouteValue is { } foreign && request.Caller >= Coordinator && !isPublic && status is >= 200 and < 300
                && await AnswerForNoRowAsync(request, foreign) is var (otherStatus, otherText)
                && (otherStatus != status || otherText != text.Replace(foreign, "{id}", StringComparison.OrdinalIgnoreCase)))
                _failures.Add(new("a row of the other municipality answered otherwise than a missing one", request, caller.Name, status, text,
                    $"an id that exists nowhere: {otherStatus} {AttackRequest.Shorten(otherText, 200)}"));
            if (request.Caller != SystemAdmin && LeakIn(request, text, isPublic) is { } leak)
                _failures.Add(new("the other municipality's data in the answer", request, caller.Name, status, text, leak));

            var authStatus = status == 302 && location.Contains("/konto/logga-in") ? -401
                : status == 302 && location.Contains("/konto/nekad") ? -403
                : status;
            var refused = status is >= 400 and < 500 || authStatus < 0 || (status == 302 && location.Contains("/fel/"))
                || (!request.IsApi && status == 200 && request.IsWrite && text.Contains("error-summary", StringComparison.Ordinal));
            return (authStatus, refused);
        }
    }

    /// <summary>The same request with an id that exists nowhere in place of the other municipality's: status and text (the id as "{id}").</summary>
    private async Task<(int, string)> AnswerForNoRowAsync(AttackRequest request, string foreign)
    {
        var nowhere = Guid.NewGuid().ToString();
        var caller = _callers[request.Caller];
        using var message = (request with { Url = request.Url.Replace(foreign, nowhere, StringComparison.OrdinalIgnoreCase) }).ToMessage(caller.Token);
        using var response = await (request.IsApi ? caller.Api : caller.Pages).SendAsync(message);
        var text = Readable(await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentType?.MediaType ?? "");
        return ((int)response.StatusCode, text.Replace(nowhere, "{id}", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An id or text of the other municipality that the request did not carry itself, or null.</summary>
    private string? LeakIn(AttackRequest request, string text, bool isPublic)
    {
        if (request.Target is "GET /oppet" or "GET /api/v1/public/dcat" or "GET /openapi/{documentName}.json") return null;
        var sent = Uri.UnescapeDataString(request.Url) + "\n" + request.Text + "\n" + string.Join("\n", request.Fields.Select(f => f.Value));
        if (isPublic && sent.Contains(OtherSlug, StringComparison.Ordinal)) return null;
        foreach (Match m in GuidPattern().Matches(text))
            if (_data.OtherIds.Contains(m.Value) && !sent.Contains(m.Value, StringComparison.OrdinalIgnoreCase))
                return "id " + m.Value;
        foreach (var marker in _data.OtherTexts)
            if (text.Contains(marker, StringComparison.OrdinalIgnoreCase)) return "text \"" + marker + "\"";
        return null;
    }

    /// <summary>The answer as text: JSON's strings unescaped, HTML's entities decoded, an Office file's XML parts.</summary>
    private static string Readable(byte[] bytes, string mediaType)
    {
        if (bytes is [0x50, 0x4B, ..])
        {
            try
            {
                using var zip = new ZipArchive(new MemoryStream(bytes));
                var sb = new StringBuilder();
                foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
                    using (var reader = new StreamReader(entry.Open())) sb.Append(WebUtility.HtmlDecode(reader.ReadToEnd())).Append('\n');
                return sb.ToString();
            }
            catch (InvalidDataException) { }
        }
        if (bytes is [0x25, 0x50, 0x44, 0x46, ..]) // %PDF: its text, as a reader would copy it out (poppler's pdftotext)
        {
            var path = Path.Combine(Path.GetTempPath(), $"omvarld-attack-{Guid.NewGuid():N}.pdf");
            File.WriteAllBytes(path, bytes);
            try { return Poppler.Run("pdftotext", $"\"{path}\" -"); }
            finally { File.Delete(path); }
        }
        var text = Encoding.UTF8.GetString(bytes);
        if (mediaType.Contains("json"))
        {
            try
            {
                var sb = new StringBuilder();
                void Walk(JsonElement e)
                {
                    switch (e.ValueKind)
                    {
                        case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) { sb.Append(p.Name).Append('\n'); Walk(p.Value); } break;
                        case JsonValueKind.Array: foreach (var i in e.EnumerateArray()) Walk(i); break;
                        default: sb.Append(e.ToString()).Append('\n'); break;
                    }
                }
                using var json = JsonDocument.Parse(bytes);
                Walk(json.RootElement);
                return sb.ToString();
            }
            catch (JsonException) { return text; }
        }
        return mediaType.Contains("html") || mediaType.Contains("xml") ? WebUtility.HtmlDecode(text) : text;
    }

    private string Report()
    {
        var groups = _failures.GroupBy(f => (f.Problem, f.Request.Kind)).OrderBy(g => g.Key.Problem).ThenBy(g => g.Key.Kind, StringComparer.Ordinal).ToList();
        var sb = new StringBuilder();
        sb.AppendLine($"{groups.Count} distinct failures ({_failures.Count} failing requests of {_sent}) on {app.ProviderName}; replay with {SeedVariable}={_seed}.");
        sb.AppendLine("By problem and bad value:");
        foreach (var g in groups.GroupBy(g => (g.Key.Problem, Value: g.First().Request.Mutation.Split(": ")[^1])).OrderByDescending(g => g.Count()))
            sb.AppendLine($"  {g.Key.Problem} — {g.Key.Value}: {g.Count()} routes/fields");
        sb.AppendLine();
        foreach (var g in groups.Take(300))
        {
            var f = g.First();
            sb.AppendLine($"[{f.Problem}] {g.Key.Kind}{(g.Count() > 1 ? $" ({g.Count()}×)" : "")}");
            sb.AppendLine($"    seed {_seed}, {f.Request.Describe(f.Caller)}");
            sb.AppendLine($"    → {f.Status}{(f.Detail is null ? "" : " — " + f.Detail)}: {AttackRequest.Shorten(f.Body, 300)}");
        }
        if (groups.Count > 300) sb.AppendLine($"… and {groups.Count - 300} more");
        return sb.ToString();
    }

    // ---------------------------------------------------------------- discovery

    private static string Normal(string route) => Parameter().Replace(route, "{$1}").TrimEnd('/');

    /// <summary>The app's page routes and its other endpoints ("GET /kalender/{token}.ics"), from its EndpointDataSource.</summary>
    private (List<string> Pages, List<string> Others) Routes()
    {
        var pages = new SortedSet<string>(StringComparer.Ordinal);
        var others = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + Parameter().Replace(endpoint.RoutePattern.RawText ?? "", "{$1}").Trim('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null) { pages.Add(pattern); continue; }
            foreach (var m in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]) others.Add(m + " " + pattern);
        }
        return (pages.ToList(), others.ToList());
    }

    private static readonly HtmlParser Parser = new();

    /// <summary>The page's GET forms' fields (its filters) and its POST forms, as the first of coordinator, system administrator and anonymous that may see it.</summary>
    private async Task<(List<FormField> Query, List<PageForm> Forms)> DiscoverAsync(string route, IAttackWorld world)
    {
        var url = Parameter().Replace(route, m => Uri.EscapeDataString(world.RouteValue(route, m.Groups[1].Value)));
        foreach (var c in new[] { Coordinator, SystemAdmin, Anonymous })
        {
            using var response = await _callers[c].Pages.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var document = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            var query = new List<FormField>();
            var forms = new List<PageForm>();
            foreach (var form in document.QuerySelectorAll("main form").OfType<IHtmlFormElement>())
            {
                var action = form.GetAttribute("action") is { Length: > 0 } a ? WebUtility.HtmlDecode(a) : url;
                if (!action.StartsWith('/')) action = url;
                var fields = Fields(form);
                if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)) { query.AddRange(fields); continue; }
                if (action.StartsWith("/konto/logga-ut", StringComparison.Ordinal)) continue; // would end the caller's session
                var files = form.QuerySelectorAll("input[type=file]").Select(i => i.GetAttribute("name")).OfType<string>().ToList();
                forms.Add(new PageForm(route, action, files.Count > 0 || form.Enctype == "multipart/form-data", fields, files));
            }
            return (query, forms);
        }
        return ([], []);
    }

    private static List<FormField> Fields(IHtmlFormElement form)
    {
        var fields = new List<FormField>();
        var radios = new HashSet<string>();
        foreach (var element in form.QuerySelectorAll("input, select, textarea, button[name]"))
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || name == "__RequestVerificationToken") continue;
            switch (element)
            {
                case IHtmlSelectElement select:
                    var options = select.Options.Select(o => o.Value).ToList();
                    var selected = select.Options.FirstOrDefault(o => o.IsSelected)?.Value ?? options.FirstOrDefault() ?? "";
                    fields.Add(new(name, selected, ValueKind.Enum, options));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value, ValueKind.String, []));
                    break;
                case IHtmlButtonElement button:
                    if (fields.All(f => f.Name != name)) fields.Add(new(name, button.Value, ValueKind.String, []));
                    break;
                case IHtmlInputElement input:
                    switch (input.Type)
                    {
                        case "file" or "submit" or "button" or "reset" or "image": break;
                        case "checkbox":
                            if (input.IsChecked) fields.Add(new(name, input.Value, ValueKind.Boolean, []));
                            break;
                        case "radio":
                            if (!radios.Add(name)) break;
                            var group = form.QuerySelectorAll($"input[type=radio]").OfType<IHtmlInputElement>().Where(r => r.Name == name).ToList();
                            fields.Add(new(name, (group.FirstOrDefault(r => r.IsChecked) ?? group[0]).Value, ValueKind.Enum, group.Select(r => r.Value).ToList()));
                            break;
                        default:
                            var kind = input.Type switch
                            {
                                "number" => (input.GetAttribute("step") ?? "1").Contains('.') || input.GetAttribute("step") == "any" ? ValueKind.Number : ValueKind.Integer,
                                "date" => ValueKind.Date,
                                "datetime-local" => ValueKind.DateTime,
                                _ => ValueKind.String,
                            };
                            fields.Add(new(name, input.Value, kind, []));
                            break;
                    }
                    break;
            }
        }
        return fields;
    }

    // ---------------------------------------------------------------- arranging

    private async Task<Caller> SignInAsync(string? email)
    {
        var pages = email is null ? app.NewClient() : await app.SignInAsync(email);
        var api = await app.ApiClientAsync(email);
        // One antiforgery token serves every form of the session: it is bound to the cookie and the user, not the form.
        using var response = await pages.GetAsync(email is null ? "/konto/logga-in" : "/konto");
        var document = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var token = (document.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value;
        return new Caller(email ?? "anonymous", pages, api, token);
    }

    /// <summary>Rows the attacks may close, deactivate or rename: a municipality, a unit, a user, a draft activity, a calendar feed.</summary>
    private async Task<AttackWorld.Spares> ArrangeSparesAsync()
    {
        var editor = await app.UserIdAsync(OmvarldApp.Email("redaktor"));
        var (municipality, unit, user, feed) = await app.WithDbAsync(async db =>
        {
            var (m, _) = Municipality.Create("Attackens kommun", "attackens-kommun", null, isDemo: true, app.Clock.GetUtcNow().UtcDateTime);
            db.Municipalities.Add(m!);
            db.Tenant.Use(app.Boras);
            var (u, _) = Unit.Create(app.Boras, "Attackens enhet", UnitKind.Office, null);
            db.Units.Add(u!);
            var spare = new AppUser
            {
                UserName = "attack@boras.demo", Email = "attack@boras.demo", NormalizedEmail = "ATTACK@BORAS.DEMO",
                NormalizedUserName = "ATTACK@BORAS.DEMO", DisplayName = "Attack", MunicipalityId = app.Boras, SecurityStamp = Guid.NewGuid().ToString(),
            };
            db.Users.Add(spare);
            await db.SaveChangesAsync();
            var token = CalendarFeed.NewToken();
            db.CalendarFeeds.Add(new CalendarFeed { MunicipalityId = app.Boras, Id = Guid.CreateVersion7(), UserId = spare.Id, TokenHash = CalendarFeed.HashOf(token), CreatedAt = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
            return (m!.Id, u!.Id, spare.Id, token);
        });
        var coordinator = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));
        var created = await coordinator.PostJsonAsync("/api/v1/activities", new
        {
            title = "Attackens aktivitet", kind = "Network", ownerUnitId = await app.UnitIdAsync(app.Boras, "Gymnasie- och vuxenutbildningsförvaltningen"),
            responsibleUserId = editor, start = "2025-01-01", goals = Array.Empty<object>(), sdgs = Array.Empty<string>(),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var activity = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        return new(municipality, unit, user, activity, editor, feed);
    }
}

file static class RequestKey
{
    public static string Key(this AttackRequest r) => r.Target;
}

/// <summary>The app with its log quiet: thousands of refused requests would log thousands of warnings; the failures say what went wrong.</summary>
public sealed class QuietLog : IFixtureSettings
{
    public static IEnumerable<(string Key, string Value)> Settings => [("Logging:LogLevel:Default", "Critical"), ("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Critical")];
}

public sealed class AttackTests_Sqlite(SqliteApp<QuietLog> app, ITestOutputHelper output) : AttackTests(app, output), IClassFixture<SqliteApp<QuietLog>>;
public sealed class AttackTests_Postgres(PostgresApp<QuietLog> app, ITestOutputHelper output) : AttackTests(app, output), IClassFixture<PostgresApp<QuietLog>>;
