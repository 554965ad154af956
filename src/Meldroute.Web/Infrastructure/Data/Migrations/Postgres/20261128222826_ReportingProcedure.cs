using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Meldroute.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportingProcedure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseTableMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ScheduledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTableMeetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SignalId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => new { x.UserId, x.KeyHash });
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Form = table.Column<int>(type: "integer", nullable: false),
                    TextNl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TextEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "PartnerRoutes",
                columns: table => new
                {
                    PartnerId = table.Column<int>(type: "integer", nullable: false),
                    Route = table.Column<int>(type: "integer", nullable: false),
                    IsDefault = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerRoutes", x => new { x.PartnerId, x.Route });
                    table.ForeignKey(
                        name: "FK_PartnerRoutes_Partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "Partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SignalReferenceCounters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignalReferenceCounters", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "Signals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: true),
                    SubmittedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FirstAnalysisAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OnAgendaAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ForwardedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcuteDanger = table.Column<bool>(type: "boolean", nullable: false),
                    LocationType = table.Column<int>(type: "integer", nullable: false),
                    Forms = table.Column<int>(type: "integer", nullable: false),
                    IndicatorCodes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    InvolvesMinor = table.Column<bool>(type: "boolean", nullable: false),
                    Urgency = table.Column<int>(type: "integer", nullable: false),
                    ClassifiedForms = table.Column<int>(type: "integer", nullable: false),
                    ConfirmedIndicatorCodes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ClosureCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Feedback = table.Column<int>(type: "integer", nullable: true),
                    FeedbackAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ObservedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LocationDetail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LocationOther = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SourceDetail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AnalysisNotes = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DeletionReceipt_PurgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeletionReceipt_Rule = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DeletionReceipt_People = table.Column<int>(type: "integer", nullable: true),
                    DeletionReceipt_TextFields = table.Column<int>(type: "integer", nullable: true),
                    DeletionReceipt_Assessments = table.Column<int>(type: "integer", nullable: true),
                    DeletionReceipt_BalancingRecords = table.Column<int>(type: "integer", nullable: true),
                    DeletionReceipt_RouteReasons = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Signals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingAttendee",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingAttendee", x => new { x.MeetingId, x.UserId });
                    table.ForeignKey(
                        name: "FK_MeetingAttendee_CaseTableMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CaseTableMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgendaItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    SignalId = table.Column<Guid>(type: "uuid", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Assessment = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaItems_CaseTableMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CaseTableMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgendaItems_Signals_SignalId",
                        column: x => x.SignalId,
                        principalTable: "Signals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BalancingOfInterests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SignalId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WeighedBy = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Necessity = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Proportionality = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Subsidiarity = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SharingJustified = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BalancingOfInterests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BalancingOfInterests_Signals_SignalId",
                        column: x => x.SignalId,
                        principalTable: "Signals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionRoutes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SignalId = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: true),
                    Route = table.Column<int>(type: "integer", nullable: false),
                    PartnerIds = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    IndividualCaseMeetingRequested = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ForwardedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Channel = table.Column<int>(type: "integer", nullable: true),
                    ForwardedToPartnerId = table.Column<int>(type: "integer", nullable: true),
                    ForwardedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionRoutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionRoutes_Signals_SignalId",
                        column: x => x.SignalId,
                        principalTable: "Signals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SignalPeople",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SignalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    NameOrDescription = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Age = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Minor = table.Column<int>(type: "integer", nullable: false),
                    Nationality = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Language = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ContactDetails = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignalPeople", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignalPeople_Signals_SignalId",
                        column: x => x.SignalId,
                        principalTable: "Signals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SignalStatusChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SignalId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    From = table.Column<int>(type: "integer", nullable: false),
                    To = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignalStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignalStatusChanges_Signals_SignalId",
                        column: x => x.SignalId,
                        principalTable: "Signals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_MeetingId_SignalId",
                table: "AgendaItems",
                columns: new[] { "MeetingId", "SignalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_SignalId",
                table: "AgendaItems",
                column: "SignalId");

            migrationBuilder.CreateIndex(
                name: "IX_BalancingOfInterests_SignalId",
                table: "BalancingOfInterests",
                column: "SignalId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTableMeetings_ScheduledAt",
                table: "CaseTableMeetings",
                column: "ScheduledAt");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRoutes_SignalId",
                table: "DecisionRoutes",
                column: "SignalId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAttendee_UserId",
                table: "MeetingAttendee",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SignalPeople_SignalId",
                table: "SignalPeople",
                column: "SignalId");

            migrationBuilder.CreateIndex(
                name: "IX_Signals_Reference",
                table: "Signals",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Signals_Status_ReceivedAt",
                table: "Signals",
                columns: new[] { "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Signals_SubmittedById_LastChangedAt",
                table: "Signals",
                columns: new[] { "SubmittedById", "LastChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SignalStatusChanges_SignalId",
                table: "SignalStatusChanges",
                column: "SignalId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgendaItems");

            migrationBuilder.DropTable(
                name: "BalancingOfInterests");

            migrationBuilder.DropTable(
                name: "DecisionRoutes");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "MeetingAttendee");

            migrationBuilder.DropTable(
                name: "PartnerRoutes");

            migrationBuilder.DropTable(
                name: "SignalPeople");

            migrationBuilder.DropTable(
                name: "SignalReferenceCounters");

            migrationBuilder.DropTable(
                name: "SignalStatusChanges");

            migrationBuilder.DropTable(
                name: "CaseTableMeetings");

            migrationBuilder.DropTable(
                name: "Signals");
        }
    }
}
