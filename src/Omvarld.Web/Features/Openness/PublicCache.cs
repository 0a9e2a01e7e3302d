namespace Omvarld.Web.Features.Openness;

/// <summary>
/// The open answers are the same for everyone, so shared caches may keep them five minutes; a client that sends the
/// ETag it has gets 304 while nothing of the municipality has changed (the stamp) and the address is the same.
/// </summary>
public static class PublicCache
{
    public const string CacheControl = "public, max-age=300";

    /// <summary>Sets ETag and Cache-Control; true when the client's If-None-Match already names this ETag (answer 304).</summary>
    public static bool NotModified(HttpContext context, string stamp)
    {
        var etag = PublicQueries.ETag(stamp, context.Request.Path + context.Request.QueryString);
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = CacheControl;
        foreach (var header in context.Request.Headers.IfNoneMatch)
            foreach (var tag in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                if (tag == "*" || tag == etag || tag == "W/" + etag) return true;
        return false;
    }

    /// <summary>The base address of links in the open data: the scheme and host the request came in on.</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
