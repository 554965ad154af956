using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meldroute.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListIndexesPerMunicipality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Signals_InboxRank_ReceivedAt_Reference",
                table: "Signals");

            migrationBuilder.DropIndex(
                name: "IX_Signals_MunicipalityId",
                table: "Signals");

            migrationBuilder.DropIndex(
                name: "IX_Signals_ReceivedMonth_FirstAnalysisWorkingDays_CaseTableWor~",
                table: "Signals");

            migrationBuilder.DropIndex(
                name: "IX_Signals_ReceivedMonth_Source_Forms_ClassifiedForms_Departme~",
                table: "Signals");

            migrationBuilder.DropIndex(
                name: "IX_Signals_Status_ReceivedAt_Reference",
                table: "Signals");

            migrationBuilder.CreateIndex(
                name: "IX_Signals_MunicipalityId_InboxRank_ReceivedAt_Reference",
                table: "Signals",
                columns: new[] { "MunicipalityId", "InboxRank", "ReceivedAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_Signals_MunicipalityId_ReceivedMonth_FirstAnalysisWorkingDa~",
                table: "Signals",
                columns: new[] { "MunicipalityId", "ReceivedMonth", "FirstAnalysisWorkingDays", "CaseTableWorkingDays", "ForwardedWorkingDays" });

            migrationBuilder.CreateIndex(
                name: "IX_Signals_MunicipalityId_ReceivedMonth_Source_Forms_Classifie~",
                table: "Signals",
                columns: new[] { "MunicipalityId", "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Signals_MunicipalityId_Status_ReceivedAt_Reference",
                table: "Signals",
                columns: new[] { "MunicipalityId", "Status", "ReceivedAt", "Reference" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Signals_MunicipalityId_InboxRank_ReceivedAt_Reference",
                table: "Signals");

            migrationBuilder.DropIndex(
                name: "IX_Signals_MunicipalityId_ReceivedMonth_FirstAnalysisWorkingDa~",
                table: "Signals");

            migrationBuilder.DropIndex(
                name: "IX_Signals_MunicipalityId_ReceivedMonth_Source_Forms_Classifie~",
                table: "Signals");

            migrationBuilder.DropIndex(
                name: "IX_Signals_MunicipalityId_Status_ReceivedAt_Reference",
                table: "Signals");

            migrationBuilder.CreateIndex(
                name: "IX_Signals_InboxRank_ReceivedAt_Reference",
                table: "Signals",
                columns: new[] { "InboxRank", "ReceivedAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_Signals_MunicipalityId",
                table: "Signals",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_Signals_ReceivedMonth_FirstAnalysisWorkingDays_CaseTableWor~",
                table: "Signals",
                columns: new[] { "ReceivedMonth", "FirstAnalysisWorkingDays", "CaseTableWorkingDays", "ForwardedWorkingDays" });

            migrationBuilder.CreateIndex(
                name: "IX_Signals_ReceivedMonth_Source_Forms_ClassifiedForms_Departme~",
                table: "Signals",
                columns: new[] { "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Signals_Status_ReceivedAt_Reference",
                table: "Signals",
                columns: new[] { "Status", "ReceivedAt", "Reference" });
        }
    }
}
