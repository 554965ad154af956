using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meldroute.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProcessingRegisterAndSubjectIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SubjectHash",
                table: "SignalPeople",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubjectHash",
                table: "DossierVictim",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProcessingActivities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    LegalGround = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DataCategories = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DataSubjects = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Recipients = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Retention = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Safeguards = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    EnforcedBy = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessingActivities", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignalPeople_SubjectHash",
                table: "SignalPeople",
                column: "SubjectHash");

            migrationBuilder.CreateIndex(
                name: "IX_DossierVictim_SubjectHash",
                table: "DossierVictim",
                column: "SubjectHash");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessingActivities_Code",
                table: "ProcessingActivities",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProcessingActivities");

            migrationBuilder.DropIndex(
                name: "IX_SignalPeople_SubjectHash",
                table: "SignalPeople");

            migrationBuilder.DropIndex(
                name: "IX_DossierVictim_SubjectHash",
                table: "DossierVictim");

            migrationBuilder.DropColumn(
                name: "SubjectHash",
                table: "SignalPeople");

            migrationBuilder.DropColumn(
                name: "SubjectHash",
                table: "DossierVictim");
        }
    }
}
