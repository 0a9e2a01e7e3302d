using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Omvarld.Web.Data;

namespace Omvarld.Web.Tests.Data;

/// <summary>Each provider's migrations match the model: a model change without a migration fails here.</summary>
public sealed class MigrationsTests
{
    private const string Hint = "The model has changes that no migration holds. Add one: dotnet ef migrations add <Name> --project src/Omvarld.Web --context {0} --output-dir Data/Migrations/{1}";

    [Fact]
    public void Sqlite_Model_NoPendingChanges()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.True(db.Database.GetMigrations().Any());
        Assert.False(db.Database.HasPendingModelChanges(), string.Format(Hint, nameof(SqliteOmvarldDbContext), "Sqlite"));
    }

    [Fact]
    public void Postgres_Model_NoPendingChanges()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.True(db.Database.GetMigrations().Any());
        Assert.False(db.Database.HasPendingModelChanges(), string.Format(Hint, nameof(PostgresOmvarldDbContext), "Postgres"));
    }

    [Fact]
    public void Migrations_EachProvider_OnlyItsOwn()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.Empty(sqlite.Database.GetMigrations().Intersect(postgres.Database.GetMigrations()));
    }
}
