using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Compilations;

/// <summary>
/// Issue 17: the compilation's files (XLSX, DOCX, PDF) as the API and the Export page answer them — rendered once per
/// key (<see cref="CompilationKey"/>: municipality, year, unit, day, stamps) and format, kept in the database
/// (<see cref="CompilationRendering"/>) beside the snapshot and under the same stamps, and answered from there while they
/// are the current ones.
/// <para>
/// <b>What the bytes depend on</b>: the compilation (its key), the format, and the code that renders it
/// (<see cref="Build"/>: the compilation's build and the renderers' libraries). Not on who asks: the renderers are given
/// the compilation, the Swedish texts and the reference data only, never the viewer, and the compilation is every
/// member's. Not on the request's language: the app speaks Swedish only (one culture, no culture provider), and a
/// rendering is made in a flight of its own under sv-SE. The Export page and the API take no other option (year, unit,
/// format).
/// </para>
/// <para>
/// <b>Per request</b>: the stamps (one primary-key lookup, as for the compilation); then the kept rendering, streamed from
/// its row to the response (a buffer's worth in memory, not the file); else one flight per key and format
/// (<see cref="CompilationRenders"/>) renders it, keeps it and hands its bytes to every request that waited for it.
/// </para>
/// </summary>
public sealed class CompilationFiles(OmvarldDbContext db, CompilationStore store, CompilationRenders renders, CompilationStats stats,
    IStringLocalizer<SharedResource> l, ReferenceData reference)
{
    /// <summary>
    /// The code a rendering was made by: the compilation's build (<see cref="CompilationStore.Build"/>) and the renderers'
    /// libraries (an upgrade of ClosedXML, the Open XML SDK or SkiaSharp renders anew even where the web assembly's
    /// build id would not change).
    /// </summary>
    public static readonly string Build = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join(".",
        CompilationStore.Build, Mvid(typeof(ClosedXML.Excel.XLWorkbook)), Mvid(typeof(DocumentFormat.OpenXml.Packaging.WordprocessingDocument)),
        Mvid(typeof(DocumentFormat.OpenXml.Packaging.OpenXmlPackage)), Mvid(typeof(SkiaSharp.SKBitmap))))));

    private static string Mvid(Type type) => type.Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>The file of the compilation of <paramref name="year"/> (for <paramref name="unit"/>) in <paramref name="format"/>; null when the unit is not the municipality's.</summary>
    public async Task<KeptFile?> GetAsync(int year, Guid? unit, string format, CancellationToken ct = default)
    {
        if (await store.KeyAsync(year, unit, ct) is not { } key)
        {
            // Without a municipality nothing is kept: rendered for this request.
            if (await store.GetAsync(year, unit, ct) is not { } c) return null;
            var file = CompilationExport.Render(c, format, l, reference);
            return new(new MemoryStream(file.Bytes, writable: false), file.Bytes.LongLength, file.ContentType, file.FileName);
        }
        if (await KeptAsync(key, format, ct) is { } kept)
        {
            stats.CountFileFromKept();
            return kept;
        }
        // Not kept yet: every request waiting for it shares the one rendering's bytes (one array, not one per request).
        return await renders.GetAsync(key, format, ct) is { } bytes
            ? new(new MemoryStream(bytes, writable: false), bytes.LongLength, CompilationExport.ContentType(format), CompilationExport.FileName(key.Year, key.Unit, format))
            : null;
    }

    /// <summary>
    /// The kept rendering as a stream over its row (one statement: its length and its bytes, read as they come on
    /// PostgreSQL), on this request's connection until the response has written it; null when none is kept under the key.
    /// </summary>
    private async Task<KeptFile?> KeptAsync(CompilationKey key, string format, CancellationToken ct)
    {
        // The command is the LINQ query's (so the tenant filter is in it), executed by hand so that the bytes stream.
        var query = db.CompilationRenderings.AsNoTracking().Where(CompilationRenders.Matches(key, format)).Select(r => new { r.Length, r.Bytes });
        await db.Database.OpenConnectionAsync(ct);
        DbCommand? command = null;
        DbDataReader? reader = null;
        try
        {
            command = query.CreateDbCommand();
            reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, ct);
            if (!await reader.ReadAsync(ct))
            {
                await DisposeAsync(reader, command);
                return null;
            }
            var length = reader.GetInt64(0);
            var bytes = reader.GetStream(1);
            return new(new RowStream(bytes, reader, command, db), length, CompilationExport.ContentType(format), CompilationExport.FileName(key.Year, key.Unit, format));
        }
        catch
        {
            await DisposeAsync(reader, command);
            throw;
        }
    }

    private async Task DisposeAsync(DbDataReader? reader, DbCommand? command)
    {
        if (reader is not null) await reader.DisposeAsync();
        if (command is not null) await command.DisposeAsync();
        await db.Database.CloseConnectionAsync();
    }

    /// <summary>A row's bytes as a read-only stream; disposing it (the response has been written) ends the reader and gives the connection back.</summary>
    private sealed class RowStream(Stream bytes, DbDataReader reader, DbCommand command, OmvarldDbContext db) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => bytes.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => bytes.Read(buffer);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => bytes.ReadAsync(buffer, offset, count, cancellationToken);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => bytes.ReadAsync(buffer, cancellationToken);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private bool _disposed;

        public override async ValueTask DisposeAsync()
        {
            if (_disposed) return;
            _disposed = true;
            await bytes.DisposeAsync();
            await reader.DisposeAsync();
            await command.DisposeAsync();
            await db.Database.CloseConnectionAsync();
            GC.SuppressFinalize(this);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_disposed)
            {
                _disposed = true;
                bytes.Dispose();
                reader.Dispose();
                command.Dispose();
                db.Database.CloseConnection();
            }
            base.Dispose(disposing);
        }
    }
}

