using System.Globalization;

namespace Pinger.Plugins.Sdk;

/// <summary>
/// The exact set of values an integer field may take, so that the server can refuse anything else and the number of
/// distinct values a field can ever store is known in advance. Build one with <see cref="Floors(long[])"/>,
/// <see cref="PowersOfTwo"/> or <see cref="Range"/>; <see cref="Description"/> says it in words for the docs.
/// </summary>
public sealed class IntegerValues
{
    /// <summary>The most values one set may hold: every field's distinct values per window stay below this.</summary>
    public const int MaxCount = 1024;

    private readonly long[]? _listed;

    private IntegerValues(IntegerValuesKind kind, long min, long max, long[]? listed, bool withZero)
    {
        Kind = kind;
        Min = min;
        Max = max;
        _listed = listed;
        WithZero = withZero;
    }

    /// <summary>How the set is built.</summary>
    public IntegerValuesKind Kind { get; }

    /// <summary>The smallest value for <see cref="IntegerValuesKind.Range"/> and <see cref="IntegerValuesKind.PowersOfTwo"/> (0 not counted).</summary>
    public long Min { get; }

    /// <summary>The largest value for <see cref="IntegerValuesKind.Range"/> and <see cref="IntegerValuesKind.PowersOfTwo"/>.</summary>
    public long Max { get; }

    /// <summary>For <see cref="IntegerValuesKind.PowersOfTwo"/>: whether 0 is in the set too.</summary>
    public bool WithZero { get; }

    /// <summary>Every value in the set, ascending.</summary>
    public IReadOnlyList<long> Values => _listed ?? Enumerate(Min, Max);

    /// <summary>How many values the set holds.</summary>
    public int Count => _listed?.Length ?? (int)(Max - Min + 1);

    /// <summary>The set in words, for field documentation.</summary>
    public string Description => Kind switch
    {
        IntegerValuesKind.Floors => "bucketed to " + Join(_listed!) + " (the bucket's lower bound)",
        IntegerValuesKind.PowersOfTwo => $"a power of two from {Number(Min)} to {Number(Max)}" + (WithZero ? ", or 0" : string.Empty),
        _ => $"a whole number from {Number(Min)} to {Number(Max)}",
    };

    /// <summary>The set <paramref name="floors"/>: the lower bounds of the buckets a probe rounds down to (see <see cref="Coarsen.Floor"/>).</summary>
    public static IntegerValues Floors(params long[] floors) => Floors((IEnumerable<long>)floors);

    /// <summary>The set <paramref name="floors"/>: the lower bounds of the buckets a probe rounds down to (see <see cref="Coarsen.Floor"/>).</summary>
    public static IntegerValues Floors(IEnumerable<long> floors)
    {
        var values = floors.Distinct().Order().ToArray();
        if (values.Length is 0 or > MaxCount)
        {
            throw new ArgumentException($"an integer value set needs 1 to {MaxCount} floors, not {values.Length}", nameof(floors));
        }

        return new IntegerValues(IntegerValuesKind.Floors, values[0], values[^1], values, withZero: false);
    }

    /// <summary>
    /// The powers of two from <paramref name="min"/> to <paramref name="max"/> (both powers of two), and 0 when
    /// <paramref name="withZero"/> (see <see cref="Coarsen.PowerOfTwo"/>, which gives 0 below 1).
    /// </summary>
    public static IntegerValues PowersOfTwo(long min, long max, bool withZero = false)
    {
        if (min < 1 || max < min || !IsPowerOfTwo(min) || !IsPowerOfTwo(max))
        {
            throw new ArgumentException($"powers of two need a smallest and a largest power of two, smallest first; got {min} and {max}", nameof(min));
        }

        var powers = Enumerable.Range(0, 63).Select(bit => 1L << bit).Where(p => p >= min && p <= max);
        var listed = (withZero ? powers.Prepend(0) : powers).ToArray();
        return new IntegerValues(IntegerValuesKind.PowersOfTwo, min, max, listed, withZero);
    }

    /// <summary>Every whole number from <paramref name="min"/> to <paramref name="max"/>, at most <see cref="MaxCount"/> of them.</summary>
    public static IntegerValues Range(long min, long max)
    {
        if (max < min || max - min >= MaxCount)
        {
            throw new ArgumentException($"a range needs its smallest value first and at most {MaxCount} values; got {min} to {max}", nameof(max));
        }

        return new IntegerValues(IntegerValuesKind.Range, min, max, null, withZero: false);
    }

    /// <summary>Whether <paramref name="value"/> is in the set.</summary>
    public bool Contains(long value) => _listed is null ? value >= Min && value <= Max : Array.BinarySearch(_listed, value) >= 0;

    private static bool IsPowerOfTwo(long value) => value > 0 && (value & (value - 1)) == 0;

    private static long[] Enumerate(long min, long max)
    {
        var values = new long[max - min + 1];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = min + i;
        }

        return values;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Join(long[] values) =>
        values.Length == 1 ? Number(values[0]) : string.Join(", ", values[..^1].Select(Number)) + " or " + Number(values[^1]);
}
