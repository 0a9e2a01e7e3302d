using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omvarld.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ActivityPublication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IatiChosen",
                table: "Activities",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PublishedAt",
                table: "Activities",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PublishedByUserId",
                table: "Activities",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Activities_MunicipalityId_PublishedAt",
                table: "Activities",
                columns: new[] { "MunicipalityId", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activities_MunicipalityId_PublishedAt",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "IatiChosen",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "PublishedByUserId",
                table: "Activities");
        }
    }
}
