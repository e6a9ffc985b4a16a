namespace Pinger.Contrib.Kubernetes.Tests;

/// <summary>The fixture roots copied beside the test assembly, each a node's "/" with only the files that matter.</summary>
internal static class Roots
{
    public static string Named(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "roots", name);
}
