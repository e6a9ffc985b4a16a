using System.Text.Json.Nodes;
using Pinger.Core.Config;
using Pinger.Core.Discovery;
using Pinger.Core.Reporting;
using Pinger.Core.Running;
using Pinger.Core.Tests.Running;
using Pinger.Plugins.Sdk;
using Pinger.Protocol.Windows;

namespace Pinger.Core.Tests.Reporting;

[TestClass]
public sealed class ReportPipelineTests
{
    private const string Admin = "/etc/pinger/config.d/50-admin.toml";
    private const string Server = "[reporting]\nserver = \"http://127.0.0.1:9/\"\n";
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-27T10:00:00Z");

    [TestMethod]
    public async Task At_level_off_no_probe_is_even_loaded_the_state_is_not_read_and_there_is_no_report()
    {
        using var machine = new TempMachine().Write(Admin, "[reporting]\nlevel = \"off\"\n");
        var probes = new CountingCatalogSource(ProbeCatalog.Empty);
        var state = new StateSource(PingerState.Empty);

        var build = await Pipeline(machine, probes).BuildAsync(ReportPurpose.Show, state.Read, CancellationToken.None);

        Assert.AreEqual(ReportBuildStatus.ReportingOff, build.Status);
        Assert.AreEqual(0, probes.Loads);
        Assert.AreEqual(0, state.Reads);
        Assert.IsNull(build.Report);
        Assert.AreEqual(MetricsLevel.Off, build.ConfigResult.Config!.Level);
    }

    [TestMethod]
    public async Task An_invalid_config_runs_no_probe_but_has_its_probe_tables_checked_too()
    {
        using var machine = new TempMachine().Write(Admin, "[reporting]\nlevel = \"loud\"\n[probes.nosuch]\nenabled = true\n");
        using var folder = new PluginFolder().WithMisbehavingPlugin();
        var probes = new CountingCatalogSource(new PluginProbeLoader().Load([new ProbeSearchPath(folder.Path, ProbeOrigin.Distribution)]));

        var build = await Pipeline(machine, probes).BuildAsync(ReportPurpose.Send, new StateSource(PingerState.Empty).Read, CancellationToken.None);

        Assert.AreEqual(ReportBuildStatus.InvalidConfig, build.Status);
        Assert.IsNull(build.Report);
        Assert.IsEmpty(build.Runs);
        CollectionAssert.AreEqual(
            new[] { "reporting.level", "probes.nosuch" },
            build.ConfigResult.Errors.Select(e => e.Key).ToArray());
    }

    [TestMethod]
    public async Task A_setting_for_an_unknown_probe_is_caught_once_probes_are_known()
    {
        using var machine = new TempMachine().Write(Admin, "[probes.nosuch]\nenabled = false\n");
        using var folder = new PluginFolder().WithMisbehavingPlugin();
        var probes = new CountingCatalogSource(new PluginProbeLoader().Load([new ProbeSearchPath(folder.Path, ProbeOrigin.Distribution)]));

        var build = await Pipeline(machine, probes).BuildAsync(ReportPurpose.Show, new StateSource(PingerState.Empty).Read, CancellationToken.None);

        Assert.AreEqual(ReportBuildStatus.InvalidConfig, build.Status);
        Assert.IsNull(build.Report);
        Assert.AreEqual("unknown probe id 'nosuch'", build.ConfigResult.Errors.Single().Message);
    }

