using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meldroute.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SignalAssignedOfficer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssignedOfficerId",
                table: "Signals",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Signals_AssignedOfficerId_Status",
                table: "Signals",
                columns: new[] { "AssignedOfficerId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Signals_AssignedOfficerId_Status",
                table: "Signals");

            migrationBuilder.DropColumn(
                name: "AssignedOfficerId",
                table: "Signals");
        }
    }
}
