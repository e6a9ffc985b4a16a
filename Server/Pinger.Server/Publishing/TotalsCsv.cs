using System.Globalization;
using System.Text;

namespace Pinger.Server.Publishing;

/// <summary>Released totals as the CSV /v1/totals.csv serves: window report counts as field <c>reports</c>, then every field value.</summary>
public static class TotalsCsv
{
    /// <summary>The header line's columns.</summary>
    public const string Header = "window,start,field,value,count";

    /// <summary>The whole file.</summary>
    public static string Write(ReleasedTotals released)
    {
        var text = new StringBuilder(Header + "\n");
        foreach (var row in released.Counts.Reports)
        {
            text.Append(CsvText.Line(row.Window.KindName, row.Window.StartText, "reports", string.Empty, row.Reports.ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var cell in released.Counts.Cells)
        {
            text.Append(CsvText.Line(cell.Window.KindName, cell.Window.StartText, cell.Field, cell.Value, cell.Count.ToString(CultureInfo.InvariantCulture)));
        }

        return text.ToString();
    }
}
