using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Pinger.Server.Campaigns.Tests.Infrastructure;

/// <summary>
/// Checks the counters straight in the database, the same way for SQLite and PostgreSQL. Every campaign report names
/// a day, a week and a month, and every window is still open, so per window kind: the reports counted, the nonces
/// kept and the platform.id cells must all agree. A batch half written (by a crash mid-commit) would break that.
/// </summary>
internal static class CounterConsistency
{
    public static IReadOnlyList<string> Problems(DbConnection connection)
    {
        var reports = PerKind(connection, "SELECT kind, SUM(reports) FROM report_counts GROUP BY kind");
        var nonces = PerKind(connection, "SELECT kind, COUNT(*) FROM window_nonces GROUP BY kind");
        var platforms = PerKind(connection, "SELECT kind, SUM(count) FROM field_counts WHERE field = 'platform.id' GROUP BY kind");
        var problems = new List<string>();
        foreach (var kind in new[] { "day", "week", "month" })
        {
            var (r, n, p) = (reports.GetValueOrDefault(kind), nonces.GetValueOrDefault(kind), platforms.GetValueOrDefault(kind));
            if (r != n || r != p)
            {
                problems.Add($"{kind}: {r} reports, {n} nonces, {p} platform.id counts");
            }
        }

        if (reports.Values.Distinct().Count() > 1)
        {
            problems.Add("window kinds disagree: " + string.Join(", ", reports.Select(p => $"{p.Key} {p.Value}")));
        }

        return problems;
    }

    /// <summary>The nonces kept for week windows: the reports counted, one each.</summary>
    public static HashSet<string> WeekNonces(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT nonce FROM window_nonces WHERE kind = 'week'";
        return [.. Rows(command)];
    }

    /// <summary>Opens the SQLite file (no server may have it open) without pooling, so nothing keeps it open after.</summary>
    public static SqliteConnection OpenSqlite(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>PRAGMA integrity_check on a file no server has open, then the counter checks; "ok" or what is wrong.</summary>
    public static string CheckSqlite(SqliteConnection connection)
    {
        using var integrity = connection.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check";
        var verdict = string.Join("; ", Rows(integrity));
        if (verdict != "ok")
        {
            return "integrity_check: " + verdict;
        }

        var problems = Problems(connection);
        return problems.Count == 0 ? "ok" : string.Join("; ", problems);
    }

    private static List<string> Rows(DbCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static Dictionary<string, long> PerKind(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, long>();
        while (reader.Read())
        {
            counts[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }
}
