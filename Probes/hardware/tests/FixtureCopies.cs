using Pinger.Plugins.Sdk.Testing;
using Pinger.Probes.Testing;

namespace Pinger.Probes.Hardware.Tests;

/// <summary>Builds small roots from single files of the shared fixture roots.</summary>
internal static class FixtureCopies
{
    /// <summary>Copies file <paramref name="path"/> of fixture root <paramref name="fixtureRoot"/> to the same path in <paramref name="root"/>.</summary>
    public static TemporaryMachineRoot CopyFrom(this TemporaryMachineRoot root, string fixtureRoot, string path) =>
        root.Write(path, File.ReadAllText(Path.Combine(FixtureRoots.PathOf(fixtureRoot), path.TrimStart('/'))));
}
