namespace Pinger.Core.Discovery;

/// <summary>Who installed a probe, which decides how it is shown and whether third-party switches apply.</summary>
public enum ProbeOrigin
{
    /// <summary>Shipped with the distribution (<c>/usr/lib/pinger/probes</c>).</summary>
    Distribution,

    /// <summary>Installed by the admin (<c>/etc/pinger/probes</c>).</summary>
    Admin,
}
