using Pinger.Probes.Testing;

namespace Pinger.Probes.Network.Tests;

/// <summary>
/// The keyfile reader keeps only the settings the probe counts: the secrets NetworkManager stores in the same files
/// (the planted-secrets root has one of every kind) are skipped as they are read, never held.
/// </summary>
[TestClass]
public sealed class ProfileKeyfileTests
{
    private const string SecretMarker = "planted-secret";

    public static IEnumerable<object[]> PlantedKeyfiles() =>
        new[] { "etc", "run" }
            .Select(top => Path.Combine(FixtureRoots.PathOf("planted-secrets"), top, "NetworkManager", "system-connections"))
            .SelectMany(Directory.EnumerateFiles)
            .Order(StringComparer.Ordinal)
            .Select(path => new object[] { Path.GetRelativePath(FixtureRoots.PathOf("planted-secrets"), path) });

    [TestMethod]
    [DynamicData(nameof(PlantedKeyfiles))]
    public void Keeps_no_secret_of_a_keyfile_that_holds_them(string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(FixtureRoots.PathOf("planted-secrets"), relativePath));
        Assert.Contains(SecretMarker, text, "the fixture must plant a secret");

        var keyfile = ProfileKeyfile.Parse(text);

        var kept = keyfile.KeptValues.Where(v => v.Contains(SecretMarker, StringComparison.OrdinalIgnoreCase)).ToArray();
        Assert.IsEmpty(kept, string.Join(", ", kept));
    }

    [TestMethod]
    public void Keeps_the_settings_it_counts_and_answers_nothing_for_a_secret()
    {
        var keyfile = ProfileKeyfile.Parse("""
            [connection]
            uuid=0b1c2d3e
            type=wifi
            [wifi-security]
            psk=planted-secret-psk
            [ipv4]
            method=auto
            [ipv6]
            method=ignore
            """);

        Assert.AreEqual("0b1c2d3e", keyfile.Get("connection", "uuid"));
        Assert.AreEqual("wifi", keyfile.Get("connection", "type"));
        Assert.AreEqual("auto", keyfile.Get("ipv4", "method"));
        Assert.AreEqual("ignore", keyfile.Get("ipv6", "method"));
        Assert.IsNull(keyfile.Get("wifi-security", "psk"));
        CollectionAssert.AreEquivalent(new[] { "0b1c2d3e", "wifi", "auto", "ignore" }, keyfile.KeptValues.ToArray());
    }

    [TestMethod]
    public async Task Counts_the_planted_profiles_by_method_without_saying_anything_planted()
    {
        var probe = new NetworkProbe();
        var context = FixtureRoots.Context("planted-secrets", probe);

        var result = await probe.CollectAsync(context, CancellationToken.None);

        // The profiles are read (addressing comes from keyfiles), and none of their secrets comes out.
        Assert.AreEqual(Pinger.Plugins.Sdk.FieldValue.FromText("keyfiles"), result.Values["addressing_source"]);
        ProbeAssert.SaidNothingPlanted(probe.Descriptor, result, context, PlantedIdentifiers.On(FixtureRoots.PathOf("planted-secrets")));
    }
}
