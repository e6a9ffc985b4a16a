namespace Pinger.Host.Tests.EndToEnd;

/// <summary>
/// The whole published pipeline at the full level, on every fixture root: no identifying value planted in the
/// fixtures (test/fixtures/planted-identifiers.txt, the one list every probe is held to) appears in the report
/// or in anything Pinger logs.
/// </summary>
[TestClass]
public sealed class WholeReportPrivacyTests
{
    public static IEnumerable<object[]> Roots() =>
        Directory.EnumerateDirectories(Path.Combine(TestPaths.RepositoryRoot, "test", "fixtures", "roots"))
            .Select(d => new object[] { Path.GetFileName(d) })
            .OrderBy(r => (string)r[0], StringComparer.Ordinal);

    [TestMethod]
    [DynamicData(nameof(Roots))]
    public void No_planted_identifier_leaves_through_the_report_or_the_logs(string root)
    {
        using var state = new TempDirectory();

        var outcome = PingerProcess.Run("--dry-run", "--verbose", "--root", TestPaths.FixtureRoot(root),
            "--config-dir", TestPaths.FixtureConfig("full"), "--state-dir", state.Path);

        Assert.IsTrue(outcome.ExitCode is ExitCodes.Ok or ExitCodes.PartialReport, outcome.ToString());
        var everything = outcome.Output + outcome.StandardError;
        var leaked = PlantedIdentifiers().Where(value => everything.Contains(value, StringComparison.OrdinalIgnoreCase)).ToArray();
        Assert.IsEmpty(leaked, $"{root} leaked: {string.Join(", ", leaked)}");
    }

    private static IEnumerable<string> PlantedIdentifiers() =>
        File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "test", "fixtures", "planted-identifiers.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'));
}
