using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Pinger.Server.Campaigns.Tests.Infrastructure;

namespace Pinger.Server.Campaigns.Tests.Operations;

/// <summary>
/// Bad filters on the published server get 400 naming the parameter (never a 500 with a stack trace in the log, never
/// a 200 with nothing), and the listening address can come from the configuration.
/// </summary>
[TestClass]
public sealed class QueryValidationTests
{
    [TestMethod]
    [DataRow("/?to=0001-01-01", "to")]
    [DataRow("/?from=9999-12-31", "from")]
    [DataRow("/v1/totals?to=0001-01-01", "to")]
    [DataRow("/v1/totals?field=bogus", "field")]
    [DataRow("/v1/totals?field=os-versions.version_id.extra", "field")]
    [DataRow("/v1/totals?from=2026-12-01&to=2026-01-01", "from")]
    [DataRow("/v1/totals.csv?from=2026-12-01&to=2026-01-01", "from")]
    public async Task A_bad_filter_gets_400_naming_the_parameter_and_logs_nothing(string path, string parameter)
    {
        using var directory = new CampaignDirectory("filters");
        var log = new ServerLog();
        using var server = await PublishedServer.StartAsync(directory.Arguments, log);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using var answer = await client.GetAsync(path);
        var body = await answer.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.BadRequest, answer.StatusCode, body);
        if (path.StartsWith("/v1/", StringComparison.Ordinal))
        {
            var problem = JsonNode.Parse(body)!;
            Assert.AreEqual(parameter, (string)problem["errors"]![0]!["field"]!, body);
        }
        else
        {
            StringAssert.Contains(body, parameter);
        }

        // Before, each such request logged an unhandled exception with its stack trace.
        server.Terminate();
        Assert.IsFalse(log.Lines.Any(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal)), log.Tail());
    }

    [TestMethod]
    public async Task A_well_formed_field_and_range_are_answered()
    {
        using var directory = new CampaignDirectory("goodfilters");
        using var server = await PublishedServer.StartAsync(directory.Arguments, new ServerLog());
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using var answer = await client.GetAsync("/v1/totals?field=os-versions.version_id&from=2026-01-01&to=2026-01-01");

        Assert.AreEqual(HttpStatusCode.OK, answer.StatusCode, await answer.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task The_listening_address_can_be_configured()
    {
        using var directory = new CampaignDirectory("listen");
        var port = FreePort();
        File.WriteAllText(Path.Combine(directory.ConfigDirectory, "50-listen.toml"), $"[server]\nlisten = [\"http://127.0.0.1:{port}\"]\n");

        using var server = await PublishedServer.StartAsync(directory.Arguments, new ServerLog(), freePort: false);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        Assert.AreEqual(port, server.BaseAddress.Port);
        Assert.AreEqual("ok\n", await client.GetStringAsync("/healthz"));
    }

    [TestMethod]
    public async Task A_listening_address_that_is_not_an_http_url_is_a_configuration_error()
    {
        using var directory = new CampaignDirectory("badlisten");
        File.WriteAllText(Path.Combine(directory.ConfigDirectory, "50-listen.toml"), "[server]\nlisten = [\"127.0.0.1:8080\"]\n");

        var run = await PublishedCommand.RunAsync(["check-config", "--config-dir", directory.ConfigDirectory]);

        Assert.AreEqual(3, run.ExitCode, run.Output + run.Error);
        StringAssert.Contains(run.Error, "'server.listen': must be a non-empty array of http:// URLs without a path");
    }

    // A port nothing listens on now: the server binds it a moment later (a race with other processes is possible but
    // harmless: the test then fails to start, it cannot pass wrongly).
    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
