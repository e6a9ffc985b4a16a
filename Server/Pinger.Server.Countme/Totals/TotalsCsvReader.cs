using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Pinger.Server.Countme;

/// <summary>
/// Reads a published totals CSV, refusing anything off its format with the file, line and column. Messages never
/// repeat what the file holds: a file given by mistake (an access log) has client addresses in every line.
/// </summary>
internal static class TotalsCsvReader
{
    /// <summary>The longest field accepted: every column of a real file is a few dozen characters.</summary>
    private const int MaxFieldLength = 4096;

    public static (Dictionary<CountmeTotalsKey, long> Totals, long Rows) Read(string path, Stream content)
    {
        using var text = new StreamReader(content, leaveOpen: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            // Quotes inside an unquoted field, or text after a closing quote: not what a csv writer produces.
            BadDataFound = args => throw new FormatException(
                $"{path}: line {args.Context.Parser?.RawRow}: a badly quoted field"),
            // A line without a newline in sight (a binary file, a hostile one) is refused instead of held in memory.
            MaxFieldSize = MaxFieldLength,
        };
        using var parser = new CsvParser(text, config);
        try
        {
            return ReadRecords(path, parser);
        }
        catch (CsvHelperException e)
        {
            // CsvHelper's own messages quote the raw record: name the line and the problem only.
            var problem = e is MaxFieldSizeException ? $"a field longer than {MaxFieldLength} characters" : "not a CSV record";
            throw new FormatException($"{path}: line {parser.RawRow}: {problem}", e);
        }
    }

    private static (Dictionary<CountmeTotalsKey, long> Totals, long Rows) ReadRecords(string path, CsvParser parser)
    {
        if (!parser.Read() || parser.Record is null)
        {
            throw new FormatException($"{path}: line 1: empty file, expected the header '{CountmeTotalsCsv.Header}'");
        }
        // StreamReader has already dropped a byte-order mark; CsvHelper skips blank lines.
        var header = string.Join(',', parser.Record);
        if (header != CountmeTotalsCsv.Header)
        {
            throw new FormatException($"{path}: line {parser.RawRow}: expected the header '{CountmeTotalsCsv.Header}', found another line"
                + " (not shown: it may hold client addresses; access logs are imported with import-log)");
        }
        var totals = new Dictionary<CountmeTotalsKey, long>();
        long rows = 0;
        while (parser.Read())
        {
            var record = parser.Record!;
            var line = parser.RawRow;
            if (record.Length != CountmeTotalsCsv.Columns.Length)
            {
                throw new FormatException($"{path}: line {line}: expected {CountmeTotalsCsv.Columns.Length} fields, found {record.Length}");
            }
            var weekStart = ParseDate(path, line, "week_start", record[0]);
            if (weekStart.DayOfWeek != DayOfWeek.Monday)
            {
                throw new FormatException($"{path}: line {line}: week_start {record[0]} is a {weekStart.DayOfWeek}, not a Monday");
            }
            var weekEnd = ParseDate(path, line, "week_end", record[1]);
            if (weekEnd != weekStart.AddDays(6))
            {
                throw new FormatException($"{path}: line {line}: week_end {record[1]} is not the Sunday after week_start {record[0]}");
            }
            var hits = TotalsField.ParseHits(record[2])
                ?? throw new FormatException($"{path}: line {line}: hits is not a non-negative integer");
            var sysAge = TotalsField.ParseSysAge(record[7])
                ?? throw new FormatException($"{path}: line {line}: sys_age is not an integer");
            var key = new CountmeTotalsKey(weekStart, record[3], record[4], record[5], record[6], sysAge, record[8], record[9]);
            totals[key] = checked(totals.GetValueOrDefault(key) + hits);
            rows++;
        }
        return (totals, rows);
    }

    private static DateOnly ParseDate(string path, long line, string column, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"{path}: line {line}: {column} is not a yyyy-MM-dd date");
}
