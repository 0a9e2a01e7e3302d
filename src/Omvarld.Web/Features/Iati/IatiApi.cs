using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Iati;

/// <summary>
/// <c>/api/v1/iati</c>: the municipality's IATI settings, the activity file and what it leaves out (coordinator and KS read,
/// the coordinator writes); <c>PUT /api/v1/activities/{id}/iati</c>: the coordinator's choice of an activity beyond aid.
/// <c>/api/v1/public/{kommun}/iati.xml</c>: the public file, published activities only, anonymous.
/// </summary>
public static class IatiApi
{
    public const string XmlContentType = "application/xml; charset=utf-8";

    public static RouteGroupBuilder MapIatiApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/iati").WithTags("IATI").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.CoordinatorOrKs);
        g.MapGet("/settings", async (IatiService s, CancellationToken ct) => TypedResults.Ok(await s.SettingsAsync(ct)))
            .WithName("GetIatiSettings").WithSummary("The municipality's IATI organisation identifier, reporting organisation's name and type (OrganisationType code), language; the currency is SEK.");
        g.MapPut("/settings", async (IatiSettingsInput input, IatiService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                Reply(await s.SetSettingsAsync(input, ct), l))
            .RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator)
            .WithName("PutIatiSettings").WithSummary("Sets the IATI settings; the identifier is a registration agency prefix and number, e.g. SE-ON-2120001561.");
        g.MapGet("/activities.xml", async (IatiService s, CancellationToken ct) =>
                TypedResults.File(IatiService.Serialize((await s.ExportAsync(publishedOnly: false, ct)).Document), XmlContentType, "iati-activities.xml"))
            .AsExpensive().WithName("GetIatiActivities").WithSummary("IATI 2.03 activity file of every aid activity and every chosen one, approved or further, that validates; the others are listed by /iati/report.");
        g.MapGet("/report", async (IatiService s, CancellationToken ct) => TypedResults.Ok(await s.ReportAsync(ct)))
            .WithName("GetIatiReport").WithSummary("Which activities the IATI file includes, and which it leaves out and why (each missing field, in Swedish).");

        api.MapPut("/activities/{id:guid}/iati", async (Guid id, IatiChoiceInput input, IatiService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                Reply(await s.ChooseAsync(id, input.Include, ct), l))
            .WithTags("IATI").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Coordinator)
            .WithName("PutActivityIati").WithSummary("The coordinator includes an activity of another kind than aid in the IATI file (include: true), or leaves it out.");
        return api;
    }

    /// <summary>The anonymous public file, on its own group.</summary>
    public static WebApplication MapIatiPublicApi(this WebApplication app)
    {
        var g = app.MapGroup("/api/v1/public").AllowAnonymous().DisableAntiforgery().WithTags(Openness.OpenDataApi.Tag);
        g.MapGet("/{kommun}/iati.xml", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string kommun, IatiService s,
                IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                if (await s.UseMunicipalityAsync(kommun, ct) is null) return Problems.NotFound(l);
                return TypedResults.File(IatiService.Serialize((await s.ExportAsync(publishedOnly: true, ct)).Document), XmlContentType);
            })
            .AsExpensive().WithName("GetPublicIati").WithSummary("The municipality's public IATI 2.03 file: published aid (and chosen) activities only. Unknown municipality: 404.");
        return app;
    }

    private static Results<NoContent, ValidationProblem, ProblemHttpResult> Reply(IatiSave save, IStringLocalizer l) => save.Outcome switch
    {
        IatiOutcome.Saved => TypedResults.NoContent(),
        IatiOutcome.Invalid => Problems.From(save.Error, l),
        IatiOutcome.NotFound => Problems.NotFound(l),
        IatiOutcome.Forbidden => TypedResults.Problem(title: l["Problem_Forbidden"], statusCode: StatusCodes.Status403Forbidden),
        _ => Problems.Conflict(l, l["Iati_Conflict"]),
    };
}
