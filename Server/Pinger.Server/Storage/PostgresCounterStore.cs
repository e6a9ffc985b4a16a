using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Pinger.Protocol.Windows;
using Pinger.Server.Countme;

namespace Pinger.Server.Storage;

/// <summary>
/// PostgreSQL, for sites that already run it or several servers sharing one database. A batch is one transaction
/// of a few round trips whatever its size: the nonces go in with one array insert, the cap checks read what is
/// stored in one more, and the counters, summed in memory, are written with one array upsert per table sent together,
/// rows in a fixed key order so concurrent servers lock them in the same order and cannot deadlock.
/// </summary>
public sealed class PostgresCounterStore(string connectionString) : ICounterStore
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    /// <inheritdoc />
    public void Open()
    {
        using var connection = _dataSource.OpenConnection();
        PostgresSchema.Migrate(connection);
    }

    /// <inheritdoc />
    public CommitOutcome Commit(CommitBatch batch)
    {
        try
        {
            using var connection = _dataSource.OpenConnection();
            using var transaction = connection.BeginTransaction();
            var fresh = InsertNonces(connection, transaction, batch.Reports);
            var aggregate = new BatchAggregate();
            var (counted, duplicates) = (0, 0);
            foreach (var report in batch.Reports)
            {
                foreach (var window in report.Windows)
                {
                    if (fresh.Remove((window.KindName, window.StartText, report.Nonce)))
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

            foreach (var hit in batch.CountmeHits)
            {
                aggregate.AddCountme(hit, 1);
            }

            var overCap = KeepWithinCaps(connection, transaction, aggregate);
            WriteAggregate(connection, transaction, aggregate, batch.OldestOpen);
            transaction.Commit();
            return new CommitOutcome(counted, duplicates, overCap);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException or IOException)
        {
            throw new StorageUnavailableException("the PostgreSQL commit failed: " + e.Message, e);
        }
    }

    /// <inheritdoc />
    public int Prune(IReadOnlyDictionary<WindowKind, DateOnly> oldestKept)
    {
        // Retention: the one place where whole windows are deleted. Anything else kept per window goes here too.
        try
        {
            using var connection = _dataSource.OpenConnection();
            using var transaction = connection.BeginTransaction();
            var pruned = 0;
            foreach (var (kind, oldest) in oldestKept.OrderBy(p => p.Key))
            {
                foreach (var table in new[] { "report_counts", "field_counts", "system_counts" })
                {
                    using var delete = new NpgsqlCommand($"DELETE FROM {table} WHERE kind = $1 AND start < $2", connection, transaction);
                    delete.Parameters.Add(new NpgsqlParameter { Value = CountingWindow.NameOf(kind) });
                    delete.Parameters.Add(new NpgsqlParameter { Value = oldest });
                    pruned += delete.ExecuteNonQuery();
                }
            }

            transaction.Commit();
            return pruned;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException or IOException)
        {
            throw new StorageUnavailableException("the PostgreSQL retention delete failed: " + e.Message, e);
        }
    }

    /// <inheritdoc />
    public bool Import(string contentSha256, IReadOnlyDictionary<CountmeTotalsKey, long> totals)
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var mark = new NpgsqlCommand("INSERT INTO imported_files (sha256) VALUES ($1) ON CONFLICT DO NOTHING", connection, transaction);
        mark.Parameters.Add(new NpgsqlParameter { Value = contentSha256 });
        if (mark.ExecuteNonQuery() == 0)
        {
            transaction.Rollback();
            return false;
        }

        WriteAggregate(connection, transaction, BatchAggregate.OfCountme(totals), new Dictionary<WindowKind, DateOnly>());
        transaction.Commit();
        return true;
    }

    /// <inheritdoc />
    public TotalsSnapshot ReadTotals(TotalsQuery query)
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        var reports = Query(connection, transaction, "SELECT kind, start, reports FROM report_counts", query, withField: false,
            r => new WindowCount(WindowOf(r), r.GetInt64(2)));
        var cells = Query(connection, transaction, "SELECT kind, start, field, value, count FROM field_counts", query, withField: true,
            r => new TotalsCell(WindowOf(r), r.GetString(2), r.GetString(3), r.GetInt64(4)));
        var systems = Query(connection, transaction,
            "SELECT kind, start, os_name, os_version, os_variant, os_arch, sys_age, platform, count FROM system_counts", query, withField: false,
            r => new SystemCount(WindowOf(r), new SystemTuple(r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7)), r.GetInt64(8)));
        transaction.Commit();
        return new TotalsSnapshot(reports, cells, systems);
    }

    /// <inheritdoc />
    public IReadOnlyList<CountmeTotal> ReadCountme(DateOnly fromWeek, DateOnly toWeek)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("""
            SELECT week_start, os_name, os_version, os_variant, os_arch, sys_age, repo_tag, repo_arch, hits FROM countme_totals
            WHERE week_start >= $1 AND week_start <= $2
            ORDER BY week_start, os_name COLLATE "C", os_version COLLATE "C", os_variant COLLATE "C", os_arch COLLATE "C",
                sys_age COLLATE "C", repo_tag COLLATE "C", repo_arch COLLATE "C"
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = fromWeek });
        command.Parameters.Add(new NpgsqlParameter { Value = toWeek });
        using var reader = command.ExecuteReader();
        var rows = new List<CountmeTotal>();
        while (reader.Read())
        {
            var key = new CountmeTotalsKey(reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7));
            rows.Add(new CountmeTotal(key, reader.GetInt64(8)));
        }

        return rows;
    }

    /// <inheritdoc />
    public StoredRelease? ReadRelease(CountingWindow window)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT content, etag FROM window_releases WHERE kind = $1 AND start = $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = window.KindName });
        command.Parameters.Add(new NpgsqlParameter { Value = window.Start });
        using var reader = command.ExecuteReader();
        return reader.Read() ? new StoredRelease(window, reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <inheritdoc />
    public StoredRelease KeepRelease(StoredRelease release)
    {
        // The primary key decides between servers storing at once: the first insert stays, the others do nothing
        // and read back the winner, so every server serves the same release.
        using var connection = _dataSource.OpenConnection();
        using var insert = new NpgsqlCommand("INSERT INTO window_releases VALUES ($1, $2, $3, $4) ON CONFLICT (kind, start) DO NOTHING", connection);
        insert.Parameters.Add(new NpgsqlParameter { Value = release.Window.KindName });
        insert.Parameters.Add(new NpgsqlParameter { Value = release.Window.Start });
        insert.Parameters.Add(new NpgsqlParameter { Value = release.Content });
        insert.Parameters.Add(new NpgsqlParameter { Value = release.ETag });
        insert.ExecuteNonQuery();
        return ReadRelease(release.Window) ?? throw new InvalidOperationException("a kept release could not be read back");
    }

    /// <inheritdoc />
    public void Check()
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT version FROM schema_version", connection);
        command.ExecuteScalar();
    }

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();

    private static CountingWindow WindowOf(NpgsqlDataReader reader) =>
        new(CountingWindow.ParseKind(reader.GetString(0)) ?? WindowKind.Day, reader.GetFieldValue<DateOnly>(1));

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static NpgsqlParameter Array<T>(IEnumerable<T> values) => new() { Value = values.ToArray() };

    private static HashSet<(string Kind, string Start, string Nonce)> InsertNonces(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<CountedReport> reports)
    {
        var rows = reports.SelectMany(r => r.Windows.Select(w => (Kind: w.KindName, w.Start, r.Nonce)))
            .OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Start).ThenBy(r => r.Nonce, StringComparer.Ordinal).ToArray();
        var fresh = new HashSet<(string, string, string)>();
        if (rows.Length == 0)
        {
            return fresh;
        }

        // A nonce twice in one batch: the first row is inserted, the second conflicts with it and is skipped.
        using var command = new NpgsqlCommand("""
            INSERT INTO window_nonces (kind, start, nonce) SELECT * FROM unnest($1::text[], $2::date[], $3::text[])
            ON CONFLICT DO NOTHING RETURNING kind, start, nonce
            """, connection, transaction);
        command.Parameters.Add(Array(rows.Select(r => r.Kind)));
        command.Parameters.Add(Array(rows.Select(r => r.Start)));
        command.Parameters.Add(Array(rows.Select(r => r.Nonce)));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var start = reader.GetFieldValue<DateOnly>(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            fresh.Add((reader.GetString(0), start, reader.GetString(2)));
        }

        return fresh;
    }

    // Values already stored need no check, so a batch that brings none new takes no lock. A (window, field) or a
    // window's countme tuples with new values is locked first (a transaction-scoped advisory lock per group, taken in
    // one fixed order), and what is stored is read again under the lock: servers sharing the database then take turns
    // only where a cap can bite, and never both take the last free place.
    private static int KeepWithinCaps(NpgsqlConnection connection, NpgsqlTransaction transaction, BatchAggregate aggregate)
    {
        var fieldKeys = aggregate.CappedFieldKeys.ToArray();
        var systemKeys = aggregate.SystemKeys.ToArray();
        if (fieldKeys.Length == 0 && systemKeys.Length == 0)
        {
            return 0;
        }

        var presentFields = new HashSet<(string, string, string, string)>();
        var presentSystems = new HashSet<(string, string, SystemTuple)>();
        using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(FieldsStored(fieldKeys));
            batch.BatchCommands.Add(SystemsStored(systemKeys));
            using var reader = batch.ExecuteReader();
            ReadFields(reader, presentFields);
            reader.NextResult();
            ReadSystems(reader, presentSystems);
        }

        var freshFields = fieldKeys.Where(k => !presentFields.Contains(k)).Select(k => (k.Kind, k.Start, k.Field)).Distinct().ToArray();
        var freshSystems = systemKeys.Where(k => !presentSystems.Contains(k)).Select(k => (k.Kind, k.Start)).Distinct().ToArray();
        var storedFields = new Dictionary<(string, string, string), long>();
        var storedSystems = new Dictionary<(string, string), long>();
        if (freshFields.Length + freshSystems.Length > 0)
        {
            var locks = freshFields.Select(g => $"field\u001f{g.Kind}\u001f{g.Start}\u001f{g.Field}")
                .Concat(freshSystems.Select(w => $"systems\u001f{w.Kind}\u001f{w.Start}"))
                .Order(StringComparer.Ordinal).ToArray();
            using var batch = new NpgsqlBatch(connection, transaction);
            var locking = new NpgsqlBatchCommand("""
                SELECT pg_advisory_xact_lock(1885957735, hashtext(q.name)) FROM (SELECT name FROM unnest($1::text[]) WITH ORDINALITY AS u(name, i) ORDER BY i) q
                """);
            locking.Parameters.Add(Array(locks));
            batch.BatchCommands.Add(locking);
            var freshFieldSet = freshFields.ToHashSet();
            var freshSystemSet = freshSystems.ToHashSet();
            batch.BatchCommands.Add(FieldsStored(fieldKeys.Where(k => freshFieldSet.Contains((k.Kind, k.Start, k.Field))).ToArray()));
            batch.BatchCommands.Add(FieldsCounted(freshFields));
            batch.BatchCommands.Add(SystemsStored(systemKeys.Where(k => freshSystemSet.Contains((k.Kind, k.Start))).ToArray()));
            batch.BatchCommands.Add(SystemsCounted(freshSystems));
            using var reader = batch.ExecuteReader();
            reader.NextResult();
            ReadFields(reader, presentFields);
            reader.NextResult();
            while (reader.Read())
            {
                storedFields[(reader.GetString(0), Text(reader.GetFieldValue<DateOnly>(1)), reader.GetString(2))] = reader.GetInt64(3);
            }

            reader.NextResult();
            ReadSystems(reader, presentSystems);
            reader.NextResult();
            while (reader.Read())
            {
                storedSystems[(reader.GetString(0), Text(reader.GetFieldValue<DateOnly>(1)))] = reader.GetInt64(2);
            }
        }

        return aggregate.KeepWithinCaps(group => storedFields.GetValueOrDefault(group), presentFields.Contains)
            + aggregate.KeepSystemsWithinCap(window => storedSystems.GetValueOrDefault(window), presentSystems.Contains);
    }

    // Which of these field values are stored.
    private static NpgsqlBatchCommand FieldsStored((string Kind, string Start, string Field, string Value)[] keys)
    {
        var command = new NpgsqlBatchCommand("""
            SELECT f.kind, f.start, f.field, f.value FROM field_counts f
            JOIN unnest($1::text[], $2::date[], $3::text[], $4::text[]) AS k(kind, start, field, value)
            ON (f.kind, f.start, f.field, f.value) = (k.kind, k.start, k.field, k.value)
            """);
        command.Parameters.Add(Array(keys.Select(k => k.Kind)));
        command.Parameters.Add(Array(keys.Select(k => Date(k.Start))));
        command.Parameters.Add(Array(keys.Select(k => k.Field)));
        command.Parameters.Add(Array(keys.Select(k => k.Value)));
        return command;
    }

    // How many distinct values each of these (window, field) groups stores.
    private static NpgsqlBatchCommand FieldsCounted((string Kind, string Start, string Field)[] groups)
    {
        var command = new NpgsqlBatchCommand("""
            SELECT f.kind, f.start, f.field, count(*) FROM field_counts f
            JOIN unnest($1::text[], $2::date[], $3::text[]) AS g(kind, start, field) ON (f.kind, f.start, f.field) = (g.kind, g.start, g.field)
            GROUP BY f.kind, f.start, f.field
            """);
        command.Parameters.Add(Array(groups.Select(g => g.Kind)));
        command.Parameters.Add(Array(groups.Select(g => Date(g.Start))));
        command.Parameters.Add(Array(groups.Select(g => g.Field)));
        return command;
    }

    // Which of these countme tuples are stored.
    private static NpgsqlBatchCommand SystemsStored((string Kind, string Start, SystemTuple System)[] keys)
    {
        var command = new NpgsqlBatchCommand("""
            SELECT s.kind, s.start, s.os_name, s.os_version, s.os_variant, s.os_arch, s.sys_age, s.platform FROM system_counts s
            JOIN unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
                AS k(kind, start, os_name, os_version, os_variant, os_arch, sys_age, platform)
            ON (s.kind, s.start, s.os_name, s.os_version, s.os_variant, s.os_arch, s.sys_age, s.platform)
             = (k.kind, k.start, k.os_name, k.os_version, k.os_variant, k.os_arch, k.sys_age, k.platform)
            """);
        command.Parameters.Add(Array(keys.Select(k => k.Kind)));
        command.Parameters.Add(Array(keys.Select(k => Date(k.Start))));
        command.Parameters.Add(Array(keys.Select(k => k.System.OsName)));
        command.Parameters.Add(Array(keys.Select(k => k.System.OsVersion)));
        command.Parameters.Add(Array(keys.Select(k => k.System.OsVariant)));
        command.Parameters.Add(Array(keys.Select(k => k.System.OsArch)));
        command.Parameters.Add(Array(keys.Select(k => k.System.SysAge)));
        command.Parameters.Add(Array(keys.Select(k => k.System.Platform)));
        return command;
    }

    // How many countme tuples each of these windows stores.
    private static NpgsqlBatchCommand SystemsCounted((string Kind, string Start)[] windows)
    {
        var command = new NpgsqlBatchCommand("""
            SELECT s.kind, s.start, count(*) FROM system_counts s
            JOIN unnest($1::text[], $2::date[]) AS w(kind, start) ON (s.kind, s.start) = (w.kind, w.start)
            GROUP BY s.kind, s.start
            """);
        command.Parameters.Add(Array(windows.Select(w => w.Kind)));
        command.Parameters.Add(Array(windows.Select(w => Date(w.Start))));
        return command;
    }

    private static void ReadFields(NpgsqlDataReader reader, HashSet<(string, string, string, string)> present)
    {
        while (reader.Read())
        {
            present.Add((reader.GetString(0), Text(reader.GetFieldValue<DateOnly>(1)), reader.GetString(2), reader.GetString(3)));
        }
    }

    private static void ReadSystems(NpgsqlDataReader reader, HashSet<(string, string, SystemTuple)> present)
    {
        while (reader.Read())
        {
            present.Add((reader.GetString(0), Text(reader.GetFieldValue<DateOnly>(1)),
                new SystemTuple(reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7))));
        }
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Every write of a batch in one round trip: the counter upserts, then the nonces of closed windows.
    private static void WriteAggregate(
        NpgsqlConnection connection, NpgsqlTransaction transaction, BatchAggregate aggregate, IReadOnlyDictionary<WindowKind, DateOnly> oldestOpen)
    {
        using var batch = new NpgsqlBatch(connection, transaction);
        var reports = aggregate.Reports.ToArray();
        Upsert(batch, """
            INSERT INTO report_counts SELECT * FROM unnest($1::text[], $2::date[], $3::bigint[])
            ON CONFLICT (kind, start) DO UPDATE SET reports = report_counts.reports + excluded.reports
            """, reports.Length,
            Array(reports.Select(p => p.Key.Kind)), Array(reports.Select(p => Date(p.Key.Start))), Array(reports.Select(p => p.Value)));
        var fields = aggregate.Fields.ToArray();
        Upsert(batch, """
            INSERT INTO field_counts SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::bigint[])
            ON CONFLICT (kind, start, field, value) DO UPDATE SET count = field_counts.count + excluded.count
            """, fields.Length,
            Array(fields.Select(p => p.Key.Kind)), Array(fields.Select(p => Date(p.Key.Start))), Array(fields.Select(p => p.Key.Field)),
            Array(fields.Select(p => p.Key.Value)), Array(fields.Select(p => p.Value)));
        var systems = aggregate.Systems.ToArray();
        Upsert(batch, """
            INSERT INTO system_counts SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[])
            ON CONFLICT (kind, start, os_name, os_version, os_variant, os_arch, sys_age, platform) DO UPDATE SET count = system_counts.count + excluded.count
            """, systems.Length,
            Array(systems.Select(p => p.Key.Kind)), Array(systems.Select(p => Date(p.Key.Start))), Array(systems.Select(p => p.Key.System.OsName)),
            Array(systems.Select(p => p.Key.System.OsVersion)), Array(systems.Select(p => p.Key.System.OsVariant)), Array(systems.Select(p => p.Key.System.OsArch)),
            Array(systems.Select(p => p.Key.System.SysAge)), Array(systems.Select(p => p.Key.System.Platform)), Array(systems.Select(p => p.Value)));
        var countme = aggregate.Countme.ToArray();
        Upsert(batch, """
            INSERT INTO countme_totals SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[])
            ON CONFLICT (week_start, os_name, os_version, os_variant, os_arch, sys_age, repo_tag, repo_arch) DO UPDATE SET hits = countme_totals.hits + excluded.hits
            """, countme.Length,
            Array(countme.Select(p => p.Key.WeekStart)), Array(countme.Select(p => p.Key.OsName)), Array(countme.Select(p => p.Key.OsVersion)),
            Array(countme.Select(p => p.Key.OsVariant)), Array(countme.Select(p => p.Key.OsArch)), Array(countme.Select(p => p.Key.SysAge)),
            Array(countme.Select(p => p.Key.RepoTag)), Array(countme.Select(p => p.Key.RepoArch)), Array(countme.Select(p => p.Value)));
        foreach (var (kind, oldest) in oldestOpen.OrderBy(p => p.Key))
        {
            Upsert(batch, "DELETE FROM window_nonces WHERE kind = $1 AND start < $2", 1,
                new NpgsqlParameter { Value = CountingWindow.NameOf(kind) }, new NpgsqlParameter { Value = oldest });
        }

        if (batch.BatchCommands.Count > 0)
        {
            batch.ExecuteNonQuery();
        }
    }

    private static void Upsert(NpgsqlBatch batch, string sql, int rows, params NpgsqlParameter[] arrays)
    {
        if (rows == 0)
        {
            return;
        }

        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(arrays);
        batch.BatchCommands.Add(command);
    }

    private static List<T> Query<T>(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string select, TotalsQuery query, bool withField, Func<NpgsqlDataReader, T> map)
    {
        var (where, values) = TotalsFilter.Of(query, withField, position => "$" + (position + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var command = new NpgsqlCommand(
            select + where + (withField ? " ORDER BY kind, start, field COLLATE \"C\", value COLLATE \"C\"" : " ORDER BY kind, start"),
            connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = value is DateOnly ? NpgsqlDbType.Date : NpgsqlDbType.Text, Value = value });
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
