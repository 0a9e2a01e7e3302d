using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omvarld.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CountryData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CountryDataReleases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    RowCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstYear = table.Column<int>(type: "INTEGER", nullable: false),
                    LastYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Attribution = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountryDataReleases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CountryGovernanceRows",
                columns: table => new
                {
                    ReleaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Iso3 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Regime = table.Column<int>(type: "INTEGER", nullable: true),
                    LiberalDemocracy = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    ElectoralDemocracy = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    CivilLiberties = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    RuleOfLaw = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    WgiVoiceEstimate = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    WgiVoiceStdErr = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    WgiVoicePercentile = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    WgiRuleOfLawEstimate = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    WgiRuleOfLawStdErr = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    WgiRuleOfLawPercentile = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountryGovernanceRows", x => new { x.ReleaseId, x.Iso3, x.Year });
                    table.ForeignKey(
                        name: "FK_CountryGovernanceRows_CountryDataReleases_ReleaseId",
                        column: x => x.ReleaseId,
                        principalTable: "CountryDataReleases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CountryRegimeRows",
                columns: table => new
                {
                    ReleaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Iso3 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Regime = table.Column<int>(type: "INTEGER", nullable: false),
                    ElectoralDemocracy = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    ElectoralDemocracyLow = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    ElectoralDemocracyHigh = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountryRegimeRows", x => new { x.ReleaseId, x.Iso3, x.Year });
                    table.ForeignKey(
                        name: "FK_CountryRegimeRows_CountryDataReleases_ReleaseId",
                        column: x => x.ReleaseId,
                        principalTable: "CountryDataReleases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CountryDataReleases_Kind_IsActive_ImportedAt",
                table: "CountryDataReleases",
                columns: new[] { "Kind", "IsActive", "ImportedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CountryGovernanceRows");

            migrationBuilder.DropTable(
                name: "CountryRegimeRows");

            migrationBuilder.DropTable(
                name: "CountryDataReleases");
        }
    }
}
