using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omvarld.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// Issue 17, PostgreSQL only (the model is unchanged): statistics for the expressions of the trigram indexes
    /// (<see cref="ScaleSearchIndexes"/>). A new expression index has none until the table is next analysed, and without
    /// them the planner guessed a common word ("klimat", 15 % of the largest municipality's titles) to match 96 rows
    /// installation-wide, and read all 3 501 matches through the trigram indexes to sort them (46 ms) where walking the
    /// start-date index to the first 50 takes 7 ms. Autovacuum would analyse the table only after a tenth of it changed.
    /// </summary>
    [DbContext(typeof(PostgresOmvarldDbContext))]
    [Migration("20261206021500_AnalyzeSearchExpressions")]
    public partial class AnalyzeSearchExpressions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("ANALYZE \"Activities\";");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
