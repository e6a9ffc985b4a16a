using System.Net;
using System.Text;
using Pinger.Server.Campaigns.Tests.Infrastructure;

namespace Pinger.Server.Campaigns.Tests.Operations;

/// <summary>
/// The published server run in place finds the field registry Publish wrote beside it; without a registry it does not
/// start (a server that refuses every report must not look ready), and a reload never leaves it without one.
/// </summary>
[TestClass]
public sealed class RegistryStartupTests
{
    [TestMethod]
    public async Task Run_in_place_it_reads_the_registry_beside_it_and_counts_a_report()
    {
        using var directory = new CampaignDirectory("inplace");
        var log = new ServerLog();

        // No --schema-dir and no configured directory: the standard places only.
        using var server = await PublishedServer.StartAsync(["--state-dir", directory.StateDirectory, "--config-dir", directory.ConfigDirectory], log);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var answer = await client.PostAsync("/v1/reports", new StringContent(ReportBodies.Valid(ReportBodies.NewNonce()), Encoding.UTF8, "application/json"));

        Assert.AreEqual(HttpStatusCode.NoContent, answer.StatusCode, await answer.Content.ReadAsStringAsync() + "\n" + log.Tail());
        StringAssert.Contains(log.Tail(), "usr/lib/pinger-server/schema.d");
    }

    [TestMethod]
    public async Task Check_config_run_in_place_counts_the_probes_of_the_registry_beside_it()
    {
        using var directory = new CampaignDirectory("checkinplace");

        var run = await PublishedCommand.RunAsync(["check-config", "--config-dir", directory.ConfigDirectory]);

        Assert.AreEqual(0, run.ExitCode, run.Error);
        StringAssert.Matches(run.Output, new System.Text.RegularExpressions.Regex(@"field registry: [1-9]\d* probes from .*usr/lib/pinger-server/schema\.d"));
    }

    [TestMethod]
    public async Task Without_a_probe_in_the_registry_it_does_not_start_and_says_why()
    {
        using var directory = new CampaignDirectory("noregistry");
        var empty = Directory.CreateDirectory(Path.Combine(directory.Path, "empty-schema.d")).FullName;

        var run = await PublishedCommand.RunAsync(["--state-dir", directory.StateDirectory, "--config-dir", directory.ConfigDirectory, "--schema-dir", empty, "--urls", "http://127.0.0.1:0"]);

        Assert.AreEqual(4, run.ExitCode, run.Output + run.Error);
        StringAssert.Contains(run.Error, $"pinger-server: cannot start: no field registry: no probe in any *.json of {empty}");
    }

    [TestMethod]
    public async Task Check_config_refuses_a_configured_registry_without_a_probe()
    {
        using var directory = new CampaignDirectory("checknoregistry");
        var empty = Directory.CreateDirectory(Path.Combine(directory.Path, "empty-schema.d")).FullName;
        File.WriteAllText(Path.Combine(directory.ConfigDirectory, "50-schema.toml"), $"[schema]\ndirectories = [\"{empty}\"]\n");

        var run = await PublishedCommand.RunAsync(["check-config", "--config-dir", directory.ConfigDirectory]);

        Assert.AreEqual(4, run.ExitCode, run.Output + run.Error);
        StringAssert.Contains(run.Error, "no field registry: no probe in any *.json of " + empty);
    }

    [TestMethod]
    public async Task A_schema_file_that_cannot_be_read_stops_the_start_naming_it()
    {
        using var directory = new CampaignDirectory("badregistry");
        var broken = Path.Combine(directory.SchemaDirectory, "60-broken.json");
        File.WriteAllText(broken, "{\"schema\": 1, \"probes\": ");

        var run = await PublishedCommand.RunAsync([.. directory.Arguments, "--urls", "http://127.0.0.1:0"]);

        Assert.AreEqual(4, run.ExitCode, run.Output + run.Error);
        StringAssert.Contains(run.Error, "the field registry cannot be read: " + broken);
    }

    [TestMethod]
    public async Task Removing_every_schema_file_keeps_the_previous_registry_and_logs_it()
    {
        using var directory = new CampaignDirectory("registrygone");
        var log = new ServerLog();
        using var server = await PublishedServer.StartAsync(directory.Arguments, log);

        foreach (var file in Directory.GetFiles(directory.SchemaDirectory, "*.json"))
        {
            File.Delete(file);
        }

        // The watcher reacts within milliseconds, the periodic check within 10 s: wait for the log line (the minute
        // is a hang guard).
        await log.LineAsync(l => l.Contains("No probe left in the field registry files", StringComparison.Ordinal)).WaitAsync(TimeSpan.FromMinutes(1));

        StringAssert.Contains(string.Join('\n', log.Lines), "the previous registry (");
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var answer = await client.PostAsync("/v1/reports", new StringContent(ReportBodies.Valid(ReportBodies.NewNonce()), Encoding.UTF8, "application/json"));
        Assert.AreEqual(HttpStatusCode.NoContent, answer.StatusCode, await answer.Content.ReadAsStringAsync());
    }
}
