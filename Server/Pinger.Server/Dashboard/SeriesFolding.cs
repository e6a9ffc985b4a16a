namespace Pinger.Server.Dashboard;

/// <summary>
/// Keeps a chart readable: the largest series are named and everything else is stacked as one "other" series,
/// together with what could not be attributed (withheld rows). Eight colours are about what a reader tells apart.
/// </summary>
public static class SeriesFolding
{
    /// <summary>The most series a chart names.</summary>
    public const int MaxNamed = SeriesPalette.Size;

    /// <summary>The named series, largest first (age buckets in their own order), then "other" when it is not empty.</summary>
    public static IReadOnlyList<SeriesLine> Fold(IReadOnlyDictionary<string, long[]> bySeries, long[] unattributed, Breakdown breakdown)
    {
        var ranked = bySeries.OrderByDescending(p => p.Value.Sum()).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        var named = ranked.Take(MaxNamed).ToList();
        if (breakdown == Breakdown.Age)
        {
            named = named.OrderBy(p => ValueLabels.AgeOrder(p.Key)).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        }

        var other = (long[])unattributed.Clone();
        foreach (var (_, counts) in ranked.Skip(MaxNamed))
        {
            for (var i = 0; i < other.Length; i++)
            {
                other[i] += counts[i];
            }
        }

        var lines = named.Select(p => new SeriesLine(p.Key, p.Value)).ToList();
        if (other.Any(c => c > 0))
        {
            lines.Add(new SeriesLine(SeriesLine.OtherName, other, IsOther: true));
        }

        return lines;
    }
}
