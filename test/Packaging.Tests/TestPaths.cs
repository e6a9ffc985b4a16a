using System.Reflection;

namespace Pinger.Packaging.Tests;

/// <summary>Where the repository, its fixtures and the published tree are.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot => typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string FixtureRoot(string name) => Path.Combine(RepositoryRoot, "test", "fixtures", "roots", name);

    /// <summary>contrib/rpm/files.expected: what the packages install beyond the published tree.</summary>
    public static string ExpectedExtras => Path.Combine(RepositoryRoot, "contrib", "rpm", "files.expected");

    /// <summary>The tree the Publish target laid out, the one the packages repack (PINGER_PUBLISHED_ROOT, which the Test target sets).</summary>
    public static string PublishedRoot
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("PINGER_PUBLISHED_ROOT");
            if (string.IsNullOrEmpty(root))
            {
                throw new InvalidOperationException(
                    "PINGER_PUBLISHED_ROOT is not set: run ./build.sh --target=Publish and set it to artifacts/root (the Test target sets it)");
            }

            return Path.GetFullPath(root);
        }
    }
}
