using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Moatown.Campaigns.Data.Migrations
{
    /// <inheritdoc />
    public partial class InvitationOpened : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "opened_at",
                table: "invitations",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "opened_at",
                table: "invitations");
        }
    }
}
