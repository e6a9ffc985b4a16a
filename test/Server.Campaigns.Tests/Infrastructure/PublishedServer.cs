using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Pinger.Server.Campaigns.Tests.Infrastructure;

/// <summary>
/// The published pinger-server as its own process on a free 127.0.0.1 port, so it can be killed with SIGKILL and
/// started again on the same storage. Everything it writes to stdout and stderr is kept in <see cref="ServerLog"/>.
/// </summary>
internal sealed partial class PublishedServer : IDisposable
{
    private readonly Process _process;

    private PublishedServer(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts the server with <paramref name="arguments"/> and <paramref name="environment"/> added, and waits until it
    /// listens: on a free port unless <paramref name="freePort"/> is false (the configuration then chooses).
    /// </summary>
    public static async Task<PublishedServer> StartAsync(
        IEnumerable<string> arguments, ServerLog log, IReadOnlyDictionary<string, string>? environment = null, bool freePort = true)
    {
        var start = new ProcessStartInfo(PublishedTree.ServerExecutable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in freePort ? arguments.Concat(["--urls", "http://127.0.0.1:0"]) : arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var mine = new ConcurrentQueue<string>();
        void Read(string? line)
        {
            if (line is null)
            {
                listening.TrySetException(new InvalidOperationException("pinger-server exited before it listened:\n" + string.Join('\n', mine)));
                return;
            }

            mine.Enqueue(line);
            log.Add(line);
            if (Listening().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            return new PublishedServer(process, await listening.Task.WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false));
        }
        catch
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            process.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as systemd stops the service; the exit code.</summary>
    public int Terminate()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!_process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            Kill();
            throw new TimeoutException("pinger-server did not stop within 60 s of SIGTERM");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>The resident set size, from /proc.</summary>
    public long ResidentKiB()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
