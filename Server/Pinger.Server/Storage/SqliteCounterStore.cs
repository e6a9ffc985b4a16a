using System.Globalization;
using Microsoft.Data.Sqlite;
using Pinger.Protocol.Windows;
using Pinger.Server.Countme;

namespace Pinger.Server.Storage;

/// <summary>
/// The embedded default: one SQLite file in the state directory, in WAL mode with full synchronous commits, so a
/// committed batch survives a crash or a power cut. One connection writes (the commit loop, and the retention
/// deletes in turn with it), so the distinct values a cap check needs are kept in memory and follow the commits;
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

    // Commits and retention deletes come from different threads and share the one writing connection.
    private readonly Lock _writing = new();

    // The distinct field values and countme tuples stored per open window, for the cap checks (see KeepWithinCaps).
    private readonly StoredDistinctValues<(string Kind, string Start, string Field), string> _fieldValues = new();
    private readonly StoredDistinctValues<(string Kind, string Start), SystemTuple> _systemTuples = new();

    // PRAGMA data_version of the writer when it last committed: it changes when another connection commits.
    private long _dataVersion = -1;

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
        lock (_writing)
        {
            try
            {
                return CommitOnce(batch);
            }
            catch (Exception e) when (e is SqliteException or InvalidOperationException or IOException)
            {
                throw Unavailable("commit", e);
            }
        }
    }

    /// <inheritdoc />
    public int Prune(IReadOnlyDictionary<WindowKind, DateOnly> oldestKept)
    {
        lock (_writing)
        {
            try
            {
                return PruneOnce(oldestKept);
            }
            catch (Exception e) when (e is SqliteException or InvalidOperationException or IOException)
            {
                throw Unavailable("retention delete", e);
            }
        }
    }

    /// <inheritdoc />
    public bool Import(string contentSha256, IReadOnlyDictionary<CountmeTotalsKey, long> totals)
    {
        lock (_writing)
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

            WriteCountme(connection, transaction, BatchAggregate.OfCountme(totals));
            transaction.Commit();
            return true;
        }
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
        lock (_writing)
        {
            _writer?.Dispose();
            _writer = null;
        }

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
        ForgetIfWrittenElsewhere(connection, transaction);
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
        transaction.Commit();
        Remember(aggregate, batch.OldestOpen);
        return new CommitOutcome(counted, duplicates, overCap);
    }

    // Retention: the one place where whole windows are deleted. Anything else kept per window goes here too.
    private int PruneOnce(IReadOnlyDictionary<WindowKind, DateOnly> oldestKept)
    {
        var connection = Writer();
        using var transaction = connection.BeginTransaction(deferred: false);
        var pruned = 0;
        foreach (var (kind, oldest) in oldestKept.OrderBy(p => p.Key))
        {
            foreach (var table in new[] { "report_counts", "field_counts", "system_counts" })
            {
                using var delete = Command(connection, transaction, $"DELETE FROM {table} WHERE kind = $kind AND start < $start");
                delete.Parameters.AddWithValue("$kind", CountingWindow.NameOf(kind));
                delete.Parameters.AddWithValue("$start", Text(oldest));
                pruned += delete.ExecuteNonQuery();
            }
        }

        transaction.Commit();
        Forget(oldestKept);
        return pruned;
    }

    // Start over with fresh connections next time: the file may be back (disk space freed, volume remounted).
    // Pooled readers go too: while one is open, SQLite keeps the shared-memory index as it was opened (read-only
    // while the volume was), and every new writer would stay read-only with it. Storage may now differ from what
    // the writer remembers (a failed commit may still have become durable), so that is read again too.
    private StorageUnavailableException Unavailable(string what, Exception e)
    {
        _writer?.Dispose();
        _writer = null;
        _dataVersion = -1;
        _fieldValues.Clear();
        _systemTuples.Clear();
        using (var any = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(any);
        }

        return new StorageUnavailableException($"the SQLite {what} failed: " + e.Message, e);
    }

    // Windows before these starts are deleted or closed: they are read again should anyone ask about them.
    private void Forget(IReadOnlyDictionary<WindowKind, DateOnly> before)
    {
        var oldest = before.ToDictionary(p => CountingWindow.NameOf(p.Key), p => Text(p.Value), StringComparer.Ordinal);
        bool Older(string kind, string start) => oldest.TryGetValue(kind, out var first) && string.CompareOrdinal(start, first) < 0;
        _fieldValues.Forget(group => Older(group.Kind, group.Start));
        _systemTuples.Forget(window => Older(window.Kind, window.Start));
    }

    // The cap checks read these instead of field_counts and system_counts: the writer is the only one that adds rows.
    private int KeepWithinCaps(SqliteConnection connection, SqliteTransaction transaction, BatchAggregate aggregate)
    {
        using var values = Command(connection, transaction, "SELECT value FROM field_counts WHERE kind = $k AND start = $s AND field = $f");
        var (kind, start, field) = (values.Parameters.Add("$k", SqliteType.Text), values.Parameters.Add("$s", SqliteType.Text), values.Parameters.Add("$f", SqliteType.Text));
        IEnumerable<string> LoadValues((string Kind, string Start, string Field) group)
        {
            (kind.Value, start.Value, field.Value) = group;
            using var reader = values.ExecuteReader();
            var stored = new List<string>();
            while (reader.Read())
            {
                stored.Add(reader.GetString(0));
            }

            return stored;
        }

        var dropped = aggregate.KeepWithinCaps(
            group => _fieldValues.Of(group, LoadValues).Count,
            key => _fieldValues.Of((key.Kind, key.Start, key.Field), LoadValues).Contains(key.Value));

        using var tuples = Command(connection, transaction,
            "SELECT os_name, os_version, os_variant, os_arch, sys_age, platform FROM system_counts WHERE kind = $k AND start = $s");
        var (tupleKind, tupleStart) = (tuples.Parameters.Add("$k", SqliteType.Text), tuples.Parameters.Add("$s", SqliteType.Text));
        IEnumerable<SystemTuple> LoadTuples((string Kind, string Start) window)
        {
            (tupleKind.Value, tupleStart.Value) = window;
            using var reader = tuples.ExecuteReader();
            var stored = new List<SystemTuple>();
            while (reader.Read())
            {
                stored.Add(new SystemTuple(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
            }

            return stored;
        }

        return dropped + aggregate.KeepSystemsWithinCap(
            window => _systemTuples.Of(window, LoadTuples).Count,
            key => _systemTuples.Of((key.Kind, key.Start), LoadTuples).Contains(key.System));
    }

    // Another connection committed since this one last looked (a second server on the same file, a kept release):
    // what the writer remembers may be short of what is stored, so it reads that again. Checked inside the write
    // transaction, so nothing else can commit before this batch does.
    private void ForgetIfWrittenElsewhere(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var version = Command(connection, transaction, "PRAGMA data_version");
        var now = (long)version.ExecuteScalar()!;
        if (now != _dataVersion)
        {
            _fieldValues.Clear();
            _systemTuples.Clear();
            _dataVersion = now;
        }
    }

    // After the commit: the kept values are stored now. Windows closed since are never written again, so they are forgotten.
    private void Remember(BatchAggregate aggregate, IReadOnlyDictionary<WindowKind, DateOnly> oldestOpen)
    {
        foreach (var (kind, start, field, value) in aggregate.FieldKeys)
        {
            _fieldValues.Committed((kind, start, field), value);
        }

        foreach (var (kind, start, system) in aggregate.SystemKeys)
        {
            _systemTuples.Committed((kind, start), system);
        }

        Forget(oldestOpen);
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
