using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Pinger.Bench.Harness.Demo;
using Pinger.Bench.Harness.Processes;
using Pinger.Server.Registry;
using Pinger.Server.Storage;

namespace Pinger.Bench.Harness.Commands;

/// <summary>
/// demo: seeds a year of a synthetic Fedora fleet (<see cref="DemoFleet"/>, through the server's own counting and
/// commit code) and Fedora's public 2021 countme totals (shipped in bench/Harness/Demo/data) into a fresh SQLite
/// state in artifacts/demo/, starts the published pinger-server on it (loopback), sends it real reports from
/// <c>pinger run</c> for this machine and the fcos-aws fixture, counts a libdnf-style metalink request, prints what
/// the server publishes, and leaves it running; what it left running is written to artifacts/demo/summary.txt for
/// build.cake to print last.
/// </summary>
internal static class DemoCommand
{
    /// <summary>The demo's ε: see docs/dashboard.md ("The demo") for why it is larger than the default of 1.</summary>
    public const double DefaultEpsilon = 20;

    public static async Task<int> RunAsync(RepositoryLayout layout, CommandOptions options)
    {
        var machines = options.Integer("machines", 30_000);
        var epsilon = options.Number("epsilon", DefaultEpsilon);
        var demo = layout.InArtifacts("demo");
        var pinger = layout.RequirePublished(layout.Pinger);
        var pingerServer = layout.RequirePublished(layout.PingerServer);

        // A server left running by an earlier Demo holds the state directory: stop it before starting afresh.
        var pidFile = Path.Combine(demo, "server.pid");
        StopEarlierServer(pidFile);
        RepositoryLayout.Fresh(demo);

        // 1. The server, with SQLite in a state directory of its own. The fleet is tens of thousands of machines, not
        //    Fedora's millions: at ε = 1 a field's value needs about 16,000 machines in a window to clear its
        //    threshold, so the demo releases at a larger ε for its smaller fleet to show the same picture.
        var url = ServerProcess.Url(LoopbackPort.Free());
        var serverConfig = Write(Path.Combine(demo, "server-config"),
            string.Create(CultureInfo.InvariantCulture, $"[publishing]\nepsilon = {epsilon:0.0###}\n"));
        var serverState = Path.Combine(demo, "server-state");
        var failures = new List<string>();

        // 2. History for the dashboard: Fedora's public countme totals of four weeks of 2021, shipped compressed in
        //    the repository, imported by the server's own import command before the server opens the database.
        var countmeTotals = Path.Combine(demo, "fedora-countme-totals-2021.csv");
        await using (var compressed = File.OpenRead(layout.InRoot("bench", "Harness", "Demo", "data", "fedora-countme-totals-2021.csv.gz")))
        await using (var gzip = new GZipStream(compressed, CompressionMode.Decompress))
        await using (var csv = File.Create(countmeTotals))
        {
            await gzip.CopyToAsync(csv).ConfigureAwait(false);
        }

        Console.WriteLine();
        Console.WriteLine("== Importing Fedora's public countme totals (2020-12-28 to 2021-01-24)");
        if (Show(layout, pingerServer, ["import-totals", "--state-dir", serverState, "--config-dir", serverConfig, countmeTotals]) is { } failure)
        {
            throw new HarnessException("Demo failed: " + failure);
        }

        // 3. A year of a synthetic fleet, every report in an ended window, so every window has a release.
        SeedFleet(layout, serverState, machines);

        var serverLog = Path.Combine(demo, "server.log");
        Console.WriteLine();
        Console.WriteLine($"Starting {pingerServer} on {url} (SQLite in {serverState}, log in {serverLog})");
        var serverPid = StartDetached(pingerServer, serverLog, ["--urls", url, "--state-dir", serverState, "--config-dir", serverConfig, "--schema-dir", layout.ServerSchema]);
        File.WriteAllText(pidFile, serverPid.ToString(CultureInfo.InvariantCulture) + "\n");
        var succeeded = false;
        try
        {
            using var serverProcess = Process.GetProcessById(serverPid);
            ServerProcess.WaitUntilReady(url + "/readyz", serverProcess);

            // 4. Two machines report: this one, and a Fedora CoreOS on AWS (a fixture tree).
            var clientConfig = Write(Path.Combine(demo, "client-config"), $"[reporting]\nlevel = \"full\"\nserver = \"{url}/\"\n");
            foreach (var (name, extra) in new[] { ("this-machine", Array.Empty<string>()), ("fcos-aws", ["--root", layout.InRoot("test", "fixtures", "roots", "fcos-aws")]) })
            {
                string[] common = ["--config-dir", clientConfig, "--state-dir", Path.Combine(demo, "client-state-" + name), "--runtime-dir", Path.Combine(demo, "client-run-" + name), .. extra];
                Console.WriteLine();
                Console.WriteLine($"== pinger --dry-run ({name}): exactly what will be sent");
                failures.AddRange(new[] { Show(layout, pinger, ["--dry-run", .. common]) }.OfType<string>());
                Console.WriteLine($"== pinger run ({name})");
                failures.AddRange(new[] { Show(layout, pinger, ["run", .. common]) }.OfType<string>());
            }

            await ShowPublishedAsync(url, failures).ConfigureAwait(false);
            if (failures.Count > 0)
            {
                throw new HarnessException("Demo failed: " + string.Join("; ", failures));
            }

            succeeded = true;
        }
        finally
        {
            if (!succeeded)
            {
                StopEarlierServer(pidFile);
            }
        }

        var summary = $"pinger-server keeps running in the background (pid {serverPid}); its database is in {serverState}.\n"
            + $"  Dashboard:  {url}/\n"
            + $"  Stop it:    kill -TERM {serverPid}\n"
            + "  (the next Demo run stops it too)";
        File.WriteAllText(Path.Combine(demo, "summary.txt"), summary + "\n");
        Console.WriteLine();
        Console.WriteLine(summary);
        return 0;
    }

