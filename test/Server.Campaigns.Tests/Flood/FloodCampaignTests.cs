using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Pinger.Server.Campaigns.Tests.Infrastructure;

namespace Pinger.Server.Campaigns.Tests.Flood;

/// <summary>
/// The disk-filling flood against the published server with the distribution's registry: reports whose integers are
/// random 62-bit numbers, values with a trailing newline, and reports carrying 64 random 64-character package names.
/// Every report outside its declarations must be refused with 422 naming the field, and the database must stay
/// below the bound that the registry's declared value space implies, however many reports arrive. Then a client that
/// rotates X-Forwarded-For from an address that is not a trusted proxy must get no more than any other client.
/// </summary>
[TestClass]
public sealed class FloodCampaignTests
{
    private const string Campaign = "flood";
    private const int PackagesPerReport = 64;
    private const string PackageAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Values_outside_their_declarations_are_refused_by_name_and_storage_stays_within_the_declared_value_space()
    {
        using var directory = new CampaignDirectory("flood");
        directory.ConfigureForCounting();
        var registry = DeclaredRegistry.Load(directory.SchemaDirectory);
        var integers = registry.Fields.Where(f => f.Type == "integer").ToArray();
        var patterns = registry.Fields.Where(f => f.HasPattern).ToArray();
        Assert.IsGreaterThanOrEqualTo(20, integers.Length, "the distribution declares its integer fields");
        var packages = registry.Fields.Single(f => f.Qualified == "layered-packages.packages");
        var log = new ServerLog();
        var reports = CampaignSize.Pick(ci: 300, full: 3000);
        using var server = await PublishedServer.StartAsync(directory.Arguments, log);
        using var client = ReportLoad.Client(server.BaseAddress);

        // The attacker's full reports: every integer a random 62-bit number, 64 random package names.
        var unnamed = new List<string>();
        for (var i = 0; i < reports; i++)
        {
            var body = registry.ValidFullReport(ReportBodies.NewNonce());
            foreach (var field in integers)
            {
                Set(body, field, RandomNumberGenerator.GetInt32(int.MaxValue) * (1L << 31) + RandomNumberGenerator.GetInt32(int.MaxValue));
            }

            Set(body, packages, RandomPackages());
            var (status, named) = await PostAsync(client, body);
            // Random package names are refused too: packages is an allow-list of the distribution's own packages.
            if (status != 422 || !named.Any(integers.Select(f => f.ProblemPath).Contains)
                || !named.All(n => n == packages.ProblemPath || integers.Any(f => f.ProblemPath == n)))
            {
                unnamed.Add($"{status} naming [{string.Join(", ", named)}]");
            }
        }

        Assert.IsEmpty(unnamed, "flood reports not refused by their integer fields: " + string.Join("; ", unnamed.Take(5)));

        // One field at a time, so that each refusal can be seen to name exactly the field that is out of bounds.
        var misnamed = new List<string>();
        foreach (var field in integers)
        {
            var body = registry.ValidFullReport(ReportBodies.NewNonce());
            Set(body, field, (1L << 61) + RandomNumberGenerator.GetInt32(int.MaxValue));
            var (status, named) = await PostAsync(client, body);
            if (status != 422 || !named.SequenceEqual([field.ProblemPath]))
            {
                misnamed.Add($"{field.Qualified}: {status} naming [{string.Join(", ", named)}]");
            }
        }

        // Near-duplicates: the same value with a trailing newline; the value itself is accepted (the control).
        foreach (var field in patterns)
        {
            foreach (var (value, expected) in new[] { ("a1\n", 422), ("a1", 204) })
            {
                var body = registry.ValidFullReport(ReportBodies.NewNonce());
                Set(body, field, field.Type == "text_list" ? new JsonArray(JsonValue.Create(value)) : JsonValue.Create(value));
                var (status, named) = await PostAsync(client, body);
                if (status != expected || (expected == 422 && !named.SequenceEqual([field.ProblemPath])))
                {
                    misnamed.Add($"{field.Qualified}={value.ReplaceLineEndings("\\n")}: {status} naming [{string.Join(", ", named)}]");
                }
            }
        }

        Assert.IsEmpty(misnamed, "refusals that did not name exactly the field out of bounds: " + string.Join("; ", misnamed));

        // Free text: 64 fresh random package names per report. Only names on the probe's list may be sent, so each such
        // report is refused naming packages alone, and nothing of it is stored.
        var packageFloodRefused = 0;
        for (var i = 0; i < reports; i++)
        {
            var body = registry.ValidFullReport(ReportBodies.NewNonce());
            Set(body, packages, RandomPackages());
            var (status, named) = await PostAsync(client, body);
            packageFloodRefused += status == 422 && named.SequenceEqual([packages.ProblemPath]) ? 1 : 0;
        }

        Assert.AreEqual(reports, packageFloodRefused, "reports naming packages off the list are refused, naming packages");
        var overCap = await MetricAsync(client, "pinger_server_values_over_cap_total");
        Assert.AreEqual(0, server.Terminate());

        // Storage: every (window, field) within its declared cap, and the file within the bound the registry implies.
        var (rows, widest) = FieldRows(directory.DatabaseFile, registry);
        var databaseBytes = Directory.GetFiles(directory.StateDirectory, "pinger-server.sqlite*").Sum(f => new FileInfo(f).Length);
        const int OpenWindows = 3;
        var nonceBytes = 2L * OpenWindows * (reports * 3 + integers.Length + (patterns.Length * 2)) * 64;
        var bound = registry.FieldCounterBytes(OpenWindows) + nonceBytes + (1L << 20);
        Assert.IsEmpty(widest, "(window, field) pairs above their declared cap: " + string.Join("; ", widest));
        Assert.IsLessThanOrEqualTo(OpenWindows * registry.RowsPerWindow, rows, "field_counts rows");
        Assert.IsLessThanOrEqualTo(bound, databaseBytes, "database bytes against the bound the registry declares");
        // Every value stored was declared, so no field came near its cap.
        Assert.AreEqual(0d, overCap, "values over a cap");

        Figures.Record(TestContext, Campaign, "flood reports refused with 422 naming their integer fields", $"{reports}/{reports}");
        Figures.Record(TestContext, Campaign, "integer and pattern fields refused one at a time, by name", $"{integers.Length + patterns.Length}/{integers.Length + patterns.Length}");
        Figures.Record(TestContext, Campaign, "package flood reports refused", packageFloodRefused);
        Figures.Record(TestContext, Campaign, "values over a cap (metric)", overCap);
        Figures.Record(TestContext, Campaign, "field_counts rows", rows);
        Figures.Record(TestContext, Campaign, "declared rows per window", registry.RowsPerWindow);
        Figures.Record(TestContext, Campaign, "database bytes", databaseBytes);
        Figures.Record(TestContext, Campaign, "bound in bytes", bound);
    }

