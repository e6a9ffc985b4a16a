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

        await WriteAndAwaitReloadAsync(server, "50-extra.json", TestSchema.Json([TestSchema.Extra]));

        using var after = await server.PostReportAsync(ExtraReport);
        Assert.AreEqual(HttpStatusCode.NoContent, after.StatusCode);
        Assert.AreEqual(1, Totals.Cell(await Totals.AdminAsync(server.Client), "week", "extra.flavour", "mint"));
    }

    [TestMethod]
    public async Task A_bad_schema_file_keeps_the_previous_registry_and_logs_why()
    {
        await using var server = await TestServer.StartAsync();
        await WriteAndAwaitReloadAsync(server, "50-extra.json", TestSchema.Json([TestSchema.Extra]));

        await File.WriteAllTextAsync(Path.Combine(server.SchemaDirectory, "60-broken.json"), "{\"schema\": 1, \"probes\": ");
        var logged = await server.Logs.LineAsync(l => l.Contains("60-broken.json", StringComparison.Ordinal)).WaitAsync(TimeSpan.FromMinutes(1));
        StringAssert.Contains(logged, "the previous one stays in force");
        using var after = await server.PostReportAsync(ExtraReport);
        Assert.AreEqual(HttpStatusCode.NoContent, after.StatusCode);
    }

    // Waits for the server's own word that it loaded the registry after the file was written (the minute is a hang guard).
    private static async Task WriteAndAwaitReloadAsync(TestServer server, string name, string json)
    {
        var from = server.Logs.Lines.Count;
        await File.WriteAllTextAsync(Path.Combine(server.SchemaDirectory, name), json);
        await server.Logs.LineAsync(l => l.Contains("Field registry loaded", StringComparison.Ordinal), from).WaitAsync(TimeSpan.FromMinutes(1));
    }
}
