using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Moatown.Campaigns.Data.Migrations
{
    /// <inheritdoc />
    public partial class ResidentMatching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "contact_index",
                table: "roll_entries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "person_index",
                table: "roll_entries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "verification_method",
                table: "holders",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "verified_at",
                table: "holders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_roll_entries_roll_version_id_contact_index",
                table: "roll_entries",
                columns: new[] { "roll_version_id", "contact_index" },
                filter: "contact_index IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_roll_entries_roll_version_id_person_index",
                table: "roll_entries",
                columns: new[] { "roll_version_id", "person_index" },
                filter: "person_index IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_roll_entries_roll_version_id_contact_index",
                table: "roll_entries");

            migrationBuilder.DropIndex(
                name: "IX_roll_entries_roll_version_id_person_index",
                table: "roll_entries");

            migrationBuilder.DropColumn(
                name: "contact_index",
                table: "roll_entries");

            migrationBuilder.DropColumn(
                name: "person_index",
                table: "roll_entries");

            migrationBuilder.DropColumn(
                name: "verification_method",
                table: "holders");

            migrationBuilder.DropColumn(
                name: "verified_at",
                table: "holders");
        }
    }
}
