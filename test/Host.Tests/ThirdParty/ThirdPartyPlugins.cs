using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.ThirdParty;

/// <summary>
/// A probe directory laid out the way an admin installs third-party probes (one directory per plugin, copied from
/// the plugin's build output), given to the published pinger after its own probes, as /etc/pinger/probes would be.
/// </summary>
internal sealed class ThirdPartyPlugins : IDisposable
{
    private readonly TempDirectory _directory = new();

    public static string Kubernetes => Output("contrib/probes/kubernetes/src");

    public static string Sneaky => Output("test/TestPlugins/Sneaky");

    public static string FutureSdk => Output("test/TestPlugins/SdkVersions/FutureSdk");

    public static string SlowToLoad => Output("test/TestPlugins/SlowToLoad");

    public string Path => _directory.Path;

    /// <summary>The published pinger's own probes first, then these: the order the installed pinger searches.</summary>
    public string[] ProbeDirArguments => ["--probe-dir", PublishedTree.Probes, "--probe-dir", Path];

    /// <summary>Copies a build output in as the plugin directory <paramref name="name"/>; returns the directory.</summary>
    public string Install(string buildOutput, string name) => _directory.CopyDirectory(buildOutput, name);

    public void Dispose() => _directory.Dispose();

    private static string Output(string project) =>
        System.IO.Path.Combine(TestPaths.RepositoryRoot, project, "bin", TestPaths.Configuration, "net10.0");
}
