using System.Reflection;

namespace Pinger.Probes.Testing;

/// <summary>
/// Where the repository and its fixtures are, as the build recorded them in the test assembly: tests read fixtures
/// in place, whatever their working directory.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Metadata("RepositoryRoot")
        ?? throw new InvalidOperationException("The test assembly does not record RepositoryRoot; is test/Directory.Build.props imported?");

    /// <summary>The fixtures shared with the host's end-to-end tests: machine roots, configs, golden reports.</summary>
    public static string SharedFixtures { get; } = Path.Combine(Root, "test", "fixtures");

    /// <summary>The folder holding every in-tree probe, one <c>Probes/&lt;id&gt;/</c> each.</summary>
    public static string Probes { get; } = Path.Combine(Root, "Probes");

    /// <summary>The fixtures only this probe's tests use: <c>Probes/&lt;id&gt;/tests/fixtures</c>.</summary>
    public static string OwnFixtures => Metadata("OwnFixtures")
        ?? throw new InvalidOperationException("Only a probe's test project under Probes/<id>/tests has fixtures of its own.");

    private static string? Metadata(string key) =>
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value;
}
