using Pinger.Probes.Testing;

namespace Pinger.Probes.Tests;

/// <summary>The planted identifiers the privacy tests look for are really there to be found.</summary>
[TestClass]
public sealed class PlantedIdentifierTests
{
    [TestMethod]
    public void Every_listed_identifier_is_really_planted_in_the_roots_or_a_probes_own_fixtures()
    {
        // The list itself sits beside the roots, not among them: it proves nothing about what is planted.
        var fixtures = OwnFixtureDirectories().Prepend(FixtureRoots.Directory).Select(directory => new FixtureText(directory)).ToArray();

        var missing = PlantedIdentifiers.Listed.Where(value => !fixtures.Any(text => text.Contains(value))).ToArray();

        Assert.IsNotEmpty(PlantedIdentifiers.Listed);
        Assert.IsEmpty(missing, "Not found under test/fixtures/roots nor Probes/*/tests/fixtures: " + string.Join(", ", missing));
    }

    [TestMethod]
    public void The_planted_list_skips_comments_and_blank_lines_and_keeps_values_whole()
    {
        var values = PlantedIdentifiers.Parse("# comment\n\nPlanted Office Dock\r\n  # not a comment: indented\n#another\nab#cd\n");

        CollectionAssert.AreEqual(new[] { "Planted Office Dock", "  # not a comment: indented", "ab#cd" }, values.ToArray());
    }

    [TestMethod]
    public void A_planted_value_is_found_whatever_its_case_and_wherever_it_sits()
    {
        CollectionAssert.Contains(PlantedIdentifiers.FoundIn("mac=B0:26:28:4F:1A:60;").ToArray(), "b0:26:28:4f:1a:60");
        Assert.IsEmpty(PlantedIdentifiers.FoundIn("ethernet_interfaces=2").ToArray());
    }

    [TestMethod]
    [DataRow("fcos-aws")]
    [DataRow("fcos-metal")]
    [DataRow("fcos-qemu-old-aleph")]
    [DataRow("debian")]
    [DataRow("debian-podman-container")]
    public void The_fixture_roots_do_hold_identifying_values_to_look_for(string rootName)
    {
        Assert.IsGreaterThanOrEqualTo(3, PlantedIdentifiers.ReadFrom(FixtureRoots.PathOf(rootName)).Count);
    }

    private static IEnumerable<string> OwnFixtureDirectories() =>
        InTreeProbes.Folders
            .Select(probe => Path.Combine(RepositoryPaths.Probes, probe.Folder, "tests", "fixtures"))
            .Where(Directory.Exists);
}
