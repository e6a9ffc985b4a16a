namespace Pinger.Bench.Harness.Demo;

/// <summary>A draw from a list of choices with weights (which need not add up to one).</summary>
internal static class Weighted
{
    public static T Pick<T>(Random random, IReadOnlyList<(T Value, double Weight)> choices)
    {
        var draw = random.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (value, weight) in choices)
        {
            if ((draw -= weight) < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }
}
