namespace Pinger.Plugins.Sdk;

/// <summary>How a probe run ended.</summary>
public enum ProbeOutcome
{
    /// <summary>The probe collected values.</summary>
    Collected,

    /// <summary>What the probe looks at does not exist on this machine; nothing is wrong.</summary>
    NotApplicable,

    /// <summary>What the probe looks at should exist but could not be read.</summary>
    Failed,
}
