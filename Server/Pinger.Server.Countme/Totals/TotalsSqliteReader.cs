using Microsoft.Data.Sqlite;
using Pinger.Protocol.Windows;

namespace Pinger.Server.Countme;

/// <summary>
/// Reads mirrors-countme's <c>countme_totals(hits, weeknum, os_name, os_version, os_variant, os_arch,
/// sys_age, repo_tag, repo_arch)</c> table, read-only. Errors name the file and the row's rowid.
/// </summary>
internal static class TotalsSqliteReader
{
    private const string Query =
        "SELECT rowid, hits, weeknum, os_name, os_version, os_variant, os_arch, sys_age, repo_tag, repo_arch FROM countme_totals ORDER BY rowid";

    public static (Dictionary<CountmeTotalsKey, long> Totals, long Rows) Read(string path)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            // No pool: the file must be closed when we return, so the caller may move or delete it.
            Pooling = false,
        }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            RequireTable(path, connection);
            using var command = connection.CreateCommand();
            command.CommandText = Query;
            using var reader = command.ExecuteReader();
            var totals = new Dictionary<CountmeTotalsKey, long>();
            long rows = 0;
            while (reader.Read())
            {
                var rowid = reader.GetInt64(0);
                var hits = TotalsField.ParseHits(Text(reader, 1))
                    ?? throw new FormatException($"{path}: countme_totals row {rowid}: hits {Describe(reader, 1)} is not a non-negative integer");
                var weekNumber = long.TryParse(Text(reader, 2), System.Globalization.NumberStyles.AllowLeadingSign,
                    System.Globalization.CultureInfo.InvariantCulture, out var week) && week is >= -100_000 and <= 100_000
                    ? week
                    : throw new FormatException($"{path}: countme_totals row {rowid}: weeknum {Describe(reader, 2)} is not a countme week number");
                var sysAge = TotalsField.ParseSysAge(Text(reader, 7))
                    ?? throw new FormatException($"{path}: countme_totals row {rowid}: sys_age {Describe(reader, 7)} is not an integer");
                var key = new CountmeTotalsKey(CountingCalendar.WeekStart(weekNumber),
                    Text(reader, 3) ?? "", Text(reader, 4) ?? "", Text(reader, 5) ?? "", Text(reader, 6) ?? "",
                    sysAge, Text(reader, 8) ?? "", Text(reader, 9) ?? "");
                totals[key] = checked(totals.GetValueOrDefault(key) + hits);
                rows++;
            }
            return (totals, rows);
        }
        catch (SqliteException e)
        {
            throw new FormatException($"{path}: not a readable countme totals database: {e.Message}", e);
        }
    }

    private static void RequireTable(string path, SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info('countme_totals')";
        using var reader = command.ExecuteReader();
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }
        if (columns.Count == 0)
        {
            throw new FormatException($"{path}: no countme_totals table");
        }
        string[] expected = ["hits", "weeknum", "os_name", "os_version", "os_variant", "os_arch", "sys_age", "repo_tag", "repo_arch"];
        var missing = expected.Where(c => !columns.Contains(c)).ToArray();
        if (missing.Length > 0)
        {
            throw new FormatException($"{path}: countme_totals lacks column(s) {string.Join(", ", missing)}");
        }
    }

    // SQLite's columns are loosely typed (weeknum is TEXT, hits INTEGER); read every value as its text.
    private static string? Text(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToString(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(SqliteDataReader reader, int ordinal) => Text(reader, ordinal) is { } text ? $"'{text}'" : "NULL";
}
