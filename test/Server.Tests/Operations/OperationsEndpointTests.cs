using System.Net;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Operations;

[TestClass]
public sealed class OperationsEndpointTests
{
    [TestMethod]
    public async Task Healthz_and_readyz_answer_200_when_all_is_well()
    {
        await using var server = await TestServer.StartAsync();

        using var health = await server.Client.GetAsync("/healthz");
        using var ready = await server.Client.GetAsync("/readyz");

        Assert.AreEqual(HttpStatusCode.OK, health.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, ready.StatusCode);
    }

    [TestMethod]
    public async Task Readyz_fails_when_free_disk_space_is_below_the_threshold()
    {
        await using var server = await TestServer.StartAsync(s => s with { MinFreeDiskBytes = long.MaxValue });

        using var ready = await server.Client.GetAsync("/readyz");

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        StringAssert.Contains(await ready.Content.ReadAsStringAsync(), "free disk space");
    }

    [TestMethod]
    public async Task Readyz_measures_a_state_directory_that_does_not_exist_on_its_parent()
    {
        // A PostgreSQL server keeps nothing in its state directory, so nothing creates it.
        await using var server = await TestServer.StartAsync();
        Directory.Delete(server.StateDirectory, recursive: true);

        using var ready = await server.Client.GetAsync("/readyz");

        Assert.AreNotEqual(HttpStatusCode.InternalServerError, ready.StatusCode);
        Assert.IsGreaterThan(0, Pinger.Server.Operations.DiskSpace.Available(Path.Combine(server.StateDirectory, "not", "made")));
    }

    [TestMethod]
    public async Task Metrics_show_requests_by_status_commit_latency_and_queue_depth_but_no_report_counts()
    {
        await using var server = await TestServer.StartAsync();
        await server.PostReportAsync(ReportJson.Minimal());
        await server.PostReportAsync("{");

        var metrics = await server.Client.GetStringAsync("/metrics");

        StringAssert.Contains(metrics, "pinger_server_http_requests_total{endpoint=\"/v1/reports\",code=\"204\"} 1");
        StringAssert.Contains(metrics, "pinger_server_http_requests_total{endpoint=\"/v1/reports\",code=\"400\"} 1");
        Assert.DoesNotContain("report_windows", metrics, "how many reports a window received is published only through its private release");
        Assert.DoesNotContain("countme_hits", metrics);
        Assert.DoesNotContain("batch_size", metrics, "its sum would count the writes");
        StringAssert.Contains(metrics, "pinger_server_commit_duration_seconds_count 1");
        StringAssert.Contains(metrics, "pinger_server_ingest_queue_depth 0");
        StringAssert.Contains(metrics, "pinger_server_field_registry_probes 3");
    }

    [TestMethod]
    public async Task Metrics_count_refused_reports_by_a_fixed_reason_never_one_from_the_request()
    {
        await using var server = await TestServer.StartAsync();
        await server.PostReportAsync("{");
        await server.PostReportAsync("{\"schema\":\"evil_reason\"}");
        await server.PostReportAsync("{\"schema\":\"evil_reason\"}");
        using var text = new StringContent("x", System.Text.Encoding.UTF8, "text/plain");
        using var wrongType = await server.Client.PostAsync("/v1/reports", text);

        var metrics = await server.Client.GetStringAsync("/metrics");

        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        StringAssert.Contains(metrics, "pinger_server_ingest_rejections_total{reason=\"malformed\"} 1");
        StringAssert.Contains(metrics, "pinger_server_ingest_rejections_total{reason=\"invalid\"} 2");
        StringAssert.Contains(metrics, "pinger_server_ingest_rejections_total{reason=\"unsupported_media_type\"} 1");
        StringAssert.Contains(metrics, "pinger_server_ingest_rejections_total{reason=\"too_large\"} 0", "every reason is shown from the start");
        Assert.DoesNotContain("evil_reason", metrics);
        var reasons = System.Text.RegularExpressions.Regex.Matches(metrics, "pinger_server_ingest_rejections_total\\{reason=\"([a-z_]+)\"\\}")
            .Select(m => m.Groups[1].Value).ToHashSet();
        CollectionAssert.AreEquivalent(Pinger.Server.Operations.ReportRejection.All.ToList(), reasons.ToList());
    }
}
