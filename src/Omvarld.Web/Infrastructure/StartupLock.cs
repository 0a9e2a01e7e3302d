using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Omvarld.Web.Data;

namespace Omvarld.Web.Infrastructure;

/// <summary>
/// Start-up work on a shared PostgreSQL database (migrations, the shipped country data, the demo) under one session-level
/// advisory lock, so that several instances started together do it one after another instead of racing: EF Core locks
/// the migrations alone, while the country data and the demo check "is it there?" and then insert. SQLite is one process's
/// file and needs none.
/// </summary>
public static class StartupLock
{
    /// <summary>The lock's key: "omvarld-startup" as an arbitrary constant of the application's own.</summary>
    public const long Key = 0x4F6D_7661_726C_6401;

    public static async Task<IAsyncDisposable> TakeAsync(OmvarldDbContext db, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql()) return AdvisoryLock.None;
        // The lock lives in the app's database, which a first start creates (as the migrations would): whoever comes
        // second finds it created.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            try { await creator.CreateAsync(ct); }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation) { }
        }
        return await AdvisoryLock.TakeAsync(db, Key, ct);
    }
}

/// <summary>
/// A PostgreSQL session-level advisory lock held on a connection of its own (unpooled: closing it ends the session, and
/// with it the lock, even if the unlock is never run), for work that instances sharing one database do one at a time.
/// On SQLite (one process) it is no lock.
/// </summary>
public static class AdvisoryLock
{
    public static readonly IAsyncDisposable None = new NoLock();

    public static async Task<IAsyncDisposable> TakeAsync(OmvarldDbContext db, long key, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql()) return None;
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            take.Parameters.AddWithValue("key", key);
            await take.ExecuteNonQueryAsync(ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        return new Held(connection, key);
    }

    /// <summary>A 64-bit key from a name and a guid, stable across processes (not <see cref="object.GetHashCode"/>).</summary>
    public static long KeyOf(string name, Guid id, int number, Guid other)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes($"{name}:{id:N}:{number}:{other:N}");
        return BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(bytes), 0);
    }

    private sealed class Held(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                release.Parameters.AddWithValue("key", key);
                await release.ExecuteNonQueryAsync();
            }
            finally { await connection.DisposeAsync(); }
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
