using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Moatown.Campaigns.Data.Migrations
{
    /// <inheritdoc />
    public partial class RollEntriesWithoutForeignKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_roll_entries_holders_holder_id",
                table: "roll_entries");

            migrationBuilder.DropForeignKey(
                name: "FK_roll_entries_roll_versions_roll_version_id",
                table: "roll_entries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "FK_roll_entries_holders_holder_id",
                table: "roll_entries",
                column: "holder_id",
                principalTable: "holders",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_roll_entries_roll_versions_roll_version_id",
                table: "roll_entries",
                column: "roll_version_id",
                principalTable: "roll_versions",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
