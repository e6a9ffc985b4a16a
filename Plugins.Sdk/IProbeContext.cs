namespace Pinger.Plugins.Sdk;

/// <summary>Everything a probe may use to look at the machine. Tests pass fixture roots and fakes.</summary>
public interface IProbeContext
{
    /// <summary>The machine's files, under the configured root.</summary>
    IMachineFiles Files { get; }

    /// <summary>Runs the machine's programs.</summary>
    ICommandRunner Commands { get; }

    /// <summary>The current time.</summary>
    TimeProvider Clock { get; }

    /// <summary>The probe's own settings from its <c>[probes.&lt;id&gt;]</c> table.</summary>
    IProbeSettings Settings { get; }

    /// <summary>
    /// The level in force. A probe must not emit fields declared above it: the host leaves out everything from a
    /// probe that does, as it does for undeclared fields and values outside their declaration.
    /// </summary>
    MetricsLevel Level { get; }

    /// <summary>Diagnostics. Never log a value that could identify the machine.</summary>
    IProbeLog Log { get; }
}
