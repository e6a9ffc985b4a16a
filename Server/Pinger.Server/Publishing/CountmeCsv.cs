using System.Globalization;
using System.Text;

namespace Pinger.Server.Publishing;

/// <summary>Released countme totals as /v1/countme/totals.csv serves them, column for column as mirrors-countme publishes them.</summary>
public static class CountmeCsv
{
    /// <summary>The header line's columns.</summary>
    public const string Header = "week_start,week_end,hits,os_name,os_version,os_variant,os_arch,sys_age,repo_tag,repo_arch";

    /// <summary>The whole file.</summary>
    public static string Write(ReleasedCountme released)
    {
        var text = new StringBuilder(Header + "\n");
        foreach (var row in released.Rows)
        {
            var key = row.Key;
            text.Append(CsvText.Line(Day(key.WeekStart), Day(key.WeekStart.AddDays(6)), row.Hits.ToString(CultureInfo.InvariantCulture),
                key.OsName, key.OsVersion, key.OsVariant, key.OsArch, key.SysAge, key.RepoTag, key.RepoArch));
        }

        return text.ToString();
    }

    /// <summary>A week's day as the file writes it.</summary>
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
