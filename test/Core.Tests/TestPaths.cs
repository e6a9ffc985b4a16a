using System.Reflection;

namespace Pinger.Core.Tests;

/// <summary>Where the repository and the test plugins are, from the build that made this assembly.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static string MisbehavingPluginOutput =>
        Path.Combine(RepositoryRoot, "test", "TestPlugins", "Misbehaving", "bin", Metadata("BuildConfiguration"), "net10.0");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
