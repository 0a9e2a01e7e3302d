using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;
using Omvarld.Web.Data;

namespace Omvarld.Web.Infrastructure;

/// <summary>
/// Issue 17: JSON answers that are the same for everyone who may ask them, kept per state of the municipality's data:
/// the open data's list (anonymous) and the register's list (every member of the municipality reads the same list; the
/// endpoint's authorization runs first). An answer is kept under the state (<see cref="StateOf"/>: the municipality, its
/// and the installation's <see cref="ChangeStamp"/>, the day), the UI culture and the address asked (scheme, host, path
/// and query: links in an answer name them). A save raises the municipality's stamp in its own transaction, so the next
/// request on any instance builds anew; the old entries are never asked for again and age out. Holds immutable bytes
/// only, so instances stay interchangeable.
/// </summary>
public sealed class KeptAnswers(IConfiguration configuration)
{
    /// <summary><c>Performance:KeepAnswers</c>: off, every answer is built (the benchmark's <c>--cold</c> measures that).</summary>
    private readonly bool _enabled = configuration.GetValue("Performance:KeepAnswers", true);

    /// <summary>At most this many bytes of answers per instance (a page of 50 open activities is ~40 KB, of the register ~15 KB).</summary>
    public const long Budget = 32L * 1024 * 1024;

    /// <summary>What <c>TypedResults.Ok</c> answers JSON with.</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = Budget });
    private long _built;

    /// <summary>How many answers this instance built (the tests read it).</summary>
    public long Built => Interlocked.Read(ref _built);

    /// <summary>The state of a municipality's data an answer is valid for.</summary>
    public static string StateOf(Guid municipality, long stamp, long installationStamp, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{municipality:N}|{stamp}|{installationStamp}|{day:yyyyMMdd}");

    /// <summary>
    /// The state of the request's municipality (its stamps as this request read them: with the API token, or now); null
    /// without a municipality (nothing is kept then). Read before the answer's data, so an answer is never older than
    /// the state it is kept under.
    /// </summary>
    public static async Task<string?> StateAsync(OmvarldDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (db.CurrentMunicipalityId is not { } municipality) return null;
        var (stamp, installation) = await ChangeStamp.ReadAsync(db, municipality, ct);
        return StateOf(municipality, stamp, installation, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
    }

    /// <summary>The key of the answer to <paramref name="request"/> in <paramref name="state"/>.</summary>
    public static string Key(string state, HttpRequest request) =>
        $"{state}|{CultureInfo.CurrentUICulture.Name}|{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";

    /// <summary>The kept answer under <paramref name="key"/>, as the JSON result it was.</summary>
    public bool TryGet(string? key, out FileContentHttpResult answer)
    {
        answer = null!;
        if (key is null || !_enabled || !_answers.TryGetValue(key, out byte[]? bytes)) return false;
        answer = TypedResults.Bytes(bytes!, JsonContentType);
        return true;
    }

    /// <summary>Serializes <paramref name="value"/> as the API would, keeps it under <paramref name="key"/> (when there is one) and answers it.</summary>
    public FileContentHttpResult Keep<T>(string? key, T value, JsonSerializerOptions options)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, options);
        if (key is not null && _enabled)
        {
            Interlocked.Increment(ref _built);
            _answers.Set(key, bytes, new MemoryCacheEntryOptions { Size = bytes.Length, SlidingExpiration = TimeSpan.FromMinutes(10) });
        }
        return TypedResults.Bytes(bytes, JsonContentType);
    }
}
