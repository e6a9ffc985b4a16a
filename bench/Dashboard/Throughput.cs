using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DashboardBench;

/// <summary>
/// Requests per second of one URL under <c>wrk -t1 -c16</c> (wrk from the Prerequisites target), with its median
/// latency; with headers such as <c>If-None-Match</c> (a browser or cache with a copy) or <c>Accept-Encoding</c>.
/// </summary>
internal sealed partial record Throughput(double RequestsPerSecond, string MedianLatency, long Non2xx)
{
    public static Throughput Measure(string url, int seconds, params string[] headers)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t1", "-c16", $"-d{seconds}s", "--latency" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var header in headers)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add(header);
        }

        start.ArgumentList.Add(url);
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start: ./build.sh --target=Prerequisites installs it");
        var output = wrk.StandardOutput.ReadToEnd();
        wrk.WaitForExit();
        if (wrk.ExitCode != 0 || RequestsLine().Match(output) is not { Success: true } rate)
        {
            throw new InvalidOperationException($"wrk exited with {wrk.ExitCode}: {output}{wrk.StandardError.ReadToEnd()}");
        }

        var median = MedianLine().Match(output) is { Success: true } line ? line.Groups[1].Value : "?";
        var non2xx = Non2xxLine().Match(output) is { Success: true } bad ? long.Parse(bad.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new Throughput(double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture), median, non2xx);
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"^\s+50%\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex MedianLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xxLine();
}
