using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Omvarld.Web.Data;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Compilations;

/// <summary>
/// Issue 17: the compilation as the page, the API and the files read it — computed once per (municipality, year, unit)
/// and kept in the database (<see cref="CompilationSnapshot"/>), served again while nothing it counts has changed.
/// <para>
/// <b>What the result depends on</b>: the municipality's data (its <see cref="ChangeStamp"/>, raised by every save that
/// writes one of its rows), the installation's country data (the installation's stamp: the partners' standings), the
/// day (results due and overdue, what is owed, the findings, late accounts all read "today" from
/// <see cref="TimeProvider"/>), the year and the unit, and the code (<see cref="Build"/>). Not on who asks: every member
/// reads the same compilation (the parts read the municipality's unit tree, never the viewer's scope).
/// </para>
/// <para>
/// <b>Per request</b>: the two stamps in one primary-key lookup; then the compilation this instance last served for the
/// same key (<see cref="CompilationMemo"/>, a bounded handful, checked against the stamps just read), else the kept
/// snapshot, else it is computed and stored. Concurrent requests for one key wait for one flight
/// (<see cref="CompilationFlights"/>): fifty asking at once read or compute it once.
/// </para>
/// </summary>
public sealed class CompilationStore(OmvarldDbContext db, TimeProvider clock, CompilationQueries queries, CompilationFlights flights, CompilationMemo memo,
    IOptions<JsonOptions> json)
{
    /// <summary>The code a snapshot was computed by: the web and domain assemblies' build ids (a new build computes anew).</summary>
    public static readonly string Build = string.Join(".", typeof(CompilationStore).Assembly.ManifestModule.ModuleVersionId.ToString("N"),
        typeof(Omvarld.Domain.Activities.Activity).Assembly.ManifestModule.ModuleVersionId.ToString("N"));

    /// <summary>The compilation of <paramref name="year"/> (for <paramref name="unit"/> with its sub-units); null when the unit is not the municipality's.</summary>
    public async Task<Compilation?> GetAsync(int year, Guid? unit, CancellationToken ct = default) => (await GetKeptAsync(year, unit, ct))?.Compilation;

    /// <summary>The compilation with its JSON as the API writes it (kept as bytes: fifty answers are not fifty serializations).</summary>
    public async Task<KeptCompilation?> GetKeptAsync(int year, Guid? unit, CancellationToken ct = default)
    {
        // Without a municipality there is nothing to keep it under (and the filters give no rows).
        if (await KeyAsync(year, unit, ct) is not { } key)
            return await queries.BuildAsync(year, unit, ct) is { } c ? new KeptCompilation(c, JsonSerializer.SerializeToUtf8Bytes(c, json.Value.SerializerOptions)) : null;
        return memo.TryGet(key, out var kept) ? kept : await flights.GetAsync(key, ct);
    }

    /// <summary>
    /// The key the compilation of <paramref name="year"/> and <paramref name="unit"/> is kept under now (the stamps read
    /// in one primary-key lookup, today's day); null without a municipality (nothing is kept then).
    /// </summary>
    public async Task<CompilationKey?> KeyAsync(int year, Guid? unit, CancellationToken ct = default)
    {
        if (db.CurrentMunicipalityId is not { } municipality) return null;
        var (stamp, installationStamp) = await ChangeStamp.ReadAsync(db, municipality, ct);
        return new CompilationKey(municipality, year, unit ?? Guid.Empty, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), stamp, installationStamp);
    }
}

/// <summary>A kept compilation and its JSON (UTF-8, as the API answers).</summary>
public sealed record KeptCompilation(Compilation Compilation, byte[] Json);

/// <summary>What a kept compilation was computed for and under; equal keys, equal compilations.</summary>
public sealed record CompilationKey(Guid Municipality, int Year, Guid Unit, DateOnly Day, long Stamp, long InstallationStamp)
{
    /// <summary>The (municipality, year, unit) a snapshot row is kept under.</summary>
    public (Guid, int, Guid) Slot => (Municipality, Year, Unit);
}

/// <summary>
/// How the compilations were answered, for tests and diagnostics: computed, read from a snapshot, or from this instance's
/// memory; and their files: rendered, or answered from the kept rendering.
/// </summary>
public sealed class CompilationStats
{
    private long _computed, _fromSnapshot, _fromMemory, _rendered, _filesFromKept;
    public long Computed => Interlocked.Read(ref _computed);
    public long FromSnapshot => Interlocked.Read(ref _fromSnapshot);
    public long FromMemory => Interlocked.Read(ref _fromMemory);
    /// <summary>Files (XLSX, DOCX, PDF) rendered: once per key and format, however many ask.</summary>
    public long Rendered => Interlocked.Read(ref _rendered);
    /// <summary>Files answered from their kept rendering (<see cref="CompilationRendering"/>) without rendering.</summary>
    public long FilesFromKept => Interlocked.Read(ref _filesFromKept);
    internal void CountComputed() => Interlocked.Increment(ref _computed);
    internal void CountFromSnapshot() => Interlocked.Increment(ref _fromSnapshot);
    internal void CountFromMemory() => Interlocked.Increment(ref _fromMemory);
    internal void CountRendered() => Interlocked.Increment(ref _rendered);
    internal void CountFileFromKept() => Interlocked.Increment(ref _filesFromKept);
}

