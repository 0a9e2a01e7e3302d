using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omvarld.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FollowUpRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FollowUpRounds",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Questions = table.Column<string>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ClosedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpRounds", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_FollowUpRounds_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpSections",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Answers = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    UpdatedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReadyAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ReadyByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpSections", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_FollowUpSections_FollowUpRounds_MunicipalityId_RoundId",
                        columns: x => new { x.MunicipalityId, x.RoundId },
                        principalTable: "FollowUpRounds",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowUpSections_Units_MunicipalityId_UnitId",
                        columns: x => new { x.MunicipalityId, x.UnitId },
                        principalTable: "Units",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpReminderLogs",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecipientUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpReminderLogs", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_FollowUpReminderLogs_FollowUpSections_MunicipalityId_SectionId",
                        columns: x => new { x.MunicipalityId, x.SectionId },
                        principalTable: "FollowUpSections",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowUpReminderLogs_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpReminderLogs_MunicipalityId_SectionId_Deadline_Kind_RecipientUserId",
                table: "FollowUpReminderLogs",
                columns: new[] { "MunicipalityId", "SectionId", "Deadline", "Kind", "RecipientUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpRounds_MunicipalityId_Year",
                table: "FollowUpRounds",
                columns: new[] { "MunicipalityId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpSections_MunicipalityId_RoundId_UnitId",
                table: "FollowUpSections",
                columns: new[] { "MunicipalityId", "RoundId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpSections_MunicipalityId_UnitId_Year",
                table: "FollowUpSections",
                columns: new[] { "MunicipalityId", "UnitId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpReminderLogs");

            migrationBuilder.DropTable(
                name: "FollowUpSections");

            migrationBuilder.DropTable(
                name: "FollowUpRounds");
        }
    }
}
