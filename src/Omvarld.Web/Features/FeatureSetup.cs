using System.Text.Json.Serialization;
using Omvarld.Web.Features.Account;
using Omvarld.Web.Features.Activities.Import;
using Omvarld.Web.Features.Admin.Municipalities;
using Omvarld.Web.Features.Admin.SignIn;
using Omvarld.Web.Features.Admin.Users;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Features.Countries;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Omvarld.Web.Features.Shared;
using Omvarld.Web.Features.Units;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Features.Files;
using Omvarld.Web.Features.FollowUp;
using Omvarld.Web.Features.ActionPlans;
using Omvarld.Web.Features.Activities;
using Omvarld.Web.Features.Activities.Results;
using Omvarld.Web.Features.Priorities;
using Omvarld.Web.Features.Networks;
using Omvarld.Web.Features.Partners;
using Omvarld.Web.Features.Precondition;
using Omvarld.Web.Features.Reminders;
using Omvarld.Web.Features.Compilations;
using Omvarld.Web.Features.ContactPersons;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Features.Iati;
using Omvarld.Web.Features.Calendar;
using Omvarld.Web.Features.DecisionQueue;
using Omvarld.Web.Features.Openness;
using Omvarld.Web.Data.Demo;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features;

/// <summary>The features: their services, pages and API groups.</summary>
public static class FeatureSetup
{
    public static WebApplicationBuilder AddOmvarldFeatures(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        s.AddScoped<Shell>();
        s.AddScoped<DemoSeeder>();
        s.AddScoped<AuditQueries>();
        s.AddScoped<UnitService>();
        s.AddScoped<ApiTokenService>();
        s.AddScoped<MunicipalityService>();
        s.AddScoped<UserAdminService>();
        s.AddScoped<PolicyService>();
        s.AddScoped<FileService>();
        s.AddScoped<ActivityService>();
        s.AddScoped<ActivityQueries>();
        s.AddScoped<ResultsDueService>();
        s.AddScoped<ResultsRule>();
        s.AddScoped<Omvarld.Web.Features.DecisionQueue.DecisionQueueService>();
        s.AddOmvarldReminders(builder.Configuration);
        s.AddScoped<ActivityFormOptions>();
        s.AddScoped<PartnerService>();
        s.AddScoped<ActivityImportService>();
        s.AddScoped<CountryDataService>();
        s.AddScoped<PreconditionService>();
        s.AddScoped<ActionPlanService>();
        s.AddScoped<FollowUpService>();
        s.AddScoped<FollowUpReminderService>();
        s.AddScoped<PriorityService>();
        s.AddScoped<ICountryDataImported, ReassessOnImport>();
        s.AddScoped<CompilationQueries>();
        s.AddScoped<CompilationStore>();
        s.AddSingleton<CompilationFlights>();
        s.AddSingleton<CompilationMemo>();
        s.AddSingleton<CompilationStats>();
        s.AddScoped<CompilationFiles>();
        s.AddSingleton<CompilationRenders>();
        s.AddSingleton<ListTotals>();
        s.AddSingleton<KeptAnswers>();
        // Printed in their chapter's place in this order: the findings that still stand before what remains owed.
        s.AddScoped<ICompilationPart, CompilationFindings>();
        s.AddScoped<ICompilationPart, CompilationOwed>();
        s.AddScoped<ICompilationPart, CompilationFollowUp>();
        s.AddScoped<ContactPersonService>();
        s.AddScoped<MembershipService>();
        s.AddScoped<TwinTownService>();
        s.AddSingleton<ReferenceData>();
        s.AddSingleton<IatiSchemas>();
        s.AddScoped<IatiService>();
        s.AddScoped<CalendarService>();
        s.AddScoped<PublicationService>();
        s.AddScoped<PublicQueries>();
        s.AddMemoryCache();
        s.AddSingleton<Omvarld.Web.Features.Account.Oidc.OidcProtocol>();
        s.AddScoped<Omvarld.Web.Features.Account.Oidc.OidcSignInService>();
        s.AddScoped<Omvarld.Web.Features.Admin.SignIn.OidcSettingsService>();
        return builder;
    }

    public static WebApplication MapOmvarldFeatures(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();

        var api = app.MapGroup("/api/v1").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.SignedIn).DisableAntiforgery()
            .AddEndpointFilterFactory(InputGuardEndpointFilter.Create).AddEndpointFilterFactory(QueryParameterGuard.Create)
            .AddEndpointFilterFactory(Paging.PastEndGuard);
        api.MapAccountApi();
        api.MapUnitsApi();
        api.MapMunicipalitiesApi();
        api.MapUsersApi();
        api.MapAuditApi();
        api.MapPoliciesApi();
        api.MapActivitiesApi();
        api.MapResultsDueApi();
        api.MapDecisionQueueApi();
        api.MapPartnersApi();
        api.MapPreconditionApi();
        api.MapActivityImportApi();
        api.MapCountriesApi();
        api.MapCompilationApi();
        api.MapPrioritiesApi();
        api.MapActionPlansApi();
        api.MapFollowUpApi();
        api.MapIatiApi();
        api.MapCalendarApi();
        app.MapIatiPublicApi();
        app.MapCalendarFeed();
        api.MapOidcSettingsApi();
        api.MapContactPersonsApi();
        api.MapNetworksApi();
        api.MapPublicationApi();
        app.MapOpenDataApi();
        return app;
    }
}
