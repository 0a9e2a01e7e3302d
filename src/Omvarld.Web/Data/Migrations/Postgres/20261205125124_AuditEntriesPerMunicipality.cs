using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omvarld.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditEntriesPerMunicipality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_AuditEntries",
                table: "AuditEntries");

            migrationBuilder.AlterColumn<Guid>(
                name: "MunicipalityId",
                table: "AuditEntries",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddPrimaryKey(
                name: "PK_AuditEntries",
                table: "AuditEntries",
                column: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Installation-wide entries have no place in the old table: they go (past the append-only trigger, once).
            migrationBuilder.Sql("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER \"AuditEntries_append_only\";");
            migrationBuilder.Sql("DELETE FROM \"AuditEntries\" WHERE \"MunicipalityId\" IS NULL;");
            migrationBuilder.Sql("ALTER TABLE \"AuditEntries\" ENABLE TRIGGER \"AuditEntries_append_only\";");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AuditEntries",
                table: "AuditEntries");

            migrationBuilder.AlterColumn<Guid>(
                name: "MunicipalityId",
                table: "AuditEntries",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_AuditEntries",
                table: "AuditEntries",
                columns: new[] { "MunicipalityId", "Id" });
        }
    }
}
