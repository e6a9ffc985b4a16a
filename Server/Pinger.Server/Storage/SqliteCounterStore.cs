using System.Globalization;
using Microsoft.Data.Sqlite;
using Pinger.Protocol.Windows;
using Pinger.Server.Countme;

namespace Pinger.Server.Storage;

/// <summary>
/// The embedded default: one SQLite file in the state directory, in WAL mode with full synchronous commits, so a
/// committed batch survives a crash or a power cut. One connection writes (the commit loop is the only writer);
/// reads use their own pooled connections and see the last committed state.
/// </summary>
public sealed class SqliteCounterStore(string databasePath) : ICounterStore
{
    /// <summary>The database's file name in the state directory.</summary>
    public const string FileName = "pinger-server.sqlite";

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 10,
    }.ToString();

    private SqliteConnection? _writer;

    /// <summary>A store in <paramref name="stateDirectory"/>.</summary>
    public static SqliteCounterStore InDirectory(string stateDirectory) => new(Path.Combine(stateDirectory, FileName));

    /// <inheritdoc />
    public void Open()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        var connection = Writer();
        SqliteSchema.Migrate(connection);
    }

    /// <inheritdoc />
    public CommitOutcome Commit(CommitBatch batch)
    {
        try
        {
            return CommitOnce(batch);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or IOException)
        {
            // Start over with fresh connections next time: the file may be back (disk space freed, volume remounted).
            // Pooled readers go too: while one is open, SQLite keeps the shared-memory index as it was opened (read-only
            // while the volume was), and every new writer would stay read-only with it.
            _writer?.Dispose();
            _writer = null;
            using (var any = new SqliteConnection(_connectionString))
            {
                SqliteConnection.ClearPool(any);
            }

            throw new StorageUnavailableException("the SQLite commit failed: " + e.Message, e);
        }
    }

    /// <inheritdoc />
    public bool Import(string contentSha256, IReadOnlyDictionary<CountmeTotalsKey, long> totals)
    {
        var connection = Writer();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var mark = Command(connection, transaction, "INSERT OR IGNORE INTO imported_files (sha256) VALUES ($sha)");
        mark.Parameters.AddWithValue("$sha", contentSha256);
        if (mark.ExecuteNonQuery() == 0)
        {
            transaction.Rollback();
            return false;
        }

        var aggregate = new BatchAggregate();
        foreach (var (key, hits) in totals)
        {
            aggregate.AddCountme(key, hits);
        }

        WriteCountme(connection, transaction, aggregate);
        transaction.Commit();
        return true;
    }

    /// <inheritdoc />
    public TotalsSnapshot ReadTotals(TotalsQuery query)
    {
        using var connection = Reader();
        using var transaction = connection.BeginTransaction(deferred: true);
        var reports = Query(connection, transaction, "SELECT kind, start, reports FROM report_counts", query, withField: false,
            r => new WindowCount(WindowOf(r), r.GetInt64(2)));
        var cells = Query(connection, transaction, "SELECT kind, start, field, value, count FROM field_counts", query, withField: true,
            r => new TotalsCell(WindowOf(r), r.GetString(2), r.GetString(3), r.GetInt64(4)));
        var systems = Query(connection, transaction,
            "SELECT kind, start, os_name, os_version, os_variant, os_arch, sys_age, platform, count FROM system_counts", query, withField: false,
            r => new SystemCount(WindowOf(r), new SystemTuple(r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7)), r.GetInt64(8)));
        return new TotalsSnapshot(reports, cells, systems);
    }

    /// <inheritdoc />
    public IReadOnlyList<CountmeTotal> ReadCountme(DateOnly fromWeek, DateOnly toWeek)
    {
        using var connection = Reader();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT week_start, os_name, os_version, os_variant, os_arch, sys_age, repo_tag, repo_arch, hits FROM countme_totals
            WHERE week_start >= $from AND week_start <= $to
            ORDER BY week_start, os_name, os_version, os_variant, os_arch, sys_age, repo_tag, repo_arch
            """;
        command.Parameters.AddWithValue("$from", Text(fromWeek));
        command.Parameters.AddWithValue("$to", Text(toWeek));
        using var reader = command.ExecuteReader();
        var rows = new List<CountmeTotal>();
        while (reader.Read())
        {
            var key = new CountmeTotalsKey(ParseDate(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7));
            rows.Add(new CountmeTotal(key, reader.GetInt64(8)));
        }

        return rows;
    }

    /// <inheritdoc />
    public StoredRelease? ReadRelease(CountingWindow window)
    {
        using var connection = Reader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT content, etag FROM window_releases WHERE kind = $kind AND start = $start";
        command.Parameters.AddWithValue("$kind", window.KindName);
        command.Parameters.AddWithValue("$start", window.StartText);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new StoredRelease(window, reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <inheritdoc />
    public StoredRelease KeepRelease(StoredRelease release)
    {
        // A connection of its own (the writer belongs to the commit loop); SQLite serialises writers, and the
        // primary key keeps the first release.
        using (var connection = Reader())
        using (var transaction = connection.BeginTransaction(deferred: false))
        {
            using var insert = Command(connection, transaction, "INSERT OR IGNORE INTO window_releases VALUES ($kind, $start, $content, $etag)");
            insert.Parameters.AddWithValue("$kind", release.Window.KindName);
            insert.Parameters.AddWithValue("$start", release.Window.StartText);
            insert.Parameters.AddWithValue("$content", release.Content);
            insert.Parameters.AddWithValue("$etag", release.ETag);
            insert.ExecuteNonQuery();
            transaction.Commit();
        }

        return ReadRelease(release.Window) ?? throw new InvalidOperationException("a kept release could not be read back");
    }

    /// <inheritdoc />
    public void Check()
    {
        using var connection = Reader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version";
        command.ExecuteScalar();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writer?.Dispose();
        _writer = null;

        // Pooled reader connections keep the file (and its WAL) open; let go of them too.
        using var any = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(any);
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static CountingWindow WindowOf(SqliteDataReader reader) =>
        new(CountingWindow.ParseKind(reader.GetString(0)) ?? WindowKind.Day, ParseDate(reader.GetString(1)));

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static List<T> Query<T>(
        SqliteConnection connection, SqliteTransaction transaction, string select, TotalsQuery query, bool withField, Func<SqliteDataReader, T> map)
    {
        var (where, values) = TotalsFilter.Of(query, withField, position => "$" + position.ToString(CultureInfo.InvariantCulture));
        using var command = Command(connection, transaction,
            select + where + (withField ? " ORDER BY kind, start, field, value" : " ORDER BY kind, start"));
        for (var i = 0; i < values.Count; i++)
        {
            command.Parameters.AddWithValue("$" + i.ToString(CultureInfo.InvariantCulture), values[i] is DateOnly date ? Text(date) : values[i]);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static void WriteCountme(SqliteConnection connection, SqliteTransaction transaction, BatchAggregate aggregate)
    {
        using var upsert = Command(connection, transaction, """
            INSERT INTO countme_totals VALUES ($w, $n, $v, $var, $a, $age, $tag, $rarch, $hits)
            ON CONFLICT DO UPDATE SET hits = hits + excluded.hits
            """);
        var parameters = new[] { "$w", "$n", "$v", "$var", "$a", "$age", "$tag", "$rarch", "$hits" }
            .Select(n => upsert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        foreach (var (key, hits) in aggregate.Countme)
        {
            object[] values = [Text(key.WeekStart), key.OsName, key.OsVersion, key.OsVariant, key.OsArch, key.SysAge, key.RepoTag, key.RepoArch, hits];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i];
            }

            upsert.ExecuteNonQuery();
        }
    }

    private SqliteConnection Reader()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private SqliteConnection Writer()
    {
        if (_writer is null)
        {
            var connection = new SqliteConnection(_connectionString);
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";
            pragmas.ExecuteNonQuery();
            _writer = connection;
        }

        return _writer;
    }

    private CommitOutcome CommitOnce(CommitBatch batch)
    {
        var connection = Writer();
        using var transaction = connection.BeginTransaction(deferred: false);
        var aggregate = new BatchAggregate();
        var (counted, duplicates) = (0, 0);
        using (var nonce = Command(connection, transaction, "INSERT OR IGNORE INTO window_nonces VALUES ($kind, $start, $nonce)"))
        {
            var (kind, start, value) = (nonce.Parameters.Add("$kind", SqliteType.Text), nonce.Parameters.Add("$start", SqliteType.Text), nonce.Parameters.Add("$nonce", SqliteType.Text));
            foreach (var report in batch.Reports)
            {
                foreach (var window in report.Windows)
                {
                    (kind.Value, start.Value, value.Value) = (window.KindName, window.StartText, report.Nonce);
                    if (nonce.ExecuteNonQuery() == 1)
                    {
                        aggregate.AddReport(window, report);
                        counted++;
                    }
                    else
                    {
                        duplicates++;
                    }
                }
            }
        }

        foreach (var hit in batch.CountmeHits)
        {
            aggregate.AddCountme(hit, 1);
        }

        var overCap = KeepWithinCaps(connection, transaction, aggregate);
        Upsert(connection, transaction, "INSERT INTO report_counts VALUES ($0, $1, $2) ON CONFLICT DO UPDATE SET reports = reports + excluded.reports",
            aggregate.Reports.Select(p => new object[] { p.Key.Kind, p.Key.Start, p.Value }));
        Upsert(connection, transaction, "INSERT INTO field_counts VALUES ($0, $1, $2, $3, $4) ON CONFLICT DO UPDATE SET count = count + excluded.count",
            aggregate.Fields.Select(p => new object[] { p.Key.Kind, p.Key.Start, p.Key.Field, p.Key.Value, p.Value }));
        Upsert(connection, transaction, "INSERT INTO system_counts VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO UPDATE SET count = count + excluded.count",
            aggregate.Systems.Select(p => new object[]
            {
                p.Key.Kind, p.Key.Start, p.Key.System.OsName, p.Key.System.OsVersion, p.Key.System.OsVariant, p.Key.System.OsArch, p.Key.System.SysAge, p.Key.System.Platform, p.Value,
            }));
        WriteCountme(connection, transaction, aggregate);
        Upsert(connection, transaction, "DELETE FROM window_nonces WHERE kind = $0 AND start < $1",
            batch.OldestOpen.Select(p => new object[] { CountingWindow.NameOf(p.Key), Text(p.Value) }));
        var pruned = Prune(connection, transaction, batch.OldestKept);
        transaction.Commit();
        return new CommitOutcome(counted, duplicates, overCap, pruned);
    }

    private static int KeepWithinCaps(SqliteConnection connection, SqliteTransaction transaction, BatchAggregate aggregate)
    {
        using var distinct = Command(connection, transaction, "SELECT count(*) FROM field_counts WHERE kind = $k AND start = $s AND field = $f");
        using var exists = Command(connection, transaction, "SELECT count(*) FROM field_counts WHERE kind = $k AND start = $s AND field = $f AND value = $v");
        long Scalar(SqliteCommand command, params object[] values)
        {
            command.Parameters.Clear();
            var names = new[] { "$k", "$s", "$f", "$v" };
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.AddWithValue(names[i], values[i]);
            }

            return (long)command.ExecuteScalar()!;
        }

        var dropped = aggregate.KeepWithinCaps(
            group => Scalar(distinct, group.Kind, group.Start, group.Field),
            key => Scalar(exists, key.Kind, key.Start, key.Field, key.Value) > 0);
        using var systems = Command(connection, transaction, "SELECT count(*) FROM system_counts WHERE kind = $k AND start = $s");
        using var system = Command(connection, transaction, """
            SELECT count(*) FROM system_counts WHERE kind = $k AND start = $s AND os_name = $0 AND os_version = $1 AND os_variant = $2
            AND os_arch = $3 AND sys_age = $4 AND platform = $5
            """);
        return dropped + aggregate.KeepSystemsWithinCap(
            window => Scalar(systems, window.Kind, window.Start),
            key =>
            {
                system.Parameters.Clear();
                system.Parameters.AddWithValue("$k", key.Kind);
                system.Parameters.AddWithValue("$s", key.Start);
                object[] parts = [key.System.OsName, key.System.OsVersion, key.System.OsVariant, key.System.OsArch, key.System.SysAge, key.System.Platform];
                for (var i = 0; i < parts.Length; i++)
                {
                    system.Parameters.AddWithValue("$" + i.ToString(CultureInfo.InvariantCulture), parts[i]);
                }

                return (long)system.ExecuteScalar()! > 0;
            });
    }

    // Retention: the one place where whole windows are deleted. Anything else kept per window goes here too.
    private static int Prune(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyDictionary<WindowKind, DateOnly>? oldestKept)
    {
        var pruned = 0;
        foreach (var (kind, oldest) in (oldestKept ?? new Dictionary<WindowKind, DateOnly>()).OrderBy(p => p.Key))
        {
            foreach (var table in new[] { "report_counts", "field_counts", "system_counts" })
            {
                using var delete = Command(connection, transaction, $"DELETE FROM {table} WHERE kind = $kind AND start < $start");
                delete.Parameters.AddWithValue("$kind", CountingWindow.NameOf(kind));
                delete.Parameters.AddWithValue("$start", Text(oldest));
                pruned += delete.ExecuteNonQuery();
            }
        }

        return pruned;
    }

    private static void Upsert(SqliteConnection connection, SqliteTransaction transaction, string sql, IEnumerable<object[]> rows)
    {
        using var command = Command(connection, transaction, sql);
        SqliteParameter[]? parameters = null;
        foreach (var row in rows)
        {
            parameters ??= row.Select((_, i) => command.Parameters.Add(new SqliteParameter { ParameterName = "$" + i.ToString(CultureInfo.InvariantCulture) })).ToArray();
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i];
            }

            command.ExecuteNonQuery();
        }
    }
}
