using System.Text.Json.Nodes;
using Pinger.Bench.Harness.Measuring;
using Pinger.Bench.Harness.Parsing;
using Pinger.Bench.Harness.Processes;

namespace Pinger.Bench.Harness.Commands;

/// <summary>
/// totals [--reports 10000000] [--requests 30]: seeds a SQLite state with the counters of N counted reports over the
/// last 52 weeks (bench/TotalsSeed, each profile checked by the server's own report reader), serves it and times /v1/totals for the 52 weekly windows (JSON, CSV, one field) against /healthz, interleaved;
/// target: JSON under 50 ms.
/// </summary>
internal static class TotalsBench
{
    public static async Task<int> RunAsync(CommandOptions options, RepositoryLayout layout)
    {
        var reports = options.Whole("reports", 10_000_000);
        var requests = options.Integer("requests", 30);
        var directory = Path.Combine(RepositoryLayout.Fresh(layout.InArtifacts("bench", "totals")), "sqlite");
        var seed = ProcessCapture.Show("dotnet", ["run", "--project", layout.InRoot("bench", "TotalsSeed", "TotalsSeed.csproj"), "-c", "Release", "--",
            Path.Combine(directory, "state"), layout.RequirePublished(layout.ServerSchema), reports.ToString(System.Globalization.CultureInfo.InvariantCulture)], layout.Root);
        if (seed != 0)
        {
            throw new HarnessException($"bench/TotalsSeed exited with {seed}");
        }

        var port = LoopbackPort.Free();
        var server = ServerProcess.StartPingerServer(layout, directory, port, string.Empty);
        try
        {
            var baseUrl = ServerProcess.Url(port);
            ServerProcess.WaitUntilReady(baseUrl + "/readyz", server);
            var today = DateTime.UtcNow.Date;
            var thisWeek = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var range = $"window=week&from={thisWeek.AddDays(-7 * 51):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
            var probes = new[]
            {
                new TimedRequest("GET /healthz (baseline)", baseUrl + "/healthz"),
                new TimedRequest("GET /v1/totals, 52 weeks (JSON)", $"{baseUrl}/v1/totals?{range}"),
                new TimedRequest("GET /v1/totals.csv, 52 weeks", $"{baseUrl}/v1/totals.csv?{range}"),
                new TimedRequest("GET /v1/totals, 52 weeks, one field", $"{baseUrl}/v1/totals?{range}&field=os-versions.version"),
            };
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            for (var i = 0; i < 3 + requests; i++)
            {
                foreach (var probe in i % 2 == 0 ? probes : probes.Reverse())
                {
                    await probe.RunAsync(http, record: i >= 3).ConfigureAwait(false);
                }
            }

            // The answer must hold what was seeded: every report once in its week.
            var answer = JsonNode.Parse(await http.GetStringAsync(new Uri($"{baseUrl}/v1/totals?{range}")).ConfigureAwait(false));
            var weeklyReports = answer?["reports"]?.AsArray().Sum(r => (long?)r?["count"] ?? 0) ?? 0;
            var baseline = probes[0].Median;
            Console.WriteLine();
            Console.WriteLine($"BenchTotals: {reports:N0} counted reports over 52 weeks (SQLite), {requests} interleaved requests each after 3 warm-ups; load average {Machine.LoadAverage} on {Machine.Cores} cores");
            foreach (var probe in probes)
            {
                Console.WriteLine($"  {probe.Name,-38} {probe.Median,7:F1} ms median {probe.P90,7:F1} ms p90 {probe.Bytes / 1024.0,9:F1} KiB   x{probe.Median / baseline,6:F1} baseline");
            }

            Console.WriteLine($"  reports in the 52 weeks' answer        {weeklyReports,10:N0}");
            var json = probes[1];
            Console.WriteLine($"  JSON totals under 50 ms            {json.Median,7:F1} ms   {Figure.Verdict(json.Median < 50)}");
            FigureLog.Record(layout, new Figure($"Totals, 52 weeks after {reports:N0} reports (JSON)", $"{json.Median:F1} ms median, {json.Bytes / 1024.0:F0} KiB", json.Median / baseline, "< 50 ms", json.Median < 50));
        }
        finally
        {
            ServerProcess.Stop(server);
        }

        return 0;
    }
}
