using System.Reflection;

namespace Pinger.Dashboard.Tests.Infrastructure;

/// <summary>Where the repository is, from the build that made this assembly.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
}
