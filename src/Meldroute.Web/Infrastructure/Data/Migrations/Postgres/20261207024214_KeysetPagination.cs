using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meldroute.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KeysetPagination : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VictimDossiers_ClosedAt_OpenedAt",
                table: "VictimDossiers");

            migrationBuilder.DropIndex(
                name: "IX_Signals_Status_ReceivedAt",
                table: "Signals");

            migrationBuilder.DropIndex(
                name: "IX_Signals_SubmittedById_LastChangedAt",
                table: "Signals");

            migrationBuilder.DropIndex(
                name: "IX_CaseTableMeetings_ScheduledAt",
                table: "CaseTableMeetings");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_ActorId",
                table: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_ObjectType_ObjectId",
                table: "AuditEvents");

            migrationBuilder.AddColumn<int>(
                name: "InboxRank",
                table: "Signals",
                type: "integer",
                nullable: false,
                defaultValue: 2);

            // The inbox's triage rank (Signal.RankOf) for the signals already there: forwarded and closed 3, acute 0, high 1, other 2.
            migrationBuilder.Sql("""
                UPDATE "Signals" SET "InboxRank" = CASE
                    WHEN "Status" IN (4, 5, 6) THEN 3
                    WHEN "AcuteDanger" OR "Urgency" = 2 THEN 0
                    WHEN "Urgency" = 1 THEN 1
                    ELSE 2 END;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_VictimDossiers_ClosedAt_OpenedAt_Reference",
                table: "VictimDossiers",
                columns: new[] { "ClosedAt", "OpenedAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_VictimDossiers_OpenedAt_Reference",
                table: "VictimDossiers",
                columns: new[] { "OpenedAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_Signals_InboxRank_ReceivedAt_Reference",
                table: "Signals",
                columns: new[] { "InboxRank", "ReceivedAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_Signals_Status_ReceivedAt_Reference",
                table: "Signals",
                columns: new[] { "Status", "ReceivedAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_Signals_SubmittedById_LastChangedAt_Reference",
                table: "Signals",
                columns: new[] { "SubmittedById", "LastChangedAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTableMeetings_ScheduledAt_Id",
                table: "CaseTableMeetings",
                columns: new[] { "ScheduledAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_ActorId_Sequence",
                table: "AuditEvents",
                columns: new[] { "ActorId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_ObjectId_Sequence",
                table: "AuditEvents",
                columns: new[] { "ObjectId", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VictimDossiers_ClosedAt_OpenedAt_Reference",
                table: "VictimDossiers");

            migrationBuilder.DropIndex(
                name: "IX_VictimDossiers_OpenedAt_Reference",
                table: "VictimDossiers");

            migrationBuilder.DropIndex(
                name: "IX_Signals_InboxRank_ReceivedAt_Reference",
                table: "Signals");

            migrationBuilder.DropIndex(
                name: "IX_Signals_Status_ReceivedAt_Reference",
                table: "Signals");

            migrationBuilder.DropIndex(
                name: "IX_Signals_SubmittedById_LastChangedAt_Reference",
                table: "Signals");

            migrationBuilder.DropIndex(
                name: "IX_CaseTableMeetings_ScheduledAt_Id",
                table: "CaseTableMeetings");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_ActorId_Sequence",
                table: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_ObjectId_Sequence",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "InboxRank",
                table: "Signals");

            migrationBuilder.CreateIndex(
                name: "IX_VictimDossiers_ClosedAt_OpenedAt",
                table: "VictimDossiers",
                columns: new[] { "ClosedAt", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Signals_Status_ReceivedAt",
                table: "Signals",
                columns: new[] { "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Signals_SubmittedById_LastChangedAt",
                table: "Signals",
                columns: new[] { "SubmittedById", "LastChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTableMeetings_ScheduledAt",
                table: "CaseTableMeetings",
                column: "ScheduledAt");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_ActorId",
                table: "AuditEvents",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_ObjectType_ObjectId",
                table: "AuditEvents",
                columns: new[] { "ObjectType", "ObjectId" });
        }
    }
}
