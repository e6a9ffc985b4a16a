using Pinger.Plugins.Sdk;

namespace Pinger.Core.Running;

/// <summary>The result of running one probe: what it may put in the report, and everything that went wrong.</summary>
/// <param name="ProbeId">The probe.</param>
/// <param name="Status">How the run ended.</param>
/// <param name="Values">The accepted values: declared, allowed at this level, and well-formed.</param>
/// <param name="Problems">What was dropped or went wrong, as sentences without machine data.</param>
/// <param name="Duration">How long the probe took (up to its budget).</param>
public sealed record ProbeRun(
    string ProbeId,
    ProbeRunStatus Status,
    IReadOnlyDictionary<string, FieldValue> Values,
    IReadOnlyList<string> Problems,
    TimeSpan Duration)
{
    /// <summary>Whether this run makes the report partial: a failure, or anything dropped.</summary>
    public bool IsPartial => Status is not (ProbeRunStatus.Collected or ProbeRunStatus.NotApplicable);
}
