using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omvarld.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// The audit entry keyed by id alone, its municipality nullable (installation-wide entries). Written out by hand:
    /// SQLite rebuilds the table for a new key, which drops its append-only triggers, and they must come back after it.
    /// </summary>
    public partial class AuditEntriesPerMunicipality : Migration
    {
        private const string Columns = "\"Id\", \"MunicipalityId\", \"At\", \"UserId\", \"UserName\", \"EntityType\", \"EntityId\", \"Action\", \"Changes\", \"Comment\"";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_AuditEntries" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY,
                    "MunicipalityId" TEXT NULL,
                    "At" TEXT NOT NULL,
                    "UserId" TEXT NULL,
                    "UserName" TEXT NULL,
                    "EntityType" TEXT NOT NULL,
                    "EntityId" TEXT NOT NULL,
                    "Action" TEXT NOT NULL,
                    "Changes" TEXT NOT NULL,
                    "Comment" TEXT NULL
                );
                """);
            migrationBuilder.Sql($"INSERT INTO \"ef_temp_AuditEntries\" ({Columns}) SELECT {Columns} FROM \"AuditEntries\";");
            Replace(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Installation-wide entries have no place in the old table: they go.
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_AuditEntries" (
                    "MunicipalityId" TEXT NOT NULL,
                    "Id" TEXT NOT NULL,
                    "At" TEXT NOT NULL,
                    "UserId" TEXT NULL,
                    "UserName" TEXT NULL,
                    "EntityType" TEXT NOT NULL,
                    "EntityId" TEXT NOT NULL,
                    "Action" TEXT NOT NULL,
                    "Changes" TEXT NOT NULL,
                    "Comment" TEXT NULL,
                    CONSTRAINT "PK_AuditEntries" PRIMARY KEY ("MunicipalityId", "Id")
                );
                """);
            migrationBuilder.Sql($"INSERT INTO \"ef_temp_AuditEntries\" ({Columns}) SELECT {Columns} FROM \"AuditEntries\" WHERE \"MunicipalityId\" IS NOT NULL;");
            Replace(migrationBuilder);
        }

        /// <summary>The copy takes the table's place, with its indexes and the triggers that keep the trail append-only.</summary>
        private static void Replace(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE \"AuditEntries\";");
            migrationBuilder.Sql("ALTER TABLE \"ef_temp_AuditEntries\" RENAME TO \"AuditEntries\";");
            migrationBuilder.Sql("CREATE INDEX \"IX_AuditEntries_MunicipalityId_At\" ON \"AuditEntries\" (\"MunicipalityId\", \"At\");");
            migrationBuilder.Sql("CREATE INDEX \"IX_AuditEntries_MunicipalityId_EntityType_EntityId_At\" ON \"AuditEntries\" (\"MunicipalityId\", \"EntityType\", \"EntityId\", \"At\");");
            migrationBuilder.Sql("CREATE TRIGGER AuditEntries_no_update BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER AuditEntries_no_delete BEFORE DELETE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;");
        }
    }
}
