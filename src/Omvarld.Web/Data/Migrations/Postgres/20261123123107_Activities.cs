using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omvarld.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Activities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Activities",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OwnerUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResponsibleUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlannedStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    Purpose = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ExpectedResults = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Motivation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ChildPerspective = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CaseNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    AimedAtEnablingInternationalWork = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovedPolicyVersionId = table.Column<Guid>(type: "uuid", nullable: true),
                    RejectionComment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ActualStart = table.Column<DateOnly>(type: "date", nullable: true),
                    ActualEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Activities", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_Activities_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Activities_PolicyVersions_MunicipalityId_ApprovedPolicyVers~",
                        columns: x => new { x.MunicipalityId, x.ApprovedPolicyVersionId },
                        principalTable: "PolicyVersions",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Activities_Units_MunicipalityId_OwnerUnitId",
                        columns: x => new { x.MunicipalityId, x.OwnerUnitId },
                        principalTable: "Units",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Partners",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CountryCode = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    Website = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Partners", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_Partners_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActivityAttachment",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    StorageKey = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityAttachment", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_ActivityAttachment_Activities_MunicipalityId_ActivityId",
                        columns: x => new { x.MunicipalityId, x.ActivityId },
                        principalTable: "Activities",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActivityComment",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityComment", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_ActivityComment_Activities_MunicipalityId_ActivityId",
                        columns: x => new { x.MunicipalityId, x.ActivityId },
                        principalTable: "Activities",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActivityGoals",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    GoalCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    How = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityGoals", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_ActivityGoals_Activities_MunicipalityId_ActivityId",
                        columns: x => new { x.MunicipalityId, x.ActivityId },
                        principalTable: "Activities",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActivityLink",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityLink", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_ActivityLink_Activities_MunicipalityId_ActivityId",
                        columns: x => new { x.MunicipalityId, x.ActivityId },
                        principalTable: "Activities",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActivitySdgs",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Goal = table.Column<int>(type: "integer", nullable: false),
                    Target = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivitySdgs", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_ActivitySdgs_Activities_MunicipalityId_ActivityId",
                        columns: x => new { x.MunicipalityId, x.ActivityId },
                        principalTable: "Activities",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FundingLines",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OwnUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProgrammeCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    FunderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FunderKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    ExchangeRate = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundingLines", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_FundingLines_Activities_MunicipalityId_ActivityId",
                        columns: x => new { x.MunicipalityId, x.ActivityId },
                        principalTable: "Activities",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FundingLines_Units_MunicipalityId_OwnUnitId",
                        columns: x => new { x.MunicipalityId, x.OwnUnitId },
                        principalTable: "Units",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResultReports",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ReportedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultReports", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_ResultReports_Activities_MunicipalityId_ActivityId",
                        columns: x => new { x.MunicipalityId, x.ActivityId },
                        principalTable: "Activities",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Trips",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Travellers = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TravellerCount = table.Column<int>(type: "integer", nullable: false),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CountryCode = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    DepartOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReturnOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CostSek = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Trips", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_Trips_Activities_MunicipalityId_ActivityId",
                        columns: x => new { x.MunicipalityId, x.ActivityId },
                        principalTable: "Activities",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActivityPartners",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityPartners", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_ActivityPartners_Activities_MunicipalityId_ActivityId",
                        columns: x => new { x.MunicipalityId, x.ActivityId },
                        principalTable: "Activities",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActivityPartners_Partners_MunicipalityId_PartnerId",
                        columns: x => new { x.MunicipalityId, x.PartnerId },
                        principalTable: "Partners",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_MunicipalityId_ApprovedPolicyVersionId",
                table: "Activities",
                columns: new[] { "MunicipalityId", "ApprovedPolicyVersionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_MunicipalityId_Kind_PlannedStart",
                table: "Activities",
                columns: new[] { "MunicipalityId", "Kind", "PlannedStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_MunicipalityId_OwnerUnitId_PlannedStart",
                table: "Activities",
                columns: new[] { "MunicipalityId", "OwnerUnitId", "PlannedStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_MunicipalityId_PlannedStart",
                table: "Activities",
                columns: new[] { "MunicipalityId", "PlannedStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_MunicipalityId_ResponsibleUserId",
                table: "Activities",
                columns: new[] { "MunicipalityId", "ResponsibleUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_MunicipalityId_Status_PlannedStart",
                table: "Activities",
                columns: new[] { "MunicipalityId", "Status", "PlannedStart" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityAttachment_MunicipalityId_ActivityId",
                table: "ActivityAttachment",
                columns: new[] { "MunicipalityId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityComment_MunicipalityId_ActivityId",
                table: "ActivityComment",
                columns: new[] { "MunicipalityId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityGoals_MunicipalityId_ActivityId",
                table: "ActivityGoals",
                columns: new[] { "MunicipalityId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityGoals_MunicipalityId_GoalCode_ActivityId",
                table: "ActivityGoals",
                columns: new[] { "MunicipalityId", "GoalCode", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityLink_MunicipalityId_ActivityId",
                table: "ActivityLink",
                columns: new[] { "MunicipalityId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityPartners_MunicipalityId_ActivityId",
                table: "ActivityPartners",
                columns: new[] { "MunicipalityId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityPartners_MunicipalityId_PartnerId_ActivityId",
                table: "ActivityPartners",
                columns: new[] { "MunicipalityId", "PartnerId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivitySdgs_MunicipalityId_ActivityId",
                table: "ActivitySdgs",
                columns: new[] { "MunicipalityId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivitySdgs_MunicipalityId_Goal_ActivityId",
                table: "ActivitySdgs",
                columns: new[] { "MunicipalityId", "Goal", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_FundingLines_MunicipalityId_ActivityId",
                table: "FundingLines",
                columns: new[] { "MunicipalityId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_FundingLines_MunicipalityId_OwnUnitId",
                table: "FundingLines",
                columns: new[] { "MunicipalityId", "OwnUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_FundingLines_MunicipalityId_Source_Status_ActivityId",
                table: "FundingLines",
                columns: new[] { "MunicipalityId", "Source", "Status", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Partners_MunicipalityId_CountryCode",
                table: "Partners",
                columns: new[] { "MunicipalityId", "CountryCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Partners_MunicipalityId_Name",
                table: "Partners",
                columns: new[] { "MunicipalityId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_ResultReports_MunicipalityId_ActivityId",
                table: "ResultReports",
                columns: new[] { "MunicipalityId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Trips_MunicipalityId_ActivityId",
                table: "Trips",
                columns: new[] { "MunicipalityId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Trips_MunicipalityId_CountryCode",
                table: "Trips",
                columns: new[] { "MunicipalityId", "CountryCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityAttachment");

            migrationBuilder.DropTable(
                name: "ActivityComment");

            migrationBuilder.DropTable(
                name: "ActivityGoals");

            migrationBuilder.DropTable(
                name: "ActivityLink");

            migrationBuilder.DropTable(
                name: "ActivityPartners");

            migrationBuilder.DropTable(
                name: "ActivitySdgs");

            migrationBuilder.DropTable(
                name: "FundingLines");

            migrationBuilder.DropTable(
                name: "ResultReports");

            migrationBuilder.DropTable(
                name: "Trips");

            migrationBuilder.DropTable(
                name: "Partners");

            migrationBuilder.DropTable(
                name: "Activities");
        }
    }
}
