using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meldroute.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KeysetListIndexesPerMunicipality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VictimDossiers_ClosedAt_OpenedAt_Reference",
                table: "VictimDossiers");

            migrationBuilder.DropIndex(
                name: "IX_VictimDossiers_MunicipalityId",
                table: "VictimDossiers");

            migrationBuilder.DropIndex(
                name: "IX_VictimDossiers_OpenedAt_Reference",
                table: "VictimDossiers");

            migrationBuilder.DropIndex(
                name: "IX_Signals_SubmittedById_LastChangedAt_Reference",
                table: "Signals");

            migrationBuilder.DropIndex(
                name: "IX_CaseTableMeetings_MunicipalityId",
                table: "CaseTableMeetings");

            migrationBuilder.DropIndex(
                name: "IX_CaseTableMeetings_ScheduledAt_Id",
                table: "CaseTableMeetings");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_ActorId_Sequence",
                table: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_MunicipalityId",
                table: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_ObjectId_Sequence",
                table: "AuditEvents");

            migrationBuilder.CreateIndex(
                name: "IX_VictimDossiers_Closed",
                table: "VictimDossiers",
                columns: new[] { "MunicipalityId", "OpenedAt", "Reference" },
                filter: "\"ClosedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VictimDossiers_Open",
                table: "VictimDossiers",
                columns: new[] { "MunicipalityId", "OpenedAt", "Reference" },
                filter: "\"ClosedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Signals_MunicipalityId_SubmittedById_LastChangedAt_Reference",
                table: "Signals",
                columns: new[] { "MunicipalityId", "SubmittedById", "LastChangedAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTableMeetings_MunicipalityId_ScheduledAt_Id",
                table: "CaseTableMeetings",
                columns: new[] { "MunicipalityId", "ScheduledAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_MunicipalityId_ActorId_Sequence",
                table: "AuditEvents",
                columns: new[] { "MunicipalityId", "ActorId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_MunicipalityId_ObjectId_Sequence",
                table: "AuditEvents",
                columns: new[] { "MunicipalityId", "ObjectId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_MunicipalityId_Sequence",
                table: "AuditEvents",
                columns: new[] { "MunicipalityId", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VictimDossiers_Closed",
                table: "VictimDossiers");

            migrationBuilder.DropIndex(
                name: "IX_VictimDossiers_Open",
                table: "VictimDossiers");

            migrationBuilder.DropIndex(
                name: "IX_Signals_MunicipalityId_SubmittedById_LastChangedAt_Reference",
                table: "Signals");

            migrationBuilder.DropIndex(
                name: "IX_CaseTableMeetings_MunicipalityId_ScheduledAt_Id",
                table: "CaseTableMeetings");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_MunicipalityId_ActorId_Sequence",
                table: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_MunicipalityId_ObjectId_Sequence",
                table: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_MunicipalityId_Sequence",
                table: "AuditEvents");

            migrationBuilder.CreateIndex(
                name: "IX_VictimDossiers_ClosedAt_OpenedAt_Reference",
                table: "VictimDossiers",
                columns: new[] { "ClosedAt", "OpenedAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_VictimDossiers_MunicipalityId",
                table: "VictimDossiers",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_VictimDossiers_OpenedAt_Reference",
                table: "VictimDossiers",
                columns: new[] { "OpenedAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_Signals_SubmittedById_LastChangedAt_Reference",
                table: "Signals",
                columns: new[] { "SubmittedById", "LastChangedAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTableMeetings_MunicipalityId",
                table: "CaseTableMeetings",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTableMeetings_ScheduledAt_Id",
                table: "CaseTableMeetings",
                columns: new[] { "ScheduledAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_ActorId_Sequence",
                table: "AuditEvents",
                columns: new[] { "ActorId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_MunicipalityId",
                table: "AuditEvents",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_ObjectId_Sequence",
                table: "AuditEvents",
                columns: new[] { "ObjectId", "Sequence" });
        }
    }
}
