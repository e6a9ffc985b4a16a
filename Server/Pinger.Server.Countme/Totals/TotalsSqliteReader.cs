using Microsoft.Data.Sqlite;
using Pinger.Protocol.Windows;

namespace Pinger.Server.Countme;

/// <summary>
/// Reads mirrors-countme's <c>countme_totals(hits, weeknum, os_name, os_version, os_variant, os_arch,
/// sys_age, repo_tag, repo_arch)</c> table, read-only. Errors name the file and the row's rowid, never a value.
/// The file may be hostile: only a plain table is read (a view or a generated column could compute without end),
/// and the work SQLite may do is bounded by the file's size.
/// </summary>
internal static class TotalsSqliteReader
{
    // Reading a row of a real table costs a few dozen SQLite instructions and the row takes at least a dozen bytes.
    private const long InstructionsPerByte = 64;
    private const long MinimumInstructions = 10_000_000;
    private const int InstructionsPerCheck = 10_000;
    private const int MaxValueLength = 64 * 1024;
    private const int SqliteInterrupt = 9;

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
            var budget = Math.Max(MinimumInstructions, new FileInfo(path).Length * InstructionsPerByte);
            Bound(connection, budget);
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
                    ?? throw new FormatException($"{path}: countme_totals row {rowid}: hits is not a non-negative integer");
                var weekNumber = long.TryParse(Text(reader, 2), System.Globalization.NumberStyles.AllowLeadingSign,
                    System.Globalization.CultureInfo.InvariantCulture, out var week) && week is >= -100_000 and <= 100_000
                    ? week
                    : throw new FormatException($"{path}: countme_totals row {rowid}: weeknum is not a countme week number");
                var sysAge = TotalsField.ParseSysAge(Text(reader, 7))
                    ?? throw new FormatException($"{path}: countme_totals row {rowid}: sys_age is not an integer");
                var key = new CountmeTotalsKey(CountingCalendar.WeekStart(weekNumber),
                    Text(reader, 3) ?? "", Text(reader, 4) ?? "", Text(reader, 5) ?? "", Text(reader, 6) ?? "",
                    sysAge, Text(reader, 8) ?? "", Text(reader, 9) ?? "");
                totals[key] = checked(totals.GetValueOrDefault(key) + hits);
                rows++;
            }
            return (totals, rows);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteInterrupt)
        {
            throw new FormatException($"{path}: reading countme_totals took more work than a file of this size can need; refused", e);
        }
        catch (SqliteException e)
        {
            throw new FormatException($"{path}: not a readable countme totals database: {e.Message}", e);
        }
    }

    // Interrupts any statement once the connection has run `budget` virtual machine instructions, and caps the length
    // of any one value, so no query over this file runs (or grows) without end.
    private static void Bound(SqliteConnection connection, long budget)
    {
        long spent = 0;
        SQLitePCL.raw.sqlite3_progress_handler(connection.Handle, InstructionsPerCheck, _ =>
        {
            spent += InstructionsPerCheck;
            return spent > budget ? 1 : 0;
        }, null);
        SQLitePCL.raw.sqlite3_limit(connection.Handle, SQLitePCL.raw.SQLITE_LIMIT_LENGTH, MaxValueLength);
    }

    private static void RequireTable(string path, SqliteConnection connection)
    {
        using (var kind = connection.CreateCommand())
        {
            kind.CommandText = "SELECT type, sql FROM sqlite_schema WHERE name = 'countme_totals' COLLATE NOCASE";
            using var schema = kind.ExecuteReader();
            if (!schema.Read())
            {
                throw new FormatException($"{path}: no countme_totals table");
            }
            var type = schema.GetString(0);
            var sql = schema.IsDBNull(1) ? "" : schema.GetString(1);
            if (type != "table" || sql.StartsWith("CREATE VIRTUAL", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException($"{path}: countme_totals is a {(type == "table" ? "virtual table" : type)}, not a table; only a plain table is read");
            }
        }

        using var command = connection.CreateCommand();
        // hidden: 0 for an ordinary column; 2 and 3 for generated ones, computed at every read.
        command.CommandText = "SELECT name, hidden FROM pragma_table_xinfo('countme_totals')";
        using var reader = command.ExecuteReader();
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read())
        {
            if (reader.GetInt64(1) != 0)
            {
                throw new FormatException($"{path}: countme_totals has a generated column; only stored columns are read");
            }
            columns.Add(reader.GetString(0));
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
}
