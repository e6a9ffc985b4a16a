using System.Diagnostics;
using System.Text.RegularExpressions;
using Pinger.Host.Machine;
using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.Machine;

/// <summary>
/// With <c>--root</c> the host's programs would describe the host, not the tree: the published <c>pinger</c> runs none
/// (watched with strace, which sees every program started), though a probe asks for one in that tree.
/// </summary>
[TestClass]
public sealed partial class RootedRunsNoProgramTests
{
    private const string Strace = "/usr/bin/strace";

    [TestMethod]
    public void A_dry_run_with_root_starts_no_program_of_the_host()
    {
        if (!File.Exists(Strace))
        {
            Assert.Fail("strace is needed to watch which programs pinger starts: install it (the build's Prerequisites target does)");
        }

        // A root with an os-release but no /proc/sys/kernel/arch: the os-versions probe asks for uname -m.
        using var trace = new TempDirectory();
        var root = Path.GetDirectoryName(trace.Write("root/etc/os-release", "ID=fedora\nVERSION_ID=41\n"))!;
        root = Path.GetDirectoryName(root)!;
        var log = Path.Combine(trace.Path, "execs.txt");
        var start = new ProcessStartInfo(Strace) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-f", "-qq", "-s", "4096", "-e", "trace=execve,execveat", "-o", log, PublishedTree.Pinger,
            "--dry-run", "--root", root, "--config-dir", TestPaths.FixtureConfig("full") })
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

        var programs = File.ReadLines(log).Select(l => Exec().Match(l)).Where(m => m.Success).Select(m => m.Groups["path"].Value).ToArray();
        Assert.IsTrue(process.ExitCode is 0 or 4, $"exit {process.ExitCode}\n{output.Result}\n{errors.Result}");
        CollectionAssert.AreEqual(new[] { PublishedTree.Pinger }, programs, "only pinger itself is executed:\n" + string.Join('\n', programs));
    }

    [TestMethod]
    public async Task The_runner_used_with_root_finds_no_program()
    {
        var result = await new UnavailableCommandRunner().RunAsync("/usr/bin/env", [], CancellationToken.None);

        Assert.IsFalse(result.Found);
    }

    [GeneratedRegex(@"execve(?:at)?\((?:-?\d+, )?""(?<path>[^""]*)""")]
    private static partial Regex Exec();
}
