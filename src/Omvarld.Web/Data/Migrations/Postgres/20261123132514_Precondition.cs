using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omvarld.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Precondition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssessmentChanges",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountryAlpha2 = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    OldOutcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NewOutcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OldSummary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    NewSummary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Release = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    DetectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentChanges", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_AssessmentChanges_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentSnapshots",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    CountryAlpha2 = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Releases = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    AssessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentSnapshots", x => new { x.MunicipalityId, x.CountryAlpha2 });
                    table.ForeignKey(
                        name: "FK_AssessmentSnapshots_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ManualJudgements",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountryAlpha2 = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    JudgedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    JudgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManualJudgements", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_ManualJudgements_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PolicyCriteriaSettings",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PolicyVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    CriteriaJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyCriteriaSettings", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_PolicyCriteriaSettings_PolicyVersions_MunicipalityId_Policy~",
                        columns: x => new { x.MunicipalityId, x.PolicyVersionId },
                        principalTable: "PolicyVersions",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PreconditionExceptions",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Body = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MinuteParagraph = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    DecisionText = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    DecisionFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreconditionExceptions", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_PreconditionExceptions_Activities_MunicipalityId_ActivityId",
                        columns: x => new { x.MunicipalityId, x.ActivityId },
                        principalTable: "Activities",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PreconditionExceptions_Partners_MunicipalityId_PartnerId",
                        columns: x => new { x.MunicipalityId, x.PartnerId },
                        principalTable: "Partners",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentChanges_MunicipalityId_AcknowledgedAt",
                table: "AssessmentChanges",
                columns: new[] { "MunicipalityId", "AcknowledgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ManualJudgements_MunicipalityId_CountryAlpha2",
                table: "ManualJudgements",
                columns: new[] { "MunicipalityId", "CountryAlpha2" });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyCriteriaSettings_MunicipalityId_PolicyVersionId",
                table: "PolicyCriteriaSettings",
                columns: new[] { "MunicipalityId", "PolicyVersionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PreconditionExceptions_MunicipalityId_ActivityId",
                table: "PreconditionExceptions",
                columns: new[] { "MunicipalityId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_PreconditionExceptions_MunicipalityId_PartnerId",
                table: "PreconditionExceptions",
                columns: new[] { "MunicipalityId", "PartnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_PreconditionExceptions_MunicipalityId_ValidUntil",
                table: "PreconditionExceptions",
                columns: new[] { "MunicipalityId", "ValidUntil" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentChanges");

            migrationBuilder.DropTable(
                name: "AssessmentSnapshots");

            migrationBuilder.DropTable(
                name: "ManualJudgements");

            migrationBuilder.DropTable(
                name: "PolicyCriteriaSettings");

            migrationBuilder.DropTable(
                name: "PreconditionExceptions");
        }
    }
}
