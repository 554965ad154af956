using Meldroute.Web.Features.Municipalities;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Meldroute.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Municipalities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProcessingActivities_Code",
                table: "ProcessingActivities");

            migrationBuilder.DropIndex(
                name: "IX_Departments_Name",
                table: "Departments");

            migrationBuilder.DropIndex(
                name: "IX_BuildingBlocks_Name",
                table: "BuildingBlocks");

            migrationBuilder.DropIndex(
                name: "IX_BaselineCounts_Year_Form_Source",
                table: "BaselineCounts");

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "VictimDossiers",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "TrainingSessions",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "TrainingAttendance",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "SignalStatusChanges",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "Signals",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "SignalPeople",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "SignalAttachments",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "ReferenceChanges",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "ProcessingActivities",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "PendingAuditEvents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "OutboxMails",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "MeetingContributions",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "MeetingAttendee",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "LegalHolds",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "IntakeDrafts",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "IdempotencyRecords",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "HandoverLinks",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "DossierVictim",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "DossierPartners",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "DossierNotes",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "DossierConsents",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "DossierAccessGrants",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "Departments",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "DecisionRoutes",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "ContextFigures",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "ComenshaRegistrations",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "CaseTableMeetings",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "BuildingBlocks",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "BuildingBlockActivities",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "BaselineCounts",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "BalancingOfInterests",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "AuditEvents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "AspNetUsers",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "AgendaProgressNotes",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "AgendaItems",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "AgendaActivities",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "AccessReviews",
                type: "integer",
                nullable: false,
                defaultValue: Municipality.FirstId);

            migrationBuilder.CreateTable(
                name: "Municipalities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    Region = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Municipalities", x => x.Id);
                });

            // The one municipality of the installation so far gets every existing row (the columns above default to its id
            // for them); the app names it from Meldroute:MunicipalityName at its next start (MunicipalitySetup).
            migrationBuilder.Sql("INSERT INTO \"Municipalities\" (\"Name\") VALUES ('');");
            migrationBuilder.Sql("UPDATE \"AuditEvents\" SET \"MunicipalityId\" = 1;");
            migrationBuilder.Sql("UPDATE \"PendingAuditEvents\" SET \"MunicipalityId\" = 1;");
            // The default was only for the existing rows: a new row always names its municipality (the context stamps it).
            migrationBuilder.Sql("ALTER TABLE \"VictimDossiers\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"TrainingSessions\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"TrainingAttendance\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"SignalStatusChanges\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"Signals\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"SignalPeople\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"SignalAttachments\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"ReferenceChanges\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"ProcessingActivities\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"OutboxMails\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"MeetingContributions\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"MeetingAttendee\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"LegalHolds\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"IntakeDrafts\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"IdempotencyRecords\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"HandoverLinks\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"DossierVictim\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"DossierPartners\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"DossierNotes\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"DossierConsents\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"DossierAccessGrants\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"Departments\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"DecisionRoutes\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"ContextFigures\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"ComenshaRegistrations\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"CaseTableMeetings\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"BuildingBlocks\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"BuildingBlockActivities\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"BaselineCounts\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"BalancingOfInterests\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"AspNetUsers\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"AgendaProgressNotes\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"AgendaItems\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"AgendaActivities\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE \"AccessReviews\" ALTER COLUMN \"MunicipalityId\" DROP DEFAULT;");

            migrationBuilder.CreateIndex(
                name: "IX_VictimDossiers_MunicipalityId",
                table: "VictimDossiers",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_MunicipalityId",
                table: "TrainingSessions",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendance_MunicipalityId",
                table: "TrainingAttendance",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_SignalStatusChanges_MunicipalityId",
                table: "SignalStatusChanges",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_Signals_MunicipalityId",
                table: "Signals",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_SignalPeople_MunicipalityId",
                table: "SignalPeople",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_SignalAttachments_MunicipalityId",
                table: "SignalAttachments",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceChanges_MunicipalityId",
                table: "ReferenceChanges",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessingActivities_MunicipalityId_Code",
                table: "ProcessingActivities",
                columns: new[] { "MunicipalityId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_MunicipalityId",
                table: "OutboxMails",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingContributions_MunicipalityId",
                table: "MeetingContributions",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAttendee_MunicipalityId",
                table: "MeetingAttendee",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalHolds_MunicipalityId",
                table: "LegalHolds",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_IntakeDrafts_MunicipalityId",
                table: "IntakeDrafts",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_MunicipalityId",
                table: "IdempotencyRecords",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_HandoverLinks_MunicipalityId",
                table: "HandoverLinks",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierVictim_MunicipalityId",
                table: "DossierVictim",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierPartners_MunicipalityId",
                table: "DossierPartners",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierNotes_MunicipalityId",
                table: "DossierNotes",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierConsents_MunicipalityId",
                table: "DossierConsents",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierAccessGrants_MunicipalityId",
                table: "DossierAccessGrants",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_Departments_MunicipalityId_Name",
                table: "Departments",
                columns: new[] { "MunicipalityId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRoutes_MunicipalityId",
                table: "DecisionRoutes",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_ContextFigures_MunicipalityId",
                table: "ContextFigures",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_ComenshaRegistrations_MunicipalityId",
                table: "ComenshaRegistrations",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTableMeetings_MunicipalityId",
                table: "CaseTableMeetings",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_BuildingBlocks_MunicipalityId_Name",
                table: "BuildingBlocks",
                columns: new[] { "MunicipalityId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BuildingBlockActivities_MunicipalityId",
                table: "BuildingBlockActivities",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_BaselineCounts_MunicipalityId_Year_Form_Source",
                table: "BaselineCounts",
                columns: new[] { "MunicipalityId", "Year", "Form", "Source" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BalancingOfInterests_MunicipalityId",
                table: "BalancingOfInterests",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_MunicipalityId",
                table: "AuditEvents",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_MunicipalityId",
                table: "AspNetUsers",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaProgressNotes_MunicipalityId",
                table: "AgendaProgressNotes",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_MunicipalityId",
                table: "AgendaItems",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaActivities_MunicipalityId",
                table: "AgendaActivities",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessReviews_MunicipalityId",
                table: "AccessReviews",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_Municipalities_Code",
                table: "Municipalities",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Municipalities_Name",
                table: "Municipalities",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AccessReviews_Municipalities_MunicipalityId",
                table: "AccessReviews",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AgendaActivities_Municipalities_MunicipalityId",
                table: "AgendaActivities",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AgendaItems_Municipalities_MunicipalityId",
                table: "AgendaItems",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AgendaProgressNotes_Municipalities_MunicipalityId",
                table: "AgendaProgressNotes",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Municipalities_MunicipalityId",
                table: "AspNetUsers",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AuditEvents_Municipalities_MunicipalityId",
                table: "AuditEvents",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_BalancingOfInterests_Municipalities_MunicipalityId",
                table: "BalancingOfInterests",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_BaselineCounts_Municipalities_MunicipalityId",
                table: "BaselineCounts",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_BuildingBlockActivities_Municipalities_MunicipalityId",
                table: "BuildingBlockActivities",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_BuildingBlocks_Municipalities_MunicipalityId",
                table: "BuildingBlocks",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CaseTableMeetings_Municipalities_MunicipalityId",
                table: "CaseTableMeetings",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ComenshaRegistrations_Municipalities_MunicipalityId",
                table: "ComenshaRegistrations",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ContextFigures_Municipalities_MunicipalityId",
                table: "ContextFigures",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DecisionRoutes_Municipalities_MunicipalityId",
                table: "DecisionRoutes",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Departments_Municipalities_MunicipalityId",
                table: "Departments",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DossierAccessGrants_Municipalities_MunicipalityId",
                table: "DossierAccessGrants",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DossierConsents_Municipalities_MunicipalityId",
                table: "DossierConsents",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DossierNotes_Municipalities_MunicipalityId",
                table: "DossierNotes",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DossierPartners_Municipalities_MunicipalityId",
                table: "DossierPartners",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DossierVictim_Municipalities_MunicipalityId",
                table: "DossierVictim",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_HandoverLinks_Municipalities_MunicipalityId",
                table: "HandoverLinks",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_IdempotencyRecords_Municipalities_MunicipalityId",
                table: "IdempotencyRecords",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_IntakeDrafts_Municipalities_MunicipalityId",
                table: "IntakeDrafts",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_LegalHolds_Municipalities_MunicipalityId",
                table: "LegalHolds",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_MeetingAttendee_Municipalities_MunicipalityId",
                table: "MeetingAttendee",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_MeetingContributions_Municipalities_MunicipalityId",
                table: "MeetingContributions",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_OutboxMails_Municipalities_MunicipalityId",
                table: "OutboxMails",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ProcessingActivities_Municipalities_MunicipalityId",
                table: "ProcessingActivities",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ReferenceChanges_Municipalities_MunicipalityId",
                table: "ReferenceChanges",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SignalAttachments_Municipalities_MunicipalityId",
                table: "SignalAttachments",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SignalPeople_Municipalities_MunicipalityId",
                table: "SignalPeople",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Signals_Municipalities_MunicipalityId",
                table: "Signals",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SignalStatusChanges_Municipalities_MunicipalityId",
                table: "SignalStatusChanges",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_TrainingAttendance_Municipalities_MunicipalityId",
                table: "TrainingAttendance",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_TrainingSessions_Municipalities_MunicipalityId",
                table: "TrainingSessions",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_VictimDossiers_Municipalities_MunicipalityId",
                table: "VictimDossiers",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AccessReviews_Municipalities_MunicipalityId",
                table: "AccessReviews");

            migrationBuilder.DropForeignKey(
                name: "FK_AgendaActivities_Municipalities_MunicipalityId",
                table: "AgendaActivities");

            migrationBuilder.DropForeignKey(
                name: "FK_AgendaItems_Municipalities_MunicipalityId",
                table: "AgendaItems");

            migrationBuilder.DropForeignKey(
                name: "FK_AgendaProgressNotes_Municipalities_MunicipalityId",
                table: "AgendaProgressNotes");

            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_Municipalities_MunicipalityId",
                table: "AspNetUsers");

            migrationBuilder.DropForeignKey(
                name: "FK_AuditEvents_Municipalities_MunicipalityId",
                table: "AuditEvents");

            migrationBuilder.DropForeignKey(
                name: "FK_BalancingOfInterests_Municipalities_MunicipalityId",
                table: "BalancingOfInterests");

            migrationBuilder.DropForeignKey(
                name: "FK_BaselineCounts_Municipalities_MunicipalityId",
                table: "BaselineCounts");

            migrationBuilder.DropForeignKey(
                name: "FK_BuildingBlockActivities_Municipalities_MunicipalityId",
                table: "BuildingBlockActivities");

            migrationBuilder.DropForeignKey(
                name: "FK_BuildingBlocks_Municipalities_MunicipalityId",
                table: "BuildingBlocks");

            migrationBuilder.DropForeignKey(
                name: "FK_CaseTableMeetings_Municipalities_MunicipalityId",
                table: "CaseTableMeetings");

            migrationBuilder.DropForeignKey(
                name: "FK_ComenshaRegistrations_Municipalities_MunicipalityId",
                table: "ComenshaRegistrations");

            migrationBuilder.DropForeignKey(
                name: "FK_ContextFigures_Municipalities_MunicipalityId",
                table: "ContextFigures");

            migrationBuilder.DropForeignKey(
                name: "FK_DecisionRoutes_Municipalities_MunicipalityId",
                table: "DecisionRoutes");

            migrationBuilder.DropForeignKey(
                name: "FK_Departments_Municipalities_MunicipalityId",
                table: "Departments");

            migrationBuilder.DropForeignKey(
                name: "FK_DossierAccessGrants_Municipalities_MunicipalityId",
                table: "DossierAccessGrants");

            migrationBuilder.DropForeignKey(
                name: "FK_DossierConsents_Municipalities_MunicipalityId",
                table: "DossierConsents");

            migrationBuilder.DropForeignKey(
                name: "FK_DossierNotes_Municipalities_MunicipalityId",
                table: "DossierNotes");

            migrationBuilder.DropForeignKey(
                name: "FK_DossierPartners_Municipalities_MunicipalityId",
                table: "DossierPartners");

            migrationBuilder.DropForeignKey(
                name: "FK_DossierVictim_Municipalities_MunicipalityId",
                table: "DossierVictim");

            migrationBuilder.DropForeignKey(
                name: "FK_HandoverLinks_Municipalities_MunicipalityId",
                table: "HandoverLinks");

            migrationBuilder.DropForeignKey(
                name: "FK_IdempotencyRecords_Municipalities_MunicipalityId",
                table: "IdempotencyRecords");

            migrationBuilder.DropForeignKey(
                name: "FK_IntakeDrafts_Municipalities_MunicipalityId",
                table: "IntakeDrafts");

            migrationBuilder.DropForeignKey(
                name: "FK_LegalHolds_Municipalities_MunicipalityId",
                table: "LegalHolds");

            migrationBuilder.DropForeignKey(
                name: "FK_MeetingAttendee_Municipalities_MunicipalityId",
                table: "MeetingAttendee");

            migrationBuilder.DropForeignKey(
                name: "FK_MeetingContributions_Municipalities_MunicipalityId",
                table: "MeetingContributions");

            migrationBuilder.DropForeignKey(
                name: "FK_OutboxMails_Municipalities_MunicipalityId",
                table: "OutboxMails");

            migrationBuilder.DropForeignKey(
                name: "FK_ProcessingActivities_Municipalities_MunicipalityId",
                table: "ProcessingActivities");

            migrationBuilder.DropForeignKey(
                name: "FK_ReferenceChanges_Municipalities_MunicipalityId",
                table: "ReferenceChanges");

            migrationBuilder.DropForeignKey(
                name: "FK_SignalAttachments_Municipalities_MunicipalityId",
                table: "SignalAttachments");

            migrationBuilder.DropForeignKey(
                name: "FK_SignalPeople_Municipalities_MunicipalityId",
                table: "SignalPeople");

            migrationBuilder.DropForeignKey(
                name: "FK_Signals_Municipalities_MunicipalityId",
                table: "Signals");

            migrationBuilder.DropForeignKey(
                name: "FK_SignalStatusChanges_Municipalities_MunicipalityId",
                table: "SignalStatusChanges");

            migrationBuilder.DropForeignKey(
                name: "FK_TrainingAttendance_Municipalities_MunicipalityId",
                table: "TrainingAttendance");

            migrationBuilder.DropForeignKey(
                name: "FK_TrainingSessions_Municipalities_MunicipalityId",
                table: "TrainingSessions");

            migrationBuilder.DropForeignKey(
                name: "FK_VictimDossiers_Municipalities_MunicipalityId",
                table: "VictimDossiers");

            migrationBuilder.DropTable(
                name: "Municipalities");

            migrationBuilder.DropIndex(
                name: "IX_VictimDossiers_MunicipalityId",
                table: "VictimDossiers");

            migrationBuilder.DropIndex(
                name: "IX_TrainingSessions_MunicipalityId",
                table: "TrainingSessions");

            migrationBuilder.DropIndex(
                name: "IX_TrainingAttendance_MunicipalityId",
                table: "TrainingAttendance");

            migrationBuilder.DropIndex(
                name: "IX_SignalStatusChanges_MunicipalityId",
                table: "SignalStatusChanges");

            migrationBuilder.DropIndex(
                name: "IX_Signals_MunicipalityId",
                table: "Signals");

            migrationBuilder.DropIndex(
                name: "IX_SignalPeople_MunicipalityId",
                table: "SignalPeople");

            migrationBuilder.DropIndex(
                name: "IX_SignalAttachments_MunicipalityId",
                table: "SignalAttachments");

            migrationBuilder.DropIndex(
                name: "IX_ReferenceChanges_MunicipalityId",
                table: "ReferenceChanges");

            migrationBuilder.DropIndex(
                name: "IX_ProcessingActivities_MunicipalityId_Code",
                table: "ProcessingActivities");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMails_MunicipalityId",
                table: "OutboxMails");

            migrationBuilder.DropIndex(
                name: "IX_MeetingContributions_MunicipalityId",
                table: "MeetingContributions");

            migrationBuilder.DropIndex(
                name: "IX_MeetingAttendee_MunicipalityId",
                table: "MeetingAttendee");

            migrationBuilder.DropIndex(
                name: "IX_LegalHolds_MunicipalityId",
                table: "LegalHolds");

            migrationBuilder.DropIndex(
                name: "IX_IntakeDrafts_MunicipalityId",
                table: "IntakeDrafts");

            migrationBuilder.DropIndex(
                name: "IX_IdempotencyRecords_MunicipalityId",
                table: "IdempotencyRecords");

            migrationBuilder.DropIndex(
                name: "IX_HandoverLinks_MunicipalityId",
                table: "HandoverLinks");

            migrationBuilder.DropIndex(
                name: "IX_DossierVictim_MunicipalityId",
                table: "DossierVictim");

            migrationBuilder.DropIndex(
                name: "IX_DossierPartners_MunicipalityId",
                table: "DossierPartners");

            migrationBuilder.DropIndex(
                name: "IX_DossierNotes_MunicipalityId",
                table: "DossierNotes");

            migrationBuilder.DropIndex(
                name: "IX_DossierConsents_MunicipalityId",
                table: "DossierConsents");

            migrationBuilder.DropIndex(
                name: "IX_DossierAccessGrants_MunicipalityId",
                table: "DossierAccessGrants");

            migrationBuilder.DropIndex(
                name: "IX_Departments_MunicipalityId_Name",
                table: "Departments");

            migrationBuilder.DropIndex(
                name: "IX_DecisionRoutes_MunicipalityId",
                table: "DecisionRoutes");

            migrationBuilder.DropIndex(
                name: "IX_ContextFigures_MunicipalityId",
                table: "ContextFigures");

            migrationBuilder.DropIndex(
                name: "IX_ComenshaRegistrations_MunicipalityId",
                table: "ComenshaRegistrations");

            migrationBuilder.DropIndex(
                name: "IX_CaseTableMeetings_MunicipalityId",
                table: "CaseTableMeetings");

            migrationBuilder.DropIndex(
                name: "IX_BuildingBlocks_MunicipalityId_Name",
                table: "BuildingBlocks");

            migrationBuilder.DropIndex(
                name: "IX_BuildingBlockActivities_MunicipalityId",
                table: "BuildingBlockActivities");

            migrationBuilder.DropIndex(
                name: "IX_BaselineCounts_MunicipalityId_Year_Form_Source",
                table: "BaselineCounts");

            migrationBuilder.DropIndex(
                name: "IX_BalancingOfInterests_MunicipalityId",
                table: "BalancingOfInterests");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_MunicipalityId",
                table: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_MunicipalityId",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AgendaProgressNotes_MunicipalityId",
                table: "AgendaProgressNotes");

            migrationBuilder.DropIndex(
                name: "IX_AgendaItems_MunicipalityId",
                table: "AgendaItems");

            migrationBuilder.DropIndex(
                name: "IX_AgendaActivities_MunicipalityId",
                table: "AgendaActivities");

            migrationBuilder.DropIndex(
                name: "IX_AccessReviews_MunicipalityId",
                table: "AccessReviews");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "VictimDossiers");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "TrainingSessions");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "TrainingAttendance");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "SignalStatusChanges");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "Signals");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "SignalPeople");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "SignalAttachments");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "ReferenceChanges");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "ProcessingActivities");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "PendingAuditEvents");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "OutboxMails");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "MeetingContributions");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "MeetingAttendee");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "LegalHolds");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "IntakeDrafts");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "IdempotencyRecords");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "HandoverLinks");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "DossierVictim");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "DossierPartners");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "DossierNotes");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "DossierConsents");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "DossierAccessGrants");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "DecisionRoutes");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "ContextFigures");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "ComenshaRegistrations");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "CaseTableMeetings");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "BuildingBlocks");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "BuildingBlockActivities");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "BaselineCounts");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "BalancingOfInterests");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "AgendaProgressNotes");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "AgendaActivities");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "AccessReviews");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessingActivities_Code",
                table: "ProcessingActivities",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Departments_Name",
                table: "Departments",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BuildingBlocks_Name",
                table: "BuildingBlocks",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BaselineCounts_Year_Form_Source",
                table: "BaselineCounts",
                columns: new[] { "Year", "Form", "Source" },
                unique: true);
        }
    }
}
