using System.Diagnostics;
using System.Text.Json.Nodes;
using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.ThirdParty;

/// <summary>
/// The path of a vendor who ships a probe, as docs/writing-a-probe.md and the template's README write it: the template
/// and Pinger's packages from the documented folder, tests, publish, the documented install command, an upgrade by the
/// same command, <c>pinger probes</c>, <c>--dry-run</c>, and a real <c>pinger-server</c> that counts the machine without
/// the probe's schema and then, with it, the probe's fields.
/// </summary>
[TestClass]
public sealed class ProbeTemplateTests
{
    private static string WritingAProbe => File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "writing-a-probe.md"));

    public TestContext TestContext { get; set; } = null!;

    [ClassCleanup]
    public static void RemoveVendorDirectory() => VendorProbe.RemoveIfMade();

    [TestMethod]
    [Timeout(115_000, CooperativeCancellation = true)]
    public void The_packed_SDK_and_testing_package_each_carry_a_README_with_no_link_into_the_repository()
    {
        var packages = Directory.GetFiles(VendorProbe.PackagesFolder, "*.nupkg");

        CollectionAssert.AreEquivalent(new[] { "Pinger.Plugins.Sdk.2.0.0.nupkg", "Pinger.Plugins.Sdk.Testing.2.0.0.nupkg" }, packages.Select(Path.GetFileName).ToArray());
        foreach (var package in packages)
        {
            // A package's README is read on its own, where links into Pinger's source tree lead nowhere.
            using var archive = System.IO.Compression.ZipFile.OpenRead(package);
            using var readme = new StreamReader(archive.GetEntry("README.md")!.Open());
            var text = readme.ReadToEnd();
            Assert.IsFalse(System.Text.RegularExpressions.Regex.IsMatch(text, @"\]\((?!https?://)"), $"{Path.GetFileName(package)}'s README links into the repository:\n{text}");
        }
    }

    [TestMethod]
    [Timeout(115_000, CooperativeCancellation = true)]
    public void A_probe_made_from_the_template_takes_Pinger_packages_from_the_named_folder_only_and_passes_its_tests()
    {
        var vendor = VendorProbe.Instance;

        StringAssert.Contains(vendor.TestOutput, "Passed!");
        StringAssert.Contains(File.ReadAllText(Path.Combine(vendor.Directory, "src", VendorProbe.Name, "ExampleProbe.cs")), $"\"{VendorProbe.Id}\"");
        // The restore took the SDK from the packed folder, the one source the mapping allows for Pinger.*.
        var restored = File.ReadAllText(Path.Combine(vendor.GlobalPackages, "pinger.plugins.sdk", "2.0.0", ".nupkg.metadata"));
        StringAssert.Contains(restored, vendor.Packages);
        var config = File.ReadAllText(Path.Combine(vendor.Directory, "nuget.config"));
        StringAssert.Contains(config, $"<add key=\"pinger\" value=\"{vendor.Packages}\" />");
        StringAssert.Contains(config, "<packageSource key=\"pinger\">\n      <package pattern=\"Pinger.*\" />");
        StringAssert.Contains(WritingAProbe, "--pinger-packages <pinger checkout>/artifacts/packages");
        TestContext.WriteLine("from nothing to a tested probe: " + string.Join(", ", vendor.Steps.Select(s => $"{s.Step} {s.Took.TotalSeconds:0.0} s")));
    }

    [TestMethod]
    [Timeout(115_000, CooperativeCancellation = true)]
    public async Task The_installed_probe_is_upgraded_by_the_same_command_listed_shown_and_counted_once_the_server_has_its_schema()
    {
        var vendor = VendorProbe.Instance;
        var clock = Stopwatch.StartNew();
        using var machine = new TempDirectory();
        var probes = Path.Combine(machine.Path, "etc", "pinger", "probes");
        var install = InstallCommand(vendor.Directory, probes);

        // First publish and install, then an upgrade to a new version by the very same command.
        vendor.Publish();
        Assert.AreEqual(0, ShellScript.Run(vendor.Directory, install).ExitCode);
        var csproj = Path.Combine(vendor.Directory, "src", VendorProbe.Name, VendorProbe.Name + ".csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("<Version>1.0.0</Version>", "<Version>1.1.0</Version>", StringComparison.Ordinal));
        vendor.Publish();
        var upgrade = ShellScript.Run(vendor.Directory, install);

        Assert.AreEqual(0, upgrade.ExitCode, upgrade.ToString());
        var installed = Path.Combine(probes, VendorProbe.Id);
        Assert.AreEqual("1.1.0.0", FileVersionInfo.GetVersionInfo(Path.Combine(installed, VendorProbe.Name + ".dll")).FileVersion);
        Assert.IsFalse(Directory.Exists(Path.Combine(installed, VendorProbe.Id)), "the upgrade replaced the directory instead of nesting a copy");
        Assert.IsFalse(File.Exists(Path.Combine(installed, "Pinger.Plugins.Sdk.dll")), "the plugin does not ship the SDK");

        // The machine: the distribution's fcos-aws fixture with Acme installed, at level minimal.
        var root = Path.Combine(machine.Path, "root");
        var acme = Path.Combine(vendor.Directory, "test", VendorProbe.Name + ".Tests", "fixtures", "roots", "acme-node", "etc", "acme");
        Assert.AreEqual(0, ShellScript.Run(machine.Path, $"cp -a \"$ROOTS/fcos-aws\" root && cp -a '{acme}' root/etc/acme").ExitCode);
        string[] standard = ["--root", root, "--probe-dir", PublishedTree.Probes, "--probe-dir", probes];

        var listed = PingerProcess.Run(["probes", .. standard, "--config-dir", TestPaths.FixtureConfig("minimal")]);
        Assert.AreEqual(ExitCodes.Ok, listed.ExitCode, listed.ToString());
        StringAssert.Contains(listed.Output, "Third-party probes (1):");
        StringAssert.Contains(listed.Output, VendorProbe.Id);
        Assert.DoesNotContain("probe directory:", listed.StandardError, "a clean install draws no layout warning");

        var dryRun = PingerProcess.Run(["--dry-run", .. standard, "--config-dir", TestPaths.FixtureConfig("minimal")]);
        Assert.AreEqual(ExitCodes.Ok, dryRun.ExitCode, dryRun.ToString());
        Assert.AreEqual("enterprise", (string?)JsonNode.Parse(dryRun.Output)!["probes"]![VendorProbe.Id]!["edition"]);

        using var server = await CountingServer.StartAsync();
        using var config = new TempDirectory();
        config.Write("50-server.toml", $"[reporting]\nlevel = \"minimal\"\nserver = \"{server.BaseAddress}\"\n");
        string[] run = ["run", .. standard, "--config-dir", config.Path, "--runtime-dir", Path.Combine(machine.Path, "run")];

        // Without the probe's schema: counted all the same, the probe left out and named.
        var withoutSchema = PingerProcess.Run([.. run, "--state-dir", Path.Combine(machine.Path, "state-1")]);
        Assert.AreEqual(ExitCodes.Ok, withoutSchema.ExitCode, withoutSchema.ToString() + server.Log);
        StringAssert.Contains(withoutSchema.StandardError, "report accepted by");
        StringAssert.Contains(withoutSchema.StandardError, $"the server does not know the probe(s) {VendorProbe.Id}");
        var before = await server.TotalsAsync();
        Assert.AreEqual(1, Count(before, "os-versions.version_id"), before.ToJsonString());
        Assert.AreEqual(0, Count(before, $"{VendorProbe.Id}.edition"));

        // The server's admin drops the schema file in, as the docs say; the next machine's report is counted with it.
        var loads = server.RegistryLoads;
        File.Copy(Path.Combine(vendor.Directory, "schema", VendorProbe.Id + ".json"), Path.Combine(server.AdminSchema, VendorProbe.Id + ".json"));
        await server.WaitForRegistryLoadAfterAsync(loads);
        var withSchema = PingerProcess.Run([.. run, "--state-dir", Path.Combine(machine.Path, "state-2")]);

        Assert.AreEqual(ExitCodes.Ok, withSchema.ExitCode, withSchema.ToString() + server.Log);
        Assert.DoesNotContain("does not know", withSchema.StandardError);
        var after = await server.TotalsAsync();
        Assert.AreEqual(2, Count(after, "os-versions.version_id"));
        Assert.AreEqual(1, Count(after, $"{VendorProbe.Id}.edition", "enterprise"), after.ToJsonString());
        TestContext.WriteLine($"zero to counted: {(vendor.Took + clock.Elapsed).TotalSeconds:0.0} s (" +
            string.Join(", ", vendor.Steps.Select(s => $"{s.Step} {s.Took.TotalSeconds:0.0} s")) + $", publish, install, upgrade and count {clock.Elapsed.TotalSeconds:0.0} s)");
    }

    [TestMethod]
    public void Every_document_gives_the_same_install_command_and_it_replaces_the_whole_directory()
    {
        var documented = DocumentedInstallLine(WritingAProbe, "<id>");
        var template = DocumentedInstallLine(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "templates", "pinger-probe", "README.md")), "acme-example");
        var kubernetes = DocumentedInstallLine(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "contrib", "probes", "kubernetes", "README.md")), "kubernetes");

        Assert.AreEqual(documented.Replace("<id>", "acme-example", StringComparison.Ordinal), template);
        Assert.AreEqual(documented.Replace("<id>", "kubernetes", StringComparison.Ordinal), kubernetes);
        StringAssert.StartsWith(documented, "sudo rm -rf /etc/pinger/probes/<id> && ");
    }

    [TestMethod]
    [Timeout(110_000, CooperativeCancellation = true)]
    public void A_probe_id_the_template_cannot_use_stops_the_first_build_with_a_message_naming_the_allowed_form()
    {
        var vendor = VendorProbe.Instance;
        var bad = Path.Combine(vendor.Work, "Acme.Probes.Bad");
        DotNetCli.Run(vendor.Work, "new", "pinger-probe", "--name", "Acme.Probes.Bad", "--probe-id", "Acme.Widgets", "--pinger-packages", vendor.Packages,
            "--debug:custom-hive", vendor.Hive);

        var build = DotNetCli.RunAllowingFailure(bad, "build", $"src/Acme.Probes.Bad");

        Assert.AreNotEqual(0, build.ExitCode);
        StringAssert.Contains(build.Output, "The probe id given with --probe-id is not valid: it must be 1 to 40 characters, lower case letters, digits, '-' and '_', starting with a letter");
        StringAssert.Contains(WritingAProbe, "`--probe-id` takes 1 to 40 characters: lower case letters, digits, `-` and `_`, starting with a letter");
    }

    // The install line of a document: the one that starts with "sudo rm -rf /etc/pinger/probes/<id>".
    private static string DocumentedInstallLine(string document, string id) =>
        document.Split('\n').Single(line => line.StartsWith($"sudo rm -rf /etc/pinger/probes/{id} ", StringComparison.Ordinal)).Trim();

    // The documented line as the vendor's shell runs it, with this machine's probe directory for /etc/pinger/probes
    // and without sudo (the test owns the directory).
    private static string InstallCommand(string probeDirectory, string probes)
    {
        var line = File.ReadAllLines(Path.Combine(probeDirectory, "README.md")).Single(l => l.StartsWith("sudo rm -rf /etc/pinger/probes/", StringComparison.Ordinal));
        Assert.AreEqual(DocumentedInstallLine(WritingAProbe, "<id>").Replace("<id>", VendorProbe.Id, StringComparison.Ordinal), line.Trim());
        return line.Replace("sudo ", string.Empty, StringComparison.Ordinal).Replace("/etc/pinger/probes", probes, StringComparison.Ordinal);
    }

    private static long Count(JsonObject totals, string field, string? value = null) =>
        totals["totals"]!.AsArray()
            .Where(c => (string)c!["window"]! == "week" && (string)c["field"]! == field && (value is null || (string)c["value"]! == value))
            .Sum(c => (long)c!["count"]!);
}
