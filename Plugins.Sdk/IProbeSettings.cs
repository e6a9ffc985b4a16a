namespace Pinger.Plugins.Sdk;

/// <summary>A probe's validated settings; unset keys give the declared default.</summary>
public interface IProbeSettings
{
    /// <summary>A declared boolean setting.</summary>
    bool GetBoolean(string name);

    /// <summary>A declared integer setting.</summary>
    long GetInteger(string name);

    /// <summary>A declared text setting.</summary>
    string GetText(string name);
}
