using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Omvarld.Web.Tests.Attacks;

/// <summary>One thing to attack: an API operation, a page's address, or a form of a page.</summary>
public sealed class AttackTarget(string key, AttackRequest baseline, List<AttackRequest> mutations)
{
    public string Key { get; } = key;
    public AttackRequest Baseline { get; } = baseline;
    public List<AttackRequest> Mutations { get; } = mutations;
}

/// <summary>A form field as a browser would send it, with what the page says it is.</summary>
public sealed record FormField(string Name, string Value, ValueKind Kind, IReadOnlyList<string> Options);

/// <summary>A form found on a page: where it posts, how, and its fields (the antiforgery token left out).</summary>
public sealed record PageForm(string PageKey, string Action, bool Multipart, IReadOnlyList<FormField> Fields, IReadOnlyList<string> FileFields);

/// <summary>The values the generator fills in: the caller's municipality's real ids, and the other one's.</summary>
public interface IAttackWorld
{
    /// <summary>The value of route parameter <paramref name="name"/> in <paramref name="route"/> ("/api/v1/activities/{id}").</summary>
    string RouteValue(string route, string name);
    /// <summary>The other municipality's id of the same kind, or null where the parameter names no tenant row.</summary>
    string? ForeignRouteValue(string route, string name);
    /// <summary>A real id of this municipality for a body property or form field (by its name), or null.</summary>
    string? OwnId(string name);
    /// <summary>An id of the other municipality for a body property or form field (by its name; any kind if unknown).</summary>
    string ForeignId(string name);
}

