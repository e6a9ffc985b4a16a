namespace Pinger.Server.Configuration;

/// <summary>Where the counters are kept.</summary>
public enum StorageBackend
{
    /// <summary>An embedded SQLite file in the state directory (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database named by <c>storage.postgresql_connection</c>.</summary>
    PostgreSql,
}
