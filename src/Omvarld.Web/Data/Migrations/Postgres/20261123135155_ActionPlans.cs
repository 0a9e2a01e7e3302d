using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omvarld.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ActionPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActionPlans",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AdoptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AdoptedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MinuteParagraph = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    OverallEvaluation = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    EvaluatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EvaluatedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    RevisedFromPlanId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlans", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_ActionPlans_ActionPlans_MunicipalityId_RevisedFromPlanId",
                        columns: x => new { x.MunicipalityId, x.RevisedFromPlanId },
                        principalTable: "ActionPlans",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActionPlans_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActionPlans_Units_MunicipalityId_UnitId",
                        columns: x => new { x.MunicipalityId, x.UnitId },
                        principalTable: "Units",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActionPlanSettings",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanDueMonth = table.Column<int>(type: "integer", nullable: false),
                    PlanDueDay = table.Column<int>(type: "integer", nullable: false),
                    EvaluationDueMonth = table.Column<int>(type: "integer", nullable: false),
                    EvaluationDueDay = table.Column<int>(type: "integer", nullable: false),
                    DueSoonDays = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlanSettings", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_ActionPlanSettings_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Priorities",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    GoalCodes = table.Column<string[]>(type: "text[]", nullable: false),
                    Sdgs = table.Column<int[]>(type: "integer[]", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Priorities", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_Priorities_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActionPlanItems",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    What = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Why = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    GoalCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    PriorityId = table.Column<Guid>(type: "uuid", nullable: true),
                    Who = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    When = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    BudgetSek = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    Indicator = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Target = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ActivityIds = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    LedTo = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    IndicatorOutcome = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlanItems", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_ActionPlanItems_ActionPlans_MunicipalityId_PlanId",
                        columns: x => new { x.MunicipalityId, x.PlanId },
                        principalTable: "ActionPlans",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActionPlanItems_Priorities_MunicipalityId_PriorityId",
                        columns: x => new { x.MunicipalityId, x.PriorityId },
                        principalTable: "Priorities",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActivityPriorities",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    PriorityId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityPriorities", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_ActivityPriorities_Activities_MunicipalityId_ActivityId",
                        columns: x => new { x.MunicipalityId, x.ActivityId },
                        principalTable: "Activities",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActivityPriorities_Priorities_MunicipalityId_PriorityId",
                        columns: x => new { x.MunicipalityId, x.PriorityId },
                        principalTable: "Priorities",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanItems_MunicipalityId_PlanId_Position",
                table: "ActionPlanItems",
                columns: new[] { "MunicipalityId", "PlanId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanItems_MunicipalityId_PriorityId",
                table: "ActionPlanItems",
                columns: new[] { "MunicipalityId", "PriorityId" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_MunicipalityId_RevisedFromPlanId",
                table: "ActionPlans",
                columns: new[] { "MunicipalityId", "RevisedFromPlanId" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_MunicipalityId_UnitId_Year",
                table: "ActionPlans",
                columns: new[] { "MunicipalityId", "UnitId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_MunicipalityId_Year_Status",
                table: "ActionPlans",
                columns: new[] { "MunicipalityId", "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanSettings_MunicipalityId",
                table: "ActionPlanSettings",
                column: "MunicipalityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActivityPriorities_MunicipalityId_ActivityId_PriorityId",
                table: "ActivityPriorities",
                columns: new[] { "MunicipalityId", "ActivityId", "PriorityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActivityPriorities_MunicipalityId_PriorityId",
                table: "ActivityPriorities",
                columns: new[] { "MunicipalityId", "PriorityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Priorities_MunicipalityId_Year",
                table: "Priorities",
                columns: new[] { "MunicipalityId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionPlanItems");

            migrationBuilder.DropTable(
                name: "ActionPlanSettings");

            migrationBuilder.DropTable(
                name: "ActivityPriorities");

            migrationBuilder.DropTable(
                name: "ActionPlans");

            migrationBuilder.DropTable(
                name: "Priorities");
        }
    }
}