/// <summary>A compilation file as answered: its content, its size, type and name.</summary>
public sealed record KeptFile(Stream Content, long Length, string ContentType, string FileName);

/// <summary>
/// One rendering per key and format: the first request for a file not kept starts it, in a scope of its own (its request
/// ending does not end it), and concurrent requests await the same bytes. Instances sharing the database take turns per
/// key and format (<see cref="AdvisoryLock"/>, as the compilation's flights do), and whoever comes second reads what
/// the first kept instead of rendering it again.
/// </summary>
public sealed class CompilationRenders(IServiceScopeFactory scopes, CompilationStats stats, CompilationMemo memo, CompilationFlights compilations,
    TimeProvider clock, ILogger<CompilationRenders> log)
{
    private readonly SingleFlight<(CompilationKey Key, string Format), byte[]?> _flights = new();

    public Task<byte[]?> GetAsync(CompilationKey key, string format, CancellationToken ct) =>
        _flights.RunAsync((key, format), k => FlyAsync(k.Key, k.Format), ct);

    private async Task<byte[]?> FlyAsync(CompilationKey key, string format)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = WebSetup.Swedish;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OmvarldDbContext>();
        db.Tenant.Use(key.Municipality);
        await using var turn = await AdvisoryLock.TakeAsync(db, AdvisoryLock.KeyOf("compilation-" + format, key.Municipality, key.Year, key.Unit));
        // Looked for again in the turn: another instance, or a flight here that ended since the request looked, kept it.
        if (await db.CompilationRenderings.AsNoTracking().Where(Matches(key, format)).Select(r => r.Bytes).FirstOrDefaultAsync() is { } kept)
        {
            stats.CountFileFromKept();
            return kept;
        }
        var compilation = memo.TryGet(key, out var remembered) ? remembered : await compilations.GetAsync(key, CancellationToken.None);
        if (compilation is null) return null;
        var sp = scope.ServiceProvider;
        var bytes = CompilationExport.Render(compilation.Compilation, format, sp.GetRequiredService<IStringLocalizer<SharedResource>>(), sp.GetRequiredService<ReferenceData>()).Bytes;
        stats.CountRendered();
        await StoreAsync(db, key, format, bytes);
        return bytes;
    }

    /// <summary>A rendering kept under <paramref name="key"/> in <paramref name="format"/> by this code (the tenant filter adds the municipality).</summary>
    internal static Expression<Func<CompilationRendering, bool>> Matches(CompilationKey key, string format) =>
        r => r.Year == key.Year && r.UnitId == key.Unit && r.Format == format && r.Day == key.Day && r.Stamp == key.Stamp
            && r.InstallationStamp == key.InstallationStamp && r.Build == CompilationFiles.Build;

    /// <summary>Keeps the rendering in its (year, unit, format) row, replacing an older one; of two instances storing at once, one wins.</summary>
    private async Task StoreAsync(OmvarldDbContext db, CompilationKey key, string format, byte[] bytes)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            // Replaced in place, without reading the old bytes.
            var replaced = await db.CompilationRenderings.Where(r => r.Year == key.Year && r.UnitId == key.Unit && r.Format == format)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Day, key.Day).SetProperty(r => r.Stamp, key.Stamp)
                    .SetProperty(r => r.InstallationStamp, key.InstallationStamp).SetProperty(r => r.Build, CompilationFiles.Build)
                    .SetProperty(r => r.Bytes, bytes).SetProperty(r => r.Length, bytes.LongLength).SetProperty(r => r.RenderedAt, now));
            if (replaced > 0) return;
            db.CompilationRenderings.Add(new CompilationRendering(key.Municipality, key.Year, key.Unit, format, key.Day, key.Stamp, key.InstallationStamp,
                CompilationFiles.Build, bytes, now));
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e)
        {
            // Another instance kept one first; this answer is still served, and the next request reads theirs (or renders anew).
            log.LogInformation(e, "The compilation file {Year} {Format} of {Municipality} was kept by another instance first.", key.Year, format, key.Municipality);
        }
    }

    /// <summary>Deletes the renderings of the key's (year, unit) made under other stamps: its snapshot has been recomputed.</summary>
    internal static Task<int> DeleteStaleAsync(OmvarldDbContext db, CompilationKey key) =>
        db.CompilationRenderings.Where(r => r.Year == key.Year && r.UnitId == key.Unit
                && (r.Day != key.Day || r.Stamp != key.Stamp || r.InstallationStamp != key.InstallationStamp || r.Build != CompilationFiles.Build))
            .ExecuteDeleteAsync();
}
