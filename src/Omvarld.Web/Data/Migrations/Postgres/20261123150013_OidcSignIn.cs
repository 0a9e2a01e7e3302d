using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omvarld.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OidcSignIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OidcGroupGrants",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Group = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OidcGroupGrants", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_OidcGroupGrants_RoleAssignments_MunicipalityId_Id",
                        columns: x => new { x.MunicipalityId, x.Id },
                        principalTable: "RoleAssignments",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OidcProviders",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Issuer = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ClientId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProtectedClientSecret = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Scopes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SubjectClaim = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EmailClaim = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameClaim = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GroupsClaim = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GroupMappingsJson = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OidcProviders", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_OidcProviders_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OidcGroupGrants_MunicipalityId_UserId",
                table: "OidcGroupGrants",
                columns: new[] { "MunicipalityId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_OidcProviders_MunicipalityId",
                table: "OidcProviders",
                column: "MunicipalityId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OidcGroupGrants");

            migrationBuilder.DropTable(
                name: "OidcProviders");
        }
    }
}
