using System.Reflection;

namespace Pinger.Probes.Tests;

/// <summary>The machine roots under test/fixtures/roots, found where the build recorded them.</summary>
internal static class FixtureRoots
{
    public static string Directory { get; } = typeof(FixtureRoots).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "FixtureRoots")
        .Value!;

    /// <summary>Every root, including those other probes' tests added.</summary>
    public static IReadOnlyList<string> Names { get; } = System.IO.Directory.GetDirectories(Directory)
        .Select(Path.GetFileName)
        .OfType<string>()
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static string PathOf(string name)
    {
        var path = Path.Combine(Directory, name);
        if (!System.IO.Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"No fixture root named '{name}'.");
        }

        return path;
    }
}
