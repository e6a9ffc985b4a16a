using System.Globalization;
using System.Text;

namespace Pinger.Server.Publishing;

/// <summary>Released totals as the CSV /v1/systems.csv serves: the countme tuple of reports, per window, with the platform.</summary>
public static class SystemsCsv
{
    /// <summary>The header line's columns.</summary>
    public const string Header = "window,start,os_name,os_version,os_variant,os_arch,sys_age,platform,count";

    /// <summary>The whole file.</summary>
    public static string Write(ReleasedTotals released)
    {
        var text = new StringBuilder(Header + "\n");
        foreach (var row in released.Counts.Systems)
        {
            var system = row.System;
            text.Append(CsvText.Line(row.Window.KindName, row.Window.StartText, system.OsName, system.OsVersion, system.OsVariant,
                system.OsArch, system.SysAge, system.Platform, row.Count.ToString(CultureInfo.InvariantCulture)));
        }

        return text.ToString();
    }
}
