using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Omvarld.Web.Data;

// Used only by 'dotnet ef migrations add … --context X': each provider keeps its own migrations
// (Data/Migrations/Sqlite, Data/Migrations/Postgres). The connection strings are never opened.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOmvarldDbContext>
{
    public SqliteOmvarldDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOmvarldDbContext>().UseSqlite("Data Source=design.db").Options,
            new TenantContext(new HttpContextAccessor()), new AuditActor(new HttpContextAccessor()), TimeProvider.System);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOmvarldDbContext>
{
    public PostgresOmvarldDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresOmvarldDbContext>().UseNpgsql("Host=localhost;Database=design").Options,
            new TenantContext(new HttpContextAccessor()), new AuditActor(new HttpContextAccessor()), TimeProvider.System);
}
