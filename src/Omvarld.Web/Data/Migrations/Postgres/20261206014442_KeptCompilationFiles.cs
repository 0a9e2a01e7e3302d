using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omvarld.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KeptCompilationFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CompilationRenderings",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Format = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Stamp = table.Column<long>(type: "bigint", nullable: false),
                    InstallationStamp = table.Column<long>(type: "bigint", nullable: false),
                    Build = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    RenderedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompilationRenderings", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_CompilationRenderings_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CompilationRenderings_MunicipalityId_Year_UnitId_Format",
                table: "CompilationRenderings",
                columns: new[] { "MunicipalityId", "Year", "UnitId", "Format" },
                unique: true);

            // The files are compressed already (XLSX and DOCX are zip archives, the PDF's streams deflated): stored out of
            // line without PostgreSQL trying to compress them again.
            migrationBuilder.Sql("""ALTER TABLE "CompilationRenderings" ALTER COLUMN "Bytes" SET STORAGE EXTERNAL;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompilationRenderings");
        }
    }
}
