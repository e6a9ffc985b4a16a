using Microsoft.Data.Sqlite;

namespace Pinger.Server.Storage;

/// <summary>
/// The SQLite schema as numbered migrations: a new version appends a step, and <see cref="Migrate"/> applies the
/// missing steps in one transaction, recording the version reached. Every table is a counter keyed by a window;
/// none has a column for an address, a user agent or a time finer than a window.
/// </summary>
public static class SqliteSchema
{
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE report_counts (kind TEXT NOT NULL, start TEXT NOT NULL, reports INTEGER NOT NULL,
            PRIMARY KEY (kind, start)) WITHOUT ROWID;
        CREATE TABLE field_counts (kind TEXT NOT NULL, start TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
            count INTEGER NOT NULL, PRIMARY KEY (kind, start, field, value)) WITHOUT ROWID;
        CREATE TABLE system_counts (kind TEXT NOT NULL, start TEXT NOT NULL, os_name TEXT NOT NULL, os_version TEXT NOT NULL,
            os_variant TEXT NOT NULL, os_arch TEXT NOT NULL, sys_age TEXT NOT NULL, platform TEXT NOT NULL, count INTEGER NOT NULL,
            PRIMARY KEY (kind, start, os_name, os_version, os_variant, os_arch, sys_age, platform)) WITHOUT ROWID;
        CREATE TABLE window_nonces (kind TEXT NOT NULL, start TEXT NOT NULL, nonce TEXT NOT NULL,
            PRIMARY KEY (kind, start, nonce)) WITHOUT ROWID;
        CREATE TABLE countme_totals (week_start TEXT NOT NULL, os_name TEXT NOT NULL, os_version TEXT NOT NULL,
            os_variant TEXT NOT NULL, os_arch TEXT NOT NULL, sys_age TEXT NOT NULL, repo_tag TEXT NOT NULL, repo_arch TEXT NOT NULL,
            hits INTEGER NOT NULL,
            PRIMARY KEY (week_start, os_name, os_version, os_variant, os_arch, sys_age, repo_tag, repo_arch)) WITHOUT ROWID;
        CREATE TABLE imported_files (sha256 TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
        """,
        """
        CREATE TABLE window_releases (kind TEXT NOT NULL, start TEXT NOT NULL, content TEXT NOT NULL, etag TEXT NOT NULL,
            PRIMARY KEY (kind, start)) WITHOUT ROWID;
        """,
    ];

    /// <summary>The version a fully migrated database has.</summary>
    public static int CurrentVersion => Steps.Length;

    /// <summary>Brings the database to <see cref="CurrentVersion"/>; refuses a database from a newer server.</summary>
    public static void Migrate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT max(version) FROM schema_version";
        var version = read.ExecuteScalar() is long v ? (int)v : 0;
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

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
