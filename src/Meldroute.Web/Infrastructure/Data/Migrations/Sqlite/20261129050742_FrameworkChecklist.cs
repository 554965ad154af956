using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meldroute.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FrameworkChecklist : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BuildingBlocks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Plateau = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: true),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LacksNationalFunding = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BuildingBlocks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BuildingBlockActivities",
                columns: table => new
                {
                    BuildingBlockId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BuildingBlockActivities", x => new { x.BuildingBlockId, x.ActivityId });
                    table.ForeignKey(
                        name: "FK_BuildingBlockActivities_AgendaActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "AgendaActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BuildingBlockActivities_BuildingBlocks_BuildingBlockId",
                        column: x => x.BuildingBlockId,
                        principalTable: "BuildingBlocks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BuildingBlockActivities_ActivityId",
                table: "BuildingBlockActivities",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_BuildingBlocks_Name",
                table: "BuildingBlocks",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BuildingBlockActivities");

            migrationBuilder.DropTable(
                name: "BuildingBlocks");
        }
    }
}
