using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omvarld.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MembershipsAndTwinTowns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Memberships",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MemberSince = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MemberUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FeeSek = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    RepresentativeUserIds = table.Column<string>(type: "TEXT", nullable: false),
                    RepresentativeNames = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Offers = table.Column<string>(type: "TEXT", nullable: false),
                    OtherOffers = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Memberships", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_Memberships_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TwinTowns",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 2, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Since = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    OurContactUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TheirContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TheirContactRole = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TheirContactDetails = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TwinTowns", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_TwinTowns_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MembershipActivities",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MembershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipActivities", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_MembershipActivities_Activities_MunicipalityId_ActivityId",
                        columns: x => new { x.MunicipalityId, x.ActivityId },
                        principalTable: "Activities",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MembershipActivities_Memberships_MunicipalityId_MembershipId",
                        columns: x => new { x.MunicipalityId, x.MembershipId },
                        principalTable: "Memberships",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TwinTownActivities",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TwinTownId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TwinTownActivities", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_TwinTownActivities_Activities_MunicipalityId_ActivityId",
                        columns: x => new { x.MunicipalityId, x.ActivityId },
                        principalTable: "Activities",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TwinTownActivities_TwinTowns_MunicipalityId_TwinTownId",
                        columns: x => new { x.MunicipalityId, x.TwinTownId },
                        principalTable: "TwinTowns",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TwinTownNotes",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TwinTownId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WrittenByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WrittenBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WrittenAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TwinTownNotes", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_TwinTownNotes_TwinTowns_MunicipalityId_TwinTownId",
                        columns: x => new { x.MunicipalityId, x.TwinTownId },
                        principalTable: "TwinTowns",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MembershipActivities_MunicipalityId_ActivityId",
                table: "MembershipActivities",
                columns: new[] { "MunicipalityId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_MembershipActivities_MunicipalityId_MembershipId_ActivityId",
                table: "MembershipActivities",
                columns: new[] { "MunicipalityId", "MembershipId", "ActivityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_MunicipalityId_Kind_Level",
                table: "Memberships",
                columns: new[] { "MunicipalityId", "Kind", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_MunicipalityId_MemberSince_MemberUntil",
                table: "Memberships",
                columns: new[] { "MunicipalityId", "MemberSince", "MemberUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_MunicipalityId_Name",
                table: "Memberships",
                columns: new[] { "MunicipalityId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_TwinTownActivities_MunicipalityId_ActivityId",
                table: "TwinTownActivities",
                columns: new[] { "MunicipalityId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_TwinTownActivities_MunicipalityId_TwinTownId_ActivityId",
                table: "TwinTownActivities",
                columns: new[] { "MunicipalityId", "TwinTownId", "ActivityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TwinTownNotes_MunicipalityId_TwinTownId_Year",
                table: "TwinTownNotes",
                columns: new[] { "MunicipalityId", "TwinTownId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TwinTownNotes_MunicipalityId_Year",
                table: "TwinTownNotes",
                columns: new[] { "MunicipalityId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_TwinTowns_MunicipalityId_City",
                table: "TwinTowns",
                columns: new[] { "MunicipalityId", "City" });

            migrationBuilder.CreateIndex(
                name: "IX_TwinTowns_MunicipalityId_CountryCode",
                table: "TwinTowns",
                columns: new[] { "MunicipalityId", "CountryCode" });

            migrationBuilder.CreateIndex(
                name: "IX_TwinTowns_MunicipalityId_Status_Kind",
                table: "TwinTowns",
                columns: new[] { "MunicipalityId", "Status", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MembershipActivities");

            migrationBuilder.DropTable(
                name: "TwinTownActivities");

            migrationBuilder.DropTable(
                name: "TwinTownNotes");

            migrationBuilder.DropTable(
                name: "Memberships");

            migrationBuilder.DropTable(
                name: "TwinTowns");
        }
    }
}
