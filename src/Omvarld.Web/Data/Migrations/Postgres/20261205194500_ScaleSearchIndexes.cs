using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omvarld.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// Issue 17, PostgreSQL only (the model is unchanged, so SQLite has no counterpart): the activity list's free text
    /// (<c>lower(column) LIKE '%…%'</c>, as <c>ActivityQueries</c> asks it) through trigram GIN indexes instead of a scan of
    /// the municipality's rows, and a covering index for the filters and counts on the start date, so that the planned
    /// end, status and publication are read from the index, not from the heap.
    /// </summary>
    [DbContext(typeof(PostgresOmvarldDbContext))]
    [Migration("20261205194500_ScaleSearchIndexes")]
    public partial class ScaleSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX \"IX_Activities_Title_Trgm\" ON \"Activities\" USING gin (lower(\"Title\") gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX \"IX_Activities_Description_Trgm\" ON \"Activities\" USING gin (lower(\"Description\") gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX \"IX_Activities_CaseNumber_Trgm\" ON \"Activities\" USING gin (lower(\"CaseNumber\") gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX \"IX_Activities_MunicipalityId_PlannedStart_Covering\" ON \"Activities\" (\"MunicipalityId\", \"PlannedStart\") " +
                "INCLUDE (\"PlannedEnd\", \"Id\", \"Status\", \"PublishedAt\", \"ActualEnd\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Activities_MunicipalityId_PlannedStart_Covering\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Activities_CaseNumber_Trgm\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Activities_Description_Trgm\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Activities_Title_Trgm\";");
        }
    }
}
