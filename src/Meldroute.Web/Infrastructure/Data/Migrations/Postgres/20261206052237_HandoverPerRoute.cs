using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meldroute.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HandoverPerRoute : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NoYouthCareReason",
                table: "Signals",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "BalancingId",
                table: "DecisionRoutes",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DataCategories",
                table: "DecisionRoutes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "HandoverSummary",
                table: "DecisionRoutes",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RecipientPartnerId",
                table: "DecisionRoutes",
                type: "integer",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "CaseTableMeetings",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<int>(
                name: "Categories",
                table: "BalancingOfInterests",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RecipientPartnerId",
                table: "BalancingOfInterests",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RouteId",
                table: "BalancingOfInterests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WideningReason",
                table: "BalancingOfInterests",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HandoverLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SignalId = table.Column<Guid>(type: "uuid", nullable: false),
                    RouteId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IssuedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FirstOpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Openings = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReceivedByName = table.Column<string>(type: "text", nullable: true),
                    ReceivedByOrganisation = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandoverLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HandoverLinks_DecisionRoutes_RouteId",
                        column: x => x.RouteId,
                        principalTable: "DecisionRoutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HandoverLinks_Signals_SignalId",
                        column: x => x.SignalId,
                        principalTable: "Signals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BalancingOfInterests_RouteId",
                table: "BalancingOfInterests",
                column: "RouteId");

            migrationBuilder.CreateIndex(
                name: "IX_HandoverLinks_RouteId",
                table: "HandoverLinks",
                column: "RouteId");

            migrationBuilder.CreateIndex(
                name: "IX_HandoverLinks_SignalId",
                table: "HandoverLinks",
                column: "SignalId");

            migrationBuilder.CreateIndex(
                name: "IX_HandoverLinks_TokenHash",
                table: "HandoverLinks",
                column: "TokenHash",
                unique: true);

            // Routes decided before this migration carry their route kind's default categories (HandoverRules.Defaults).
            migrationBuilder.Sql("UPDATE \"DecisionRoutes\" SET \"DataCategories\" = CASE WHEN \"Route\" IN (0, 4) THEN 13 WHEN \"Route\" IN (1, 2, 3, 5) THEN 14 ELSE 0 END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HandoverLinks");

            migrationBuilder.DropIndex(
                name: "IX_BalancingOfInterests_RouteId",
                table: "BalancingOfInterests");

            migrationBuilder.DropColumn(
                name: "NoYouthCareReason",
                table: "Signals");

            migrationBuilder.DropColumn(
                name: "BalancingId",
                table: "DecisionRoutes");

            migrationBuilder.DropColumn(
                name: "DataCategories",
                table: "DecisionRoutes");

            migrationBuilder.DropColumn(
                name: "HandoverSummary",
                table: "DecisionRoutes");

            migrationBuilder.DropColumn(
                name: "RecipientPartnerId",
                table: "DecisionRoutes");

            migrationBuilder.DropColumn(
                name: "Categories",
                table: "BalancingOfInterests");

            migrationBuilder.DropColumn(
                name: "RecipientPartnerId",
                table: "BalancingOfInterests");

            migrationBuilder.DropColumn(
                name: "RouteId",
                table: "BalancingOfInterests");

            migrationBuilder.DropColumn(
                name: "WideningReason",
                table: "BalancingOfInterests");

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "CaseTableMeetings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");
        }
    }
}
