using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Pinger.Testing.EndToEnd;

/// <summary>
/// The published <c>pinger-server</c> as its own process on a free 127.0.0.1 port, started on a
/// <see cref="ServerDirectory"/>; ready once it logs the address it listens on. Killed on dispose.
/// </summary>
internal sealed partial class RunningServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log;

    private RunningServer(Process process, ConcurrentQueue<string> log, Uri baseAddress)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Everything the server wrote to standard output and error so far.</summary>
    public string Log => string.Join('\n', _log);

    public static async Task<RunningServer> StartAsync(ServerDirectory directory)
    {
        var start = new ProcessStartInfo(PublishedTree.Server)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in directory.Arguments.Concat(["--urls", "http://127.0.0.1:0"]))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var log = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(string? line)
        {
            if (line is null)
            {
                listening.TrySetException(new InvalidOperationException("pinger-server ended before it listened:\n" + string.Join('\n', log)));
                return;
            }

            log.Enqueue(line);
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
            // A hang guard only: the server signals readiness with its log line.
            return new RunningServer(process, log, await listening.Task.WaitAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
