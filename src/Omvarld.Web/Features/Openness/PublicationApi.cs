using Microsoft.Extensions.Localization;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Openness;

/// <summary>
/// R20: the coordinator publishes an approved activity on the open pages (<c>PUT /api/v1/activities/{id}/publication</c>)
/// or takes it off (<c>DELETE</c>), and sets the open data's licence and contact mailbox (<c>/api/v1/openness/settings</c>).
/// </summary>
public static class PublicationApi
{
    public static RouteGroupBuilder MapPublicationApi(this RouteGroupBuilder api)
    {
        var a = api.MapGroup("/activities").WithTags("Activities").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Member);
        a.MapGet("/{id:guid}/publication", async (Guid id, PublicationService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await s.GetAsync(id, ct) is { } p ? Results.Ok(p) : Problems.NotFound(l))
            .WithName("GetPublication").WithSummary("R20: whether the activity is on the municipality's open pages, and since when.");
        a.MapPut("/{id:guid}/publication", (Guid id, PublicationInput? input, PublicationService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                Reply(s.SetAsync(id, true, input?.Version, ct), l))
            .WithName("Publish").WithSummary("R20: the coordinator publishes an approved (or later) activity on the open pages; version optional.");
        a.MapDelete("/{id:guid}/publication", (Guid id, int? version, PublicationService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                Reply(s.SetAsync(id, false, version, ct), l))
            .WithName("Unpublish").WithSummary("R20: the coordinator takes the activity off the open pages.");

        var o = api.MapGroup("/openness").WithTags("Openness").RequireAuthorization(AuthorizationPolicies.Api + AuthorizationPolicies.Member);
        o.MapGet("/settings", (PublicationService s, CancellationToken ct) => s.SettingsAsync(ct))
            .WithName("GetOpenDataSettings").WithSummary("The open data's licence (CcBy40 or Cc0) and contact mailbox.");
        o.MapPut("/settings", async (OpenDataSettingsInput input, PublicationService s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var save = await s.SetSettingsAsync(input, ct);
                return save.Outcome == PublicationOutcome.Saved ? Results.Ok(await s.SettingsAsync(ct)) : Fail(save, l);
            })
            .WithName("SetOpenDataSettings").WithSummary("The coordinator chooses the licence and the contact mailbox (a function address, never a person's).");
        return api;
    }

    private static async Task<IResult> Reply(Task<PublicationSave> task, IStringLocalizer<SharedResource> l)
    {
        var save = await task;
        return save.Outcome == PublicationOutcome.Saved ? Results.Ok(save.Current) : Fail(save, l);
    }

    private static IResult Fail(PublicationSave save, IStringLocalizer<SharedResource> l) => save.Outcome switch
    {
        PublicationOutcome.NotFound => Problems.NotFound(l),
        PublicationOutcome.Forbidden => TypedResults.Problem(title: l["Problem_Forbidden"], statusCode: StatusCodes.Status403Forbidden),
        PublicationOutcome.Conflict => Problems.Conflict(l, l["OpenData_Conflict"]),
        _ => Problems.From(save.Error, l),
    };
}
