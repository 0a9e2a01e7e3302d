using System.Collections.Concurrent;

namespace Omvarld.Web.Infrastructure;

/// <summary>
/// One computation per key at a time on this instance (issue 17): the first request for a key starts it, concurrent
/// requests await the same task, and a request that gives up (its token) does not end it. No request's context flows
/// into it: what it computes is the same for every member, and it outlives the request that started it. The key is
/// free again once the computation ends.
/// </summary>
public sealed class SingleFlight<TKey, TValue> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TValue>>> _flights = new();

    public Task<TValue> RunAsync(TKey key, Func<TKey, Task<TValue>> compute, CancellationToken ct) =>
        _flights.GetOrAdd(key, k => new Lazy<Task<TValue>>(() => Start(k, compute))).Value.WaitAsync(ct);

    private Task<TValue> Start(TKey key, Func<TKey, Task<TValue>> compute)
    {
        using (ExecutionContext.SuppressFlow())
            return Task.Run(async () =>
            {
                try { return await compute(key); }
                finally { _flights.TryRemove(key, out _); }
            });
    }
}
