namespace Pinger.Packaging.Tests;

/// <summary>Removes what the tests built and installed once every test has run.</summary>
[TestClass]
public static class AssemblyHooks
{
    [AssemblyCleanup]
    public static void DeleteScratchInstallation() => ScratchInstallation.DeleteIfCreated();
}
