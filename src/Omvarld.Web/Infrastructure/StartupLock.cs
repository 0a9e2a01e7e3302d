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
        if (!db.Database.IsNpgsql()) return NoLock.Instance;
        // The lock lives in the app's database, which a first start creates (as the migrations would): whoever comes
        // second finds it created.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            try { await creator.CreateAsync(ct); }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation) { }
        }
        // Its own unpooled connection: closing it ends the session, and with it the lock, even if the unlock is never run.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", Key);
            await take.ExecuteNonQueryAsync(ct);
        }
        return new Held(connection);
    }

    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection))
            {
                release.Parameters.AddWithValue("key", Key);
                await release.ExecuteNonQueryAsync();
            }
            await connection.DisposeAsync();
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
