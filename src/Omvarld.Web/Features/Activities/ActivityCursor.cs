using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Omvarld.Domain.Activities;

namespace Omvarld.Web.Features.Activities;

/// <summary>
/// Issue 17: where a list of activities continues (keyset paging, <c>after=</c>): the sort key of the last row given,
/// (PlannedStart, Id), a total order, and its direction. Opaque to the caller: base64url of that key, read back strictly
/// (anything else, a tampered value included, is no cursor and the caller gets 400). The key is no secret, the
/// tenant filter still decides which rows a caller sees.
/// </summary>
public readonly record struct ActivityCursor(bool Ascending, DateOnly Start, Guid Id)
{
    private const int TextLength = 1 + 8 + 32; // direction, yyyyMMdd, the id's 32 hex digits
    private const int MaxEncodedLength = 64;

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{(Ascending ? 'a' : 'd')}{Start.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}{Id:N}"));

    public static bool TryDecode(string? value, out ActivityCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(value) || value.Length > MaxEncodedLength || !Base64Url.IsValid(value)) return false;
        var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(value));
        if (text.Length != TextLength || text[0] is not ('a' or 'd')) return false;
        if (!DateOnly.TryParseExact(text.AsSpan(1, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)) return false;
        if (!Guid.TryParseExact(text.AsSpan(9), "N", out var id)) return false;
        // One spelling per cursor: hex digits in the case Encode writes, so a value that decodes is one Encode made.
        if (!text.AsSpan(9).SequenceEqual(id.ToString("N"))) return false;
        cursor = new ActivityCursor(text[0] == 'a', start, id);
        return true;
    }

    /// <summary>
    /// The rows after this cursor in its order, (PlannedStart, Id) descending by start or ascending, Id ascending within
    /// a day. The first condition is a range on the (MunicipalityId, PlannedStart) index; the second only decides the
    /// cursor's own day. Guids compare in the database's order, as the ORDER BY does (CompareTo translates to &gt;).
    /// </summary>
    public IQueryable<Activity> Filter(IQueryable<Activity> q)
    {
        var start = Start;
        var id = Id;
        return Ascending
            ? q.Where(a => a.PlannedStart >= start && (a.PlannedStart > start || a.Id.CompareTo(id) > 0))
            : q.Where(a => a.PlannedStart <= start && (a.PlannedStart < start || a.Id.CompareTo(id) > 0));
    }
}

/// <summary>A stretch of a list walked by cursor: no page number, no count; <see cref="Next"/> continues it (null at the end).</summary>
public sealed record Slice<T>(IReadOnlyList<T> Items, int PageSize, string? Next);
