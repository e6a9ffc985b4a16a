using System.Net;
using System.Text.Json.Nodes;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Ingest;

/// <summary>
/// A probe the server has no schema for (a third-party probe whose schema file is not installed here) must not cost the
/// machine its count: the rest of the report is counted, the unknown probe is left out, never stored, and named.
/// </summary>
[TestClass]
public sealed class UnknownProbeTests
{
    private const string Planted = "node-17-planted";

    [TestMethod]
    public async Task A_report_with_a_probe_the_server_does_not_know_is_counted_without_it_and_the_answer_names_it()
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.PostReportAsync(ReportJson.Minimal(change: r =>
        {
            r["probes"]!["acme-cluster"] = new JsonObject { ["node_class"] = Planted, ["managed"] = true };
            r["probes"]!["acme-other"] = new JsonObject { ["x"] = 4181567 };
        }));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("application/json", response.Content.Headers.ContentType?.MediaType);
        var ignored = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["ignored_probes"]!.AsArray().Select(n => (string)n!).ToArray();
        CollectionAssert.AreEqual(new[] { "acme-cluster", "acme-other" }, ignored);
        var totals = await Totals.AdminAsync(server.Client);
        Assert.AreEqual(1, Totals.Reports(totals, "week"));
        Assert.AreEqual(1, Totals.Cell(totals, "week", "os-versions.version_id", "41"));
        Assert.AreEqual(1, Totals.Cell(totals, "day", "platform.id", "aws"));
        Assert.IsFalse(totals.ToJsonString().Contains("acme-", StringComparison.Ordinal), "an unknown probe's values are never counted");
        await server.StopAsync();
        Assert.IsFalse(StateHolds(server.StateDirectory, Planted), "an unknown probe's values are never stored");
    }

    [TestMethod]
    public async Task A_known_probe_with_a_bad_value_still_makes_the_report_invalid_even_beside_an_unknown_probe()
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.PostReportAsync(ReportJson.Minimal(change: r =>
        {
            r["probes"]!["acme-cluster"] = new JsonObject { ["managed"] = true };
            r["probes"]!["platform"]!["id"] = "no-such-platform";
        }));

        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsArray().Single()!;
        Assert.AreEqual("probes.platform.id", (string)error["field"]!);
        Assert.AreEqual(0, Totals.Reports(await Totals.AdminAsync(server.Client), "week"));
    }

    [TestMethod]
    public async Task A_report_whose_probes_the_server_all_knows_is_still_answered_204_without_a_body()
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.PostReportAsync(ReportJson.Minimal());

        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
        Assert.IsEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    private static bool StateHolds(string directory, string text)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Any(file => File.ReadAllBytes(file).AsSpan().IndexOf(needle) >= 0);
    }
}