    [TestMethod]
    public async Task Rotating_X_Forwarded_For_from_an_address_that_is_not_a_trusted_proxy_gains_nothing()
    {
        const int Limit = 20;
        const int Requests = 3 * Limit;
        const string Proxy = "127.0.0.250";
        using var directory = new CampaignDirectory("rotation");
        File.WriteAllText(Path.Combine(directory.ConfigDirectory, "50-campaign.toml"),
            $"[ingest]\nrate_limit_per_minute = {Limit}\nrate_limit_by_forwarded_for = true\ntrusted_proxies = [\"{Proxy}\"]\n");
        var log = new ServerLog();
        using var server = await PublishedServer.StartAsync(directory.Arguments, log);

        var steady = await SendAsync(server.BaseAddress, "127.0.0.31", rotate: false);
        var rotating = await SendAsync(server.BaseAddress, "127.0.0.32", rotate: true);
        var behindProxy = await SendAsync(server.BaseAddress, Proxy, rotate: true);
        Assert.AreEqual(0, server.Terminate());

        // A fixed one-minute window may turn over once during a burst, so one client gets at most two windows' worth.
        Assert.IsLessThanOrEqualTo(2 * Limit, steady, "a client that does not rotate is limited");
        Assert.IsLessThanOrEqualTo(2 * Limit, rotating, "a client rotating X-Forwarded-For from an untrusted address is limited like any other");
        Assert.AreEqual(Requests, behindProxy, "behind the trusted proxy, each forwarded client has its own limit");

        Figures.Record(TestContext, Campaign, "rate limit per minute", Limit);
        Figures.Record(TestContext, Campaign, "accepted of 60, one address", steady);
        Figures.Record(TestContext, Campaign, "accepted of 60, untrusted address rotating X-Forwarded-For", rotating);
        Figures.Record(TestContext, Campaign, "accepted of 60, trusted proxy forwarding 60 clients", behindProxy);

        async Task<int> SendAsync(Uri baseAddress, string from, bool rotate)
        {
            using var client = ReportLoad.Client(baseAddress, async (context, cancel) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancel);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            });
            var passed = 0;
            for (var i = 0; i < Requests; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/reports")
                {
                    Content = new StringContent(ReportBodies.Valid(ReportBodies.NewNonce()), System.Text.Encoding.UTF8, "application/json"),
                };
                if (rotate)
                {
                    request.Headers.TryAddWithoutValidation("X-Forwarded-For", $"198.51.100.{i + 1}");
                }

                using var response = await client.SendAsync(request);
                passed += response.StatusCode == HttpStatusCode.TooManyRequests ? 0 : 1;
            }

