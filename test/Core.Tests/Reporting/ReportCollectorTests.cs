using Pinger.Core.Config;
using Pinger.Core.Discovery;
using Pinger.Core.Reporting;
using Pinger.Core.Running;
using Pinger.Core.Tests.Running;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Tests.Reporting;

[TestClass]
public sealed class ReportCollectorTests
{
    private const string Admin = "/etc/pinger/config.d/50-admin.toml";

    [TestMethod]
    public async Task At_level_off_no_probe_is_even_loaded_and_there_is_no_report()
    {
        using var machine = new TempMachine().Write(Admin, "[reporting]\nlevel = \"off\"\n");
        var probes = new CountingCatalogSource(ProbeCatalog.Empty);

        var collection = await Collector(machine, probes).CollectAsync(CancellationToken.None);

        Assert.AreEqual(0, probes.Loads);
        Assert.IsNull(collection.Report);
        Assert.AreEqual(MetricsLevel.Off, collection.ConfigResult.Config!.Level);
    }

    [TestMethod]
    public async Task An_invalid_config_runs_no_probe_but_has_its_probe_tables_checked_too()
    {
        using var machine = new TempMachine().Write(Admin, "[reporting]\nlevel = \"loud\"\n[probes.nosuch]\nenabled = true\n");
        using var folder = new PluginFolder().WithMisbehavingPlugin();
        var probes = new CountingCatalogSource(new PluginProbeLoader().Load([new ProbeSearchPath(folder.Path, ProbeOrigin.Distribution)]));

        var collection = await Collector(machine, probes).CollectAsync(CancellationToken.None);

        Assert.IsNull(collection.Report);
        Assert.IsEmpty(collection.Runs);
        CollectionAssert.AreEqual(
            new[] { "reporting.level", "probes.nosuch" },
            collection.ConfigResult.Errors.Select(e => e.Key).ToArray());
    }

    [TestMethod]
    public async Task A_setting_for_an_unknown_probe_is_caught_once_probes_are_known()
    {
        using var machine = new TempMachine().Write(Admin, "[probes.nosuch]\nenabled = false\n");
        using var folder = new PluginFolder().WithMisbehavingPlugin();
        var probes = new CountingCatalogSource(new PluginProbeLoader().Load([new ProbeSearchPath(folder.Path, ProbeOrigin.Distribution)]));

        var collection = await Collector(machine, probes).CollectAsync(CancellationToken.None);

        Assert.IsNull(collection.Report);
        Assert.AreEqual("unknown probe id 'nosuch'", collection.ConfigResult.Errors.Single().Message);
    }

    [TestMethod]
    public async Task The_report_holds_the_probes_that_behaved_and_leaves_out_disabled_and_broken_ones()
    {
        using var machine = new TempMachine().Write(Admin, "[reporting]\nlevel = \"full\"\n[probes.hanging]\nenabled = false\n");
        using var folder = new PluginFolder().WithMisbehavingPlugin();
        var probes = new CountingCatalogSource(new PluginProbeLoader().Load([new ProbeSearchPath(folder.Path, ProbeOrigin.Distribution)]));

        var collection = await Collector(machine, probes).CollectAsync(CancellationToken.None);

        Assert.AreEqual(1, probes.Loads);
        CollectionAssert.AreEqual(new[] { "stdout-writing", "well-behaved" }, collection.Report!.Probes.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.IsFalse(collection.Runs.Any(r => r.ProbeId == "hanging"), "a disabled probe must not run");
        Assert.IsTrue(collection.IsPartial);
        Assert.AreEqual(FieldValue.FromInteger(7), collection.Report.Probes["well-behaved"]["detail"]);
    }

    private static ReportCollector Collector(TempMachine machine, IProbeCatalogSource probes)
    {
        var files = new RootedMachineFiles(machine.Root);
        var timings = new PhaseTimings();
        var runner = new RunnerTestBed(machine.Root).Runner;
        return new ReportCollector(new ConfigLoader(ConfigDirectories.Standard(files)), probes, runner, timings);
    }

    private sealed class CountingCatalogSource(ProbeCatalog catalog) : IProbeCatalogSource
    {
        public int Loads { get; private set; }

        public ProbeCatalog Load()
        {
            Loads++;
            return catalog;
        }
    }
}
