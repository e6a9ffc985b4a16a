using System.Reflection;

namespace Pinger.Server.Tests.Infrastructure;

/// <summary>Where the repository is, from the build that made this assembly.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static string InRepository(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);
}
