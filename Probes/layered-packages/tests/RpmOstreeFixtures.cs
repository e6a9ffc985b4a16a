using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Testing;
using Pinger.Probes.Testing;

namespace Pinger.Probes.LayeredPackages.Tests;

/// <summary>
/// The shared fixture roots with this probe's own command outputs: on root X, <c>rpm-ostree status --json</c>
/// prints <c>fixtures/rpm-ostree-status/X.json</c> when that file exists; otherwise rpm-ostree is not installed.
/// </summary>
internal static class RpmOstreeFixtures
{
    private static string Directory { get; } = Path.Combine(RepositoryPaths.OwnFixtures, "rpm-ostree-status");

    /// <summary>Whether root <paramref name="rootName"/> has rpm-ostree, and so a status output here.</summary>
    public static bool HasStatus(string rootName) => File.Exists(StatusFileOf(rootName));

    public static FixtureProbeContext Context(string rootName, MetricsLevel level = MetricsLevel.Full)
    {
        var context = FixtureRoots.Context(rootName, new LayeredPackagesProbe(), level);
        if (HasStatus(rootName))
        {
            context.FakeCommands.Answer("rpm-ostree", ["status", "--json"], File.ReadAllText(StatusFileOf(rootName)));
        }

        return context;
    }

    public static Task<ProbeResult> RunAsync(string rootName, MetricsLevel level = MetricsLevel.Full) =>
        new LayeredPackagesProbe().CollectAsync(Context(rootName, level), CancellationToken.None);

    private static string StatusFileOf(string rootName) => Path.Combine(Directory, rootName + ".json");
}