    [TestMethod]
    public async Task The_report_holds_the_probes_that_behaved_and_leaves_out_disabled_and_broken_ones()
    {
        using var machine = new TempMachine().Write(Admin, "[reporting]\nlevel = \"full\"\n[probes.hanging]\nenabled = false\n");
        using var folder = new PluginFolder().WithMisbehavingPlugin();
        var probes = new CountingCatalogSource(new PluginProbeLoader().Load([new ProbeSearchPath(folder.Path, ProbeOrigin.Distribution)]));

        var build = await Pipeline(machine, probes).BuildAsync(ReportPurpose.Show, new StateSource(PingerState.Empty).Read, CancellationToken.None);

        Assert.AreEqual(ReportBuildStatus.Built, build.Status);
        Assert.AreEqual(1, probes.Loads);
        var report = JsonNode.Parse(build.Report)!;
        CollectionAssert.AreEqual(new[] { "stdout-writing", "well-behaved" }, report["probes"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());
        Assert.IsFalse(build.Runs.Any(r => r.ProbeId == "hanging"), "a disabled probe must not run");
        Assert.IsTrue(build.IsPartial);
        Assert.AreEqual(7, (int)report["probes"]!["well-behaved"]!["detail"]!);
    }

    [TestMethod]
    public async Task The_report_carries_the_planned_windows_and_reuses_the_pending_nonce_of_the_same_windows()
    {
        using var machine = new TempMachine().Write(Admin, Server);
        var windows = CountingCalendar.AllContaining(Now);
        var pending = PingerState.Empty with { Pending = new PendingReport("pendingpendingpending0", windows) };

        var build = await Pipeline(machine, new CountingCatalogSource(ProbeCatalog.Empty)).BuildAsync(ReportPurpose.Send, new StateSource(pending).Read, CancellationToken.None);

        Assert.AreEqual(ReportBuildStatus.Built, build.Status);
        var report = JsonNode.Parse(build.Report)!;
        Assert.AreEqual("pendingpendingpending0", (string)report["nonce"]!);
        Assert.AreEqual("2026-11-27", (string)report["windows"]!["day"]!);
        Assert.AreEqual("2026-11-23", (string)report["windows"]!["week"]!);
        Assert.AreEqual("2026-11-01", (string)report["windows"]!["month"]!);
        Assert.AreSame(pending, build.State);
        CollectionAssert.AreEqual(windows.ToArray(), build.Plan!.Windows.ToArray());
    }

    [TestMethod]
    public async Task The_config_files_are_read_once_and_the_probe_check_works_on_what_was_read()
    {
        using var machine = new TempMachine().Write(Admin, Server);
        using var folder = new PluginFolder().WithMisbehavingPlugin();
        var probes = new CountingCatalogSource(new PluginProbeLoader().Load([new ProbeSearchPath(folder.Path, ProbeOrigin.Distribution)]));

        // The state is read between the level check and the probe check: a file read again after that would
        // bring in this unknown probe's table.
        var build = await Pipeline(machine, probes).BuildAsync(ReportPurpose.Send, _ =>
        {
            machine.Write(Admin, Server + "[probes.nosuch]\nenabled = false\n");
            return PingerState.Empty;
        }, CancellationToken.None);

        Assert.AreEqual(ReportBuildStatus.Built, build.Status, string.Join("; ", build.ConfigResult.Errors.Select(e => e.Describe())));
        Assert.AreEqual(1, probes.Loads);
    }

    [TestMethod]
    public async Task Sending_without_a_server_stops_before_the_state_and_the_plugins()
    {
        using var machine = new TempMachine().Write(Admin, "[reporting]\nlevel = \"minimal\"\n");
        var probes = new CountingCatalogSource(ProbeCatalog.Empty);
        var state = new StateSource(PingerState.Empty);

        var send = await Pipeline(machine, probes).BuildAsync(ReportPurpose.Send, state.Read, CancellationToken.None);
        var show = await Pipeline(machine, probes).BuildAsync(ReportPurpose.Show, state.Read, CancellationToken.None);

        Assert.AreEqual(ReportBuildStatus.NoServer, send.Status);
        Assert.AreEqual(ReportBuildStatus.Built, show.Status, "a dry-run still shows the report");
        Assert.AreEqual(1, probes.Loads);
        Assert.AreEqual(1, state.Reads);
    }

    [TestMethod]
    public async Task When_everything_is_counted_sending_stops_before_the_plugins_and_showing_gives_the_next_days_report()
    {
        using var machine = new TempMachine().Write(Admin, Server);
        var probes = new CountingCatalogSource(ProbeCatalog.Empty);
        var counted = new StateSource(PingerState.Empty.WithCounted(CountingCalendar.AllContaining(Now)));

        var send = await Pipeline(machine, probes).BuildAsync(ReportPurpose.Send, counted.Read, CancellationToken.None);
        var show = await Pipeline(machine, probes).BuildAsync(ReportPurpose.Show, counted.Read, CancellationToken.None);

        Assert.AreEqual(ReportBuildStatus.AlreadyCounted, send.Status);
        Assert.IsNull(send.Report);
        Assert.AreEqual(1, probes.Loads, "only the dry-run loaded plugins");
        Assert.AreEqual(ReportBuildStatus.Built, show.Status);
        Assert.IsFalse(show.Plan!.IsDueNow);
        Assert.AreEqual("2026-11-28", (string)JsonNode.Parse(show.Report)!["windows"]!["day"]!);
    }

    private static ReportPipeline Pipeline(TempMachine machine, IProbeCatalogSource probes)
    {
        var files = new RootedMachineFiles(machine.Root);
        var runner = new RunnerTestBed(machine.Root).Runner;
        return new ReportPipeline(new ConfigLoader(ConfigDirectories.Standard(files)), probes, runner, files, new FixedClock(Now));
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

    private sealed class StateSource(PingerState state)
    {
        public int Reads { get; private set; }

        public PingerState Read(DateTimeOffset now)
        {
            Reads++;
            return state;
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
