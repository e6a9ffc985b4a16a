namespace Pinger.Bench.Harness.Tests;

/// <summary>The files of fixtures/, copied beside the test assembly.</summary>
internal static class Fixture
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", name);

    public static string Text(string name) => File.ReadAllText(PathOf(name));
}
