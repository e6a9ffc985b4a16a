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
    public void The_systemd_unit_checks_the_config_first_and_listens_on_loopback()
    {
        var unit = File.ReadAllLines(TestPaths.InRepository("contrib", "server", "pinger-server.service"));

        CollectionAssert.Contains(unit, "ExecStartPre=/usr/bin/pinger-server check-config");
        CollectionAssert.Contains(unit, "ExecStart=/usr/bin/pinger-server --urls http://127.0.0.1:8080");
        CollectionAssert.Contains(unit, "DynamicUser=yes");
        CollectionAssert.Contains(unit, "StateDirectory=pinger-server");
        CollectionAssert.Contains(unit, "RestartPreventExitStatus=2 3");
    }
}
