using System.Diagnostics;
using System.Text.RegularExpressions;
using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.Config;

/// <summary>
/// Runs the published <c>pinger</c> under <c>strace</c> and lists every file it (or any thread) opened, so a test
/// can tell which plugin files were read: loading an assembly opens it, listing a directory opens it too.
/// </summary>
internal static partial class OpenedFiles
{
    private const string Strace = "/usr/bin/strace";

    public static (PingerOutcome Outcome, IReadOnlyList<string> Paths) Of(params string[] arguments)
    {
        if (!File.Exists(Strace))
        {
            Assert.Fail("strace is needed to watch which files pinger opens: install it (the build's Prerequisites target does)");
        }

        using var trace = new TempDirectory();
        var log = Path.Combine(trace.Path, "opens.txt");
        var start = new ProcessStartInfo(Strace) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-f", "-qq", "-s", "4096", "-e", "trace=open,openat,openat2", "-o", log, PublishedTree.Pinger }.Concat(arguments))
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
        var paths = File.ReadLines(log).Select(l => OpenedPath().Match(l)).Where(m => m.Success).Select(m => m.Groups["path"].Value).ToArray();
        Assert.IsNotEmpty(paths, "strace recorded no open at all: the trace is not working\n" + outcome);
        return (outcome, paths);
    }

    [GeneratedRegex(@"open(?:at2?)?\((?:AT_FDCWD|-?\d+), ""(?<path>[^""]*)""|^\d+\s+open\(""(?<path>[^""]*)""")]
    private static partial Regex OpenedPath();
}
