using Pinger.Core.Config;
using Pinger.Core.Discovery;
using Pinger.Core.Running;
using Pinger.Protocol.Reports;

namespace Pinger.Core.Reporting;

/// <summary>Everything one collection produced, for the host to log, print or send.</summary>
/// <param name="ConfigResult">The configuration and its diagnostics.</param>
/// <param name="Catalog">The probes loaded (empty when reporting is off or the config is invalid).</param>
/// <param name="Runs">Each probe run.</param>
/// <param name="Report">The report; null when the config is invalid or reporting is off.</param>
public sealed record Collection(ConfigLoadResult ConfigResult, ProbeCatalog Catalog, IReadOnlyList<ProbeRun> Runs, Report? Report)
{
    /// <summary>Whether a probe failed, was partly dropped, or a plugin could not be loaded.</summary>
    public bool IsPartial => Catalog.Failures.Count > 0 || Runs.Any(r => r.IsPartial);
}
