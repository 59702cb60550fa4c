using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Moatown.Campaigns.Data.Migrations
{
    /// <inheritdoc />
    public partial class CampaignRegistryAndLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "area_address",
                table: "campaigns",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "area_name",
                table: "campaigns",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_at",
                table: "campaigns",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "consent_form",
                table: "campaigns",
                type: "jsonb",
                nullable: false,
                defaultValue: "{\"title\":\"\",\"body\":\"\",\"statutoryItems\":[]}");

            migrationBuilder.AddColumn<string>(
                name: "district",
                table: "campaigns",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "exclude_public_land",
                table: "campaigns",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "group_rule",
                table: "campaigns",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "MajorityOfShares");

            migrationBuilder.AddColumn<decimal>(
                name: "land_area_threshold",
                table: "campaigns",
                type: "numeric(9,6)",
                precision: 9,
                scale: 6,
                nullable: false,
                defaultValue: 0.5m);

            migrationBuilder.AddColumn<long>(
                name: "ledger_sequence",
                table: "campaigns",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "opened_at",
                table: "campaigns",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "owner_threshold",
                table: "campaigns",
                type: "numeric(9,6)",
                precision: 9,
                scale: 6,
                nullable: false,
                defaultValue: 0.6m);

            migrationBuilder.AddColumn<string>(
                name: "rule_set",
                table: "campaigns",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "decree-33-2024");

            migrationBuilder.AddColumn<bool>(
                name: "threshold_met",
                table: "campaigns",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "campaigns",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Campaigns created before these columns existed: the defaults of counting-rules.md
            // (above), their own name as the area's, and their creation as their last change.
            migrationBuilder.Sql("UPDATE campaigns SET area_name = name, updated_at = created_at;");

            migrationBuilder.CreateTable(
                name: "consent_ledger",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    holder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    document_hash = table.Column<string>(type: "character varying(71)", maxLength: 71, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_ledger", x => x.id);
                    table.ForeignKey(
                        name: "FK_consent_ledger_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_consent_ledger_holders_holder_id",
                        column: x => x.holder_id,
                        principalTable: "holders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_consent_ledger_campaign_id_sequence",
                table: "consent_ledger",
                columns: new[] { "campaign_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consent_ledger_holder_id",
                table: "consent_ledger",
                column: "holder_id");

            migrationBuilder.CreateIndex(
                name: "ux_consent_ledger_electronic_reference",
                table: "consent_ledger",
                columns: new[] { "campaign_id", "source", "reference" },
                unique: true,
                filter: "source = 'Electronic'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consent_ledger");

            migrationBuilder.DropColumn(
                name: "area_address",
                table: "campaigns");

            migrationBuilder.DropColumn(
                name: "area_name",
                table: "campaigns");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "campaigns");

            migrationBuilder.DropColumn(
                name: "consent_form",
                table: "campaigns");

            migrationBuilder.DropColumn(
                name: "district",
                table: "campaigns");

            migrationBuilder.DropColumn(
                name: "exclude_public_land",
                table: "campaigns");

            migrationBuilder.DropColumn(
                name: "group_rule",
                table: "campaigns");

            migrationBuilder.DropColumn(
                name: "land_area_threshold",
                table: "campaigns");

            migrationBuilder.DropColumn(
                name: "ledger_sequence",
                table: "campaigns");

            migrationBuilder.DropColumn(
                name: "opened_at",
                table: "campaigns");

            migrationBuilder.DropColumn(
                name: "owner_threshold",
                table: "campaigns");

            migrationBuilder.DropColumn(
                name: "rule_set",
                table: "campaigns");

            migrationBuilder.DropColumn(
                name: "threshold_met",
                table: "campaigns");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "campaigns");
        }
    }
}
