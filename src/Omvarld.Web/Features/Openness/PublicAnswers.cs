using Microsoft.Extensions.Caching.Memory;

namespace Omvarld.Web.Features.Openness;

/// <summary>
/// Issue 17: the open data's JSON answers, kept per state of the municipality's data. Every anonymous visitor of a
/// municipality's open list gets the same bytes until something of it changes, so an instance keeps an answer under its
/// stamp (<see cref="PublicQueries.StampAsync"/>: the municipality's and the installation's <c>ChangeStamp</c> and the
/// day), the UI culture, and the address asked (scheme, host, path and query: the links in it name them). A save raises
/// the stamp in its own transaction, so the next request on any instance builds anew; the old entries are never asked
/// for again and age out. Holds immutable bytes only, so instances stay interchangeable.
/// </summary>
public sealed class PublicAnswers
{
    /// <summary>At most this many bytes of answers per instance (a page of 100 activities is ~70 KB).</summary>
    public const long Budget = 32L * 1024 * 1024;

    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = Budget });
    private long _built;

    /// <summary>How many answers this instance built (the tests read it).</summary>
    public long Built => Interlocked.Read(ref _built);

    public bool TryGet(string key, out byte[] answer) => _answers.TryGetValue(key, out answer!);

    public void Keep(string key, byte[] answer)
    {
        Interlocked.Increment(ref _built);
        _answers.Set(key, answer, new MemoryCacheEntryOptions { Size = answer.Length, SlidingExpiration = TimeSpan.FromMinutes(10) });
    }
}
