namespace Pinger.Plugins.Sdk;

/// <summary>
/// A probe looks at one aspect of the machine and returns coarse values. Implementations need a public
/// parameterless constructor; the host discovers them in plugin assemblies.
/// </summary>
public interface IProbe
{
    /// <summary>What the probe is and may emit. Read once, before the probe runs.</summary>
    ProbeDescriptor Descriptor { get; }

    /// <summary>
    /// Looks at the machine through <paramref name="context"/> only. Return
    /// <see cref="ProbeResult.NotApplicable"/> when the aspect does not exist here; throw or return
    /// <see cref="ProbeResult.Failed"/> when it should exist but cannot be read.
    /// </summary>
    Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken);
}
