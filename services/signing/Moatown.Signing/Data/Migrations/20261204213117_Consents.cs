using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Moatown.Signing.Data.Migrations
{
    /// <inheritdoc />
    public partial class Consents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "consents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    holder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    idempotency_key_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    form_document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    form_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    agreed_items = table.Column<int[]>(type: "integer[]", nullable: false),
                    signature_protected = table.Column<string>(type: "text", nullable: false),
                    evidence_protected = table.Column<string>(type: "text", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sealed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    document_hash = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    timestamped_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdraws_consent_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "form_reviews",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    holder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    form_document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    form_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    viewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    statutory_item_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_form_reviews", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_consents_campaign_id_holder_id_idempotency_key_hash",
                table: "consents",
                columns: new[] { "campaign_id", "holder_id", "idempotency_key_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consents_campaign_id_holder_id_submitted_at",
                table: "consents",
                columns: new[] { "campaign_id", "holder_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "IX_form_reviews_campaign_id_holder_id_viewed_at",
                table: "form_reviews",
                columns: new[] { "campaign_id", "holder_id", "viewed_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consents");

            migrationBuilder.DropTable(
                name: "form_reviews");
        }
    }
}
