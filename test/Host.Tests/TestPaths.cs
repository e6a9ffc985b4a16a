using System.Reflection;

namespace Pinger.Host.Tests;

/// <summary>Where the repository, its fixtures and the test plugins are.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static string Configuration => Metadata("BuildConfiguration");

    public static string FixtureRoot(string name) => Path.Combine(RepositoryRoot, "test", "fixtures", "roots", name);

    public static string FixtureConfig(string name) => Path.Combine(RepositoryRoot, "test", "fixtures", "config", name);

    public static string Expected(string name) => Path.Combine(RepositoryRoot, "test", "fixtures", "expected", name);

    public static string MisbehavingPluginOutput =>
        Path.Combine(RepositoryRoot, "test", "TestPlugins", "Misbehaving", "bin", Configuration, "net10.0");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
