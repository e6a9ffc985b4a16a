using System.Diagnostics;

namespace Pinger.Bench.Harness.Measuring;

/// <summary>One URL fetched again and again: its wall times and the size of its answer.</summary>
internal sealed class TimedRequest(string name, string url)
{
    private readonly List<double> _milliseconds = [];

    public string Name { get; } = name;

    public string Url { get; } = url;

    public long Bytes { get; private set; }

    public double Median => Percentile.Of(_milliseconds, 0.5);

    public double P90 => Percentile.Of(_milliseconds, 0.9);

    public async Task RunAsync(HttpClient http, bool record)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(new Uri(Url)).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        clock.Stop();
        if (!response.IsSuccessStatusCode)
        {
            throw new HarnessException($"{Url} answered {(int)response.StatusCode}");
        }

        Bytes = body.Length;
        if (record)
        {
            _milliseconds.Add(clock.Elapsed.TotalMilliseconds);
        }
    }
}
