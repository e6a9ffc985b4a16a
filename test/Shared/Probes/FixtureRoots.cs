using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Testing;

namespace Pinger.Probes.Testing;

/// <summary>
/// The machine roots under <c>test/fixtures/roots</c>, each the "/" of one kind of machine, shared by every probe's
/// tests and by the host's golden reports; and probe contexts over them.
/// </summary>
internal static class FixtureRoots
{
    public static string Directory { get; } = Path.Combine(RepositoryPaths.SharedFixtures, "roots");

    /// <summary>Every root, in ordinal order, including those added for other probes.</summary>
    public static IReadOnlyList<string> Names { get; } = System.IO.Directory.GetDirectories(Directory)
        .Select(Path.GetFileName)
        .OfType<string>()
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Every root as MSTest data rows, one argument each.</summary>
    public static IEnumerable<object[]> Rows => Names.Select(name => new object[] { name });

    public static string PathOf(string name)
    {
        var path = Path.Combine(Directory, name);
        if (!System.IO.Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"No fixture root named '{name}' in {Directory}.");
        }

        return path;
    }

    /// <summary>A context over root <paramref name="name"/>; no command is answered unless the test scripts one.</summary>
    public static FixtureProbeContext Context(string name, IProbe probe, MetricsLevel level = MetricsLevel.Full, IReadOnlyDictionary<string, FieldValue>? settings = null) =>
        new(PathOf(name), probe.Descriptor, level, settings);

    public static Task<ProbeResult> RunAsync(IProbe probe, string name, MetricsLevel level = MetricsLevel.Full) =>
        probe.CollectAsync(Context(name, probe, level), CancellationToken.None);
}
