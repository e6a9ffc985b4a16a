namespace Pinger.Bench.Harness.Measuring;

/// <summary>Nearest-rank percentiles of wall times.</summary>
internal static class Percentile
{
    /// <summary>The value at rank ceil(p × n) of the sorted samples; NaN when there are none.</summary>
    public static double Of(IEnumerable<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