/// <summary>
/// The compilations this instance served last, at most <see cref="Slots"/>, one per (municipality, year, unit), each
/// with the key it was computed under: a hit needs the key read in this request (the database's stamps), so another
/// instance's change is seen at once. Holds immutable results only, so instances stay interchangeable.
/// </summary>
public sealed class CompilationMemo(CompilationStats stats)
{
    public const int Slots = 16;
    private readonly ConcurrentDictionary<(Guid, int, Guid), (CompilationKey Key, KeptCompilation Kept)> _slots = new();

    public bool TryGet(CompilationKey key, out KeptCompilation? compilation)
    {
        compilation = _slots.TryGetValue(key.Slot, out var kept) && kept.Key == key ? kept.Kept : null;
        if (compilation is not null) stats.CountFromMemory();
        return compilation is not null;
    }

    public void Set(CompilationKey key, KeptCompilation compilation)
    {
        if (_slots.Count >= Slots && !_slots.ContainsKey(key.Slot)) _slots.Clear();
        _slots[key.Slot] = (key, compilation);
    }

    /// <summary>Forgets everything (as a fresh instance would start).</summary>
    public void Clear() => _slots.Clear();
}

/// <summary>
/// One flight per key: the first request reads the snapshot or computes and stores it, in a scope of its own (so that
/// its request ending or being cancelled does not end it); concurrent requests for the same key await that flight.
/// </summary>
public sealed class CompilationFlights(IServiceScopeFactory scopes, CompilationStats stats, CompilationMemo memo, IOptions<JsonOptions> json, TimeProvider clock,
    ILogger<CompilationFlights> log)
{
    private readonly SingleFlight<CompilationKey, KeptCompilation?> _flights = new();

    public Task<KeptCompilation?> GetAsync(CompilationKey key, CancellationToken ct) => _flights.RunAsync(key, FlyAsync, ct);

    private async Task<KeptCompilation?> FlyAsync(CompilationKey key)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = WebSetup.Swedish;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OmvarldDbContext>();
        db.Tenant.Use(key.Municipality);
        var options = json.Value.SerializerOptions;
        var kept = await KeptJsonAsync(db, key);
        // Not kept: instances sharing the database take turns per key (an advisory lock on PostgreSQL), and whoever
        // comes second reads what the first kept instead of computing it again.
        await using var turn = kept is null
            ? await AdvisoryLock.TakeAsync(db, AdvisoryLock.KeyOf("compilation", key.Municipality, key.Year, key.Unit))
            : AdvisoryLock.None;
        if (kept is null && turn != AdvisoryLock.None) kept = await KeptJsonAsync(db, key);
        KeptCompilation answer;
        if (kept is not null)
        {
            answer = new(JsonSerializer.Deserialize<Compilation>(kept, options)!, System.Text.Encoding.UTF8.GetBytes(kept));
            stats.CountFromSnapshot();
        }
        else
        {
            var compilation = await scope.ServiceProvider.GetRequiredService<CompilationQueries>().BuildAsync(key.Year, key.Unit == Guid.Empty ? null : key.Unit);
            stats.CountComputed();
            if (compilation is null) return null;
            answer = new(compilation, JsonSerializer.SerializeToUtf8Bytes(compilation, options));
            await StoreAsync(db, key, System.Text.Encoding.UTF8.GetString(answer.Json));
        }
        memo.Set(key, answer);
        return answer;
    }

    private static Task<string?> KeptJsonAsync(OmvarldDbContext db, CompilationKey key) =>
        db.CompilationSnapshots.AsNoTracking()
            .Where(s => s.Year == key.Year && s.UnitId == key.Unit && s.Day == key.Day && s.Stamp == key.Stamp && s.InstallationStamp == key.InstallationStamp
                && s.Build == CompilationStore.Build)
            .Select(s => s.Json).FirstOrDefaultAsync();

    /// <summary>Keeps the compilation under its key, replacing an older one; of two instances storing at once, one wins (the other's is equal).</summary>
    private async Task StoreAsync(OmvarldDbContext db, CompilationKey key, string json)
    {
        var snapshot = new CompilationSnapshot(key.Municipality, key.Year, key.Unit, key.Day, key.Stamp, key.InstallationStamp, CompilationStore.Build, json,
            clock.GetUtcNow().UtcDateTime);
        try
        {
            var existing = await db.CompilationSnapshots.Where(s => s.Year == key.Year && s.UnitId == key.Unit).FirstOrDefaultAsync();
            if (existing is null) db.CompilationSnapshots.Add(snapshot);
            else existing.Replace(snapshot);
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e)
        {
            // Another instance kept it first; this answer is still served, and the next request reads theirs.
            log.LogInformation(e, "The compilation {Year} of {Municipality} was kept by another instance first.", key.Year, key.Municipality);
        }
        // The files rendered from an earlier state are stale now: gone, rather than kept until their format is asked for again.
        await CompilationRenders.DeleteStaleAsync(db, key);
    }
}
