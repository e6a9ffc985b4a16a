using System.Diagnostics;

namespace Pinger.Host.Tests.EndToEnd;

/// <summary>
/// Runs the published <c>pinger</c> under <c>strace</c>, following every thread and child, and returns the trace's
/// lines for the system calls asked for: what pinger opened, or which programs it started.
/// </summary>
internal static class TracedPinger
{
    private const string Strace = "/usr/bin/strace";

    /// <summary>Runs pinger with <paramref name="arguments"/>, tracing <paramref name="syscalls"/> (strace's <c>trace=</c> list).</summary>
    public static (PingerOutcome Outcome, IReadOnlyList<string> Trace) Run(string syscalls, string why, IEnumerable<string> arguments)
    {
        if (!File.Exists(Strace))
        {
            Assert.Fail($"strace is needed to watch {why}: install it (the build's Prerequisites target does)");
        }

        using var trace = new TempDirectory();
        var log = Path.Combine(trace.Path, "trace.txt");
        var start = new ProcessStartInfo(Strace) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-f", "-qq", "-s", "4096", "-e", "trace=" + syscalls, "-o", log, PublishedTree.Pinger }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("JOURNAL_STREAM");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("pinger under strace did not exit within two minutes");
        }

        var outcome = new PingerOutcome(process.ExitCode, System.Text.Encoding.UTF8.GetBytes(output.Result), errors.Result);
        return (outcome, File.ReadAllLines(log));
    }
}
