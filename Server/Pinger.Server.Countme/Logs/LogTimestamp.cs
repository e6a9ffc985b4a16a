namespace Pinger.Server.Countme;

/// <summary>
/// Parses Apache's <c>%t</c> time, <c>29/Mar/2020:16:04:28 +0000</c>, into Unix seconds: the same fixed
/// positions mirrors-countme's parse_logtime reads, but refusing anything that is not exactly that shape.
/// </summary>
internal static class LogTimestamp
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static bool TryParseUnixSeconds(ReadOnlySpan<char> text, out long unixSeconds)
    {
        unixSeconds = 0;
        if (text.Length != 26 || text[2] != '/' || text[6] != '/' || text[11] != ':' || text[14] != ':' || text[17] != ':'
            || text[20] != ' ' || (text[21] != '+' && text[21] != '-'))
        {
            return false;
        }
        var month = MonthNumber(text.Slice(3, 3));
        if (month == 0
            || !TryDigits(text.Slice(0, 2), out var day) || !TryDigits(text.Slice(7, 4), out var year)
            || !TryDigits(text.Slice(12, 2), out var hour) || !TryDigits(text.Slice(15, 2), out var minute)
            || !TryDigits(text.Slice(18, 2), out var second)
            || !TryDigits(text.Slice(22, 2), out var offsetHours) || !TryDigits(text.Slice(24, 2), out var offsetMinutes)
            || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59
            || offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 14 * 60)
        {
            return false;
        }
        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        try
        {
            unixSeconds = new DateTimeOffset(local, text[21] == '-' ? -offset : offset).ToUnixTimeSeconds();
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            // The offset moved the instant past year 1 or 9999.
            return false;
        }
    }

    private static int MonthNumber(ReadOnlySpan<char> abbreviation)
    {
        for (var i = 0; i < Months.Length; i++)
        {
            if (abbreviation.SequenceEqual(Months[i]))
            {
                return i + 1;
            }
        }
        return 0;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
