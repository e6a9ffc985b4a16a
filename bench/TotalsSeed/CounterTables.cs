using Microsoft.Data.Sqlite;
using Pinger.Server.Storage;

namespace TotalsSeed;

/// <summary>
/// The three counter tables in memory, filled with weighted reports, then written in one transaction into a
/// database created by the server's own migrations.
/// </summary>
internal sealed class CounterTables
{
    private readonly Dictionary<(string Kind, string Start), long> _reports = [];
    private readonly Dictionary<(string Kind, string Start, string Field, string Value), long> _fields = [];
    private readonly Dictionary<(string Kind, string Start, SystemTuple System), long> _systems = [];

    /// <summary>Counts <paramref name="report"/> <paramref name="count"/> times in each of its windows.</summary>
    public void Add(CountedReport report, long count)
    {
        foreach (var window in report.Windows)
        {
            var (kind, start) = (window.KindName, window.StartText);
            Increment(_reports, (kind, start), count);
            foreach (var value in report.Values)
            {
                Increment(_fields, (kind, start, value.Field, value.Value), count);
            }

            Increment(_systems, (kind, start, report.System), count);
        }
    }

    /// <summary>Writes every counter into a new database at <paramref name="path"/>; returns the number of rows.</summary>
    public long WriteTo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (File.Exists(path))
        {
            throw new InvalidOperationException($"{path} exists already: seed an empty state directory");
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL";
            wal.ExecuteNonQuery();
        }

        SqliteSchema.Migrate(connection);
        using var transaction = connection.BeginTransaction();
        var rows = Insert(connection, "INSERT INTO report_counts VALUES ($0, $1, $2)", _reports.Select(p => new object[] { p.Key.Kind, p.Key.Start, p.Value }))
            + Insert(connection, "INSERT INTO field_counts VALUES ($0, $1, $2, $3, $4)",
                _fields.Select(p => new object[] { p.Key.Kind, p.Key.Start, p.Key.Field, p.Key.Value, p.Value }))
            + Insert(connection, "INSERT INTO system_counts VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8)",
                _systems.Select(p => new object[]
                {
                    p.Key.Kind, p.Key.Start, p.Key.System.OsName, p.Key.System.OsVersion, p.Key.System.OsVariant, p.Key.System.OsArch,
                    p.Key.System.SysAge, p.Key.System.Platform, p.Value,
                }));
        transaction.Commit();
        return rows;
    }

    private static long Insert(SqliteConnection connection, string sql, IEnumerable<object[]> rows)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        SqliteParameter[]? parameters = null;
        long count = 0;
        foreach (var row in rows)
        {
            parameters ??= row.Select((_, i) => command.Parameters.Add(new SqliteParameter { ParameterName = "$" + i })).ToArray();
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i];
            }

            command.ExecuteNonQuery();
            count++;
        }

        return count;
    }

    private static void Increment<TKey>(Dictionary<TKey, long> counters, TKey key, long amount)
        where TKey : notnull =>
        counters[key] = counters.GetValueOrDefault(key) + amount;
}
