using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Localization;

namespace Omvarld.Web.Infrastructure;

/// <summary>A page of a list: which one, of how many (at least 1: an empty list has one, empty, page).</summary>
public interface IPaged
{
    int PageNumber { get; }
    int PageCount { get; }
}

public static class Paging
{
    /// <summary>
    /// The rows of page <paramref name="page"/> (from 1) of <paramref name="pageSize"/>: every paged list goes through
    /// here. The offset is computed in 64 bits and capped, so a page number past the end (even int.MaxValue) is an empty
    /// page, never an overflowed negative OFFSET that PostgreSQL refuses.
    /// </summary>
    public static IQueryable<T> PageOf<T>(this IQueryable<T> query, int page, int pageSize)
    {
        pageSize = Math.Max(pageSize, 1);
        var skip = Math.Min((Math.Max(page, 1) - 1L) * pageSize, int.MaxValue);
        return query.Skip((int)skip).Take(pageSize);
    }

    /// <summary>A page number below 1 or a page size outside 1..<paramref name="maxPageSize"/>: 400 naming the range.</summary>
    public static ValidationProblem? Invalid(int page, int pageSize, int maxPageSize, IStringLocalizer l) =>
        page < 1 || pageSize < 1 || pageSize > maxPageSize
            ? Problems.From(new Dictionary<string, string[]> { [page < 1 ? "page" : "pageSize"] = [l["Paging_Invalid", maxPageSize]] }, l)
            : null;

    /// <summary>Issue 17: a page past the last one is a mistake of the caller, not an empty list: 400 naming the last page.</summary>
    public static ValidationProblem PastEnd(int page, int lastPage, IStringLocalizer l) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = [l["Paging_PastEnd", page, lastPage]] },
            title: l["Problem_ValidationTitle"], extensions: new Dictionary<string, object?> { ["lastPage"] = lastPage });

    /// <summary>
    /// On the API group: every list answer that is a page past the last one (<see cref="IPaged"/>, inside whatever
    /// union of results the handler declares) becomes <see cref="PastEnd"/>. The lists count anyway, so the rule needs
    /// no work of its own and no handler can forget it.
    /// </summary>
    public static EndpointFilterDelegate PastEndGuard(EndpointFilterFactoryContext context, EndpointFilterDelegate next) => async invocation =>
    {
        var result = await next(invocation);
        var inner = result;
        while (inner is INestedHttpResult nested) inner = nested.Result;
        if (inner is IValueHttpResult { Value: IPaged p } && p.PageNumber > p.PageCount)
            return PastEnd(p.PageNumber, p.PageCount, invocation.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>());
        return result;
    };
}
