using System.Text.Json.Nodes;
using Pinger.Host;

namespace Pinger.Host.Tests.EndToEnd;

/// <summary>
/// The published <c>pinger --dry-run --root FIXTURE</c> for every fixture root and level, compared field by
/// field with the reviewed golden report in test/fixtures/expected/. The clock is fixed (PINGER_NOW) and the
/// fixture's machine-id dated, so windows and age are reproducible; the nonce is random by design, so it is
/// checked for shape and replaced by a placeholder. The test only compares: after an intended change,
/// <c>./build.sh --target=UpdateGolden</c> rewrites the golden files (bench/Harness, GoldenCommand); review the diff.
/// </summary>
[TestClass]
public sealed class GoldenReportTests
{
    private const string NoncePlaceholder = "random-per-report-----";

    public static IEnumerable<object[]> RootsAndLevels() =>
        Directory.EnumerateDirectories(Path.Combine(TestPaths.RepositoryRoot, "test", "fixtures", "roots"))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .SelectMany(root => new[] { new object[] { root!, "minimal" }, new object[] { root!, "full" } });

    [TestMethod]
    [DynamicData(nameof(RootsAndLevels))]
    public void The_dry_run_report_of_a_fixture_matches_its_golden_report(string root, string level)
    {
        var machineId = Path.Combine(TestPaths.FixtureRoot(root), "etc", "machine-id");
        if (File.Exists(machineId) && new FileInfo(machineId).LinkTarget is null)
        {
            File.SetLastWriteTimeUtc(machineId, new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        using var state = new TempDirectory();
        var outcome = PingerProcess.Run(
            new Dictionary<string, string> { ["PINGER_NOW"] = "2026-11-27T10:00:00Z" },
            "--dry-run", "--root", TestPaths.FixtureRoot(root), "--config-dir", TestPaths.FixtureConfig(level), "--state-dir", state.Path);

        Assert.IsTrue(outcome.ExitCode is ExitCodes.Ok or ExitCodes.PartialReport, outcome.ToString());
        Assert.DoesNotContain("internal error", outcome.StandardError);
        var nonce = (string)JsonNode.Parse(outcome.Output)!["nonce"]!;
        Assert.IsTrue(Protocol.Reports.ReportNonce.IsWellFormed(nonce), nonce);
        var actual = outcome.Output.Replace(nonce, NoncePlaceholder, StringComparison.Ordinal);
        var goldenPath = TestPaths.Expected($"{root}.{level}.json");
        Assert.IsTrue(File.Exists(goldenPath), $"no golden report {goldenPath}; run ./build.sh --target=UpdateGolden and review it");
        var differences = JsonDifferences.Between(JsonNode.Parse(File.ReadAllText(goldenPath))!, JsonNode.Parse(actual)!);
        Assert.IsEmpty(differences, $"{root} at {level}:\n" + string.Join("\n", differences));
        Assert.AreEqual(File.ReadAllText(goldenPath), actual, "same fields, but not the same bytes");
    }
}
