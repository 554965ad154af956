using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meldroute.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartnersPerMunicipality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Partners_Name",
                table: "Partners");

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "Partners",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Partners_MunicipalityId_Name",
                table: "Partners",
                columns: new[] { "MunicipalityId", "Name" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Partners_Municipalities_MunicipalityId",
                table: "Partners",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Partners_Municipalities_MunicipalityId",
                table: "Partners");

            migrationBuilder.DropIndex(
                name: "IX_Partners_MunicipalityId_Name",
                table: "Partners");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "Partners");

            migrationBuilder.CreateIndex(
                name: "IX_Partners_Name",
                table: "Partners",
                column: "Name",
                unique: true);
        }
    }
}
