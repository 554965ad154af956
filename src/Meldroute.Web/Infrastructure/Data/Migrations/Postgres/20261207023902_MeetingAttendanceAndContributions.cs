using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meldroute.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MeetingAttendanceAndContributions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attendance",
                table: "MeetingAttendee",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChairId",
                table: "CaseTableMeetings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            // A meeting planned before it had a chair is chaired by the officer who planned it.
            migrationBuilder.Sql("UPDATE \"CaseTableMeetings\" SET \"ChairId\" = \"CreatedById\";");

            migrationBuilder.CreateTable(
                name: "MeetingContributions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    SignalId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingContributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingContributions_CaseTableMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CaseTableMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingContributions_Signals_SignalId",
                        column: x => x.SignalId,
                        principalTable: "Signals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingContributions_MeetingId_SignalId_AuthorId",
                table: "MeetingContributions",
                columns: new[] { "MeetingId", "SignalId", "AuthorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingContributions_SignalId",
                table: "MeetingContributions",
                column: "SignalId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingContributions");

            migrationBuilder.DropColumn(
                name: "Attendance",
                table: "MeetingAttendee");

            migrationBuilder.DropColumn(
                name: "ChairId",
                table: "CaseTableMeetings");
        }
    }
}
