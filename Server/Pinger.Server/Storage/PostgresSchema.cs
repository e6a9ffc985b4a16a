using Npgsql;

namespace Pinger.Server.Storage;

/// <summary>
/// The PostgreSQL schema as numbered migrations, applied under an advisory lock so that several servers starting
/// together migrate once. The tables mirror SQLite's; window starts are dates.
/// </summary>
public static class PostgresSchema
{
    private const long MigrationLock = 0x70696e676572; // "pinger"

    private static readonly string[] Steps =
    [
        """
        CREATE TABLE report_counts (kind text NOT NULL, start date NOT NULL, reports bigint NOT NULL, PRIMARY KEY (kind, start));
        CREATE TABLE field_counts (kind text NOT NULL, start date NOT NULL, field text NOT NULL, value text NOT NULL,
            count bigint NOT NULL, PRIMARY KEY (kind, start, field, value));
        CREATE TABLE system_counts (kind text NOT NULL, start date NOT NULL, os_name text NOT NULL, os_version text NOT NULL,
            os_variant text NOT NULL, os_arch text NOT NULL, sys_age text NOT NULL, platform text NOT NULL, count bigint NOT NULL,
            PRIMARY KEY (kind, start, os_name, os_version, os_variant, os_arch, sys_age, platform));
        CREATE TABLE window_nonces (kind text NOT NULL, start date NOT NULL, nonce text NOT NULL, PRIMARY KEY (kind, start, nonce));
        CREATE TABLE countme_totals (week_start date NOT NULL, os_name text NOT NULL, os_version text NOT NULL,
            os_variant text NOT NULL, os_arch text NOT NULL, sys_age text NOT NULL, repo_tag text NOT NULL, repo_arch text NOT NULL,
            hits bigint NOT NULL, PRIMARY KEY (week_start, os_name, os_version, os_variant, os_arch, sys_age, repo_tag, repo_arch));
        CREATE TABLE imported_files (sha256 text NOT NULL PRIMARY KEY);
        """,
        """
        CREATE TABLE window_releases (kind text NOT NULL, start date NOT NULL, content text NOT NULL, etag text NOT NULL,
            PRIMARY KEY (kind, start));
        """,
    ];

    /// <summary>The version a fully migrated database has.</summary>
    public static int CurrentVersion => Steps.Length;

    /// <summary>Brings the database to <see cref="CurrentVersion"/>; refuses a database from a newer server.</summary>
    public static void Migrate(NpgsqlConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})");
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)");
        using var read = new NpgsqlCommand("SELECT max(version) FROM schema_version", connection, transaction);
        var version = read.ExecuteScalar() is int v ? v : 0;
        if (version > CurrentVersion)
        {
            throw new InvalidOperationException($"the database has schema version {version}, newer than this server's {CurrentVersion}");
        }

        for (var step = version; step < CurrentVersion; step++)
        {
            Execute(connection, transaction, Steps[step]);
        }

        if (version < CurrentVersion)
        {
            Execute(connection, transaction, $"DELETE FROM schema_version; INSERT INTO schema_version VALUES ({CurrentVersion})");
        }

        transaction.Commit();
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
