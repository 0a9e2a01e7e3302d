using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Common;

namespace Omvarld.Web.Infrastructure;

/// <summary>The one place API failures become ProblemDetails, in Swedish.</summary>
public static class Problems
{
    /// <summary>Whether the request is the API's, which answers with ProblemDetails rather than a Swedish page.</summary>
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static async Task Write(HttpContext context, int status, string titleKey, string detailKey, params object[] detailArguments)
    {
        var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var pd = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        context.Response.StatusCode = status;
        await pd.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = l[titleKey], Detail = l[detailKey, detailArguments] },
        });
    }

    /// <summary>A business rule said no: 400 with the field it concerns.</summary>
    public static ValidationProblem From(Result result, IStringLocalizer l) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [Camel(result.Field ?? "")] = [l.Message(result)] },
            title: l["Problem_ValidationTitle"]);

    public static ValidationProblem From(IDictionary<string, string[]> errors, IStringLocalizer l) =>
        TypedResults.ValidationProblem(errors.ToDictionary(kv => Camel(kv.Key), kv => kv.Value), title: l["Problem_ValidationTitle"]);

    public static ProblemHttpResult NotFound(IStringLocalizer l) =>
        TypedResults.Problem(title: l["Problem_NotFound"], statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(IStringLocalizer l, string detail) =>
        TypedResults.Problem(title: l["Problem_Conflict"], detail: detail, statusCode: StatusCodes.Status409Conflict);

    private static string Camel(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
