namespace Pinger.Dashboard.Tests.Infrastructure;

/// <summary>Once per test run: closes the shared browser.</summary>
[TestClass]
public static class TestRun
{
    [AssemblyCleanup]
    public static async Task Cleanup() => await Chromium.StopAsync().ConfigureAwait(false);
}
