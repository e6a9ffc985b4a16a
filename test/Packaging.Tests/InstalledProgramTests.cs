using System.Text.Json.Nodes;

namespace Pinger.Packaging.Tests;

/// <summary>
/// The programs installed from the RPMs run from the scratch root: pinger with the probes and the distribution's
/// defaults the package installed, pinger-server with the field registry beside it.
/// </summary>
[TestClass]
public sealed class InstalledProgramTests
{
    private const string Fixture = "fcos-aws";

    [TestMethod]
    public void The_installed_pinger_reports_on_a_fixture_what_the_published_pinger_reports()
    {
        var installation = ScratchInstallation.Get();

        var installed = DryRun(installation.Root);
        var published = DryRun(TestPaths.PublishedRoot);

        Assert.AreEqual(published, installed);
        // The distribution's defaults of the package apply: level minimal, with the fixture's OS release in it.
        var report = JsonNode.Parse(installed)!;
        Assert.AreEqual("minimal", (string?)report["level"], installed);
        Assert.Contains("fedora", installed);
    }

    [TestMethod]
    public void The_installed_pinger_loads_every_probe_from_the_installed_probe_directory()
    {
        var installation = ScratchInstallation.Get();
        var probeDirectory = installation.InRoot("/usr/lib/pinger/probes") + "/";

        var run = ProgramRun.Of(installation.InRoot("/usr/bin/pinger"), "probes", "--root", TestPaths.FixtureRoot(Fixture));

        Assert.AreEqual(0, run.ExitCode, run.Stderr);
        var sources = run.Stdout.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("source:", StringComparison.Ordinal))
            .Select(line => line["source:".Length..].Trim())
            .ToList();
        var probes = Directory.GetDirectories(installation.InRoot("/usr/lib/pinger/probes"));
        Assert.HasCount(probes.Length, sources, run.Stdout);
        Assert.IsTrue(sources.All(source => source.StartsWith(probeDirectory, StringComparison.Ordinal)), run.Stdout);
    }

    [TestMethod]
    public void The_installed_pinger_server_accepts_its_configuration_and_finds_its_field_registry()
    {
        var installation = ScratchInstallation.Get();

        // Through the link in /usr/bin, as the unit starts it; the admin's drop-in directory the package owns is empty.
        var check = ProgramRun.Of(installation.InRoot("/usr/bin/pinger-server"),
            "check-config", "--config-dir", installation.InRoot("/etc/pinger-server/config.d"));

        Assert.AreEqual(0, check.ExitCode, check.Stdout + check.Stderr);
        Assert.Contains($"from {installation.InRoot("/usr/lib/pinger-server/schema.d")}", check.Stdout);
        Assert.Contains("the configuration is valid", check.Stdout);
    }

    /// <summary><c>pinger --dry-run</c> of the tree at <paramref name="treeRoot"/> with that tree's distribution defaults, the nonce blanked.</summary>
    private static string DryRun(string treeRoot)
    {
        var state = Directory.CreateTempSubdirectory("pinger-rpm-state-").FullName;
        try
        {
            var run = ProgramRun.Of(
                Path.Combine(treeRoot, "usr", "bin", "pinger"),
                new Dictionary<string, string> { ["PINGER_NOW"] = "2026-11-27T10:00:00Z" },
                "--dry-run", "--root", TestPaths.FixtureRoot(Fixture),
                "--config-dir", Path.Combine(treeRoot, "usr", "lib", "pinger", "config.d"),
                "--state-dir", state);

            // 0, or 4 when a probe left its part out: the rest of the report is still printed.
            Assert.IsTrue(run.ExitCode is 0 or 4, $"exit {run.ExitCode}\n{run.Stdout}\n{run.Stderr}");
            var nonce = (string?)JsonNode.Parse(run.Stdout)!["nonce"];
            Assert.IsFalse(string.IsNullOrEmpty(nonce), run.Stdout);
            return run.Stdout.Replace(nonce, "nonce", StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }
}
