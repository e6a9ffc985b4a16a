using System.Text.Json.Nodes;
using Pinger.Host;

namespace Pinger.Host.Tests.EndToEnd;

/// <summary>
/// The published <c>pinger --dry-run --root FIXTURE</c> for every fixture root and level, compared field by
/// field with the reviewed golden report in test/fixtures/expected/. Set PINGER_UPDATE_GOLDEN=1 to rewrite
/// the golden files after an intended change, then review the diff.
/// </summary>
[TestClass]
public sealed class GoldenReportTests
{
    public static IEnumerable<object[]> RootsAndLevels() =>
        Directory.EnumerateDirectories(Path.Combine(TestPaths.RepositoryRoot, "test", "fixtures", "roots"))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .SelectMany(root => new[] { new object[] { root!, "minimal" }, new object[] { root!, "full" } });

    [TestMethod]
    [DynamicData(nameof(RootsAndLevels))]
    public void The_dry_run_report_of_a_fixture_matches_its_golden_report(string root, string level)
    {
        var outcome = PingerProcess.Run("--dry-run", "--root", TestPaths.FixtureRoot(root), "--config-dir", TestPaths.FixtureConfig(level));

        Assert.IsTrue(outcome.ExitCode is ExitCodes.Ok or ExitCodes.PartialReport, outcome.ToString());
        Assert.DoesNotContain("internal error", outcome.StandardError);
        var goldenPath = TestPaths.Expected($"{root}.{level}.json");
        if (Environment.GetEnvironmentVariable("PINGER_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(goldenPath, outcome.StandardOutput);
        }

        Assert.IsTrue(File.Exists(goldenPath), $"no golden report {goldenPath}; run the tests with PINGER_UPDATE_GOLDEN=1 and review it");
        var differences = JsonDifferences.Between(JsonNode.Parse(File.ReadAllText(goldenPath))!, JsonNode.Parse(outcome.Output)!);
        Assert.IsEmpty(differences, $"{root} at {level}:\n" + string.Join("\n", differences));
        Assert.AreEqual(File.ReadAllText(goldenPath), outcome.Output, "same fields, but not the same bytes");
    }
}
