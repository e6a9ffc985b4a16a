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

        // The budget is shared and the well-behaved plugin's folder is loaded first. The hanging constructor spends all
        // that is left whatever its size, so the budget is generous: the well-behaved plugin loads in time even when
        // both cores are busy with something else (the test then takes the budget's eight seconds).
        var catalog = new PluginProbeLoader(TimeSpan.FromSeconds(8)).Load([new ProbeSearchPath(folder.Path, ProbeOrigin.Admin)]);

        var failure = catalog.Failures.Single(f => f.Name == "slow");
        Assert.AreEqual(Path.Combine(slow, "Pinger.TestPlugins.SlowToLoad.dll"), failure.Path);
        Assert.AreEqual("Pinger.TestPlugins.SlowToLoad.HangingConstructorProbe did not finish being created within the load budget of 8000 ms; left out", failure.Message);
        Assert.IsTrue(catalog.Probes.Any(p => p.Id == "well-behaved"), "the other plugins still load");
    }
}
