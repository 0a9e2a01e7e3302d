using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omvarld.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PolicyVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GoverningDocuments",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    KindGroupTerm = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    KindMeaning = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoverningDocuments", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_GoverningDocuments_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PolicyVersions",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    AdoptedBy = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    ValidUntil = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyVersions", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_PolicyVersions_GoverningDocuments_MunicipalityId_DocumentId",
                        columns: x => new { x.MunicipalityId, x.DocumentId },
                        principalTable: "GoverningDocuments",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PolicyDecisions",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PolicyVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    MinuteParagraph = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ValidUntil = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyDecisions", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_PolicyDecisions_PolicyVersions_MunicipalityId_PolicyVersionId",
                        columns: x => new { x.MunicipalityId, x.PolicyVersionId },
                        principalTable: "PolicyVersions",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GoverningDocuments_MunicipalityId_Key",
                table: "GoverningDocuments",
                columns: new[] { "MunicipalityId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PolicyDecisions_MunicipalityId_PolicyVersionId_Date",
                table: "PolicyDecisions",
                columns: new[] { "MunicipalityId", "PolicyVersionId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyVersions_MunicipalityId_DocumentId",
                table: "PolicyVersions",
                columns: new[] { "MunicipalityId", "DocumentId" });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyVersions_MunicipalityId_Key",
                table: "PolicyVersions",
                columns: new[] { "MunicipalityId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PolicyDecisions");

            migrationBuilder.DropTable(
                name: "PolicyVersions");

            migrationBuilder.DropTable(
                name: "GoverningDocuments");
        }
    }
}
