namespace Moatown.Auditing;

/// <summary>
/// The audit tables, the same in every service database. Applied at start-up by each service (outside
/// its EF model: the audit module owns them), idempotently, so a new service gets them by joining.
/// </summary>
public static class AuditSchema
{
    public const string Records = "audit_records";
    public const string Anchors = "audit_anchors";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS audit_records (
            sequence bigint PRIMARY KEY,
            id uuid NOT NULL UNIQUE,
            recorded_at timestamptz NOT NULL,
            actor text NOT NULL,
            action text NOT NULL,
            resource text NOT NULL,
            outcome text NOT NULL,
            purpose text,
            source_address text,
            detail text,
            trace_id text,
            previous_hash bytea NOT NULL,
            hash bytea NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_audit_records_recorded_at ON audit_records (recorded_at);
        CREATE INDEX IF NOT EXISTS ix_audit_records_resource ON audit_records (resource);
        CREATE TABLE IF NOT EXISTS audit_anchors (
            sequence bigint PRIMARY KEY,
            head_hash bytea NOT NULL,
            time_stamp_token bytea NOT NULL,
            time_stamped_at timestamptz NOT NULL,
            authority text NOT NULL);
        CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
        END $$;
        DROP TRIGGER IF EXISTS audit_records_append_only ON audit_records;
        CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_records
            FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
        DROP TRIGGER IF EXISTS audit_anchors_append_only ON audit_anchors;
        CREATE TRIGGER audit_anchors_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_anchors
            FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
        """;
}
