using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Omvarld.Web.Features.Shared;
using BadHttpRequestException = Microsoft.AspNetCore.Http.BadHttpRequestException;

namespace Omvarld.Web.Infrastructure;

/// <summary>
/// The boundary every request crosses after routing (issue 14): a body over the route's limit is a 413 before anything
/// reads it (the server's own limit is not enforced by every host, and Kestrel's "Request body too large" would otherwise
/// surface as a 500 wherever a form is read); a control character in the query string, the route or a URL-encoded form
/// is a 400; and what the server refuses while a feature reads the body (<see cref="BadHttpRequestException"/>) answers
/// its own status. The API gets ProblemDetails; the pages the Swedish error page with the reason.
/// </summary>
public sealed partial class RequestGuard(RequestDelegate next, ILogger<RequestGuard> log, IOptions<KestrelServerOptions> kestrel)
{
    /// <summary>The Swedish reason the error page shows for a refused request.</summary>
    public const string MessageItem = "Omvarld.RequestGuard.Message";

    public async Task InvokeAsync(HttpContext context)
    {
        // The error page, re-executed for a request refused here or further in: that request's input was judged already.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next(context);
            return;
        }
        var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var request = context.Request;
        if (BodyLimit(context) is { } limit && request.ContentLength > limit)
        {
            await TooLargeAsync(context, limit, l);
            return;
        }
        if (FirstRefused(request.Query.Select(q => (q.Key, (IEnumerable<string?>)q.Value))
                .Concat(request.RouteValues.Select(r => (r.Key, (IEnumerable<string?>)[r.Value as string])))) is { } field)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, field, l["Input_ControlCharacter"], l);
            return;
        }
        try
        {
            // A URL-encoded form is small and read whole anyway (binding, antiforgery); a multipart form's text fields are
            // checked where they are bound (InputGuardPageFilter), its files by the file rules.
            if (request.HasFormContentType && !request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
            {
                IFormCollection form;
                request.EnableBuffering();
                try { form = await request.ReadFormAsync(context.RequestAborted); }
                catch (InvalidDataException e)
                {
                    // The form reader itself refuses some encoded control characters (%00): say so rather than "unreadable".
                    var control = await RawFormHasControlCharacterAsync(request);
                    log.LogInformation("Refused {Method} {Path}: unreadable form ({Reason})", request.Method, request.Path, e.Message);
                    await RefuseAsync(context, StatusCodes.Status400BadRequest, "", l[control ? "Input_ControlCharacter" : "Input_BadRequest"], l);
                    return;
                }
                if (FirstRefused(form.Select(f => (f.Key, (IEnumerable<string?>)f.Value))) is { } formField)
                {
                    await RefuseAsync(context, StatusCodes.Status400BadRequest, formField, l["Input_ControlCharacter"], l);
                    return;
                }
            }
            else if (request.HasFormContentType)
            {
                // A multipart form is read here once (the form feature keeps it for the endpoint), so that a malformed or
                // cut-off body, or one with too many fields, is refused before any page or endpoint reads it.
                try { await request.ReadFormAsync(context.RequestAborted); }
                catch (Exception e) when (e is InvalidDataException or IOException)
                {
                    log.LogInformation("Refused {Method} {Path}: unreadable form ({Reason})", request.Method, request.Path, e.Message);
                    await RefuseAsync(context, StatusCodes.Status400BadRequest, "", l["Input_BadRequest"], l);
                    return;
                }
            }
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && request.HasFormContentType && e is InvalidDataException or IOException
                                  && (e.StackTrace ?? "").Contains("Microsoft.AspNetCore.WebUtilities.", StringComparison.Ordinal)
                                     | (e.StackTrace ?? "").Contains("Microsoft.AspNetCore.Http.Features.FormFeature", StringComparison.Ordinal))
        {
            // A malformed multipart body (a section without headers, cut off) or too many fields, found by ASP.NET's own
            // form reader where a feature reads the form: the client's fault, not a bug of ours.
            log.LogInformation("Refused {Method} {Path}: unreadable form ({Reason})", request.Method, request.Path, e.Message);
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "", l["Input_BadRequest"], l);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            // The server's refusal of the request (body too large, malformed, cut off): the client's fault, not a bug.
            log.LogInformation("Refused {Method} {Path}: {Status} {Reason}", request.Method, request.Path, e.StatusCode, e.Message);
            if (e.StatusCode == StatusCodes.Status413PayloadTooLarge) await TooLargeAsync(context, BodyLimit(context) ?? 0, l);
            else await RefuseAsync(context, e.StatusCode is >= 400 and < 500 ? e.StatusCode : StatusCodes.Status400BadRequest, "", l["Input_BadRequest"], l);
        }
    }

    /// <summary>The route's own limit (<c>[RequestSizeLimit]</c>), else the server's for this request, else Kestrel's configured one.</summary>
    private long? BodyLimit(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } metadata
            ? metadata.MaxRequestBodySize
            : context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { } feature ? feature.MaxRequestBodySize : kestrel.Value.Limits.MaxRequestBodySize;

    private static async Task<bool> RawFormHasControlCharacterAsync(HttpRequest request)
    {
        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, System.Text.Encoding.Latin1, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var buffer = new char[1024 * 1024];
        var raw = new string(buffer, 0, await reader.ReadBlockAsync(buffer));
        return EncodedControlCharacter().IsMatch(raw) || raw.Any(c => c < ' ' && c is not ('\t' or '\r' or '\n'));
    }

    [System.Text.RegularExpressions.GeneratedRegex("%(0[0-8BbCcEeFf]|1[0-9A-Fa-f]|7[Ff])")]
    private static partial System.Text.RegularExpressions.Regex EncodedControlCharacter();

    private static string? FirstRefused(IEnumerable<(string Key, IEnumerable<string?> Values)> pairs)
    {
        foreach (var (key, values) in pairs)
            if (InputRules.HasRefusedCharacter(key) || values.Any(v => v is not null && InputRules.HasRefusedCharacter(v)))
                return InputRules.HasRefusedCharacter(key) ? "" : key;
        return null;
    }

    private Task TooLargeAsync(HttpContext context, long limit, IStringLocalizer l)
    {
        log.LogInformation("Refused {Method} {Path}: body of {Length} bytes over the limit of {Limit}", context.Request.Method, context.Request.Path,
            context.Request.ContentLength, limit);
        var message = l["Input_TooLarge", Format.Bytes(limit)];
        Refuse(context, StatusCodes.Status413PayloadTooLarge, message);
        if (!Problems.IsApi(context)) return Task.CompletedTask;
        return WriteProblemAsync(context, new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge, Title = l["Input_TooLargeTitle"], Detail = message });
    }

    private static Task RefuseAsync(HttpContext context, int status, string field, string message, IStringLocalizer l)
    {
        Refuse(context, status, message);
        if (!Problems.IsApi(context)) return Task.CompletedTask;
        return WriteProblemAsync(context, new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = status, Title = l["Problem_ValidationTitle"],
        });
    }

    private static Task WriteProblemAsync(HttpContext context, ProblemDetails problem) =>
        context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).AsTask();

    /// <summary>
    /// Answers <paramref name="status"/> with no body, so that the status-code pages show the Swedish error page with
    /// <paramref name="message"/>. The form is set aside: the error page must not read the refused body again.
    /// </summary>
    public static void Refuse(HttpContext context, int status, string message)
    {
        context.Items[MessageItem] = message;
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        context.Response.Clear();
        context.Response.StatusCode = status;
    }
}

