using Pinger.Plugins.Sdk;

namespace Pinger.Probes.FullLevel.Tests;

/// <summary>
/// Privacy by construction: on every fixture root, at the full level, no probe emits, logs or explains itself with
/// a planted identifier, and everything it emits is declared and inside its declaration.
/// </summary>
[TestClass]
public sealed class PrivacyTests
{
    public static IEnumerable<object[]> EveryRoot => Fixtures.AllRootNames().Select(name => new object[] { name });

    [TestMethod]
    [DynamicData(nameof(EveryRoot))]
    public async Task No_probe_emits_logs_or_explains_with_a_planted_identifier(string root)
    {
        foreach (var probe in AllProbes.Create())
        {
            var context = Fixtures.Context(root, probe);

            var result = await probe.CollectAsync(context, CancellationToken.None);

            var said = result.Values.Select(v => $"{v.Key}={v.Value}").Concat(context.RecordedLog.Lines).Append(result.Reason ?? string.Empty);
            var leaks = said.SelectMany(text => PlantedIdentifiers.FoundIn(text).Select(value => $"{probe.Descriptor.Id}: \"{value}\" in \"{text}\"")).ToArray();
            Assert.IsEmpty(leaks, string.Join(Environment.NewLine, leaks));
        }
    }

    [TestMethod]
    [DynamicData(nameof(EveryRoot))]
    public async Task Every_emitted_value_is_declared_and_accepted_by_its_declaration(string root)
    {
        foreach (var probe in AllProbes.Create())
        {
            var result = await Fixtures.Run(probe, root);

            ProbeAssert.AllDeclaredAndAccepted(probe.Descriptor, result);
        }
    }

    [TestMethod]
    public void Every_planted_identifier_is_really_planted_somewhere_in_the_fixtures()
    {
        var planted = new FixtureText(Fixtures.Directory);

        var missing = PlantedIdentifiers.All.Where(value => !planted.Contains(value)).ToArray();

        Assert.IsNotEmpty(PlantedIdentifiers.All);
        Assert.IsEmpty(missing, "Not found under test/fixtures: " + string.Join(", ", missing));
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
    public void No_planted_identifier_hides_inside_a_token_a_probe_may_legitimately_emit()
    {
        var tokens = AllProbes.Create()
            .SelectMany(p => p.Descriptor.Fields)
            .SelectMany(f => (f.AllowedValues ?? []).Append(f.Name))
            .ToArray();

        var clashes = tokens.SelectMany(token => PlantedIdentifiers.FoundIn(token).Select(value => $"{value} in {token}")).ToArray();

        Assert.IsEmpty(clashes, string.Join(", ", clashes));
    }
}
