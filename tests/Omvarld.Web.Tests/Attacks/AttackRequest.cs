using System.Net.Http.Headers;
using System.Text;

namespace Omvarld.Web.Tests.Attacks;

public enum BodyKind { None, Json, Raw, Form, Multipart }

/// <summary>One file part of a multipart body.</summary>
public sealed record FilePart(string Field, string FileName, byte[] Content, string ContentType = "application/octet-stream");

/// <summary>
/// One generated request: which caller sends it, to what, with which body, and what it attacks ("body.title: nul").
/// Page forms carry their fields; the caller's antiforgery token is added when sent, unless <see cref="WithoutToken"/>.
/// </summary>
public sealed record AttackRequest(string Target, string Method, string Url, string Mutation, bool IsApi)
{
    public int Caller { get; init; }
    public BodyKind Body { get; init; }
    public string? Text { get; init; }
    public string? ContentType { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; } = [];
    public IReadOnlyList<FilePart> Files { get; init; } = [];
    public bool PageForm { get; init; }
    public bool WithoutToken { get; init; }
    /// <summary>The other municipality's id (or slug) this request's route carries: a member's answer must not tell it from an id that exists nowhere.</summary>
    public string? ForeignRouteValue { get; init; }

    public bool IsWrite => Method is not ("GET" or "HEAD");

    /// <summary>"body.title: huge-string" without the caller: the key failures are deduplicated by.</summary>
    public string Kind => $"{Target} [{Mutation}]";

    public HttpRequestMessage ToMessage(string? antiforgeryToken)
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        switch (Body)
        {
            case BodyKind.Json:
            case BodyKind.Raw:
                message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Text ?? ""));
                if (ContentType is not null) message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
                break;
            case BodyKind.Form:
                var form = new StringBuilder();
                foreach (var (k, v) in AllFields(antiforgeryToken))
                    form.Append(form.Length == 0 ? "" : "&").Append(Uri.EscapeDataString(k)).Append('=').Append(Uri.EscapeDataString(v));
                message.Content = new StringContent(form.ToString(), Encoding.UTF8);
                message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
                break;
            case BodyKind.Multipart:
                var multipart = new MultipartFormDataContent();
                foreach (var (k, v) in AllFields(antiforgeryToken)) multipart.Add(new StringContent(v, Encoding.UTF8), k);
                foreach (var f in Files)
                {
                    var part = new ByteArrayContent(f.Content);
                    part.Headers.ContentType = MediaTypeHeaderValue.Parse(f.ContentType);
                    // RFC 5987's filename* carries any character (NUL, control, bidi) to the server, as a hostile client would.
                    part.Headers.TryAddWithoutValidation("Content-Disposition",
                        $"form-data; name=\"{f.Field}\"; filename*=UTF-8''{Uri.EscapeDataString(f.FileName)}");
                    multipart.Add(part);
                }
                message.Content = multipart;
                break;
        }
        return message;
    }

    private IEnumerable<KeyValuePair<string, string>> AllFields(string? token)
    {
        foreach (var f in Fields) yield return f;
        if (PageForm && !WithoutToken && token is not null) yield return new("__RequestVerificationToken", token);
    }

    /// <summary>The request as it can be read and replayed: method, address, body (control characters escaped, long bodies cut).</summary>
    public string Describe(string caller)
    {
        var sb = new StringBuilder();
        sb.Append($"{caller}: {Method} {Shorten(Url, 300)}  — {Mutation}");
        switch (Body)
        {
            case BodyKind.Json or BodyKind.Raw:
                sb.Append($"\n      {ContentType ?? "(no content type)"}: {Shorten(Text ?? "", 400)}");
                break;
            case BodyKind.Form or BodyKind.Multipart:
                sb.Append($"\n      {(Body == BodyKind.Form ? "form" : "multipart")}{(PageForm && !WithoutToken ? " (+ antiforgery token)" : "")}: ")
                  .Append(Shorten(string.Join("&", Fields.Select(f => $"{f.Key}={f.Value}")), 400));
                foreach (var f in Files) sb.Append($"\n      file {f.Field}: \"{Shorten(f.FileName, 80)}\" {f.Content.Length} bytes");
                break;
        }
        return sb.ToString();
    }

    /// <summary>Escapes control, format and surrogate characters, and cuts after <paramref name="max"/> characters.</summary>
    public static string Shorten(string s, int max)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Length > max ? s[..max] : s)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
                sb.Append($"\\u{(int)c:x4}");
            else sb.Append(c);
        }
        if (s.Length > max) sb.Append($"… ({s.Length} chars)");
        return sb.ToString();
    }
}
