namespace Pinger.Core.Discovery;

/// <summary>Who installed a probe, which decides how it is shown and whether third-party switches apply.</summary>
public enum ProbeOrigin
{
    /// <summary>
    /// Shipped with the distribution (<c>/usr/lib/pinger/probes</c>); these share one load context when
    /// <see cref="SharedContextRule"/> allows it.
    /// </summary>
    Distribution,

    /// <summary>Installed by the admin (<c>/etc/pinger/probes</c>); each plugin keeps a load context of its own.</summary>
    Admin,
}
