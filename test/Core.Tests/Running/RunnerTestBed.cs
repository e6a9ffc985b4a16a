using Pinger.Configuration;
using Pinger.Core.Config;
using Pinger.Core.Discovery;
using Pinger.Core.Running;
using Pinger.Plugins.Sdk.Testing;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Tests.Running;

/// <summary>Runs probes the way the host does, with a recording log per probe.</summary>
internal sealed class RunnerTestBed : IProbeLogFactory
{
    private readonly Dictionary<string, RecordingProbeLog> _logs = [];

    public RunnerTestBed(string root = "/nonexistent-root")
    {
        Runner = new ProbeRunner(new MachineView(new RootedMachineFiles(root), new FakeCommandRunner(), TimeProvider.System), this);
    }

    public ProbeRunner Runner { get; }

    public IProbeLog For(string probeId) => _logs.TryGetValue(probeId, out var log) ? log : _logs[probeId] = new RecordingProbeLog();

    public static EffectiveConfig ConfigAt(MetricsLevel level, Dictionary<string, ProbeConfig>? probes = null) => new()
    {
        Level = level,
        LevelReason = "test",
        LevelIsDefault = false,
        Probes = probes ?? [],
        Entries = new Dictionary<string, ConfigEntry>(),
        Files = [],
    };

    public static IReadOnlyList<DiscoveredProbe> MisbehavingProbes(PluginFolder folder) =>
        new PluginProbeLoader().Load([new ProbeSearchPath(folder.Path, ProbeOrigin.Distribution)]).Probes;
}
