using Pinger.Core.Running;
using Pinger.Plugins.Sdk;
using Pinger.Protocol.Reports;

namespace Pinger.Core.Reporting;

/// <summary>Builds the one report of a run from the probes' accepted values.</summary>
public static class ReportAssembler
{
    /// <summary>A report of every run that collected at least one value.</summary>
    public static Report Assemble(MetricsLevel level, IEnumerable<ProbeRun> runs) =>
        new(level, runs
            .Where(r => r.Values.Count > 0)
            .ToDictionary(r => r.ProbeId, r => r.Values, StringComparer.Ordinal));
}
