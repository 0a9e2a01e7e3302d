using Microsoft.Extensions.Localization;
using Omvarld.Domain.Common;

namespace Omvarld.Web.Infrastructure;

public static class ResultText
{
    /// <summary>The Swedish message for a failed <see cref="Result"/>, with its arguments.</summary>
    public static string Message(this IStringLocalizer l, Result result) =>
        result.Args is { Count: > 0 } args ? l[result.Error ?? "Problem_Invalid", [.. args]] : l[result.Error ?? "Problem_Invalid"];
}
