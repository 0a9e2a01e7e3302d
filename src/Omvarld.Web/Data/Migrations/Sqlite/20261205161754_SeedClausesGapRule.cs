using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omvarld.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SeedClausesGapRule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing versions have their text; existing documents get the default gap rule (issue 19).
            migrationBuilder.AddColumn<string>(
                name: "CaseNumber",
                table: "Priorities",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DecidedOn",
                table: "Priorities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MinuteParagraph",
                table: "Priorities",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "TextKnown",
                table: "PolicyVersions",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "GapRule",
                table: "GoverningDocuments",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "ReasonRequired");

            migrationBuilder.AddColumn<string>(
                name: "GapReason",
                table: "Activities",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CaseNumber",
                table: "Priorities");

            migrationBuilder.DropColumn(
                name: "DecidedOn",
                table: "Priorities");

            migrationBuilder.DropColumn(
                name: "MinuteParagraph",
                table: "Priorities");

            migrationBuilder.DropColumn(
                name: "TextKnown",
                table: "PolicyVersions");

            migrationBuilder.DropColumn(
                name: "GapRule",
                table: "GoverningDocuments");

            migrationBuilder.DropColumn(
                name: "GapReason",
                table: "Activities");
        }
    }
}