            return passed;
        }
    }

    private static void Set(JsonObject report, DeclaredField field, JsonNode value)
    {
        var probes = (JsonObject)report["probes"]!;
        var probe = probes[field.Probe] as JsonObject ?? new JsonObject();
        probe[field.Name] = value;
        probes[field.Probe] = probe;
    }

    private static void Set(JsonObject report, DeclaredField field, long value) => Set(report, field, JsonValue.Create(value));

    private static JsonArray RandomPackages() =>
        new(Enumerable.Range(0, PackagesPerReport).Select(_ => (JsonNode)JsonValue.Create(RandomNumberGenerator.GetString(PackageAlphabet, 64))).ToArray());

    private static async Task<(int Status, List<string> Named)> PostAsync(HttpClient client, JsonObject body)
    {
        using var response = await ReportLoad.PostAsync(client, body.ToJsonString(), CancellationToken.None);
        var named = new List<string>();
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity
            && JsonNode.Parse(await response.Content.ReadAsStringAsync())?["errors"] is JsonArray errors)
        {
            named.AddRange(errors.Select(e => (string)e!["field"]!));
        }

        return ((int)response.StatusCode, named);
    }

    private static async Task<double> MetricAsync(HttpClient client, string name)
    {
        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var line = text.Split('\n').Single(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return double.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
    }

    // Rows of field_counts, and the (window, field) pairs holding more distinct values than their field declares.
    private static (long Rows, List<string> OverCap) FieldRows(string databaseFile, DeclaredRegistry registry)
    {
        var caps = registry.Fields.ToDictionary(f => f.Qualified, f => f.MaxDistinctPerWindow);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, start, field, count(*) FROM field_counts GROUP BY kind, start, field";
        using var reader = command.ExecuteReader();
        var (rows, over) = (0L, new List<string>());
        while (reader.Read())
        {
            var (field, count) = (reader.GetString(2), reader.GetInt64(3));
            rows += count;
            if (count > caps.GetValueOrDefault(field))
            {
                over.Add($"{reader.GetString(0)} {reader.GetString(1)} {field}: {count}");
            }
        }

        return (rows, over);
    }
}
