using System.Diagnostics;
using Pinger.Core.Discovery;

namespace Pinger.Core.Tests.Discovery;

[TestClass]
public sealed class LoadBudgetTests
{
    [TestMethod]
    public void A_plugin_whose_probe_never_finishes_being_created_is_left_out_once_the_load_budget_is_spent()
    {
        using var folder = new PluginFolder().WithMisbehavingPlugin();
        var slow = TestPluginBuilds.Install(TestPluginBuilds.SlowToLoad, folder.Path, "slow");
        var clock = Stopwatch.StartNew();

        var catalog = new PluginProbeLoader(TimeSpan.FromMilliseconds(500)).Load([new ProbeSearchPath(folder.Path, ProbeOrigin.Admin)]);

        Assert.IsLessThan(TimeSpan.FromSeconds(5), clock.Elapsed);
        var failure = catalog.Failures.Single(f => f.Name == "slow");
        Assert.AreEqual(Path.Combine(slow, "Pinger.TestPlugins.SlowToLoad.dll"), failure.Path);
        Assert.AreEqual("Pinger.TestPlugins.SlowToLoad.HangingConstructorProbe did not finish being created within the load budget of 500 ms; left out", failure.Message);
        Assert.IsTrue(catalog.Probes.Any(p => p.Id == "well-behaved"), "the other plugins still load");
    }
}
