namespace Pinger.Server.Dashboard;

/// <summary>A value axis from zero with round gridline steps (1, 2 or 5 times a power of ten), about four of them.</summary>
public sealed record ChartScale(long Max, long Step)
{
    /// <summary>The scale for bars up to <paramref name="largest"/>.</summary>
    public static ChartScale For(long largest)
    {
        if (largest <= 0)
        {
            return new ChartScale(4, 1);
        }

        var raw = largest / 4.0;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        var whole = Math.Max(1, (long)Math.Round(step));
        return new ChartScale(((largest + whole - 1) / whole) * whole, whole);
    }

    /// <summary>The gridline values, zero first.</summary>
    public IEnumerable<long> Ticks()
    {
        for (var value = 0L; value <= Max; value += Step)
        {
            yield return value;
        }
    }
}
