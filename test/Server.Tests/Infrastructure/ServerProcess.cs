using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Pinger.Server.Tests.Infrastructure;

/// <summary>The published-style pinger-server running as its own process, so it can be killed with SIGKILL.</summary>
internal sealed partial class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts <c>pinger-server</c> with <paramref name="args"/> on a free loopback port and waits until it listens.</summary>
    public static async Task<ServerProcess> StartAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pinger-server.dll"));
        foreach (var arg in args.Concat(["--urls", "http://127.0.0.1:0"]))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Read(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("pinger-server exited:\n" + string.Join('\n', log)));
                return;
            }

            log.Enqueue(e.Data);
            if (Listening().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        process.ErrorDataReceived += Read;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log.Enqueue(e.Data);
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            return new ServerProcess(process, await listening.Task.WaitAsync(TimeSpan.FromSeconds(60)));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>SIGTERM, as systemd stops the service; returns the exit code.</summary>
    public int Terminate()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!_process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            KillHard();
            throw new TimeoutException("pinger-server did not stop within 60 s of SIGTERM");
        }

        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            KillHard();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
