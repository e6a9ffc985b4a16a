using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pinger.Server.Tests.Infrastructure;
using Pinger.Testing.Prometheus;

namespace Pinger.Server.Tests.Publishing;

/// <summary>
/// /v1/totals/metrics: the public release of the latest ended windows as gauges, the same counts the JSON shows,
/// nothing of an open window and nothing withheld; and the operator's /metrics shows no count at all.
/// </summary>
[TestClass]
public sealed class TotalsMetricsTests
{
    // Nearly exact (see PublishingTests): the noise is 0 and every threshold is 2.
    private const decimal NearlyExact = 10_000m;

    [TestMethod]
    public async Task The_latest_ended_windows_are_gauges_with_the_counts_of_the_public_json()
    {
        await using var server = await TestServer.StartAsync(s => s with { Epsilon = NearlyExact, MinCount = 1 });
        await PublishingTests.PostAsync(server, 5, platform: "aws");
        await PublishingTests.PostAsync(server, 4, platform: "gcp");
        await PublishingTests.PostAsync(server, 1, platform: "metal");
        server.Clock.Now = FixedClock.Friday.AddDays(4);

        var text = await server.Client.GetStringAsync("/v1/totals/metrics");
        var json = (await server.Client.GetFromJsonAsync<JsonObject>("/v1/totals?window=week"))!;

        Promtool.AssertValid(text, "/v1/totals/metrics");
        StringAssert.Contains(text, "pinger_machines{window=\"week\",field=\"platform.id\",value=\"aws\"} 5\n");
        StringAssert.Contains(text, "pinger_machines{window=\"month\",field=\"platform.id\",value=\"aws\"} 5\n");
        Assert.DoesNotContain("value=\"metal\"", text, "a count the release withholds is absent, not zero");
        Assert.DoesNotContain("window=\"day\"", text, "nothing was reported on Monday, the latest ended day");
        StringAssert.Contains(text, "pinger_window_start_timestamp_seconds{window=\"week\"} " + Unix(new DateOnly(2026, 11, 23)) + "\n");
        StringAssert.Contains(text, "pinger_window_start_timestamp_seconds{window=\"month\"} " + Unix(new DateOnly(2026, 11, 1)) + "\n");
        foreach (var cell in json["totals"]!.AsArray())
        {
            StringAssert.Contains(text, $"pinger_machines{{window=\"week\",field=\"{(string)cell!["field"]!}\",value=\"{(string)cell["value"]!}\"}} {(long)cell["count"]!}\n");
        }

        Assert.AreEqual(json["totals"]!.AsArray().Count, text.Split('\n').Count(l => l.StartsWith("pinger_machines{window=\"week\"", StringComparison.Ordinal)), "no cell the JSON lacks");
        StringAssert.Contains(text, $"pinger_reports{{window=\"week\"}} {(long)json["reports"]![0]!["count"]!}\n");
        StringAssert.Contains(text, "pinger_systems{window=\"week\",os_name=\"fedora\",os_version=\"41\",os_variant=\"coreos\",os_arch=\"x86_64\",sys_age=");
    }

    [TestMethod]
    public async Task An_open_window_shows_no_sample_and_the_answer_carries_an_etag()
    {
        await using var server = await TestServer.StartAsync(s => s with { Epsilon = NearlyExact, MinCount = 1 });
        await PublishingTests.PostAsync(server, 5, platform: "aws");

        using var response = await server.Client.GetAsync("/v1/totals/metrics");
        var text = await response.Content.ReadAsStringAsync();
        using var again = new HttpRequestMessage(HttpMethod.Get, "/v1/totals/metrics");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await server.Client.SendAsync(again);

        Promtool.AssertValid(text, "/v1/totals/metrics before any window ended");
        Assert.IsFalse(text.Split('\n').Any(l => l.Length > 0 && !l.StartsWith('#')), "the reports of open windows are not published:\n" + text);
        Assert.AreEqual("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.AreEqual(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [TestMethod]
    public async Task A_scraper_asking_for_openmetrics_gets_units_and_the_end_marker()
    {
        await using var server = await TestServer.StartAsync(s => s with { Epsilon = NearlyExact, MinCount = 1 });
        await PublishingTests.PostAsync(server, 3, platform: "aws");
        server.Clock.Now = FixedClock.Friday.AddDays(4);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/totals/metrics");
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/openmetrics-text;version=1.0.0"));

        using var response = await server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Promtool.AssertValid(text, "/v1/totals/metrics as OpenMetrics");
        Assert.AreEqual("application/openmetrics-text", response.Content.Headers.ContentType!.MediaType);
        StringAssert.Contains(text, "# UNIT pinger_window_start_timestamp_seconds seconds\n");
        Assert.EndsWith("# EOF\n", text);
    }

    [TestMethod]
    public async Task The_operators_metrics_show_no_count_of_machines()
    {
        await using var server = await TestServer.StartAsync(s => s with { Epsilon = NearlyExact, MinCount = 1 });
        await PublishingTests.PostAsync(server, 5, platform: "aws");
        server.Clock.Now = FixedClock.Friday.AddDays(4);
        await server.Client.GetStringAsync("/v1/totals/metrics");

        var operatorMetrics = await server.Client.GetStringAsync("/metrics");

        Assert.DoesNotContain("pinger_machines", operatorMetrics);
        Assert.DoesNotContain("aws", operatorMetrics);
        Assert.DoesNotContain("platform.id", operatorMetrics);
    }

    private static string Unix(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
