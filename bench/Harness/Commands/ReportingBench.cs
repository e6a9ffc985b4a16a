using System.Net;
using System.Net.Sockets;
using Pinger.Bench.Harness.Measuring;
using Pinger.Bench.Harness.Parsing;
using Pinger.Bench.Harness.Processes;

namespace Pinger.Bench.Harness.Commands;

/// <summary>
/// reporting [--runs 20] [--skip-blackhole]: full against minimal <c>--dry-run</c> (target ≤ 1.2×), what sending
/// adds to a dry-run (reported, not judged), and a run against a black-holed server with the default 60 s budget.
/// </summary>
internal static class ReportingBench
{
    public static int Run(CommandOptions options, RepositoryLayout layout)
    {
        var runs = options.Integer("runs", 20);
        var work = RepositoryLayout.Fresh(layout.InArtifacts("bench", "reporting"));
        var pinger = layout.RequirePublished(layout.Pinger);
        string Config(string name, string toml)
        {
            var directory = Directory.CreateDirectory(Path.Combine(work, "config-" + name)).FullName;
            File.WriteAllText(Path.Combine(directory, "50-bench.toml"), toml);
            return directory;
        }

        // A local server that acknowledges every report at once, as a healthy server would.
        var port = LoopbackPort.Free();
        using var server = new HttpListener();
        server.Prefixes.Add($"{ServerProcess.Url(port)}/");
        server.Start();
        _ = Task.Run(() => Acknowledge(server));

        var state = Path.Combine(work, "state");
        var runtime = Path.Combine(work, "run");
        var minimal = Config("minimal", "[reporting]\nlevel = \"minimal\"\n");
        var full = Config("full", "[reporting]\nlevel = \"full\"\n");
        var sending = Config("send", $"[reporting]\nlevel = \"minimal\"\nserver = \"{ServerProcess.Url(port)}/\"\n");
        var dryMinimal = new TimedCommand("dry-run, minimal", pinger, ["--dry-run", "--config-dir", minimal, "--state-dir", state]);
        var dryFull = new TimedCommand("dry-run, full", pinger, ["--dry-run", "--config-dir", full, "--state-dir", state]);
        var drySend = new TimedCommand("dry-run, with server", pinger, ["--dry-run", "--config-dir", sending, "--state-dir", state]);
        var run = new TimedCommand("run (collect + send)", pinger, ["run", "--config-dir", sending, "--state-dir", state, "--runtime-dir", runtime]);

        // Every run starts from an empty state directory, so a window is always due and the report is really sent.
        void Fresh()
        {
            if (Directory.Exists(state))
            {
                Directory.Delete(state, recursive: true);
            }
        }

        var all = new[] { dryMinimal, dryFull, drySend, run };
        for (var i = 0; i < 3 + runs; i++)
        {
            foreach (var command in i % 2 == 0 ? all : all.Reverse())
            {
                Fresh();
                command.Run(record: i >= 3);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"BenchReporting: {runs} interleaved runs each after 3 warm-up runs; load average {Machine.LoadAverage} on {Machine.Cores} cores");
        foreach (var command in all)
        {
            Console.WriteLine($"  {command.Name,-26} {command.Median,7:F1} ms median {command.P90,7:F1} ms p90" + (command.Failures > 0 ? $"  ({command.Failures} runs exited non-zero: {command.LastError.Trim()})" : string.Empty));
        }

        var fullRatio = dryFull.Median / dryMinimal.Median;
        var sendCost = run.Median - drySend.Median;

        // Each run is paired with the dry-run next to it in the same round: the median of those differences shrugs
        // off the machine's slow spells better than the difference of two medians.
        var paired = run.Samples.Zip(drySend.Samples, (r, d) => r - d).ToList();
        Console.WriteLine($"  full / minimal dry-run       {fullRatio,7:F2}        target <= 1.2     {Figure.Verdict(fullRatio <= 1.2)}");
        Console.WriteLine($"  run minus dry-run            {sendCost,7:F1} ms     (what sending adds; median of paired differences {Percentile.Of(paired, 0.5):F1} ms over {paired.Count} rounds)");
        FigureLog.Record(layout, new Figure("full / minimal --dry-run", $"{dryFull.Median:F1} vs {dryMinimal.Median:F1} ms", fullRatio, "<= 1.2", fullRatio <= 1.2));
        FigureLog.Record(layout, new Figure("run (collect + send) minus --dry-run", $"{sendCost:F1} ms", run.Median / drySend.Median, "(measured)", null));
        server.Stop();
        if (!options.Has("skip-blackhole"))
        {
            Fresh();
            BlackHole(layout, Config("blackhole", string.Empty), state, runtime);
        }

        return 0;
    }

    private static void Acknowledge(HttpListener server)
    {
        while (server.IsListening)
        {
            try
            {
                var context = server.GetContext();
                context.Request.InputStream.CopyTo(Stream.Null);
                context.Response.StatusCode = 204;
                context.Response.Close();
            }
            catch (HttpListenerException) when (!server.IsListening)
            {
                // Stopped while waiting for the next request.
            }
            catch (ObjectDisposedException) when (!server.IsListening)
            {
                // Disposed while waiting for the next request.
            }
        }
    }

    // A server that accepts connections and never answers: the run must end within its budget (default 60 s).
    private static void BlackHole(RepositoryLayout layout, string configDirectory, string state, string runtime)
    {
        using var hole = new TcpListener(IPAddress.Loopback, 0);
        hole.Start();
        var held = new List<Socket>();
        var holding = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    held.Add(await hole.AcceptSocketAsync().ConfigureAwait(false));
                }
            }
            catch (SocketException)
            {
                // The listener stopped.
            }
            catch (ObjectDisposedException)
            {
                // The listener stopped.
            }
        });
        var port = ((IPEndPoint)hole.LocalEndpoint).Port;
        File.WriteAllText(Path.Combine(configDirectory, "50-bench.toml"), $"[reporting]\nlevel = \"minimal\"\nserver = \"{ServerProcess.Url(port)}/\"\n");
        var result = ProcessCapture.Run(layout.Pinger, ["run", "--config-dir", configDirectory, "--state-dir", state, "--runtime-dir", runtime]);
        hole.Stop();
        holding.Wait();
        held.ForEach(s => s.Dispose());
        var withinBudget = result.Milliseconds <= 60_000 && result.ExitCode == 0;
        Console.WriteLine($"  run, black-holed server      {result.Milliseconds / 1000,7:F1} s      budget 60 s       {Figure.Verdict(withinBudget)}  (exit {result.ExitCode})");
        FigureLog.Record(layout, new Figure("run against a black-holed server", $"{result.Milliseconds / 1000:F1} s", result.Milliseconds / 60_000, "<= 60 s budget", withinBudget));
        foreach (var line in result.Stderr.Split('\n').Where(l => l.Contains("not reached", StringComparison.Ordinal)))
        {
            Console.WriteLine("    " + line.Trim());
        }
    }
}
