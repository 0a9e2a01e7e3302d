using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Public;

/// <summary>
/// The Swedish error pages (re-executed for 4xx/5xx). For the API the same path answers with ProblemDetails.
/// Never shows a stack trace; an unhandled error is logged with its trace id, which the page shows.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<SharedResource> l, ILogger<ErrorModel> log) : PageModel
{
    public int Code { get; private set; }
    public string TraceId { get; private set; } = "";
    /// <summary>Where "back" leads: the open pages for a visitor who came from them (they need no sign-in), else the start page.</summary>
    public string BackTo { get; private set; } = "/";
    /// <summary>Why the request was refused, when the boundary said (issue 14: a file too large, a control character, a year out of range).</summary>
    public string? Reason { get; private set; }

    public IActionResult OnGet(int code) => Handle(code);
    public IActionResult OnPost(int code) => Handle(code);
    public IActionResult OnPut(int code) => Handle(code);
    public IActionResult OnDelete(int code) => Handle(code);

    private IActionResult Handle(int code)
    {
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        // The database out of reach is no error of the app: 503 with Retry-After, as /health says.
        if (DatabaseUnavailable.Is(error)) code = StatusCodes.Status503ServiceUnavailable;
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null || error is not null;
        // A code with no page of its own is a 500 when the app failed with it, and no page at all when asked for directly.
        Code = code is 400 or 401 or 403 or 404 or 405 or 409 or 413 or 415 or 429 or 500 or 503 ? code : reExecuted ? 500 : 404;
        TraceId = HttpContext.TraceIdentifier;
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? "";
        // An expensive request that ran out of its time (issue 17): the database is there; the page repeats Retry-After.
        var timedOutWait = Code == 503 ? HttpContext.Items[RateLimits.TimedOutItem] as int? : null;
        if (timedOutWait is { } later)
            Response.Headers.RetryAfter = later.ToString(System.Globalization.CultureInfo.InvariantCulture);
        else if (Code == 503)
        {
            DatabaseUnavailable.Mark(HttpContext);
            Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (error is not null) log.LogWarning("Database unavailable on {Path}, trace {TraceId}: {Error}", original, TraceId, error.Message);
        }
        else if (Code == 429 && HttpContext.Items[RateLimits.RetryAfterItem] is int wait)
        {
            // Refused by the rate limiter (issue 17): the page repeats how long to wait.
            Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
            HttpContext.Items[Omvarld.Web.Infrastructure.RequestGuard.MessageItem] = l["RateLimit_Detail", wait].Value;
        }
        else if (error is not null)
            log.LogError(error, "Unhandled error on {Path}, trace {TraceId}", original, TraceId);
        Response.StatusCode = Code;
        var key = timedOutWait is not null ? "Timeout" : Code is 403 or 404 or 429 or 500 or 503 ? Code.ToString() : "Other";
        if (original.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
            return new ObjectResult(new ProblemDetails { Status = Code, Title = l[$"Error_{key}_Title"], Detail = l[$"Error_{key}_Text"], Extensions = { ["traceId"] = TraceId } })
            { StatusCode = Code, ContentTypes = { "application/problem+json" } };
        if (original.StartsWith("/oppet", StringComparison.OrdinalIgnoreCase)) BackTo = "/oppet";
        ViewData["Title"] = l[$"Error_{key}_Title"].Value;
        ViewData["Key"] = key;
        Reason = HttpContext.Items[Omvarld.Web.Infrastructure.RequestGuard.MessageItem] as string;
        return Page();
    }
}
