namespace Pinger.Plugins.Sdk;

/// <summary>How much a machine reports. Levels are ordered: each one includes everything below it.</summary>
public enum MetricsLevel
{
    /// <summary>Nothing is collected or sent; no probe is loaded.</summary>
    Off = 0,

    /// <summary>The few facts needed to count the installed base (versions, platform).</summary>
    Minimal = 1,

    /// <summary>Everything at <see cref="Minimal"/> plus coarse hardware and usage facts.</summary>
    Full = 2,
}
