using Pinger.Core.Config;
using Pinger.Core.Discovery;
using Pinger.Core.Running;
using Pinger.Protocol.Reports;

namespace Pinger.Core.Reporting;

/// <summary>What the report pipeline ended with, for the host to log, print or send.</summary>
/// <param name="Status">Where it stopped; only <see cref="ReportBuildStatus.Built"/> has a report.</param>
/// <param name="ConfigResult">The configuration and its diagnostics (probe tables checked once plugins loaded).</param>
/// <param name="Catalog">The probes loaded (empty when the pipeline stopped before loading them).</param>
/// <param name="Runs">Each probe run.</param>
/// <param name="State">What was counted before, as the host's state gave it; null when the state was not read.</param>
/// <param name="Plan">The windows, age and nonce of the report; null when the state was not read.</param>
/// <param name="Report">The report's bytes, exactly as sent; null unless built.</param>
public sealed record ReportBuild(
    ReportBuildStatus Status,
    ConfigLoadResult ConfigResult,
    ProbeCatalog Catalog,
    IReadOnlyList<ProbeRun> Runs,
    PingerState? State,
    ReportPlan? Plan,
    byte[]? Report)
{
    /// <summary>The report the bytes were written from, for other renderings of the same values; null unless built.</summary>
    public Report? Contents { get; init; }

    /// <summary>The fields withheld from the report because they are new, and what the state keeps of them; null unless built.</summary>
    public NewFieldDecision? NewFields { get; init; }

    /// <summary>Whether a probe failed, was partly dropped, or a plugin could not be loaded.</summary>
    public bool IsPartial => Catalog.Failures.Count > 0 || Runs.Any(r => r.IsPartial);
}
