using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meldroute.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FigureIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Signals_ReceivedMonth_Source_Forms_ClassifiedForms_DepartmentId_LocationType_InvolvesMinor",
                table: "Signals");

            migrationBuilder.DropIndex(
                name: "IX_DecisionRoutes_SignalId",
                table: "DecisionRoutes");

            migrationBuilder.CreateIndex(
                name: "IX_Signals_ReceivedMonth_FirstAnalysisWorkingDays_CaseTableWorkingDays_ForwardedWorkingDays",
                table: "Signals",
                columns: new[] { "ReceivedMonth", "FirstAnalysisWorkingDays", "CaseTableWorkingDays", "ForwardedWorkingDays" });

            migrationBuilder.CreateIndex(
                name: "IX_Signals_ReceivedMonth_Source_Forms_ClassifiedForms_DepartmentId_LocationType_InvolvesMinor_Id",
                table: "Signals",
                columns: new[] { "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRoutes_SignalId_Route_ForwardedToPartnerId",
                table: "DecisionRoutes",
                columns: new[] { "SignalId", "Route", "ForwardedToPartnerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Signals_ReceivedMonth_FirstAnalysisWorkingDays_CaseTableWorkingDays_ForwardedWorkingDays",
                table: "Signals");

            migrationBuilder.DropIndex(
                name: "IX_Signals_ReceivedMonth_Source_Forms_ClassifiedForms_DepartmentId_LocationType_InvolvesMinor_Id",
                table: "Signals");

            migrationBuilder.DropIndex(
                name: "IX_DecisionRoutes_SignalId_Route_ForwardedToPartnerId",
                table: "DecisionRoutes");

            migrationBuilder.CreateIndex(
                name: "IX_Signals_ReceivedMonth_Source_Forms_ClassifiedForms_DepartmentId_LocationType_InvolvesMinor",
                table: "Signals",
                columns: new[] { "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor" });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRoutes_SignalId",
                table: "DecisionRoutes",
                column: "SignalId");
        }
    }
}
