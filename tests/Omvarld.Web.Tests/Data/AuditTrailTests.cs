using Microsoft.EntityFrameworkCore;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Data;

/// <summary>The audit trail is append-only in the database itself, not only in the app.</summary>
public abstract class AuditTrailTests(OmvarldApp app)
{
    private Task<(int Count, int Commented)> SnapshotAsync() => app.WithDbAsync(async db =>
        (await db.AuditEntries.IgnoreQueryFilters().CountAsync(), await db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.Comment == "x")));

    [Theory]
    [InlineData("UPDATE \"AuditEntries\" SET \"Comment\"='x'")]
    [InlineData("DELETE FROM \"AuditEntries\"")]
    public async Task RawSql_UpdateOrDelete_RefusedByDatabase(string sql)
    {
        var before = await SnapshotAsync();
        Assert.True(before.Count > 0, "The demo data should have written audit entries.");

        var error = await Record.ExceptionAsync(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql)));

        Assert.NotNull(error);
        Assert.Contains("append-only", error.Message);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task SaveChanges_ModifiedEntry_Refused()
    {
        var error = await Record.ExceptionAsync(() => app.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.IgnoreQueryFilters().FirstAsync();
            db.Entry(entry).Property(a => a.Comment).CurrentValue = "x";
            await db.SaveChangesAsync();
        }));

        Assert.IsType<InvalidOperationException>(error);
        Assert.Equal(0, (await SnapshotAsync()).Commented);
    }

    [Fact]
    public async Task Seed_DemoData_AuditedPerMunicipality()
    {
        var (units, audited) = await app.WithDbAsync(async db => (
            await db.Units.IgnoreQueryFilters().CountAsync(u => u.MunicipalityId == app.UpplandsBro),
            await db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.MunicipalityId == app.UpplandsBro && a.EntityType == "Unit" && a.UserName == "demo")));

        Assert.Equal(units, audited);
    }
}

public sealed class AuditTrailTests_Sqlite(SqliteApp app) : AuditTrailTests(app), IClassFixture<SqliteApp>;
public sealed class AuditTrailTests_Postgres(PostgresApp app) : AuditTrailTests(app), IClassFixture<PostgresApp>;
