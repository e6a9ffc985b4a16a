using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.Config;

/// <summary>
/// On an opted-out machine no plugin code is loaded: the published <c>pinger</c>, watched with strace, opens no
/// file of the installed probe directory at level off, in <c>run</c>, <c>--dry-run</c> and <c>check-config</c>
/// (the unit's ExecStartPre). The same watch at level minimal sees the probe assemblies opened, so it can fail.
/// </summary>
[TestClass]
public sealed class PluginLoadingTests
{
    public static IEnumerable<object[]> Commands() =>
    [
        ["check-config"],
        ["check-config --quiet"],
        ["--dry-run"],
        ["run"],
    ];

    [TestMethod]
    [DynamicData(nameof(Commands))]
    public void At_level_off_no_file_of_the_probe_directory_is_opened(string command)
    {
        using var machine = new TempDirectory();
        machine.Write("etc/pinger/config.d/90-disable.toml", "[reporting]\nlevel = \"off\"\nserver = \"http://127.0.0.1:9/\"\n");

        var (outcome, paths) = Traced(machine, command);

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        var plugins = paths.Where(IsInProbeDirectory).ToArray();
        Assert.IsEmpty(plugins, "plugin files opened at level off:\n" + string.Join("\n", plugins));
    }

    [TestMethod]
    public void At_level_minimal_the_same_watch_sees_every_probe_assembly_opened()
    {
        using var machine = new TempDirectory();
        machine.Write("etc/pinger/config.d/50-level.toml", "[reporting]\nlevel = \"minimal\"\n");

        var (outcome, paths) = Traced(machine, "check-config");

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        foreach (var probe in Directory.EnumerateDirectories(PublishedTree.Probes))
        {
            var assembly = Directory.EnumerateFiles(probe, "Pinger.Probes.*.dll").First();
            CollectionAssert.Contains(paths.Select(Path.GetFullPath).ToArray(), Path.GetFullPath(assembly), "the watch missed a probe assembly being opened");
        }
    }

    private static (PingerOutcome Outcome, IReadOnlyList<string> Paths) Traced(TempDirectory machine, string command) =>
        OpenedFiles.Of([.. command.Split(' '), "--root", machine.Path, "--state-dir", Path.Combine(machine.Path, "state"), "--runtime-dir", Path.Combine(machine.Path, "runtime")]);

    private static bool IsInProbeDirectory(string path) =>
        Path.GetFullPath(path).StartsWith(Path.GetFullPath(PublishedTree.Probes), StringComparison.Ordinal);
}
