using Pinger.Host.Campaigns.Tests.Infrastructure;

namespace Pinger.Host.Campaigns.Tests.StateDirectory;

/// <summary>
/// A state directory on a full file system, or a read-only one: the nonce cannot be saved, so nothing is sent (the
/// server sees no connection), the error names the state file, and the run exits 1 (docs/configuration.md).
/// </summary>
[TestClass]
public sealed class StateDirectoryFaultTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task A_full_state_directory_sends_nothing_and_says_why()
    {
        using var server = new FaultyServer(_ => Fault.Accept);
        using var machine = new Machine();
        var mount = Mount.Tmpfs(machine.StateDirectory, "64k", fill: true);

        var run = await RunAsync(machine, server, mount);

        AssertNothingSent(run, server, "No space left on device");
        Figures.Record(TestContext, "client faults", "full state directory (64 KiB tmpfs): exit, connections", $"{run.ExitCode}, {server.Connections}");
    }

    [TestMethod]
    public async Task A_read_only_state_directory_sends_nothing_and_says_why()
    {
        using var server = new FaultyServer(_ => Fault.Accept);
        using var machine = new Machine();
        var mount = Mount.Tmpfs(machine.StateDirectory, "64k", readOnly: true);

        var run = await RunAsync(machine, server, mount);

        AssertNothingSent(run, server, "Read-only file system");
        Figures.Record(TestContext, "client faults", "read-only state directory: exit, connections", $"{run.ExitCode}, {server.Connections}");
    }

    private static Task<PingerRun> RunAsync(Machine machine, FaultyServer server, Mount mount)
    {
        Directory.CreateDirectory(machine.ConfigDirectory);
        File.WriteAllText(Path.Combine(machine.ConfigDirectory, "50-campaign.toml"), $"[reporting]\nlevel = \"minimal\"\nserver = \"{server.Url}\"\ntimeout_seconds = 5\n");
        return PublishedPinger.RunUnderAsync(mount.Prefix(), new Dictionary<string, string> { ["PINGER_NOW"] = "2026-11-27T10:00:00Z" },
            "run", "--root", PublishedPinger.FixtureRoot("fcos-aws"), "--config-dir", machine.ConfigDirectory,
            "--state-dir", machine.StateDirectory, "--runtime-dir", machine.RuntimeDirectory);
    }

    private static void AssertNothingSent(PingerRun run, FaultyServer server, string cause)
    {
        Assert.AreEqual(1, run.ExitCode, run.ToString());
        Assert.AreEqual(0, server.Connections, "nothing may leave without the nonce on disk");
        StringAssert.Contains(run.Errors, "cannot write the state file");
        StringAssert.Contains(run.Errors, "nothing was sent");
        StringAssert.Contains(run.Errors, cause);
    }
}
