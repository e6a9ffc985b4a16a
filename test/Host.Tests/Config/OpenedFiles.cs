using System.Text.RegularExpressions;
using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.Config;

/// <summary>
/// Runs the published <c>pinger</c> under <c>strace</c> and lists every file it (or any thread) opened, so a test
/// can tell which plugin files were read: loading an assembly opens it, listing a directory opens it too.
/// </summary>
internal static partial class OpenedFiles
{
    public static (PingerOutcome Outcome, IReadOnlyList<string> Paths) Of(params string[] arguments)
    {
        var (outcome, trace) = TracedPinger.Run("open,openat,openat2", "which files pinger opens", arguments);
        var paths = trace.Select(l => OpenedPath().Match(l)).Where(m => m.Success).Select(m => m.Groups["path"].Value).ToArray();
        Assert.IsNotEmpty(paths, "strace recorded no open at all: the trace is not working\n" + outcome);
        return (outcome, paths);
    }

    [GeneratedRegex(@"open(?:at2?)?\((?:AT_FDCWD|-?\d+), ""(?<path>[^""]*)""|^\d+\s+open\(""(?<path>[^""]*)""")]
    private static partial Regex OpenedPath();
}
