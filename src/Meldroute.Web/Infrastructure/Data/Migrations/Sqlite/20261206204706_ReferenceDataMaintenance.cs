using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meldroute.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReferenceDataMaintenance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ArchivedAt",
                table: "Partners",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "After",
                table: "PartnerChanges",
                type: "TEXT",
                maxLength: 100000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Before",
                table: "PartnerChanges",
                type: "TEXT",
                maxLength: 100000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReferenceChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ChangedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Before = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    After = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceChanges_Subject_SubjectKey_ChangedAt",
                table: "ReferenceChanges",
                columns: new[] { "Subject", "SubjectKey", "ChangedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReferenceChanges");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Partners");

            migrationBuilder.DropColumn(
                name: "After",
                table: "PartnerChanges");

            migrationBuilder.DropColumn(
                name: "Before",
                table: "PartnerChanges");
        }
    }
}
