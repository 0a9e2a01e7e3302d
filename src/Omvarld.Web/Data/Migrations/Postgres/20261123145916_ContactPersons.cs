using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omvarld.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ContactPersons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContactPersons",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeputyUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactPersons", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_ContactPersons_AspNetUsers_DeputyUserId",
                        column: x => x.DeputyUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContactPersons_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContactPersons_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContactPersons_Units_MunicipalityId_UnitId",
                        columns: x => new { x.MunicipalityId, x.UnitId },
                        principalTable: "Units",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContactPersonUnits",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactPersonUnits", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_ContactPersonUnits_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContactPersonUnits_Units_MunicipalityId_UnitId",
                        columns: x => new { x.MunicipalityId, x.UnitId },
                        principalTable: "Units",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CompetenceEntries",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Hours = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    IsJoint = table.Column<bool>(type: "boolean", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompetenceEntries", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_CompetenceEntries_ContactPersons_MunicipalityId_ContactPers~",
                        columns: x => new { x.MunicipalityId, x.ContactPersonId },
                        principalTable: "ContactPersons",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CompetenceEntries_MunicipalityId_ContactPersonId_Date",
                table: "CompetenceEntries",
                columns: new[] { "MunicipalityId", "ContactPersonId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_CompetenceEntries_MunicipalityId_Date",
                table: "CompetenceEntries",
                columns: new[] { "MunicipalityId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactPersons_DeputyUserId",
                table: "ContactPersons",
                column: "DeputyUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactPersons_MunicipalityId_UnitId_From",
                table: "ContactPersons",
                columns: new[] { "MunicipalityId", "UnitId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactPersons_MunicipalityId_UserId",
                table: "ContactPersons",
                columns: new[] { "MunicipalityId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactPersons_UserId",
                table: "ContactPersons",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactPersonUnits_MunicipalityId_UnitId",
                table: "ContactPersonUnits",
                columns: new[] { "MunicipalityId", "UnitId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompetenceEntries");

            migrationBuilder.DropTable(
                name: "ContactPersonUnits");

            migrationBuilder.DropTable(
                name: "ContactPersons");
        }
    }
}
