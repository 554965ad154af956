using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meldroute.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComenshaRegistrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DeletionReceipt_Registrations",
                table: "VictimDossiers",
                type: "INTEGER",
                nullable: true);

            // Receipts written before this column count no registrations; a dossier without a receipt keeps NULL, so
            // that EF Core still reads its receipt as absent.
            migrationBuilder.Sql("UPDATE \"VictimDossiers\" SET \"DeletionReceipt_Registrations\" = 0 WHERE \"DeletionReceipt_Rule\" IS NOT NULL;");

            migrationBuilder.CreateTable(
                name: "ComenshaRegistrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VictimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Consent = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConsentBy = table.Column<int>(type: "INTEGER", nullable: true),
                    Forms = table.Column<int>(type: "INTEGER", nullable: false),
                    Sector = table.Column<int>(type: "INTEGER", nullable: false),
                    SignalledBy = table.Column<int>(type: "INTEGER", nullable: false),
                    CountryOfOrigin = table.Column<string>(type: "TEXT", nullable: true),
                    Nationality = table.Column<string>(type: "TEXT", nullable: true),
                    AgeGroup = table.Column<string>(type: "TEXT", nullable: true),
                    Gender = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComenshaRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComenshaRegistrations_DossierVictim_VictimId",
                        column: x => x.VictimId,
                        principalTable: "DossierVictim",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ComenshaRegistrations_VictimDossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "VictimDossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComenshaRegistrations_DossierId",
                table: "ComenshaRegistrations",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_ComenshaRegistrations_VictimId",
                table: "ComenshaRegistrations",
                column: "VictimId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComenshaRegistrations");

            migrationBuilder.DropColumn(
                name: "DeletionReceipt_Registrations",
                table: "VictimDossiers");
        }
    }
}
