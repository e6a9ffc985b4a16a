using System.Diagnostics;
using Pinger.Bench.Harness.Parsing;
using Pinger.Bench.Harness.Processes;
using Pinger.Testing.Postgres;

namespace Pinger.Bench.Harness.Commands;

/// <summary>
/// server [--seconds 15]: ingest throughput of the published pinger-server under wrk (a fresh nonce per report)
/// against nginx answering 204 to the same POSTs: SQLite with one wrk thread and 32 connections, then PostgreSQL with
/// one instance against two sharing one database (two wrk processes of 16 connections each).
/// </summary>
internal static class ServerBench
{
    private const string Wrk = "/usr/bin/wrk";
    private const string Nginx = "/usr/sbin/nginx";

    public static int Run(CommandOptions options, RepositoryLayout layout)
    {
        var seconds = options.Integer("seconds", 15);
        foreach (var tool in new[] { Wrk, Nginx })
        {
            if (!File.Exists(tool))
            {
                throw new HarnessException($"{tool} is missing: ./build.sh --target=Prerequisites names the package");
            }
        }

        var work = RepositoryLayout.Fresh(layout.InArtifacts("bench", "server"));
        var script = layout.InRoot("bench", "server", "report.lua");

        // nginx: the ceiling for an HTTP server on this machine.
        var nginxPort = LoopbackPort.Free();
        var nginxConf = Path.Combine(work, "nginx.conf");
        File.WriteAllText(nginxConf, File.ReadAllText(layout.InRoot("bench", "server", "nginx.conf.template"))
            .Replace("@DIR@", work, StringComparison.Ordinal).Replace("@PORT@", nginxPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var running = new List<Process> { Process.Start(new ProcessStartInfo(Nginx, ["-c", nginxConf, "-p", work]) { UseShellExecute = false })! };

        // Several wrk processes at once, each on its own port; the answer sums their rates and keeps the worst p99.
        WrkResult Measure(int duration, int connections, params int[] ports)
        {
            var processes = ports.Select(port => Process.Start(new ProcessStartInfo(Wrk, ["-t1", $"-c{connections}", $"-d{duration}s", "--latency", "-s", script, $"{ServerProcess.Url(port)}/v1/reports"])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!).ToList();
            var results = processes.Select(p =>
            {
                var text = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                p.Dispose();
                return WrkResult.Parse(text);
            }).ToList();
            return WrkResult.Sum(results);
        }

        try
        {
            // pinger-server: SQLite in a fresh state directory, the distribution's schema, no rate limit.
            var sqlitePort = LoopbackPort.Free();
            var sqlite = ServerProcess.StartPingerServer(layout, Path.Combine(work, "sqlite"), sqlitePort, string.Empty);
            running.Add(sqlite);
            ServerProcess.WaitUntilReady($"{ServerProcess.Url(sqlitePort)}/readyz", sqlite);
            ServerProcess.WaitUntilReady($"{ServerProcess.Url(nginxPort)}/", running[0], anyAnswer: true);

            // Warm both up (JIT, SQLite cache), then measure, one after the other.
            Measure(3, 32, nginxPort);
            Measure(3, 32, sqlitePort);
            var nginxRun = Measure(seconds, 32, nginxPort);
            var serverRun = Measure(seconds, 32, sqlitePort);
            ServerProcess.Stop(sqlite);
            var ratio = serverRun.RequestsPerSecond / nginxRun.RequestsPerSecond;
            Console.WriteLine();
            Console.WriteLine($"BenchServer: wrk -t1 -c32 -d{seconds}s, a minimal report with a fresh nonce per request; load average {Machine.LoadAverage} on {Machine.Cores} cores");
            Console.WriteLine($"  nginx 204           {nginxRun.RequestsPerSecond,10:F0} req/s   p99 {nginxRun.P99,8}   non-2xx {nginxRun.Non2xx}");
            Console.WriteLine($"  pinger-server       {serverRun.RequestsPerSecond,10:F0} req/s   p99 {serverRun.P99,8}   non-2xx {serverRun.Non2xx}   (SQLite)");
            Console.WriteLine($"  ratio               {ratio,10:F2}          target >= 0.4   {Figure.Verdict(ratio >= 0.4)}");
            Console.WriteLine($"  p99 under 5 ms      {serverRun.P99,10}          {Figure.Verdict(serverRun.P99Milliseconds < 5)}");
            FigureLog.Record(layout, new Figure("Ingest, SQLite vs nginx 204 (wrk -c32)", $"{serverRun.RequestsPerSecond:F0} vs {nginxRun.RequestsPerSecond:F0} req/s", ratio, ">= 0.4", ratio >= 0.4));
            FigureLog.Record(layout, new Figure("Ingest p99, SQLite", serverRun.P99, null, "< 5 ms", serverRun.P99Milliseconds < 5));

            // Two instances against one database: what a second machine (here: a second process) adds.
            var database = PostgresCluster.Get().CreateDatabase(maxPoolSize: 40);
            var toml = $"[storage]\nbackend = \"postgresql\"\npostgresql_connection = \"{database}\"\n";
            var firstPort = LoopbackPort.Free();
            var first = ServerProcess.StartPingerServer(layout, Path.Combine(work, "pg-1"), firstPort, toml);
            running.Add(first);
            ServerProcess.WaitUntilReady($"{ServerProcess.Url(firstPort)}/readyz", first);
            Measure(3, 16, firstPort, firstPort);
            var oneInstance = Measure(seconds, 16, firstPort, firstPort);
            var secondPort = LoopbackPort.Free();
            var second = ServerProcess.StartPingerServer(layout, Path.Combine(work, "pg-2"), secondPort, toml);
            running.Add(second);
            ServerProcess.WaitUntilReady($"{ServerProcess.Url(secondPort)}/readyz", second);
            Measure(3, 16, secondPort);
            var twoInstances = Measure(seconds, 16, firstPort, secondPort);
            var scaling = twoInstances.RequestsPerSecond / oneInstance.RequestsPerSecond;
            Console.WriteLine($"  PostgreSQL, 1 instance  {oneInstance.RequestsPerSecond,6:F0} req/s   p99 {oneInstance.P99,8}   non-2xx {oneInstance.Non2xx}   (2 wrk x 16 connections)");
            Console.WriteLine($"  PostgreSQL, 2 instances {twoInstances.RequestsPerSecond,6:F0} req/s   p99 {twoInstances.P99,8}   non-2xx {twoInstances.Non2xx}   (one wrk x 16 each)");
            Console.WriteLine($"  2 instances / 1     {scaling,10:F2}          (both instances, PostgreSQL and wrk share {Machine.Cores} cores)");
            FigureLog.Record(layout, new Figure("Ingest, PostgreSQL, 1 instance (2 wrk x c16)", $"{oneInstance.RequestsPerSecond:F0} req/s, p99 {oneInstance.P99}", oneInstance.RequestsPerSecond / nginxRun.RequestsPerSecond, "(vs nginx)", null));
            FigureLog.Record(layout, new Figure("Ingest, PostgreSQL, 2 instances vs 1", $"{twoInstances.RequestsPerSecond:F0} req/s", scaling, "(measured)", null));
        }
        finally
        {
            running.ForEach(ServerProcess.Stop);
            PostgresCluster.StopShared();
        }

        return 0;
    }
}
