using Pinger.Core.Running;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Tests.Running;

/// <summary>Real plugin probes that break the rules are contained; the others still report.</summary>
[TestClass]
public sealed class ProbeRunnerTests
{
    private static PluginFolder s_folder = null!;

    [ClassInitialize]
    public static void LoadPlugin(TestContext _) => s_folder = new PluginFolder().WithMisbehavingPlugin();

    [ClassCleanup]
    public static void RemovePlugin() => s_folder.Dispose();

    [TestMethod]
    public async Task Every_misbehaviour_is_contained_and_the_well_behaved_probe_still_reports()
    {
        var probes = RunnerTestBed.MisbehavingProbes(s_folder);

        var runs = (await new RunnerTestBed().Runner.RunAsync(probes, RunnerTestBed.ConfigAt(MetricsLevel.Minimal), CancellationToken.None))
            .ToDictionary(r => r.ProbeId);

        Assert.AreEqual(ProbeRunStatus.Crashed, runs["throwing"].Status);
        Assert.AreEqual("threw InvalidOperationException (the plugin's exception message is not shown)", runs["throwing"].Problems.Single());
        Assert.AreEqual(ProbeRunStatus.TimedOut, runs["hanging"].Status);
        Assert.AreEqual("did not finish within its budget of 300 ms", runs["hanging"].Problems.Single());
        Assert.AreEqual(ProbeRunStatus.Collected, runs["well-behaved"].Status);
        Assert.IsFalse(runs["well-behaved"].IsPartial);
        Assert.AreEqual(FieldValue.FromText("yes"), runs["well-behaved"].Values["answer"]);
        Assert.IsFalse(runs["well-behaved"].Values.ContainsKey("detail"), "a full-level field must not exist at minimal");
        Assert.AreEqual(ProbeRunStatus.Rejected, runs["level-escaping"].Status);
        Assert.AreEqual(ProbeRunStatus.Rejected, runs["undeclared-field"].Status);
        Assert.AreEqual(ProbeRunStatus.Collected, runs["stdout-writing"].Status);
    }

    [TestMethod]
    public async Task A_probe_emitting_an_undeclared_field_is_left_out_and_the_field_named_without_its_value()
    {
        var probe = RunnerTestBed.MisbehavingProbes(s_folder).Single(p => p.Id == "undeclared-field");

        var run = await new RunnerTestBed().Runner.RunOneAsync(probe, RunnerTestBed.ConfigAt(MetricsLevel.Full), CancellationToken.None);

        Assert.AreEqual(ProbeRunStatus.Rejected, run.Status);
        Assert.IsEmpty(run.Values, "its declared field 'answer' is left out too");
        Assert.AreEqual("whole probe left out of the report: it emitted undeclared field 'hostname'", run.Problems.Single());
        Assert.IsTrue(run.IsPartial);
        Assert.IsFalse(run.Problems.Any(p => p.Contains("secret-host-name", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task A_probe_emitting_a_full_level_field_at_minimal_or_a_value_outside_its_set_is_left_out()
    {
        var probe = RunnerTestBed.MisbehavingProbes(s_folder).Single(p => p.Id == "level-escaping");

        var run = await new RunnerTestBed().Runner.RunOneAsync(probe, RunnerTestBed.ConfigAt(MetricsLevel.Minimal), CancellationToken.None);

        Assert.AreEqual(ProbeRunStatus.Rejected, run.Status);
        Assert.IsEmpty(run.Values);
        CollectionAssert.AreEqual(
            new[]
            {
                "whole probe left out of the report: field 'answer': value is not in the declared set",
                "whole probe left out of the report: field 'detail' needs level full, level is minimal",
            },
            run.Problems.ToArray());
    }

    [TestMethod]
    public async Task At_full_level_full_fields_are_kept()
    {
        var probe = RunnerTestBed.MisbehavingProbes(s_folder).Single(p => p.Id == "well-behaved");

        var run = await new RunnerTestBed().Runner.RunOneAsync(probe, RunnerTestBed.ConfigAt(MetricsLevel.Full), CancellationToken.None);

        Assert.AreEqual(FieldValue.FromInteger(7), run.Values["detail"]);
    }
}
