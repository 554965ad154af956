using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meldroute.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VictimDossier : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "SignalId",
                table: "LegalHolds",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "VictimDossierId",
                table: "LegalHolds",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "VictimDossiers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SignalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosureReason = table.Column<int>(type: "INTEGER", nullable: true),
                    InvolvesMinor = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReflectionPeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReflectionPeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClosureNote = table.Column<string>(type: "TEXT", nullable: true),
                    DeletionReceipt_PurgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletionReceipt_Rule = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DeletionReceipt_Victims = table.Column<int>(type: "INTEGER", nullable: true),
                    DeletionReceipt_Notes = table.Column<int>(type: "INTEGER", nullable: true),
                    DeletionReceipt_Consents = table.Column<int>(type: "INTEGER", nullable: true),
                    DeletionReceipt_Partners = table.Column<int>(type: "INTEGER", nullable: true),
                    DeletionReceipt_Grants = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VictimDossiers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VictimDossiers_Signals_SignalId",
                        column: x => x.SignalId,
                        principalTable: "Signals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DossierAccessGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PartnerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GrantedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    GrantedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierAccessGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierAccessGrants_VictimDossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "VictimDossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierConsents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", nullable: true),
                    Given = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierConsents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierConsents_VictimDossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "VictimDossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierNotes_VictimDossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "VictimDossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierPartners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Involvement = table.Column<string>(type: "TEXT", nullable: true),
                    Since = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierPartners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierPartners_Partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "Partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DossierPartners_VictimDossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "VictimDossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierVictim",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NameOrDescription = table.Column<string>(type: "TEXT", nullable: true),
                    Age = table.Column<string>(type: "TEXT", nullable: true),
                    Minor = table.Column<int>(type: "INTEGER", nullable: false),
                    Nationality = table.Column<string>(type: "TEXT", nullable: true),
                    Language = table.Column<string>(type: "TEXT", nullable: true),
                    ContactDetails = table.Column<string>(type: "TEXT", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierVictim", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierVictim_VictimDossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "VictimDossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LegalHolds_VictimDossierId",
                table: "LegalHolds",
                column: "VictimDossierId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_LegalHolds_OneItem",
                table: "LegalHolds",
                sql: "(\"SignalId\" IS NULL) <> (\"VictimDossierId\" IS NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_DossierAccessGrants_DossierId",
                table: "DossierAccessGrants",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierAccessGrants_UserId_DossierId",
                table: "DossierAccessGrants",
                columns: new[] { "UserId", "DossierId" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierConsents_DossierId",
                table: "DossierConsents",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierNotes_DossierId",
                table: "DossierNotes",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierPartners_DossierId",
                table: "DossierPartners",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierPartners_PartnerId",
                table: "DossierPartners",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierVictim_DossierId",
                table: "DossierVictim",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_VictimDossiers_ClosedAt_OpenedAt",
                table: "VictimDossiers",
                columns: new[] { "ClosedAt", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VictimDossiers_Reference",
                table: "VictimDossiers",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VictimDossiers_SignalId",
                table: "VictimDossiers",
                column: "SignalId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_LegalHolds_VictimDossiers_VictimDossierId",
                table: "LegalHolds",
                column: "VictimDossierId",
                principalTable: "VictimDossiers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_LegalHolds_VictimDossiers_VictimDossierId",
                table: "LegalHolds");

            migrationBuilder.DropTable(
                name: "DossierAccessGrants");

            migrationBuilder.DropTable(
                name: "DossierConsents");

            migrationBuilder.DropTable(
                name: "DossierNotes");

            migrationBuilder.DropTable(
                name: "DossierPartners");

            migrationBuilder.DropTable(
                name: "DossierVictim");

            migrationBuilder.DropTable(
                name: "VictimDossiers");

            migrationBuilder.DropIndex(
                name: "IX_LegalHolds_VictimDossierId",
                table: "LegalHolds");

            migrationBuilder.DropCheckConstraint(
                name: "CK_LegalHolds_OneItem",
                table: "LegalHolds");

            migrationBuilder.DropColumn(
                name: "VictimDossierId",
                table: "LegalHolds");

            migrationBuilder.AlterColumn<Guid>(
                name: "SignalId",
                table: "LegalHolds",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
