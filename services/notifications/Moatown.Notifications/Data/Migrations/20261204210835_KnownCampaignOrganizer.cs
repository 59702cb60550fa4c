using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Moatown.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class KnownCampaignOrganizer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "organizer",
                table: "known_campaigns",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "organizer",
                table: "known_campaigns");
        }
    }
}
