using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Moatown.Campaigns.Data.Migrations
{
    /// <inheritdoc />
    public partial class OwnerRoll : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "holders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key_index = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_holders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "roll_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<string>(type: "character varying(71)", maxLength: 71, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    imported_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rows = table.Column<int>(type: "integer", nullable: false),
                    properties = table.Column<int>(type: "integer", nullable: false),
                    holders = table.Column<int>(type: "integer", nullable: false),
                    warnings = table.Column<int>(type: "integer", nullable: false),
                    is_current = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roll_versions", x => x.id);
                    table.ForeignKey(
                        name: "FK_roll_versions_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "roll_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    roll_version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    holder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line = table.Column<int>(type: "integer", nullable: false),
                    property_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    property_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    lot_number = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    land_area_m2 = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: true),
                    share = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_representative = table.Column<bool>(type: "boolean", nullable: false),
                    owner_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    managing_authority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    owner_id_protected = table.Column<string>(type: "text", nullable: true),
                    owner_name_protected = table.Column<string>(type: "text", nullable: false),
                    birth_date_protected = table.Column<string>(type: "text", nullable: true),
                    phone_protected = table.Column<string>(type: "text", nullable: true),
                    address_protected = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roll_entries", x => x.id);
                    table.ForeignKey(
                        name: "FK_roll_entries_holders_holder_id",
                        column: x => x.holder_id,
                        principalTable: "holders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_roll_entries_roll_versions_roll_version_id",
                        column: x => x.roll_version_id,
                        principalTable: "roll_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_holders_campaign_id_key_index",
                table: "holders",
                columns: new[] { "campaign_id", "key_index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_roll_entries_holder_id",
                table: "roll_entries",
                column: "holder_id");

            migrationBuilder.CreateIndex(
                name: "IX_roll_entries_roll_version_id",
                table: "roll_entries",
                column: "roll_version_id");

            migrationBuilder.CreateIndex(
                name: "ux_roll_versions_current",
                table: "roll_versions",
                column: "campaign_id",
                unique: true,
                filter: "is_current");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "roll_entries");

            migrationBuilder.DropTable(
                name: "holders");

            migrationBuilder.DropTable(
                name: "roll_versions");
        }
    }
}
