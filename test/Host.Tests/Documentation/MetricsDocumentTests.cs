using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.Documentation;

/// <summary>docs/metrics.md is generated from the probe declarations; this fails when the committed file drifts, and never rewrites it (./build.sh --target=Docs does).</summary>
[TestClass]
public sealed class MetricsDocumentTests
{
    [TestMethod]
    public void The_committed_metrics_document_matches_the_probe_declarations()
    {
        var outcome = PingerProcess.Run("probes", "--markdown");
        var committed = Path.Combine(TestPaths.RepositoryRoot, "docs", "metrics.md");

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        Assert.IsTrue(File.Exists(committed), "docs/metrics.md is missing: run ./build.sh --target=Docs");
        Assert.AreEqual(outcome.Output, File.ReadAllText(committed), "docs/metrics.md is out of date: run ./build.sh --target=Docs and commit it");
    }
}
