using Pinger.Plugins.Sdk;

namespace Pinger.Core.Running;

/// <summary>Gives each probe a log that tags its lines with the probe id.</summary>
public interface IProbeLogFactory
{
    /// <summary>The log for probe <paramref name="probeId"/>.</summary>
    IProbeLog For(string probeId);
}
