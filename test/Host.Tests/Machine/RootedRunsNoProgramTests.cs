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
    [TestMethod]
    public void A_dry_run_with_root_starts_no_program_of_the_host()
    {
        // A root with an os-release but no /proc/sys/kernel/arch: the os-versions probe asks for uname -m.
        using var tree = new TempDirectory();
        var root = Path.GetDirectoryName(Path.GetDirectoryName(tree.Write("root/etc/os-release", "ID=fedora\nVERSION_ID=41\n"))!)!;
        var (outcome, trace) = TracedPinger.Run("execve,execveat", "which programs pinger starts",
            ["--dry-run", "--root", root, "--config-dir", TestPaths.FixtureConfig("full")]);

        var programs = trace.Select(l => Exec().Match(l)).Where(m => m.Success).Select(m => m.Groups["path"].Value).ToArray();
        Assert.IsTrue(outcome.ExitCode is 0 or 4, outcome.ToString());
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
