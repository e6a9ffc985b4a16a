using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Registry;

[TestClass]
public sealed class RegistryReloadTests
{
    // A fresh nonce each time: a report counted while the server did not know "extra" is not counted again with it.
    private static string ExtraReport => ReportJson.Minimal(change: r => r["probes"]!["extra"] = new JsonObject { ["flavour"] = "mint" });

    [TestMethod]
    public async Task A_schema_file_dropped_in_is_used_without_a_restart()
    {
        await using var server = await TestServer.StartAsync();
        using (var before = await server.PostReportAsync(ExtraReport))
        {
            // Counted without the probe the registry does not know yet, which the answer names.
            Assert.AreEqual(HttpStatusCode.OK, before.StatusCode);
            StringAssert.Contains(await before.Content.ReadAsStringAsync(), "\"ignored_probes\":[\"extra\"]");
        }

        await File.WriteAllTextAsync(Path.Combine(server.SchemaDirectory, "50-extra.json"), TestSchema.Json([TestSchema.Extra]));

        Assert.AreEqual(HttpStatusCode.NoContent, await StatusOnceSettledAsync(server, () => ExtraReport, HttpStatusCode.NoContent));
        Assert.AreEqual(1, Totals.Cell(await Totals.AdminAsync(server.Client), "week", "extra.flavour", "mint"));
    }

    [TestMethod]
    public async Task A_bad_schema_file_keeps_the_previous_registry_and_logs_why()
    {
        await using var server = await TestServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(server.SchemaDirectory, "50-extra.json"), TestSchema.Json([TestSchema.Extra]));
        await StatusOnceSettledAsync(server, () => ExtraReport, HttpStatusCode.NoContent);

        await File.WriteAllTextAsync(Path.Combine(server.SchemaDirectory, "60-broken.json"), "{\"schema\": 1, \"probes\": ");
        var deadline = Stopwatch.StartNew();
        while (!server.Logs.Lines.Any(l => l.Contains("60-broken.json", StringComparison.Ordinal)) && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        var logged = server.Logs.Lines.First(l => l.Contains("60-broken.json", StringComparison.Ordinal));
        StringAssert.Contains(logged, "the previous one stays in force");
        using var after = await server.PostReportAsync(ExtraReport);
        Assert.AreEqual(HttpStatusCode.NoContent, after.StatusCode);
    }

    // Polls until the reload is visible: the watcher reacts within milliseconds, the periodic check within 200 ms.
    private static async Task<HttpStatusCode> StatusOnceSettledAsync(TestServer server, Func<string> report, HttpStatusCode wanted)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            using var response = await server.PostReportAsync(report());
            if (response.StatusCode == wanted || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                return response.StatusCode;
            }

            await Task.Delay(50);
        }
    }
}
