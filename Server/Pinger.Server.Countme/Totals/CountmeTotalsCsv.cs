using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Pinger.Server.Countme;

/// <summary>
/// The totals CSV mirrors-countme publishes, with its exact header and Python's csv dialect (CRLF rows,
/// quotes only where a field needs them), so files we write read back in the tools that read Fedora's.
/// </summary>
public static class CountmeTotalsCsv
{
    public const string Header = "week_start,week_end,hits,os_name,os_version,os_variant,os_arch,sys_age,repo_tag,repo_arch";

    internal static readonly string[] Columns = Header.Split(',');

    /// <summary>Writes the header and one row per key: week_start is the Monday, week_end the Sunday after.</summary>
    public static void Write(TextWriter writer, IEnumerable<(CountmeTotalsKey Key, long Hits)> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = new CsvWriter(writer, Configuration, leaveOpen: true);
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }
        csv.NextRecord();
        foreach (var (key, hits) in rows)
        {
            csv.WriteField(Date(key.WeekStart));
            csv.WriteField(Date(key.WeekStart.AddDays(6)));
            csv.WriteField(hits.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(key.OsName);
            csv.WriteField(key.OsVersion);
            csv.WriteField(key.OsVariant);
            csv.WriteField(key.OsArch);
            csv.WriteField(key.SysAge);
            csv.WriteField(key.RepoTag);
            csv.WriteField(key.RepoArch);
            csv.NextRecord();
        }
        csv.Flush();
    }

    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Python's csv.writer: QUOTE_MINIMAL (delimiter, quote, CR or LF) and "\r\n" line ends.
    internal static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        ShouldQuote = args => args.Field is not null && args.Field.AsSpan().ContainsAny(",\"\r\n"),
        HasHeaderRecord = false,
        BadDataFound = null,
        MissingFieldFound = null,
    };
}
