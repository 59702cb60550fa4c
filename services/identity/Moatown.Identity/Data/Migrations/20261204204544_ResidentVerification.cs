using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Moatown.Identity.Data.Migrations
{
    /// <inheritdoc />
    public partial class ResidentVerification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "resident_access_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    outcome = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: true),
                    holder_id = table.Column<Guid>(type: "uuid", nullable: true),
                    challenge_id = table.Column<Guid>(type: "uuid", nullable: true),
                    client_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resident_access_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "verification_challenges",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    holder_id = table.Column<Guid>(type: "uuid", nullable: true),
                    route = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    invitation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    code_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    locked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    phone_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    client_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_verification_challenges", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_resident_access_records_client_key_at",
                table: "resident_access_records",
                columns: new[] { "client_key", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_verification_challenges_campaign_id_holder_id_created_at",
                table: "verification_challenges",
                columns: new[] { "campaign_id", "holder_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_verification_challenges_client_key_created_at",
                table: "verification_challenges",
                columns: new[] { "client_key", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_verification_challenges_phone_key_created_at",
                table: "verification_challenges",
                columns: new[] { "phone_key", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "resident_access_records");

            migrationBuilder.DropTable(
                name: "verification_challenges");
        }
    }
}
