using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Testing;

namespace Pinger.Probes.FullLevel.Tests;

/// <summary>
/// The shared fixtures under <c>test/fixtures</c>: machine roots, command outputs and the planted identifiers.
/// A root named X answers <c>rpm-ostree status --json</c> with <c>commands/rpm-ostree-status/X.json</c> when that
/// file exists; otherwise rpm-ostree is not installed there.
/// </summary>
internal static class Fixtures
{
    /// <summary>The roots this project owns and describes in <c>roots/README.full-level.md</c>.</summary>
    public static IReadOnlyList<string> FullLevelRoots { get; } = ["metal-server", "laptop-wifi", "okd-node", "docker-host", "aws-vm", "unreadable"];

    public static string Directory { get; } = Find();

    public static string Root(string name) => Path.Combine(Directory, "roots", name);

    /// <summary>Every root in the repository, including other projects' roots.</summary>
    public static IEnumerable<string> AllRootNames() =>
        System.IO.Directory.EnumerateDirectories(Path.Combine(Directory, "roots")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static string CommandOutput(string relativePath) => File.ReadAllText(Path.Combine(Directory, "commands", relativePath));

    /// <summary>A context over root <paramref name="rootName"/>, with its scripted rpm-ostree when it has one.</summary>
    public static FixtureProbeContext Context(string rootName, IProbe probe, MetricsLevel level = MetricsLevel.Full) =>
        ContextAt(Root(rootName), probe, level, StatusFileOf(rootName));

    public static FixtureProbeContext ContextAt(string rootPath, IProbe probe, MetricsLevel level = MetricsLevel.Full, string? statusFile = null)
    {
        var context = new FixtureProbeContext(rootPath, probe.Descriptor, level);
        if (statusFile is not null && File.Exists(statusFile))
        {
            context.FakeCommands.Answer("rpm-ostree", ["status", "--json"], File.ReadAllText(statusFile));
        }

        return context;
    }

    public static Task<ProbeResult> Run(IProbe probe, string rootName, MetricsLevel level = MetricsLevel.Full) =>
        probe.CollectAsync(Context(rootName, probe, level), CancellationToken.None);

    private static string StatusFileOf(string rootName) => Path.Combine(Directory, "commands", "rpm-ostree-status", rootName + ".json");

    // The tests run from bin/<configuration>/<framework>; the fixtures stay in the source tree.
    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "test", "fixtures");
            if (System.IO.Directory.Exists(Path.Combine(candidate, "roots")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("test/fixtures was not found above " + AppContext.BaseDirectory);
    }
}
