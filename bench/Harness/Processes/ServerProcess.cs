using System.Diagnostics;
using System.Globalization;

namespace Pinger.Bench.Harness.Processes;

/// <summary>Starts, awaits and stops the published pinger-server (and other servers) the benches drive.</summary>
internal static class ServerProcess
{
    /// <summary>The published pinger-server on 127.0.0.1:<paramref name="port"/>, state and config under <paramref name="directory"/> (no rate limit, then <paramref name="extraToml"/>).</summary>
    public static Process StartPingerServer(RepositoryLayout layout, string directory, int port, string extraToml)
    {
        var config = Path.Combine(directory, "config");
        Directory.CreateDirectory(config);
        File.WriteAllText(Path.Combine(config, "50-bench.toml"), "[ingest]\nrate_limit_per_minute = 0\n" + extraToml);
        var start = new ProcessStartInfo(layout.RequirePublished(layout.PingerServer))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--urls", Url(port), "--state-dir", Path.Combine(directory, "state"), "--config-dir", config, "--schema-dir", layout.ServerSchema })
        {
            start.ArgumentList.Add(argument);
        }

        var server = Process.Start(start) ?? throw new HarnessException("pinger-server did not start");

        // Drained and dropped, so a chatty server never blocks on a full pipe.
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        return server;
    }

    public static string Url(int port) => "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Waits up to 30 s for <paramref name="url"/> to answer (with success, unless <paramref name="anyAnswer"/>).</summary>
    public static void WaitUntilReady(string url, Process process, bool anyAnswer = false)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (process.HasExited)
            {
                throw new HarnessException($"{url}: the process exited with {process.ExitCode}");
            }

            try
            {
                using var response = http.GetAsync(new Uri(url)).Result;
                if (anyAnswer || response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (AggregateException)
            {
                // Not listening yet.
            }

            // Polling a process we do not control; there is nothing to await instead.
            Thread.Sleep(100);
        }

        throw new HarnessException($"{url} did not answer within 30 s");
    }

    /// <summary>SIGTERM and up to 15 s, so a server drains and closes its database as under systemd.</summary>
    public static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            Terminate(process.Id);
            process.WaitForExit(15_000);
        }
    }

    public static void Terminate(int pid)
    {
        using var kill = Process.Start("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
