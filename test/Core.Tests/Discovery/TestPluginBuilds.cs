using System.Reflection;

namespace Pinger.Core.Tests.Discovery;

/// <summary>The build output of the test plugins under test/TestPlugins, built before this assembly.</summary>
internal static class TestPluginBuilds
{
    public static string FutureSdk => Output("SdkVersions/FutureSdk");

    public static string OlderSdk => Output("SdkVersions/OlderSdk");

    public static string SlowToLoad => Output("SlowToLoad");

    /// <summary>A plugin with one probe whose id is the name of the directory it is installed in.</summary>
    public static string Trivial => Output("Trivial");

    /// <summary>Copies a plugin's build output into <paramref name="searchDirectory"/> as the plugin directory <paramref name="name"/>.</summary>
    public static string Install(string output, string searchDirectory, string name)
    {
        var target = Directory.CreateDirectory(Path.Combine(searchDirectory, name)).FullName;
        foreach (var file in Directory.EnumerateFiles(output))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    private static string Output(string project) =>
        Path.Combine(TestPaths.RepositoryRoot, "test", "TestPlugins", project, "bin", Configuration, "net10.0");

    private static string Configuration =>
        typeof(TestPluginBuilds).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BuildConfiguration").Value!;
}
