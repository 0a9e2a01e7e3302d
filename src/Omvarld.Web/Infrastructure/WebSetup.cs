using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Omvarld.Web.Infrastructure;

public static class WebSetup
{
    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static WebApplicationBuilder AddOmvarldWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Swedish);
            o.SupportedCultures = [Swedish];
            o.SupportedUICultures = [Swedish];
            o.RequestCultureProviders.Clear();
        });
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                // Every folder names its policy; pages add stricter ones with [Authorize]. Anything not named falls back to "signed in".
                // Issue 16.8: the start page is also the front door; an anonymous visitor gets the way to the open pages and to sign in.
                o.Conventions.AllowAnonymousToPage("/Index");
                o.Conventions.AuthorizeFolder("/Units", AuthorizationPolicies.Member);
                o.Conventions.AuthorizeFolder("/Policies", AuthorizationPolicies.Member);
                o.Conventions.AuthorizeFolder("/Activities", AuthorizationPolicies.Member);
                o.Conventions.AuthorizeFolder("/Partners", AuthorizationPolicies.Member);
                o.Conventions.AuthorizeFolder("/Precondition", AuthorizationPolicies.Member);
                o.Conventions.AuthorizeFolder("/Compilations", AuthorizationPolicies.Member);
                o.Conventions.AuthorizeFolder("/ActionPlans", AuthorizationPolicies.Member);
                o.Conventions.AuthorizeFolder("/FollowUp", AuthorizationPolicies.Member);
                o.Conventions.AuthorizeFolder("/Priorities", AuthorizationPolicies.Member);
                o.Conventions.AuthorizeFolder("/ContactPersons", AuthorizationPolicies.Member);
                o.Conventions.AuthorizeFolder("/Networks", AuthorizationPolicies.Member);
                o.Conventions.AuthorizeFolder("/Openness", AuthorizationPolicies.Member);
                // R20: the municipalities' open pages are for everyone, signed in or not.
                o.Conventions.AllowAnonymousToFolder("/Openness/Public");
                o.Conventions.AuthorizeFolder("/Audit", AuthorizationPolicies.AuditLog);
                o.Conventions.AuthorizeFolder("/Iati", AuthorizationPolicies.CoordinatorOrKs);
                o.Conventions.AuthorizeFolder("/DecisionQueue", AuthorizationPolicies.CoordinatorOrKs);
                o.Conventions.AuthorizeFolder("/Admin", AuthorizationPolicies.UserAdmin);
                o.Conventions.AuthorizeFolder("/Account", AuthorizationPolicies.SignedIn);
                o.Conventions.AddPageRoute("/Admin/Municipalities/Edit", "/admin/kommuner/ny");
                o.Conventions.AddPageRoute("/Networks/Memberships/Edit", "/medlemskap/ny");
                o.Conventions.AddPageRoute("/Networks/TwinTowns/Edit", "/vanorter/ny");
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AllowAnonymousToPage("/Account/LoginWith2fa");
                o.Conventions.AllowAnonymousToPage("/Account/External");
                o.Conventions.AllowAnonymousToPage("/Account/ExternalCallback");
                o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                o.Conventions.AllowAnonymousToPage("/Public/Accessibility");
                o.Conventions.AllowAnonymousToPage("/Public/Error");
            })
            .AddMvcOptions(o => o.Filters.Add<InputGuardPageFilter>())
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>, SwedishModelBindingMessages>();
        // Swedish letters as they are in the HTML, not as numeric entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddExceptionHandler<ClientErrorExceptionHandler>();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Omvärld API";
            doc.Info.Description = "Omvärld: kommunernas internationella arbete. Autentisering med personlig API-nyckel (Bearer).";
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>Security headers on every response: a strict Content Security Policy (ASVS 14.4.3) and friends.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        ctx.Response.OnStarting(() =>
        {
            var h = ctx.Response.Headers;
            h["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            h["X-Content-Type-Options"] = "nosniff";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["X-Frame-Options"] = "DENY";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        await next();
    });
}

/// <summary>Model binding's own messages ("the value is invalid") in Swedish.</summary>
internal sealed class SwedishModelBindingMessages(IStringLocalizer<SharedResource> l) : Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>
{
    public void Configure(Microsoft.AspNetCore.Mvc.MvcOptions o)
    {
        var m = o.ModelBindingMessageProvider;
        m.SetValueIsInvalidAccessor(v => l["Binding_ValueIsInvalid", v]);
        m.SetValueMustBeANumberAccessor(f => l["Binding_ValueMustBeANumber", f]);
        m.SetMissingBindRequiredValueAccessor(f => l["Binding_Missing", f]);
        m.SetAttemptedValueIsInvalidAccessor((v, f) => l["Binding_AttemptedValueIsInvalid", v, f]);
        m.SetMissingKeyOrValueAccessor(() => l["Binding_MissingKeyOrValue"]);
        m.SetUnknownValueIsInvalidAccessor(f => l["Binding_UnknownValueIsInvalid", f]);
        m.SetValueMustNotBeNullAccessor(v => l["Binding_ValueMustNotBeNull", v]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => l["Binding_NonPropertyAttemptedValueIsInvalid", v]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Binding_NonPropertyUnknownValueIsInvalid"]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => l["Binding_NonPropertyValueMustBeANumber"]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => l["Binding_MissingRequestBody"]);
    }
}
