using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.ThirdParty;

/// <summary>
/// The afternoon a vendor spends: pack the SDK, install the <c>pinger-probe</c> template, create a probe from it outside
/// this repository with nothing but the packed packages, build it and run its tests.
/// </summary>
[TestClass]
public sealed class ProbeTemplateTests
{
    [TestMethod]
    [Timeout(110_000, CooperativeCancellation = true)]
    public void A_probe_made_from_the_template_builds_and_passes_its_tests_against_the_packed_SDK()
    {
        // Outside the repository, so that none of its Directory.*.props apply.
        using var work = new TempDirectory();
        var packages = Path.Combine(work.Path, "packages");
        var hive = Path.Combine(work.Path, "hive");
        var probe = Path.Combine(work.Path, "probe");
        var repository = TestPaths.RepositoryRoot;
        foreach (var project in new[] { "Plugins.Sdk/Pinger.Plugins.Sdk.csproj", "Plugins.Sdk.Testing/Pinger.Plugins.Sdk.Testing.csproj" })
        {
            // Built apart from the repository's bin/ and obj/, which the test run around this one is using.
            DotNetCli.Run(repository, "pack", Path.Combine(repository, project), "-c", "Release", "-o", packages,
                "--artifacts-path", Path.Combine(work.Path, "build"));
        }

        DotNetCli.Run(work.Path, "new", "install", Path.Combine(repository, "templates", "pinger-probe"), "--debug:custom-hive", hive);
        DotNetCli.Run(work.Path, "new", "pinger-probe", "--name", "Acme.Probes.Widgets", "--probe-id", "acme-widgets", "--output", probe, "--debug:custom-hive", hive);
        File.WriteAllText(Path.Combine(probe, "nuget.config"), NuGetConfig(packages, Path.Combine(work.Path, "nuget-cache")));
        var test = DotNetCli.Run(probe, "test", "Acme.Probes.Widgets.slnx", "-c", "Release");

        StringAssert.Contains(test, "Passed!");
        StringAssert.Contains(File.ReadAllText(Path.Combine(probe, "src", "Acme.Probes.Widgets", "ExampleProbe.cs")), "\"acme-widgets\"");
    }

    // Pinger's packages from the fresh pack only (never a stale copy from a cache); the rest from the machine's package
    // cache when it has them, else nuget.org. A private global packages folder leaves the machine's untouched.
    private static string NuGetConfig(string packages, string cache)
    {
        var machineCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{cache}" /></config>
              <packageSources>
                <clear />
                <add key="pinger" value="{packages}" />
                <add key="machine-cache" value="{machineCache}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="pinger"><package pattern="Pinger.*" /></packageSource>
                <packageSource key="machine-cache"><package pattern="*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """;
    }
}
