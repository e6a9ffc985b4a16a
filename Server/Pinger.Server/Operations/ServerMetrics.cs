using Prometheus;

namespace Pinger.Server.Operations;

/// <summary>
/// How the service runs, in a registry of its own so that nothing else (no per-client label, no runtime default)
/// ends up on /metrics, and so that two servers in one process do not share counters. Nothing here counts reports,
/// windows or countme hits: what a window received is published only through its private release.
/// </summary>
public sealed class ServerMetrics
{
    /// <summary>Creates the metrics in a fresh registry.</summary>
    public ServerMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        Requests = factory.CreateCounter("pinger_server_http_requests_total",
            "HTTP requests answered, by endpoint and status code (refusals of reports show as 400, 413, 429 and 503).",
            new CounterConfiguration { LabelNames = ["endpoint", "code"] });
        ReportsRejected = factory.CreateCounter("pinger_server_ingest_rejections_total",
            "Reports refused by POST /v1/reports, by reason (a fixed set, see ReportRejection).",
            new CounterConfiguration { LabelNames = ["reason"] });
        foreach (var reason in ReportRejection.All)
        {
            ReportsRejected.WithLabels(reason);
        }
        ValuesOverCap = factory.CreateCounter("pinger_server_values_over_cap_total",
            "Values counted by no row because their field already kept its declared number of distinct values in that window.");
        RowsPruned = factory.CreateCounter("pinger_server_rows_pruned_total", "Counter rows deleted because their window is older than the retention policy keeps.");
        CommitFailures = factory.CreateCounter("pinger_server_commit_failures_total", "Batches that could not be committed (their clients got 503).");
        CommitSeconds = factory.CreateHistogram("pinger_server_commit_duration_seconds", "Time to commit one batch durably.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 14) });
        QueueDepth = factory.CreateGauge("pinger_server_ingest_queue_depth", "Writes waiting for the next commit.");
        RegistryProbes = factory.CreateGauge("pinger_server_field_registry_probes", "Probes in the field registry in force.");
    }

    /// <summary>The registry /metrics serves.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Requests by endpoint and status.</summary>
    public Counter Requests { get; }

    /// <summary>Refused reports by <see cref="ReportRejection"/> reason.</summary>
    public Counter ReportsRejected { get; }

    /// <summary>Failed commits.</summary>
    public Counter CommitFailures { get; }

    /// <summary>Values not stored because of their field's distinct-value cap.</summary>
    public Counter ValuesOverCap { get; }

    /// <summary>Rows deleted by retention.</summary>
    public Counter RowsPruned { get; }

    /// <summary>Commit latency.</summary>
    public Histogram CommitSeconds { get; }

    /// <summary>Queue depth after taking a batch.</summary>
    public Gauge QueueDepth { get; }

    /// <summary>Probes known to the registry.</summary>
    public Gauge RegistryProbes { get; }
}
