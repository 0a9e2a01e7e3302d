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
            return true;
        }
        catch (OptionsValidationException e)
        {
            Console.Error.WriteLine("Omvärld cannot start: the configuration is not valid.");
            foreach (var failure in e.Failures) Console.Error.WriteLine("  - " + failure);
            return false;
        }
    }

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
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorization (an anonymous caller is sent to sign in first), before anything reads the body.
        app.UseRequestGuard();
        app.UseAntiforgery();
        return app;
    }
}
