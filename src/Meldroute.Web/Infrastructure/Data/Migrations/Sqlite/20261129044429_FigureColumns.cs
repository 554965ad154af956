using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meldroute.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FigureColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CaseTableWorkingDays",
                table: "Signals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FirstAnalysisWorkingDays",
                table: "Signals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ForwardedWorkingDays",
                table: "Signals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReceivedMonth",
                table: "Signals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Signals_ReceivedMonth_Source_Forms_ClassifiedForms_DepartmentId_LocationType_InvolvesMinor",
                table: "Signals",
                columns: new[] { "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Signals_ReceivedMonth_Source_Forms_ClassifiedForms_DepartmentId_LocationType_InvolvesMinor",
                table: "Signals");

            migrationBuilder.DropColumn(
                name: "CaseTableWorkingDays",
                table: "Signals");

            migrationBuilder.DropColumn(
                name: "FirstAnalysisWorkingDays",
                table: "Signals");

            migrationBuilder.DropColumn(
                name: "ForwardedWorkingDays",
                table: "Signals");

            migrationBuilder.DropColumn(
                name: "ReceivedMonth",
                table: "Signals");
        }
    }
}
