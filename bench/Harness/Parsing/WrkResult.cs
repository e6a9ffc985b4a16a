using System.Globalization;

namespace Pinger.Bench.Harness.Parsing;

/// <summary>What wrk printed with --latency: requests per second, the 99th percentile latency and the non-2xx count.</summary>
internal sealed record WrkResult(double RequestsPerSecond, string P99, double P99Milliseconds, long Non2xx)
{
    public static WrkResult Parse(string text)
    {
        var result = new WrkResult(0, "n/a", double.NaN, 0);
        foreach (var line in text.Split('\n').Select(l => l.Trim()))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (line.StartsWith("Requests/sec:", StringComparison.Ordinal) && parts.Length > 1)
            {
                result = result with { RequestsPerSecond = double.Parse(parts[1], CultureInfo.InvariantCulture) };
            }
            else if (line.StartsWith("99%", StringComparison.Ordinal) && parts.Length > 1)
            {
                result = result with { P99 = parts[1], P99Milliseconds = ToMilliseconds(parts[1]) };
            }
            else if (line.StartsWith("Non-2xx or 3xx responses:", StringComparison.Ordinal))
            {
                result = result with { Non2xx = long.Parse(parts[^1], CultureInfo.InvariantCulture) };
            }
        }

        return result;
    }

    /// <summary>Several wrk runs at once: their rates and errors add up, the p99 is the worst of them.</summary>
    public static WrkResult Sum(IReadOnlyList<WrkResult> results)
    {
        var worst = results.OrderByDescending(r => r.P99Milliseconds).First();
        return new WrkResult(results.Sum(r => r.RequestsPerSecond), worst.P99, worst.P99Milliseconds, results.Sum(r => r.Non2xx));
    }

    /// <summary>wrk's "812.00us", "1.20ms" or "2.01s" in milliseconds.</summary>
    public static double ToMilliseconds(string value)
    {
        var number = new string(value.TakeWhile(c => char.IsDigit(c) || c == '.').ToArray());
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            throw new HarnessException($"wrk printed a latency that is not a number: '{value}'");
        }

        return value[number.Length..] switch
        {
            "us" => amount / 1000,
            "ms" => amount,
            "s" => amount * 1000,
            "m" => amount * 60_000,
            var unit => throw new HarnessException($"wrk printed a latency in an unknown unit: '{value}' ({unit})"),
        };
    }
}
