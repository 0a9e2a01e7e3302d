using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Omvarld.Web.Infrastructure;

public static class Pipeline
{
    public static WebApplicationBuilder AddOmvarldLogging(this WebApplicationBuilder builder)
    {
        // Structured logs: set Logging:Console:FormatterName=json in production. They carry user ids,
        // never names, passwords or tokens (ASVS 7.1.1–7.1.2).
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        return builder;
    }

    /// <summary>Checks the configuration before anything else runs; prints what is wrong and what to set.</summary>
    public static bool ValidateConfiguration(this WebApplication app)
    {
        try
        {
            _ = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            _ = app.Services.GetRequiredService<IOptions<Omvarld.Web.Features.Reminders.SmtpOptions>>().Value;
            _ = app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
            return true;
        }
        catch (OptionsValidationException e)
        {
            Console.Error.WriteLine("Omvärld cannot start: the configuration is not valid.");
            foreach (var failure in e.Failures) Console.Error.WriteLine("  - " + failure);
            return false;
        }
    }

    /// <summary>
    /// The API never sends anyone to the HTML sign-in page: an address under /api/ that no endpoint serves (an unknown
    /// route, an id that is no id) is 404 and a method it does not allow 405, both as ProblemDetails (the error page's
    /// re-execution answers /api/ so), before authentication is asked for, whoever calls.
    /// </summary>
    private static void UseApiNotFound(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (!Problems.IsApi(context) || context.GetEndpoint() is RouteEndpoint)
        {
            await next(context);
            return;
        }
        // Routing's own 405 endpoint (the route exists, the method does not) is no RouteEndpoint: let it answer.
        if (context.GetEndpoint()?.RequestDelegate is { } methodNotAllowed) await methodNotAllowed(context);
        else context.Response.StatusCode = StatusCodes.Status404NotFound;
    });

    public static WebApplication UseOmvarldPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        app.UseExceptionHandler("/fel/500");
        app.UseStatusCodePagesWithReExecute("/fel/{0}");
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseSecurityHeaders();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseApiNotFound();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorization, which authenticates an API token (not the default scheme) for its policy: a signed-in
        // client is counted by its user, not its address. Before anything reads the body or runs the endpoint.
        app.UseRateLimiter();
        // After the rate limiter: an expensive request's time runs once it has its place, not while it waits for one.
        app.UseRequestTimeouts();
        // After authorization (an anonymous caller is sent to sign in first), before anything reads the body.
        app.UseRequestGuard();
        app.UseAntiforgery();
        return app;
    }
}