    // 5. A countme request as libdnf sends it to a metalink, 6. what the server publishes, 7. the dashboard.
    private static async Task ShowPublishedAsync(string url, List<string> failures)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var metalink = new HttpRequestMessage(HttpMethod.Get, new Uri(url + "/metalink?repo=fedora-41&arch=x86_64&countme=2"));
        metalink.Headers.TryAddWithoutValidation("User-Agent", "libdnf (Fedora Linux 41; coreos; Linux.x86_64)");
        using var counted = await http.SendAsync(metalink).ConfigureAwait(false);
        Console.WriteLine();
        Console.WriteLine($"== GET /metalink with a libdnf User-Agent: {(int)counted.StatusCode}");
        foreach (var path in new[] { "/v1/totals?window=week", "/v1/countme/totals.csv" })
        {
            Console.WriteLine();
            Console.WriteLine($"== GET {path}");
            var lines = (await http.GetStringAsync(new Uri(url + path)).ConfigureAwait(false)).Split('\n');
            Console.WriteLine(lines.Length > 12 ? string.Join("\n", lines.Take(12)) + $"\n... ({lines.Length - 12} more lines)" : string.Join("\n", lines));
        }

        using var page = await http.GetAsync(new Uri(url + "/")).ConfigureAwait(false);
        if (!page.IsSuccessStatusCode)
        {
            failures.Add($"GET / answered {(int)page.StatusCode}");
        }
    }

    private static void SeedFleet(RepositoryLayout layout, string serverState, int machines)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Console.WriteLine();
        Console.WriteLine($"== Seeding a year of a synthetic fleet of about {machines:N0} machines (up to {today.AddDays(-1):yyyy-MM-dd})");
        var clock = Stopwatch.StartNew();
        var registry = FieldRegistryLoader.Load([layout.ServerSchema]);
        using var store = SqliteCounterStore.InDirectory(serverState);
        store.Open();
        var summary = DemoSeeder.Seed(store, registry, DemoFleet.Create(machines, today), today);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{summary.Reports:N0} reports and {summary.CountmeHits:N0} countme hits committed in {clock.Elapsed.TotalSeconds:0} s; {summary.Machines:N0} machines running yesterday"));
    }

    private static string Write(string directory, string toml)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "50-demo.toml"), toml);
        return directory;
    }

    // The server runs in a session of its own with its output in a log file, so it outlives the build (and a Ctrl-C
    // in its terminal) until it is stopped with the command printed at the end.
    private static int StartDetached(string program, string log, IEnumerable<string> arguments)
    {
        var launch = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-c", "setsid \"$0\" \"$@\" >\"$LOG\" 2>&1 </dev/null & echo $!", program }.Concat(arguments))
        {
            launch.ArgumentList.Add(argument);
        }

        launch.Environment["LOG"] = log;
        using var shell = Process.Start(launch) ?? throw new HarnessException("/bin/sh did not start");
        var pid = int.Parse(shell.StandardOutput.ReadToEnd().Trim(), CultureInfo.InvariantCulture);
        shell.WaitForExit();
        return pid;
    }

    // Runs a command with its output on the console; returns why it failed, or null.
    private static string? Show(RepositoryLayout layout, string program, IReadOnlyList<string> arguments)
    {
        Console.WriteLine();
        Console.WriteLine($"$ {Path.GetRelativePath(layout.Root, program)} {string.Join(' ', arguments)}");
        var exitCode = ProcessCapture.Show(program, arguments);
        switch (exitCode)
        {
            case 0:
                return null;
            case 4:
                // pinger's "partial report": a probe failed or was left out, and the rest was handled.
                Console.WriteLine("(exit code 4: partial report, see the warnings above)");
                return null;
            default:
                Console.WriteLine($"(exit code {exitCode})");
                return $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {exitCode}";
        }
    }

    // Stops the server an earlier Demo left running, named by its pid file, if that process is still pinger-server.
    private static void StopEarlierServer(string pidFile)
    {
        if (!File.Exists(pidFile))
        {
            return;
        }

        var text = File.ReadAllText(pidFile).Trim();
        File.Delete(pidFile);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) || !File.Exists($"/proc/{pid}/cmdline")
            || !File.ReadAllText($"/proc/{pid}/cmdline").Contains("pinger-server", StringComparison.Ordinal))
        {
            return;
        }

        Console.WriteLine($"Stopping the pinger-server of an earlier Demo (pid {pid})");
        using var process = Process.GetProcessById(pid);

        // SIGTERM: the server commits what it acknowledged, then exits.
        ServerProcess.Terminate(pid);
        if (!process.WaitForExit(15_000))
        {
            throw new HarnessException($"the earlier demo server (pid {pid}) did not stop within 15 s of SIGTERM");
        }
    }
}
