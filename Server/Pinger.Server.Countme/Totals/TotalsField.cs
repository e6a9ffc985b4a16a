using System.Globalization;

namespace Pinger.Server.Countme;

/// <summary>The numeric columns both totals formats share, normalised the way mirrors-countme writes them.</summary>
internal static class TotalsField
{
    public static long? ParseHits(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var hits) ? hits : null;

    /// <summary>sys_age is an integer (1-4 from real clients, -1 in mirrors-countme for lines without countme).</summary>
    public static string? ParseSysAge(string? text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var age)
            ? age.ToString(CultureInfo.InvariantCulture)
            : null;
}
