using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Moatown.Campaigns.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublicEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "public_event_sequence",
                table: "campaigns",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "public_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    transaction_id = table.Column<ulong>(type: "xid8", nullable: false, defaultValueSql: "pg_current_xact_id()"),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    major = table.Column<int>(type: "integer", nullable: false),
                    district = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    district_code = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cloud_event = table.Column<string>(type: "json", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_public_events", x => x.id);
                    table.ForeignKey(
                        name: "FK_public_events_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_public_events_campaign_id_sequence",
                table: "public_events",
                columns: new[] { "campaign_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_public_events_order",
                table: "public_events",
                columns: new[] { "transaction_id", "campaign_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_public_events_unpublished",
                table: "public_events",
                columns: new[] { "transaction_id", "campaign_id", "sequence" },
                filter: "published_at IS NULL");

            // Append-only: an event city systems may already have is never changed or removed;
            // only the relay's published_at moves.
            migrationBuilder.Sql("""
                CREATE FUNCTION public_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        RAISE EXCEPTION 'public_events is append-only';
                    END IF;
                    IF (NEW.id, NEW.campaign_id, NEW.sequence, NEW.transaction_id, NEW.type, NEW.major, NEW.district,
                        NEW.district_code, NEW.occurred_at, NEW.cloud_event::text)
                       IS DISTINCT FROM (OLD.id, OLD.campaign_id, OLD.sequence, OLD.transaction_id, OLD.type, OLD.major, OLD.district,
                        OLD.district_code, OLD.occurred_at, OLD.cloud_event::text) THEN
                        RAISE EXCEPTION 'public_events is append-only';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER public_events_append_only BEFORE UPDATE OR DELETE ON public_events
                    FOR EACH ROW EXECUTE FUNCTION public_events_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "public_events");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS public_events_append_only();");

            migrationBuilder.DropColumn(
                name: "public_event_sequence",
                table: "campaigns");
        }
    }
}
