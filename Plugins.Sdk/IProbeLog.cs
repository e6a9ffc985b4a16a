namespace Pinger.Plugins.Sdk;

/// <summary>Diagnostics from a probe; the host tags every line with the probe id.</summary>
public interface IProbeLog
{
    /// <summary>Detail for someone debugging the probe.</summary>
    void Debug(string message);

    /// <summary>Something the admin may want to know.</summary>
    void Warning(string message);
}