/// <summary>
/// Generates the attack requests from the OpenAPI document and the pages' forms: for each parameter, property and
/// field the bad values of <see cref="Mutations"/>, plus whole-body attacks. Deterministic for a given seed.
/// </summary>
public sealed partial class AttackGenerator(Random rng, IAttackWorld world)
{
    private JsonObject _components = new();

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\??\}")]
    private static partial Regex Parameter();

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex GuidText();

    private Guid RandomGuid()
    {
        var bytes = new byte[16];
        rng.NextBytes(bytes);
        return new Guid(bytes);
    }

    // ---------------------------------------------------------------- the API, from the OpenAPI document

    public List<AttackTarget> FromOpenApi(JsonObject document)
    {
        _components = document["components"]?["schemas"] as JsonObject ?? new JsonObject();
        var targets = new List<AttackTarget>();
        foreach (var (path, item) in ((JsonObject)document["paths"]!).OrderBy(p => p.Key, StringComparer.Ordinal))
        foreach (var (method, op) in ((JsonObject)item!).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (op is not JsonObject operation || method is "parameters" or "summary" or "description") continue;
            targets.Add(ApiTarget(method.ToUpperInvariant(), path, operation));
        }
        return targets;
    }

    /// <summary>An endpoint the OpenAPI document leaves out (downloads, feeds): its route values and body attacked.</summary>
    public AttackTarget FromRoute(string method, string path) => ApiTarget(method, path, new JsonObject());

    private AttackTarget ApiTarget(string method, string path, JsonObject operation)
    {
        var key = $"{method} {path}";
        var parameters = (operation["parameters"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(p => (Name: (string)p["name"]!, In: (string)p["in"]!, Schema: p["schema"])).ToList();
        var routeParams = parameters.Where(p => p.In == "path").ToList();
        // Route parameters the document does not list (constraints it dropped) still get a value.
        foreach (Match m in Parameter().Matches(path))
            if (routeParams.All(p => p.Name != m.Groups[1].Value)) routeParams.Add((m.Groups[1].Value, "path", null));
        var queryParams = parameters.Where(p => p.In == "query").ToList();

        string Url(string? param = null, string? value = null, string? query = null)
        {
            var url = Parameter().Replace(path, m => m.Groups[1].Value == param ? Uri.EscapeDataString(value!) : Uri.EscapeDataString(world.RouteValue(path, m.Groups[1].Value)));
            return query is null ? url : url + "?" + query;
        }

        var content = operation["requestBody"]?["content"] as JsonObject;
        var jsonSchema = content?["application/json"]?["schema"];
        // The document leaves out bodies read by hand: policy files as text, uploads as multipart with a "file".
        var rawText = method is "POST" or "PUT" && Regex.IsMatch(path, @"/policies/import$|/source$")
            || content is not null && !content.ContainsKey("application/json") && !content.ContainsKey("multipart/form-data");
        var multipart = !rawText && (content is not null && content.ContainsKey("multipart/form-data")
            || (method is "POST" or "PUT" && Regex.IsMatch(path, @"/(files|import|agreement|releases)$")));

        var isApi = path.StartsWith("/api/", StringComparison.Ordinal);
        AttackRequest Req(string url, string mutation) => new(key, method, url, mutation, isApi);
        JsonNode? baseBody = jsonSchema is null ? null : BaseValue(jsonSchema, "", 0);
        string BaseJson() => baseBody?.ToJsonString() ?? "{}";

        AttackRequest WithBase(AttackRequest r) =>
            jsonSchema is not null ? r with { Body = BodyKind.Json, Text = BaseJson(), ContentType = "application/json" }
            : multipart ? r with { Body = BodyKind.Multipart, Files = [new FilePart("file", "attack.pdf", "%PDF-1.4 attack"u8.ToArray(), "application/pdf")] }
            : rawText ? r with { Body = BodyKind.Raw, Text = "attack", ContentType = "text/plain" }
            : method is "POST" or "PUT" or "PATCH" ? r with { Body = BodyKind.Json, Text = "{}", ContentType = "application/json" }
            : r;

        var baseline = WithBase(Req(Url(), "baseline"));
        var list = new List<AttackRequest>();

        foreach (var p in routeParams)
        {
            var kind = p.Schema is null ? GuessKind(p.Name, world.RouteValue(path, p.Name)) : Classify(p.Schema).Kind;
            if (kind == ValueKind.String && GuidText().IsMatch(world.RouteValue(path, p.Name))) kind = ValueKind.Uuid;
            var foreign = world.ForeignRouteValue(path, p.Name);
            foreach (var v in RouteValues(kind, foreign))
                list.Add(WithBase(Req(Url(p.Name, v.Text), $"route.{p.Name}: {v.Name}")) with { ForeignRouteValue = v.Name == "other-municipality-id" ? v.Text : null });
        }
        foreach (var p in queryParams)
        {
            var (kind, _, enums) = Classify(p.Schema);
            var foreign = kind == ValueKind.Uuid ? world.ForeignId(p.Name) : null;
            foreach (var v in Mutations.Text(kind, foreign, RandomGuid))
                list.Add(WithBase(Req(Url(query: $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(v.Text)}"), $"query.{p.Name}: {v.Name}")));
            list.Add(WithBase(Req(Url(query: $"{p.Name}=1&{p.Name}=2&{p.Name}=x"), $"query.{p.Name}: repeated")));
            list.Add(WithBase(Req(Url(query: $"{p.Name}=%FF%FE"), $"query.{p.Name}: invalid-utf8")));
        }
        if (jsonSchema is not null)
        {
            const string Hole = "\"__attack_hole__\"";
            foreach (var (pointer, kind, itemJson, enums, propName) in Paths(jsonSchema, baseBody, "body", 0))
            {
                var body = baseBody!.DeepClone();
                if (!Set(ref body, pointer)) continue;
                var text = body!.ToJsonString();
                var foreign = kind is ValueKind.Uuid or ValueKind.String && (kind == ValueKind.Uuid || propName.EndsWith("Id", StringComparison.OrdinalIgnoreCase))
                    ? world.ForeignId(propName) : null;
                foreach (var v in Mutations.Json(kind, foreign, RandomGuid, itemJson, enums))
                    list.Add(Req(Url(), $"{string.Join('.', pointer.Select(s => s is int i ? $"[{i}]" : s.ToString()))}: {v.Name}") with
                    {
                        Body = BodyKind.Json, Text = text.Replace(Hole, v.Text), ContentType = "application/json",
                    });
                // Every property left out
                var without = baseBody.DeepClone();
                if (Remove(without, pointer))
                    list.Add(Req(Url(), $"{string.Join('.', pointer.Select(s => s is int i ? $"[{i}]" : s.ToString()))}: missing") with
                    { Body = BodyKind.Json, Text = without.ToJsonString(), ContentType = "application/json" });
            }
        }
        if (jsonSchema is not null || method is "POST" or "PUT" or "PATCH")
        {
            foreach (var (name, text, type) in WholeBodies(BaseJson()))
                list.Add(Req(Url(), $"body: {name}") with { Body = BodyKind.Raw, Text = text, ContentType = type });
        }
        if (multipart)
        {
            foreach (var (name, file) in BadFiles())
                list.Add(Req(Url(), $"file: {name}") with { Body = BodyKind.Multipart, Files = file is null ? [] : [file] });
            foreach (var (name, text) in BadMultiparts)
                list.Add(Req(Url(), $"multipart: {name}") with { Body = BodyKind.Raw, Text = text, ContentType = "multipart/form-data; boundary=b" });
        }
        if (rawText)
        {
            foreach (var v in Mutations.StringTexts)
                list.Add(Req(Url(), $"text-body: {v.Name}") with { Body = BodyKind.Raw, Text = v.Text, ContentType = "text/plain" });
        }
        return new AttackTarget(key, baseline, list);
    }

    /// <summary>
    /// Bad route values. A NUL in the path is left out: Kestrel answers it with 400 before the app, and the test
    /// server refuses to build such a request at all.
    /// </summary>
    private IEnumerable<BadValue> RouteValues(ValueKind kind, string? foreign) =>
    [
        .. Mutations.Text(kind, foreign, RandomGuid).Where(v => !v.Text.Contains('\0')),
        new("path-traversal", "../../etc/passwd"), new("unicode", "å\u202E"),
        .. kind == ValueKind.Integer ? Array.Empty<BadValue>() : [new BadValue("int-min", int.MinValue.ToString())],
    ];

    private static readonly string HugeBody = "{\"a\":\"" + new string('x', 2_000_000) + "\"}";
    private static readonly byte[] BigFile = new byte[12 * 1024 * 1024];

    private static IEnumerable<(string Name, string Text, string? Type)> WholeBodies(string baseJson) =>
    [
        ("empty", "", "application/json"),
        ("json-null", "null", "application/json"),
        ("json-array", "[]", "application/json"),
        ("json-string", "\"x\"", "application/json"),
        ("empty-object", "{}", "application/json"),
        ("malformed", "{\"a\":", "application/json"),
        ("nul-byte", "{\"a\":\"\0\"}\0", "application/json"),
        ("deep-nesting", new string('[', 5_000) + new string(']', 5_000), "application/json"),
        ("duplicate-properties", baseJson.Length > 2 ? baseJson[..^1] + "," + baseJson[1..] : baseJson, "application/json"),
        ("text-plain", baseJson, "text/plain"),
        ("no-content-type", baseJson, null),
        ("form-instead-of-json", "a=1&b=2", "application/x-www-form-urlencoded"),
        ("xml", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>", "application/xml"),
        ("huge-body", HugeBody, "application/json"),
        ("utf16-bom", "\uFEFF" + baseJson, "application/json; charset=utf-16"),
    ];

    /// <summary>Multipart bodies a hostile client writes by hand.</summary>
    private static readonly (string Name, string Text)[] BadMultiparts =
    [
        ("no-parts", "--b--\r\n"),
        ("section-without-headers", "--b\r\n\r\nx\r\n--b--\r\n"),
        ("unterminated", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF"),
    ];

    private static IEnumerable<(string Name, FilePart? File)> BadFiles() =>
    [
        ("missing", new FilePart("not-the-file", "annat.pdf", "%PDF-1.4"u8.ToArray())),
        ("empty", new FilePart("file", "tom.pdf", [])),
        ("garbage", new FilePart("file", "skräp.xlsx", Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 256)).ToArray())),
        ("truncated-zip", new FilePart("file", "trasig.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])),
        ("nul-in-name", new FilePart("file", "a\0b.pdf", "%PDF-1.4"u8.ToArray())),
        ("control-in-name", new FilePart("file", "a\u0001\u001b.pdf", "%PDF-1.4"u8.ToArray())),
        ("bidi-in-name", new FilePart("file", "fdp\u202E.exe", "%PDF-1.4"u8.ToArray())),
        ("traversal-name", new FilePart("file", "../../../etc/passwd", "%PDF-1.4"u8.ToArray())),
        ("huge-name", new FilePart("file", new string('n', 5_000) + ".pdf", "%PDF-1.4"u8.ToArray())),
        ("csv-nul", new FilePart("file", "a.csv", Encoding.UTF8.GetBytes("a;b\n\0;\u0001\n"), "text/csv")),
        ("big-file", new FilePart("file", "stor.pdf", BigFile)),
    ];

    /// <summary>The kind, the resolved schema and the enum values of a schema.</summary>
    private (ValueKind Kind, JsonObject? Schema, IReadOnlyList<string>? Enums) Classify(JsonNode? node, int depth = 0)
    {
        if (node is not JsonObject schema || depth > 8) return (ValueKind.Unknown, null, null);
        if (schema["$ref"] is JsonValue r && ((string)r!).Split('/')[^1] is var name && _components[name] is JsonObject target)
            return Classify(target, depth + 1);
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
            if (schema[combinator] is JsonArray options)
                foreach (var o in options)
                    if (Classify(o, depth + 1) is { Kind: not ValueKind.Unknown } c && !(o is JsonObject oo && Types(oo).SequenceEqual(["null"])))
                        return c;
        if (schema["enum"] is JsonArray e)
        {
            var values = e.Where(v => v is not null).Select(v => v!.ToString()).ToList();
            if (values.Count > 0) return (ValueKind.Enum, schema, values);
        }
        var types = Types(schema).Where(t => t != "null").ToList();
        var format = (string?)schema["format"];
        if (types.Contains("integer")) return (ValueKind.Integer, schema, null);
        if (types.Contains("number")) return (ValueKind.Number, schema, null);
        if (types.Contains("boolean")) return (ValueKind.Boolean, schema, null);
        if (types.Contains("array") || schema.ContainsKey("items")) return (ValueKind.Array, schema, null);
        if (types.Contains("object") || schema.ContainsKey("properties")) return (ValueKind.Object, schema, null);
        if (types.Contains("string"))
            return (format switch { "uuid" => ValueKind.Uuid, "date" => ValueKind.Date, "date-time" => ValueKind.DateTime, _ => ValueKind.String }, schema, null);
        return (ValueKind.Unknown, schema, null);
    }

    private static List<string> Types(JsonObject schema) => schema["type"] switch
    {
        JsonArray a => a.Select(t => (string)t!).ToList(),
        JsonValue v => [(string)v!],
        _ => [],
    };

    /// <summary>A plausible value for a schema: real ids of the caller's municipality where the name says which.</summary>
    private JsonNode? BaseValue(JsonNode schemaNode, string name, int depth)
    {
        var (kind, schema, enums) = Classify(schemaNode);
        var lower = name.ToLowerInvariant();
        switch (kind)
        {
            case ValueKind.Object:
                var obj = new JsonObject();
                if (depth > 4 || schema?["properties"] is not JsonObject props) return obj;
                foreach (var (p, s) in props) obj[p] = s is null ? null : BaseValue(s, p, depth + 1);
                return obj;
            case ValueKind.Array:
                if (depth > 4 || schema?["items"] is not { } items) return new JsonArray();
                return new JsonArray(BaseValue(items, Singular(name), depth + 1));
            case ValueKind.Enum: return JsonValue.Create(enums![0]);
            case ValueKind.Uuid: return JsonValue.Create(world.OwnId(name) ?? RandomGuid().ToString());
            case ValueKind.Date: return JsonValue.Create(lower.Contains("end") || lower.Contains("to") ? "2025-12-31" : "2025-03-01");
            case ValueKind.DateTime: return JsonValue.Create("2025-03-01T10:00:00Z");
            case ValueKind.Integer: return JsonValue.Create(lower.Contains("year") ? 2025 : lower.Contains("page") ? 1 : 1);
            case ValueKind.Number: return JsonValue.Create(lower.Contains("rate") ? 11.5m : 1000m);
            case ValueKind.Boolean: return JsonValue.Create(false);
            default:
                return JsonValue.Create(lower switch
                {
                    _ when lower.Contains("email") || lower.Contains("mailbox") => $"attack{rng.Next(1_000_000)}@example.org",
                    _ when lower.Contains("url") || lower.Contains("issuer") || lower.Contains("uri") => "https://example.org/attack",
                    _ when lower.Contains("alpha2") || lower.Contains("country") => "DE",
                    _ when lower.Contains("currency") => "SEK",
                    _ when lower.Contains("slug") => $"attack-{rng.Next(1_000_000)}",
                    _ when lower.Contains("sdg") => "4",
                    _ when lower.Contains("version") => "1",
                    _ => $"Attack {name}",
                });
        }
    }

    private static string Singular(string name) => name.EndsWith("ies") ? name[..^3] + "y" : name.EndsWith('s') ? name[..^1] : name;

    /// <summary>Every property (and array item) of the body down to depth 3, with its kind.</summary>
    private IEnumerable<(List<object> Pointer, ValueKind Kind, string? ItemJson, IReadOnlyList<string>? Enums, string Name)> Paths(
        JsonNode schemaNode, JsonNode? value, string name, int depth)
    {
        if (depth > 3) yield break;
        var (kind, schema, enums) = Classify(schemaNode);
        if (kind == ValueKind.Object && schema?["properties"] is JsonObject props && value is JsonObject obj)
        {
            foreach (var (p, s) in props)
            {
                if (s is null) continue;
                var (k, _, e) = Classify(s);
                var child = obj[p];
                yield return ([p], k, k == ValueKind.Array && child is JsonArray { Count: > 0 } a ? a[0]?.ToJsonString() ?? "null" : null, e, p);
                foreach (var nested in Paths(s, child, p, depth + 1))
                    yield return ([p, .. nested.Pointer], nested.Kind, nested.ItemJson, nested.Enums, nested.Name);
            }
        }
        else if (kind == ValueKind.Array && schema?["items"] is { } items && value is JsonArray { Count: > 0 } arr)
        {
            var (k, _, e) = Classify(items);
            yield return ([0], k, null, e, Singular(name));
            foreach (var nested in Paths(items, arr[0], Singular(name), depth + 1))
                yield return ([0, .. nested.Pointer], nested.Kind, nested.ItemJson, nested.Enums, nested.Name);
        }
    }

    private static bool Set(ref JsonNode? root, List<object> pointer)
    {
        var parent = Walk(root, pointer);
        switch (parent, pointer[^1])
        {
            case (JsonObject o, string p): o[p] = JsonValue.Create("__attack_hole__"); return true;
            case (JsonArray a, int i) when i < a.Count: a[i] = JsonValue.Create("__attack_hole__"); return true;
            default: return false;
        }
    }

    private static bool Remove(JsonNode? root, List<object> pointer) => (Walk(root, pointer), pointer[^1]) switch
    {
        (JsonObject o, string p) => o.Remove(p),
        (JsonArray a, int i) when i < a.Count => Do(() => a.RemoveAt(i)),
        _ => false,
    };

    private static bool Do(Action a) { a(); return true; }

    private static JsonNode? Walk(JsonNode? root, List<object> pointer)
    {
        var node = root;
        foreach (var step in pointer.Take(pointer.Count - 1))
            node = (node, step) switch
            {
                (JsonObject o, string p) => o[p],
                (JsonArray a, int i) when i < a.Count => a[i],
                _ => null,
            };
        return node;
    }

    private static ValueKind GuessKind(string name, string value) =>
        GuidText().IsMatch(value) ? ValueKind.Uuid : int.TryParse(value, out _) ? ValueKind.Integer : ValueKind.String;

    // ---------------------------------------------------------------- pages

    /// <summary>A page's address: its route values and the query fields of its GET forms (filters) attacked.</summary>
    public AttackTarget PageTarget(string route, IReadOnlyList<FormField> queryFields)
    {
        var key = "GET " + route;
        string Url(string? param = null, string? value = null) =>
            Parameter().Replace(route, m => Uri.EscapeDataString(m.Groups[1].Value == param ? value! : world.RouteValue(route, m.Groups[1].Value)));
        AttackRequest Req(string url, string mutation) => new(key, "GET", url, mutation, IsApi: false);
        var list = new List<AttackRequest>();
        foreach (Match m in Parameter().Matches(route))
        {
            var p = m.Groups[1].Value;
            var kind = GuessKind(p, world.RouteValue(route, p));
            foreach (var v in RouteValues(kind, world.ForeignRouteValue(route, p)))
                list.Add(Req(Url(p, v.Text), $"route.{p}: {v.Name}") with { ForeignRouteValue = v.Name == "other-municipality-id" ? v.Text : null });
        }
        var url = Url();
        foreach (var f in queryFields.DistinctBy(f => f.Name))
        {
            var foreign = f.Kind == ValueKind.Uuid ? world.ForeignId(f.Name) : null;
            foreach (var v in Mutations.Text(f.Kind, foreign, RandomGuid))
                list.Add(Req($"{url}{(url.Contains('?') ? '&' : '?')}{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(v.Text)}", $"query.{f.Name}: {v.Name}"));
            list.Add(Req($"{url}{(url.Contains('?') ? '&' : '?')}{f.Name}=1&{f.Name}=x", $"query.{f.Name}: repeated"));
        }
        list.Add(Req($"{url}{(url.Contains('?') ? '&' : '?')}handler=%00", "query.handler: nul"));
        return new AttackTarget(key, Req(url, "baseline"), list);
    }

    /// <summary>A form: every field with the bad values of its kind, then whole-form attacks (no token, no fields, too many).</summary>
    public AttackTarget FormTarget(PageForm form)
    {
        var key = $"POST {form.PageKey} form {FormName(form.Action)}";
        var files = form.FileFields.Select(f => new FilePart(f, "attack.pdf", "%PDF-1.4 attack"u8.ToArray(), "application/pdf")).ToList();
        AttackRequest Req(List<KeyValuePair<string, string>> fields, string mutation) =>
            new(key, "POST", form.Action, mutation, IsApi: false)
            {
                Body = form.Multipart ? BodyKind.Multipart : BodyKind.Form, Fields = fields, Files = form.Multipart ? files : [], PageForm = true,
            };
        var baseFields = form.Fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        var list = new List<AttackRequest>();
        for (var i = 0; i < form.Fields.Count; i++)
        {
            var field = form.Fields[i];
            var kind = field.Kind;
            if (kind is ValueKind.String or ValueKind.Enum && GuidText().IsMatch(field.Value)) kind = ValueKind.Uuid;
            var foreign = kind == ValueKind.Uuid || field.Options.Any(o => GuidText().IsMatch(o)) ? world.ForeignId(field.Name) : null;
            var values = Mutations.Text(kind, foreign, RandomGuid).ToList();
            if (field.Options.Count > 0) values.Add(new("option-unknown", "NotAnOption"));
            if (foreign is not null && values.All(v => v.Name != "other-municipality-id")) values.Add(new("other-municipality-id", foreign));
            var at = i;
            foreach (var v in values)
            {
                var fields = baseFields.ToList();
                fields[at] = new(field.Name, v.Text);
                list.Add(Req(fields, $"field {field.Name}: {v.Name}"));
            }
            list.Add(Req(baseFields.Where((_, j) => j != at).ToList(), $"field {field.Name}: missing"));
        }
        list.Add(Req(baseFields, "form: without antiforgery token") with { WithoutToken = true });
        list.Add(Req([], "form: no fields"));
        list.Add(Req([.. baseFields, .. baseFields.Select(f => new KeyValuePair<string, string>(f.Key, "x"))], "form: every field twice"));
        list.Add(Req([.. baseFields, .. Enumerable.Range(0, 1_100).Select(i => new KeyValuePair<string, string>($"f{i}", "x"))], "form: too many fields"));
        list.Add(Req([.. baseFields, new("Input", "x"), new("Input.Goals[2147483647]", "x"), new("Input.Goals[-1].Code", "x")], "form: index attack"));
        if (form.Multipart)
            foreach (var (name, file) in BadFiles())
                list.Add(Req(baseFields, $"file: {name}") with { Files = file is null ? [] : [file with { Field = form.FileFields.FirstOrDefault() ?? "file" }] });
        list.Add(new AttackRequest(key, "POST", form.Action, "body: json to a page", IsApi: false) { Body = BodyKind.Raw, Text = "{\"a\":1}", ContentType = "application/json" });
        return new AttackTarget(key, Req(baseFields, "baseline"), list);
    }

    private static string FormName(string action)
    {
        var handler = Regex.Match(action, @"[?&]handler=([^&]+)");
        return handler.Success ? handler.Groups[1].Value : "default";
    }
}