/// <summary>
/// The safety net behind every feature's own handling: a request the server refused mid-way, or a save that lost a race
/// (a stale row version, a unique key another request took first), is the client's 4xx in the API. Anything else stays
/// a 500 and is logged by the error page.
/// </summary>
public sealed class ClientErrorExceptionHandler(ILogger<ClientErrorExceptionHandler> log, IStringLocalizer<SharedResource> l) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!Problems.IsApi(context)) return false;
        (int Status, string Title, string Detail) answer = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, l["Input_TooLargeTitle"].Value, l["Input_BadRequest"].Value),
            BadHttpRequestException b => (b.StatusCode is >= 400 and < 500 ? b.StatusCode : 400, l["Problem_ValidationTitle"].Value, l["Input_BadRequest"].Value),
            DbUpdateConcurrencyException => (409, l["Problem_Conflict"].Value, l["Input_Conflict"].Value),
            DbUpdateException u when u.IsUniqueViolation() => (409, l["Problem_Conflict"].Value, l["Input_Conflict"].Value),
            _ => (0, "", ""),
        };
        var (status, title, detail) = answer;
        if (status == 0) return false;
        log.LogWarning(exception, "{Method} {Path} answered {Status} by the safety net", context.Request.Method, context.Request.Path, status);
        context.Response.StatusCode = status;
        return await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context, Exception = exception, ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}

public static class RequestGuardSetup
{
    public static IApplicationBuilder UseRequestGuard(this IApplicationBuilder app) => app.UseMiddleware<RequestGuard>();
}
