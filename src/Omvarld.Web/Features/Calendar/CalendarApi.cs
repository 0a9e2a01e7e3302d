using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Calendar;

/// <summary>
/// <c>/api/v1/me/calendar</c>: the signed-in user's calendar feed (status, create, revoke); <c>/kalender/{token}.ics</c>:
/// the feed itself, anonymous (the token is the key), 404 alike for an unknown or revoked token or a deactivated user.
/// </summary>
public static class CalendarApi
{
    public static RouteGroupBuilder MapCalendarApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/me/calendar").WithTags("Calendar");
        g.MapGet("/", async (CurrentUser me, CalendarService s, CancellationToken ct) => TypedResults.Ok(await s.StatusAsync(me.Id!.Value, ct)))
            .WithName("GetMyCalendar").WithSummary("Whether the caller has a calendar feed in use, and since when (its address is shown only when created).");
        g.MapPost("/", async Task<Results<Created<CreatedCalendarFeedDto>, ValidationProblem>> (HttpContext http, CurrentUser me, CalendarService s,
                IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var (feed, result) = await s.CreateAsync(me.Id!.Value, me.MunicipalityId, RequestBase(http), ct);
                return feed is null ? Problems.From(result, l) : TypedResults.Created("/api/v1/me/calendar", feed);
            })
            .WithName("CreateMyCalendar").WithSummary("A new calendar feed address (RFC 5545) of the caller's deadlines; revokes the one in use. The address is shown once.");
        g.MapDelete("/", async Task<Results<NoContent, ProblemHttpResult>> (CurrentUser me, CalendarService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await s.RevokeAsync(me.Id!.Value, ct) ? TypedResults.NoContent() : Problems.NotFound(l))
            .WithName("RevokeMyCalendar").WithSummary("Revokes the caller's calendar feed: its address answers 404 from now on.");
        return api;
    }

    public static WebApplication MapCalendarFeed(this WebApplication app)
    {
        app.MapGet("/kalender/{token}.ics", async Task<IResult> (string token, HttpContext http, CalendarService s, CancellationToken ct) =>
            {
                var text = await s.FeedAsync(token, RequestBase(http), ct);
                if (text is null) return TypedResults.NotFound();
                http.Response.Headers.CacheControl = "private, no-store";
                http.Response.Headers["X-Robots-Tag"] = "noindex";
                return TypedResults.Text(text, ICalendar.ContentType);
            })
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static string RequestBase(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}
