namespace Pinger.Plugins.Sdk;

/// <summary>
/// The shared ways of making a value too coarse to identify a machine. Probes use these rather than
/// their own rounding so that every field of a kind is coarsened alike, and the docs can say how.
/// </summary>
public static class Coarsen
{
    /// <summary>The floors used by <see cref="Count"/>: 0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000.</summary>
    public static IReadOnlyList<long> CountFloors { get; } = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

    /// <summary>The values <see cref="Count"/> gives, for integer field declarations.</summary>
    public static IntegerValues CountValues { get; } = IntegerValues.Floors(CountFloors);

    /// <summary>How <see cref="Count"/> coarsens, in words.</summary>
    public const string CountDescription = "bucketed to 0, 1, 2, 5, 10, 20, 50, 100, 200, 500 or 1000 (the bucket's lower bound)";

    /// <summary>How <see cref="PowerOfTwo"/> coarsens, for field declarations.</summary>
    public const string PowerOfTwoDescription = "rounded to the nearest power of two";

    /// <summary>A count reduced to the lower bound of its bucket (see <see cref="CountFloors"/>); negative counts give 0.</summary>
    public static long Count(long value) => Floor(value, CountFloors);

    /// <summary>The largest of <paramref name="floors"/> (ascending) not above <paramref name="value"/>, or the first floor.</summary>
    public static long Floor(long value, IReadOnlyList<long> floors)
    {
        ArgumentOutOfRangeException.ThrowIfZero(floors.Count);
        var result = floors[0];
        foreach (var floor in floors)
        {
            if (floor <= value)
            {
                result = floor;
            }
        }

        return result;
    }

    /// <summary>
    /// <paramref name="value"/> rounded to the nearest power of two (on a logarithmic scale, so 3 GiB of memory
    /// gives 4 GiB and 2.5 GiB gives 2 GiB). Values below 1 give 0.
    /// </summary>
    public static long PowerOfTwo(long value)
    {
        if (value < 1)
        {
            return 0;
        }

        var lower = 1L << (63 - (int)long.LeadingZeroCount(value));
        if (lower == value || lower > long.MaxValue / 2)
        {
            return lower;
        }

        // Compare in the log domain: value / lower against sqrt(2).
        return (double)value / lower < Math.Sqrt(2) ? lower : lower * 2;
    }

    /// <summary><paramref name="value"/> when it is in <paramref name="allowed"/> (ordinal), else <paramref name="other"/>.</summary>
    public static string AllowListed(string? value, IReadOnlyCollection<string> allowed, string other = "other") =>
        value is not null && allowed.Contains(value, StringComparer.Ordinal) ? value : other;
}
