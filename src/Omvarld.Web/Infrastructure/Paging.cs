namespace Omvarld.Web.Infrastructure;

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
}
