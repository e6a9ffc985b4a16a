using Pinger.Server.Configuration;
using Pinger.Server.Documentation;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Configuration;

[TestClass]
public sealed class ShippedFilesTests
{
    [TestMethod]
    public void The_config_key_table_in_docs_server_md_is_generated_from_the_schema()
    {
        var document = File.ReadAllText(TestPaths.InRepository("docs", "server.md"));

        Assert.AreEqual(ServerConfigKeysDocument.Write(), ServerConfigKeysDocument.Extract(document),
            "docs/server.md's key table is out of date: run ./build.sh --target=Docs and commit it");
    }

    [TestMethod]
    [DataRow("config.d/50-example.toml")]
    [DataRow("postgresql.toml")]
    public void The_example_configs_are_valid(string example)
    {
        using var directory = new TempDirectory();
        File.Copy(TestPaths.InRepository("contrib", "server", example), Path.Combine(directory.Path, "50-example.toml"));

        var (settings, diagnostics) = ServerConfigReader.Read(directory.Path);

        Assert.IsNotNull(settings, string.Join("\n", diagnostics));
        Assert.AreEqual(0, diagnostics.Count, string.Join("\n", diagnostics));
    }

    [TestMethod]
    public void The_systemd_unit_checks_the_config_first_and_listens_on_the_configured_loopback_address()
    {
        var unit = File.ReadAllLines(TestPaths.InRepository("contrib", "server", "pinger-server.service"));

        CollectionAssert.Contains(unit, "ExecStartPre=/usr/bin/pinger-server check-config");
        CollectionAssert.Contains(unit, "ExecStart=/usr/bin/pinger-server");
        CollectionAssert.AreEqual(new[] { "http://127.0.0.1:8080" }, new ServerSettings().ListenUrls.ToArray());
        CollectionAssert.Contains(unit, "DynamicUser=yes");
        CollectionAssert.Contains(unit, "StateDirectory=pinger-server");
    }

    [TestMethod]
    public void The_systemd_unit_passes_the_admin_token_as_a_credential_the_example_config_reads()
    {
        var unit = File.ReadAllLines(TestPaths.InRepository("contrib", "server", "pinger-server.service"));
        var example = File.ReadAllText(TestPaths.InRepository("contrib", "server", "config.d", "50-example.toml"));

        // A dynamic user cannot read root's files: the token reaches it only through systemd's credentials.
        CollectionAssert.Contains(unit, "LoadCredential=admin-token");
        StringAssert.Contains(example, "\ntoken_credential = \"admin-token\"\n");
    }

    [TestMethod]
    public void The_systemd_unit_does_not_restart_what_a_restart_cannot_fix()
    {
        var unit = File.ReadAllLines(TestPaths.InRepository("contrib", "server", "pinger-server.service"));

        var prevented = unit.Single(l => l.StartsWith("RestartPreventExitStatus=", StringComparison.Ordinal))
            .Split('=')[1].Split(' ').Select(int.Parse).ToArray();

        CollectionAssert.AreEquivalent(new[] { ServerExitCodes.Usage, ServerExitCodes.InvalidConfig, ServerExitCodes.NoFieldRegistry }, prevented);
    }

    [TestMethod]
    public void The_systemd_unit_passes_systemd_analyze_verify()
    {
        if (!File.Exists("/usr/bin/systemd-analyze"))
        {
            Assert.Inconclusive("systemd-analyze is not installed");
        }

        // verify wants the unit's executables to exist: the copy starts a stand-in instead; every other line is the shipped one.
        using var directory = new TempDirectory();
        var standIn = Path.Combine(directory.Path, "pinger-server");
        File.WriteAllText(standIn, "#!/bin/sh\n");
        File.SetUnixFileMode(standIn, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var unit = Path.Combine(directory.Path, "pinger-server.service");
        File.WriteAllText(unit, File.ReadAllText(TestPaths.InRepository("contrib", "server", "pinger-server.service")).Replace("/usr/bin/pinger-server", standIn, StringComparison.Ordinal));

        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/systemd-analyze") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "verify", "--man=no", unit })
        {
            start.ArgumentList.Add(argument);
        }

        using var verify = System.Diagnostics.Process.Start(start)!;
        var problems = verify.StandardError.ReadToEnd() + verify.StandardOutput.ReadToEnd();
        verify.WaitForExit();

        // verify exits 0 on an unknown key, but says so.
        Assert.AreEqual(0, verify.ExitCode, problems);
        Assert.AreEqual(string.Empty, problems.Trim());
    }
}
