using System.Globalization;
using System.Net;

namespace Pinger.Server.Dashboard;

/// <summary>Text as the page writes it: every value from storage or the registry goes through <see cref="Encode"/>.</summary>
public static class Html
{
    /// <summary>Text safe in element content and in quoted attributes.</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A count with thousands separators.</summary>
    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A count as a machine-readable attribute value.</summary>
    public static string Raw(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><paramref name="part"/> of <paramref name="whole"/> in percent, one decimal.</summary>
    public static string Percent(long part, long whole) =>
        whole == 0 ? "" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>An SVG coordinate, to a tenth: precise enough on screen, short in the page.</summary>
    public static string Coordinate(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A window start as it appears in URLs and tables.</summary>
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A count short enough for a chart's value axis on a phone: 950, 12k, 1.5M.</summary>
    public static string Compact(long value) => value switch
    {
        >= 1_000_000 => (value / 1_000_000.0).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 1_000 => (value / 1_000.0).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };
}
