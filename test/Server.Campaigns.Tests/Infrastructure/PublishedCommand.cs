using System.Diagnostics;

namespace Pinger.Server.Campaigns.Tests.Infrastructure;

/// <summary>One run of the published pinger-server that is expected to end by itself: its exit code and what it printed.</summary>
internal sealed record PublishedCommand(int ExitCode, string Output, string Error)
{
    /// <summary>
    /// Runs <paramref name="arguments"/> with <paramref name="environment"/> added, as <paramref name="user"/> (a uid,
    /// through setpriv) when given; fails after <paramref name="timeout"/> (default a minute) instead of hanging.
    /// </summary>
    public static async Task<PublishedCommand> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, int? user = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(user is null ? PublishedTree.ServerExecutable : "setpriv")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (user is { } uid)
        {
            foreach (var argument in new[] { $"--reuid={uid}", $"--regid={uid}", "--clear-groups", PublishedTree.ServerExecutable })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
            throw new TimeoutException($"pinger-server {string.Join(' ', start.ArgumentList)} still ran after {timeout ?? TimeSpan.FromMinutes(1)}");
        }

        return new PublishedCommand(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }
}
