using Npgsql;

namespace Moatown.ServiceDefaults.Data;

/// <summary>
/// The two ways a service meets its database. The configured login owns the schema and is used only
/// to migrate it; everything else runs as the service's runtime role (a startup option on every
/// connection, which survives the pool's reset), which may read and write the service's tables but
/// cannot change or delete audit records.
/// </summary>
public sealed record ServiceDatabaseConnections(string OwnerConnectionString, string RuntimeConnectionString, string? RuntimeRole)
{
    /// <summary><c>Database:RuntimeRole</c> names the role; empty turns the separation off (the login's own rights).</summary>
    public const string RuntimeRoleSetting = "Database:RuntimeRole";

    public static ServiceDatabaseConnections From(string ownerConnectionString, string? configuredRole)
    {
        var owner = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        var role = configuredRole ?? (owner.Database is { Length: > 0 } database ? $"{database}_runtime" : null);
        if (string.IsNullOrEmpty(role))
        {
            return new(ownerConnectionString, ownerConnectionString, null);
        }
        var runtime = new NpgsqlConnectionStringBuilder(ownerConnectionString)
        {
            Options = $"{owner.Options} -c role={role}".Trim(),
        };
        return new(ownerConnectionString, runtime.ConnectionString, role);
    }

    /// <summary>
    /// Creates the runtime role when missing and gives it exactly what the service needs, after every
    /// migration (new tables included). Run as the owner, under a lock so replicas do not race.
    /// </summary>
    public string RuntimeRoleGrants() => RuntimeRole is null ? "" : $"""
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {Literal(RuntimeRole)}) THEN
                CREATE ROLE {Identifier(RuntimeRole)} NOLOGIN;
            END IF;
            IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
                EXECUTE format('GRANT %I TO %I', {Literal(RuntimeRole)}, current_user);
            END IF;
        EXCEPTION WHEN duplicate_object THEN NULL;
        END $$;
        GRANT USAGE ON SCHEMA public TO {Identifier(RuntimeRole)};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {Identifier(RuntimeRole)};
        GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {Identifier(RuntimeRole)};
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_records, audit_anchors FROM {Identifier(RuntimeRole)};
        """;

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
