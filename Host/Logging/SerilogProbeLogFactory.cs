using Pinger.Core.Running;
using Pinger.Plugins.Sdk;
using Serilog;

namespace Pinger.Host.Logging;

/// <summary>Gives each probe a Serilog logger carrying its id as the <c>ProbeId</c> property.</summary>
public sealed class SerilogProbeLogFactory(ILogger logger) : IProbeLogFactory
{
    /// <inheritdoc />
    public IProbeLog For(string probeId) => new SerilogProbeLog(logger.ForContext("ProbeId", probeId), probeId);

    private sealed class SerilogProbeLog(ILogger logger, string probeId) : IProbeLog
    {
        public void Debug(string message) => logger.Debug("probe {ProbeId}: {ProbeMessage}", probeId, message);

        public void Warning(string message) => logger.Warning("probe {ProbeId}: {ProbeMessage}", probeId, message);
    }
}
