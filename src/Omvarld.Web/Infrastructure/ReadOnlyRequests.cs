namespace Omvarld.Web.Infrastructure;

/// <summary>
/// The requests that may be served from <c>ConnectionStrings:OmvarldReadOnly</c> when it is set (PostgreSQL only): GET
/// and HEAD of the open pages (<c>/oppet</c>) and the open data (<c>/api/v1/public</c>) without an API token. They read
/// published activities and write nothing (an API token's last use is recorded, so a request with one stays on the
/// primary). Everything else, and every request when the setting is empty, uses <c>ConnectionStrings:Omvarld</c>.
/// </summary>
public static class ReadOnlyRequests
{
    public const string ConnectionName = "OmvarldReadOnly";

    public static bool Applies(HttpContext? context) =>
        context is { Request: var r }
        && (HttpMethods.IsGet(r.Method) || HttpMethods.IsHead(r.Method))
        && (r.Path.StartsWithSegments("/oppet") || r.Path.StartsWithSegments("/api/v1/public"))
        && !r.Headers.ContainsKey("Authorization");
}
