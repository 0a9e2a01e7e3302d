using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omvarld.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReminderLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReminderLogs",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportKey = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecipientUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Week = table.Column<int>(type: "INTEGER", nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderLogs", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_ReminderLogs_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderLogs_MunicipalityId_ActivityId_ReportKey_RecipientUserId_Week",
                table: "ReminderLogs",
                columns: new[] { "MunicipalityId", "ActivityId", "ReportKey", "RecipientUserId", "Week" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderLogs_MunicipalityId_SentOn",
                table: "ReminderLogs",
                columns: new[] { "MunicipalityId", "SentOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReminderLogs");
        }
    }
}
