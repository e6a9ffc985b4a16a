using Pinger.Plugins.Sdk.Testing;

namespace Pinger.Probes.FullLevel.Tests;

/// <summary>Builds small roots from single files of the shared fixture roots.</summary>
internal static class FixtureCopies
{
    /// <summary>Copies file <paramref name="path"/> of fixture root <paramref name="fixtureRoot"/> to the same path in <paramref name="root"/>.</summary>
    public static TemporaryMachineRoot CopyFrom(this TemporaryMachineRoot root, string fixtureRoot, string path) =>
        root.Write(path, File.ReadAllText(Path.Combine(Fixtures.Root(fixtureRoot), path.TrimStart('/'))));
}
